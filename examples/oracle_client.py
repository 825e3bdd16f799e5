#!/usr/bin/env python3
"""Example client of `mpgref serve`, using only the Python 3 standard library.

It starts one server process, loads a game from a conformance vector, asks for the exact evaluation of many random
rational policies, and re-checks every answer exactly with fractions.Fraction:

  * the Bellman identity V_i(s) = r_{i,pi}(s) + gamma * sum_s' P_pi(s'|s) V_i(s') for every agent and state,
  * the visitation sums to exactly 1 and d(s) >= (1 - gamma) rho(s),
  * the answer for the vector's own policy equals the vector's expected result.

It prints the round-trip times and exits 0 when every check holds, 1 otherwise, 2 on a usage error.

    python3 examples/oracle_client.py [--jar target/mpgref.jar] [--vector specs/vectors/<file>.json]
                                      [--queries 1000] [--seed 1]
"""
import argparse
import json
import random
import statistics
import subprocess
import sys
import time
from decimal import Decimal
from fractions import Fraction
from pathlib import Path


def num(x):
    """An exact number from the mpgref grammar: JSON int, JSON decimal (read as Decimal), or a string."""
    if isinstance(x, bool):
        raise ValueError("a boolean is not a number")
    if isinstance(x, (int, Decimal)):
        return Fraction(x)
    return Fraction(str(x))


class Server:
    """One `mpgref serve` process, one JSON line per request and per response."""

    def __init__(self, jar):
        self.proc = subprocess.Popen(["java", "-jar", str(jar), "serve"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True, bufsize=1)
        self.next_id = 0

    def ask(self, request):
        self.next_id += 1
        request = dict(request, id=self.next_id)
        self.proc.stdin.write(json.dumps(request) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError("the server closed its output")
        response = json.loads(line, parse_float=Decimal)
        if response.get("id") != self.next_id:
            raise RuntimeError("response id %r does not match request id %r" % (response.get("id"), self.next_id))
        return response

    def close(self):
        try:
            self.ask({"op": "shutdown"})
        finally:
            self.proc.stdin.close()
            self.proc.wait(timeout=30)


class Game:
    """The exact tables of an explicit `mpgref-game/1` document (joint actions: agent 0 varies fastest)."""

    def __init__(self, doc):
        if doc.get("jointActionOrder") != "agent0-fastest":
            raise ValueError("only explicit tables with jointActionOrder agent0-fastest are supported here")
        self.actions = [len(a["actions"]) for a in doc["agents"]]
        self.n = len(self.actions)
        self.states = len(doc["states"])
        self.gamma = num(doc["gamma"])
        self.rho = [num(x) for x in doc["rho"]]
        self.joint = 1
        for m in self.actions:
            self.joint *= m
        self.reward = []  # [s][j][i]
        for per_state in doc["rewards"]:
            if per_state and isinstance(per_state[0], list):
                self.reward.append([[num(x) for x in row] for row in per_state])
            else:
                flat = [num(x) for x in per_state]
                self.reward.append([flat[j * self.n:(j + 1) * self.n] for j in range(self.joint)])
        labels = doc["states"]
        self.trans = []  # [s][j][s']
        for per_state in doc["transitions"]:
            if isinstance(per_state, dict) and "next" in per_state:
                rows = []
                for t in per_state["next"]:
                    t = t if isinstance(t, int) else labels.index(t)
                    rows.append([Fraction(1) if k == t else Fraction(0) for k in range(self.states)])
                self.trans.append(rows)
            elif isinstance(per_state, dict):
                row = [num(x) for x in per_state["actionIndependent"]]
                self.trans.append([row] * self.joint)
            else:
                self.trans.append([[num(x) for x in row] for row in per_state])

    def decode(self, j):
        a = []
        for m in self.actions:
            a.append(j % m)
            j //= m
        return a

    def induced(self, pi):
        """r_pi[s][i] and P_pi[s][s'] under the product policy pi[i][s][a]."""
        r = [[Fraction(0)] * self.n for _ in range(self.states)]
        p = [[Fraction(0)] * self.states for _ in range(self.states)]
        for s in range(self.states):
            for j in range(self.joint):
                a = self.decode(j)
                w = Fraction(1)
                for i in range(self.n):
                    w *= pi[i][s][a[i]]
                if w == 0:
                    continue
                for i in range(self.n):
                    r[s][i] += w * self.reward[s][j][i]
                for t in range(self.states):
                    p[s][t] += w * self.trans[s][j][t]
        return r, p


def random_policy(game, rng):
    pi = []
    for m in game.actions:
        rows = []
        for _ in range(game.states):
            den = rng.randint(1, 10)
            w = [rng.randint(0, den) for _ in range(m)]
            if sum(w) == 0:
                w[rng.randrange(m)] = 1
            total = sum(w)
            rows.append([Fraction(x, total) for x in w])
        pi.append(rows)
    return pi


def policy_doc(pi):
    return {"format": "mpgref-policy/1",
            "policy": [[[str(x) for x in row] for row in agent] for agent in pi]}


def check_answer(game, pi, result):
    """Exact re-checks of one evaluation result; returns a list of problems."""
    problems = []
    values = [[num(x) for x in row] for row in result["values"]]
    d = [num(x) for x in result["visitation"]]
    r, p = game.induced(pi)
    for i in range(game.n):
        for s in range(game.states):
            rhs = r[s][i] + game.gamma * sum(p[s][t] * values[i][t] for t in range(game.states))
            if rhs != values[i][s]:
                problems.append("Bellman identity fails for agent %d state %d" % (i, s))
    if sum(d) != 1:
        problems.append("visitation sums to %s" % sum(d))
    for s in range(game.states):
        if d[s] < (1 - game.gamma) * game.rho[s]:
            problems.append("d(%d) < (1-gamma) rho(%d)" % (s, s))
    return problems


def main():
    here = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jar", default=str(here / "target" / "mpgref.jar"))
    ap.add_argument("--vector", default=None, help="a conformance vector file (default: a 2-state, 3-agent one)")
    ap.add_argument("--queries", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    if args.vector is None:
        candidates = sorted((here / "specs" / "vectors").glob("*-s2-n3-*.json"))
        if not candidates:
            print("oracle_client: no 2-state 3-agent vector in specs/vectors", file=sys.stderr)
            return 2
        args.vector = str(candidates[0])
    vector = json.loads(Path(args.vector).read_text(encoding="utf-8"), parse_float=Decimal)
    game = Game(vector["game"])
    rng = random.Random(args.seed)
    server = Server(args.jar)
    problems = []
    times = []
    try:
        loaded = server.ask({"op": "load", "game": json.loads(json.dumps(vector["game"], default=str))})
        if not loaded.get("ok"):
            print("oracle_client: load failed: %s" % loaded.get("error"), file=sys.stderr)
            return 1
        gid = loaded["game"]
        # the vector's own policy must give the vector's expected result
        own = server.ask({"op": "eval", "game": gid, "policy": json.loads(json.dumps(vector["policy"], default=str))})
        if not own.get("ok") or own["result"] != json.loads(json.dumps(vector["evaluation"], default=str),
                                                               parse_float=Decimal):
            problems.append("the vector's own policy does not reproduce the expected evaluation")
        # a bad request gets an error naming the field, and the server keeps serving
        bad = server.ask({"op": "eval", "game": gid, "policy": {"format": "mpgref-policy/1", "policy": []}})
        if bad.get("ok") or "policy" not in bad.get("error", ""):
            problems.append("a malformed policy was not refused with an error naming the field")
        for _ in range(args.queries):
            pi = random_policy(game, rng)
            t0 = time.perf_counter()
            answer = server.ask({"op": "eval", "game": gid, "policy": policy_doc(pi)})
            times.append(time.perf_counter() - t0)
            if not answer.get("ok"):
                problems.append("eval refused: %s" % answer.get("error"))
                continue
            problems.extend(check_answer(game, pi, answer["result"]))
    finally:
        server.close()
    times_ms = sorted(1000 * t for t in times)
    if times_ms:
        print("oracle_client: %d exact evaluations of %s (%d states, %d agents) checked exactly in Python"
              % (len(times_ms), Path(args.vector).name, game.states, game.n))
        print("oracle_client: round trip per eval: mean %.3f ms, median %.3f ms, p95 %.3f ms, max %.3f ms"
              % (statistics.mean(times_ms), statistics.median(times_ms),
                 times_ms[int(0.95 * (len(times_ms) - 1))], times_ms[-1]))
    for p in problems[:20]:
        print("oracle_client: PROBLEM: " + p)
    if problems:
        print("oracle_client: FAILED: %d problem(s)" % len(problems))
    else:
        print("oracle_client: every check holds (%d evaluations re-checked exactly)" % len(times_ms))
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
