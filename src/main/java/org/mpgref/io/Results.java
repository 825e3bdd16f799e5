package org.mpgref.io;

import static org.mpgref.io.Result.field;
import static org.mpgref.io.Result.printed;
import static org.mpgref.io.ResultValue.count;
import static org.mpgref.io.ResultValue.exact;
import static org.mpgref.io.ResultValue.flag;
import static org.mpgref.io.ResultValue.word;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.mpgref.evaluation.BestResponse;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.evaluation.NashGap;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.PolicyRounding;
import org.mpgref.potential.PotentialCheck;
import org.mpgref.theory.Constant;
import org.mpgref.theory.TheoryBounds;

/**
 * The {@link Result} of each result-printing command ({@code eval}, {@code best-response}, {@code nash-gap},
 * {@code check-potential}, {@code bounds} and the summary of {@code learn}), built once for both renderings (tagged
 * lines and JSON) and for the CLI and the server alike. Each method documents its lines and its JSON members; "JSON only" and "printed
 * only" mark the parts in which the two renderings differ.
 */
public final class Results {
  private Results() {}

  /**
   * The evaluation of a policy ({@code eval}, the server's {@code eval}): {@code V agent state value} / JSON
   * {@code values} V_i^π(s) [i][s]; {@code VRHO} / {@code valueAtRho} V_i^π(ρ) [i]; {@code QBAR} / {@code qBar}
   * Q̄_i^π(s,a) [i][s][a]; {@code ADV} / {@code advantage} Ā_i^π(s,a) [i][s][a]; {@code D} / {@code visitation}
   * d_ρ^π(s) [s]; and, if the game declares a stage potential, {@code PHI} / {@code potential.values} Φ^π(s) [s] and
   * {@code PHIRHO} / {@code potential.atRho} Φ^π(ρ) = Σ_s ρ(s) Φ^π(s).
   *
   * @param ev the evaluation
   * @return the result (kind {@code evaluation})
   */
  public static Result evaluation(Evaluation ev) {
    MarkovGame g = ev.game();
    int[] all = Tables.allAgents(g);
    Result.Builder b = new Result.Builder(Result.Header.of("evaluation", g))
        .table("V", "values", Tables.agentsStates(g, all, (i, s) -> exact(ev.value(i, s))))
        .table("VRHO", "valueAtRho", Tables.agents(g, all, i -> exact(ev.valueAtInitial(i))))
        .table("QBAR", "qBar", Tables.agentsStatesActions(g, (i, s, a) -> exact(ev.qBar(i, s, a))))
        .table("ADV", "advantage", Tables.agentsStatesActions(g, (i, s, a) -> exact(ev.advantage(i, s, a))))
        .table("D", "visitation", Tables.states(g, s -> exact(ev.visitation(s))));
    Optional<BigFraction[]> phi = ev.potential();
    if (phi.isPresent()) {
      BigFraction[] p = phi.get();
      BigFraction total = BigFraction.ZERO;
      for (int s = 0; s < g.stateCount(); s++) {
        total = total.add(g.initial(s).multiply(p[s]));
      }
      b.table("PHI", "potential/values", Tables.states(g, s -> exact(p[s])))
          .line("PHIRHO", "potential/atRho", exact(total));
    }
    return b.build();
  }

  /**
   * Best responses of some agents ({@code best-response}): {@code BR agent state action} (label) / JSON
   * {@code bestResponses[k].actionLabels} σ_i(s) [s], and {@code VSTAR agent state value} /
   * {@code bestResponses[k].values} V_i^*(s) [s]; JSON only, per agent, {@code agent} (index i), {@code actions}
   * (indices), {@code gaps} gap_i(s) = V_i^*(s) − V_i^π(s) [s], {@code gapAtRho} Σ_s ρ(s) gap_i(s) and
   * {@code verified} (the exact Bellman-optimality certificate); {@code CERTIFIED} / {@code certificateVerified},
   * true iff all are.
   *
   * @param ev the evaluation of π
   * @param brs the best responses to report (from {@link BestResponse#of}), in order
   * @return the result (kind {@code best-response})
   */
  public static Result bestResponse(Evaluation ev, List<BestResponse> brs) {
    Result.Builder b = new Result.Builder(Result.Header.of("best-response", ev.game()));
    boolean ok = bestResponses(b, ev, brs, "VSTAR", null, null);
    return b.line("CERTIFIED", "certificateVerified", flag(ok)).build();
  }

  /**
   * Nash gaps ({@code nash-gap}, the server's {@code nash-gap} and {@code best-response}): the best responses of
   * every agent as in {@link #bestResponse}, but printed {@code BR}, {@code GAP agent state value} (gap_i(s)) and
   * {@code GAPRHO agent value} (gap_i(ρ)), with V_i^* in JSON only; then {@code NASHGAP} / {@code nashGap}
   * max_i gap_i(ρ), {@code NASHCONV} / {@code nashConv} Σ_i gap_i(ρ), {@code MAXSTATEGAP} / {@code maxStateGap}
   * max_{i,s} gap_i(s) and {@code CERTIFIED} / {@code certificateVerified} ({@link NashGap#verify()}: every
   * best response's certificate, each checked once).
   *
   * @param g the gaps
   * @return the result (kind {@code nash-gap})
   */
  public static Result nashGap(NashGap g) {
    return nashGap(g, null).build();
  }

  /**
   * Nash gaps of a rounded floating policy ({@code nash-gap --certify}): first {@code ROUNDED K} /
   * {@code rounding.decimalDigits} and {@code L1 value} / {@code rounding.l1Distance} (the exact Σ|x − q| between
   * the floating policy as the doubles read and the rounded one), then {@link #nashGap}; JSON only
   * {@code rounding.policy}, the rounded policy [i][s][a]. The JSON member {@code rounding} comes last.
   *
   * @param g the gaps of the rounded policy
   * @param rounded the rounding
   * @return the result (kind {@code nash-gap})
   */
  public static Result certifiedNashGap(NashGap g, PolicyRounding.Rounded rounded) {
    MarkovGame game = g.evaluation().game();
    return nashGap(g, rounded)
        .table(null, "rounding/policy", Tables.policy(game, rounded.policy()))
        .jsonOrder("bestResponses", "nashGap", "nashConv", "maxStateGap", "certificateVerified", "rounding")
        .build();
  }

  private static Result.Builder nashGap(NashGap g, PolicyRounding.@Nullable Rounded rounded) {
    MarkovGame game = g.evaluation().game();
    Result.Builder b = new Result.Builder(Result.Header.of("nash-gap", game));
    if (rounded != null) {
      b.line("ROUNDED", "rounding/decimalDigits", count(rounded.decimalDigits()))
          .line("L1", "rounding/l1Distance", exact(rounded.l1Distance()));
    }
    List<BestResponse> all = new ArrayList<>();
    for (int i = 0; i < game.agentCount(); i++) {
      all.add(g.bestResponse(i));
    }
    // every best response's certificate, checked once: their conjunction is NashGap.verify()
    boolean ok = bestResponses(b, g.evaluation(), all, null, "GAP", "GAPRHO");
    return b.line("NASHGAP", "nashGap", exact(g.nashGap()))
        .line("NASHCONV", "nashConv", exact(g.nashConv()))
        .line("MAXSTATEGAP", "maxStateGap", exact(g.maxStateGap()))
        .line("CERTIFIED", "certificateVerified", flag(ok));
  }

  /** Appends the best-response tables (tags null where JSON only); returns whether every certificate holds. */
  private static boolean bestResponses(Result.Builder b, Evaluation ev, List<BestResponse> brs,
      @Nullable String valuesTag, @Nullable String gapsTag, @Nullable String gapAtRhoTag) {
    MarkovGame g = ev.game();
    int[] agents = new int[brs.size()];
    int[] position = new int[g.agentCount()];
    boolean[] verified = new boolean[g.agentCount()];
    boolean ok = true;
    for (int k = 0; k < agents.length; k++) {
      BestResponse br = brs.get(k);
      agents[k] = br.agent();
      position[br.agent()] = k;
      verified[br.agent()] = br.verify();
      ok &= verified[br.agent()];
    }
    String at = "bestResponses/*/";
    b.table(null, at + "agent", Tables.agents(g, agents, i -> count(i)))
        .table(null, at + "actions", Tables.agentsStates(g, agents, (i, s) -> count(brs.get(position[i]).action(s))))
        .table("BR", at + "actionLabels", Tables.agentsStates(g, agents,
            (i, s) -> word(g.actionLabel(i, brs.get(position[i]).action(s)))))
        .table(valuesTag, at + "values", Tables.agentsStates(g, agents,
            (i, s) -> exact(brs.get(position[i]).value(s))))
        .table(gapsTag, at + "gaps", Tables.agentsStates(g, agents,
            (i, s) -> exact(brs.get(position[i]).value(s).subtract(ev.value(i, s)))))
        .table(gapAtRhoTag, at + "gapAtRho", Tables.agents(g, agents, i -> {
          BigFraction atRho = BigFraction.ZERO;
          for (int s = 0; s < g.stateCount(); s++) {
            atRho = atRho.add(g.initial(s).multiply(brs.get(position[i]).value(s).subtract(ev.value(i, s))));
          }
          return exact(atRho);
        }))
        .table(null, at + "verified", Tables.agents(g, agents, i -> flag(verified[i])));
    return ok;
  }

  /**
   * The outcome of {@link PotentialCheck} ({@code check-potential}, the server's {@code check-potential} under
   * {@link Result.Header#bare}): {@code MPG outcome} / {@code outcome} ({@code certified}, {@code not-an-mpg},
   * {@code no-counterexample}); {@code DEVIATORS count N} (agents with at least two actions, among which the pair is
   * drawn, and all agents) / {@code deviatingAgents}, {@code agentCount}, and {@code TRIALS run informative} /
   * {@code trialsRun}, {@code informative}, in JSON only when the search recorded them
   * ({@link PotentialCheck.Search}; {@code DEVIATORS} is printed for a certificate too). JSON only:
   * {@code reason} (certified); {@code trial} or {@code trials}, {@code seed}, {@code declaredIssue} (or null).
   * For a counterexample, {@code CYCLESUM agentI agentJ state value} (labels) / {@code counterexample.cycleSum}
   * with JSON-only {@code agentI}, {@code agentJ}, {@code state} (indices) and {@code stateLabel}; {@code VERIFIED}
   * / {@code counterexample.verified}; JSON-only {@code base} [i][s][a], {@code deviationI}, {@code deviationJ}
   * [s][a]. Printed only: comment lines with the game's name and {@link PotentialCheck.Result#describe()}.
   *
   * @param r the outcome
   * @param g the game checked
   * @return the result (kind {@code potential-check}, with the game's name and labels)
   */
  public static Result potentialCheck(PotentialCheck.Result r, MarkovGame g) {
    Result.Builder b = new Result.Builder(Result.Header.of("potential-check", g));
    int deviators = PotentialCheck.deviatingAgents(g).length;
    if (r instanceof PotentialCheck.Certified c) {
      b.line("MPG", "outcome", word("certified"))
          .json("reason", word(c.reason()))
          .line("DEVIATORS", printed(count(deviators)), printed(count(g.agentCount())));
    } else if (r instanceof PotentialCheck.NotAnMpg m) {
      PotentialCheck.Counterexample c = m.counterexample();
      b.line("MPG", "outcome", word("not-an-mpg"))
          .json("trial", count(m.trial()))
          .json("seed", count(m.seed()))
          .json("declaredIssue", issue(m.declaredIssue()));
      search(b, m.search(), deviators, g.agentCount());
      b.json("counterexample/agentI", count(c.agentI()))
          .json("counterexample/agentJ", count(c.agentJ()))
          .json("counterexample/state", count(c.state()))
          .json("counterexample/stateLabel", word(g.stateLabel(c.state())))
          .line("CYCLESUM", printed(word(g.agentLabel(c.agentI()))), printed(word(g.agentLabel(c.agentJ()))),
              printed(word(g.stateLabel(c.state()))), field("counterexample/cycleSum", exact(c.cycleSum())))
          .line("VERIFIED", "counterexample/verified", flag(c.verify()))
          .table(null, "counterexample/base", Tables.policy(g, c.base()))
          .table(null, "counterexample/deviationI", Tables.agentPolicy(g, c.deviationI(), c.agentI()))
          .table(null, "counterexample/deviationJ", Tables.agentPolicy(g, c.deviationJ(), c.agentJ()))
          .jsonOrder(searchOrder(m.search(), "trial", "counterexample"));
    } else {
      PotentialCheck.NoCounterexample m = (PotentialCheck.NoCounterexample) r;
      b.line("MPG", "outcome", word("no-counterexample"))
          .json("trials", count(m.trials()))
          .json("seed", count(m.seed()))
          .json("declaredIssue", issue(m.declaredIssue()));
      search(b, m.search(), deviators, g.agentCount());
      b.jsonOrder(searchOrder(m.search(), "trials", null));
    }
    return b.comment(g.name()).comment(r.describe().stripTrailing()).build();
  }

  /** DEVIATORS then TRIALS; their figures are JSON members only when the search recorded them. */
  private static void search(Result.Builder b, PotentialCheck.Search s, int deviators, int agents) {
    if (s.recorded()) {
      b.line("DEVIATORS", field("deviatingAgents", count(s.deviatingAgents())), field("agentCount",
          count(s.agents())));
      b.line("TRIALS", field("trialsRun", count(s.trialsRun())), field("informative", count(s.informative())));
    } else {
      b.line("DEVIATORS", printed(count(deviators)), printed(count(agents)));
      b.line("TRIALS", printed(count(s.trialsRun())), printed(count(s.informative())));
    }
  }

  /** The JSON order of a search outcome: the search figures (trials before deviators) precede the counterexample. */
  private static String[] searchOrder(PotentialCheck.Search s, String trial, @Nullable String last) {
    List<String> keys = new ArrayList<>(List.of("outcome", trial, "seed", "declaredIssue"));
    if (s.recorded()) {
      keys.addAll(List.of("trialsRun", "informative", "deviatingAgents", "agentCount"));
    }
    if (last != null) {
      keys.add(last);
    }
    return keys.toArray(new String[0]);
  }

  private static ResultValue issue(Optional<String> issue) {
    return issue.isPresent() ? word(issue.get()) : new ResultValue.Null();
  }

  /**
   * The theory constants of a game ({@code bounds}, the server's {@code bounds}): per constant its tag, qualifiers,
   * exact value or status word ({@code not-applicable}, {@code not-computed}, {@code unbounded}, {@code infinite},
   * or the potential's status), source and note; printed {@code TAG qualifiers... value}, {@code # TAG source: ...},
   * {@code # TAG note: ...}; in JSON the array {@code constants} (specs/cli.md "bounds").
   *
   * @param bounds the constants
   * @param game the game they belong to (for its name and labels)
   * @return the result (kind {@code bounds})
   */
  public static Result bounds(TheoryBounds bounds, MarkovGame game) {
    List<ResultItem.Entry> entries = new ArrayList<>();
    for (Constant c : bounds.constants()) {
      Optional<BigFraction> v = c.value();
      entries.add(Result.Builder.entry(c.tag(), c.qualifiers(), v.orElse(null), v.isPresent() ? null
          : c.status().word(), c.source(), c.note().orElse(null)));
    }
    return new Result.Builder(Result.Header.of("bounds", game)).entries("constants", entries).build();
  }

  /**
   * The summary of a {@code learn} run (the trajectory file itself is mpgref-policy-history/1, not a result):
   * {@code ETA rule value} / JSON {@code etaRule}, {@code eta}; {@code ITERATIONS t} / {@code iterations};
   * {@code STOPPED kind} / {@code stoppedBy}; the final iterate's exact {@code NASHGAP} / {@code nashGap} and
   * {@code NASHCONV} / {@code nashConv}; {@code CERTIFIED} / {@code certificateVerified}; {@code OUT file} /
   * {@code out}. The header has the game's name only, and the JSON members come in the order iterations,
   * stoppedBy, eta, etaRule, nashGap, nashConv, certificateVerified, out.
   *
   * @param game the game's name
   * @param etaRule where the step comes from ({@code given}, {@code pmd-euclidean}, ...)
   * @param eta the step the run used, exact
   * @param iterations the last iteration t
   * @param stoppedBy what stopped the run
   * @param gaps the final iterate's gaps
   * @param verified whether their certificate holds
   * @param out the trajectory file
   * @return the result (kind {@code learn})
   */
  public static Result learn(String game, String etaRule, BigFraction eta, int iterations, String stoppedBy,
      NashGap gaps, boolean verified, String out) {
    return new Result.Builder(Result.Header.named("learn", game))
        .line("ETA", field("etaRule", word(etaRule)), field("eta", exact(eta)))
        .line("ITERATIONS", "iterations", count(iterations))
        .line("STOPPED", "stoppedBy", word(stoppedBy))
        .line("NASHGAP", "nashGap", exact(gaps.nashGap()))
        .line("NASHCONV", "nashConv", exact(gaps.nashConv()))
        .line("CERTIFIED", "certificateVerified", flag(verified))
        .line("OUT", "out", word(out))
        .jsonOrder("iterations", "stoppedBy", "eta", "etaRule", "nashGap", "nashConv", "certificateVerified", "out")
        .build();
  }
}
