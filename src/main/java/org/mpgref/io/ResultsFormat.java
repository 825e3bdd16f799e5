package org.mpgref.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.evaluation.BestResponse;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.evaluation.NashGap;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.game.PolicyRounding;
import org.mpgref.potential.PotentialCheck;
import org.mpgref.theory.Constant;
import org.mpgref.theory.TheoryBounds;

/**
 * The results format {@value #FORMAT}: exact results of {@code eval}, {@code best-response}, {@code nash-gap} and
 * {@code check-potential} as JSON (specs/formats.md, specs/formats/results.schema.json). Every document has
 * {@code "format"}, {@code "kind"} ({@code evaluation}, {@code best-response}, {@code nash-gap},
 * {@code potential-check}) and, where a game is known, {@code "game"}, {@code "agents"} (labels and action labels)
 * and {@code "states"} (labels), so that index-shaped arrays can be read against labels. Index shapes are those of
 * the Java API: {@code [i][s]}, {@code [i][s][a]}, {@code [s]}. Numbers are written by
 * {@link ExactNumbers#toJson}: exact ({@code "22/15"}, or a JSON integer), plus a correctly rounded decimal with
 * {@code digits > 0} (annotated numbers {@code {"exact": "22/15", "decimal": "1.46667"}}). Output only: mpgref
 * reads no results documents.
 */
public final class ResultsFormat {
  /** The format tag. */
  public static final String FORMAT = "mpgref-results/1";

  private ResultsFormat() {}

  private static ObjectNode start(String kind, MarkovGame game) {
    ObjectNode root = Json.nodes().objectNode();
    root.put("format", FORMAT);
    root.put("kind", kind);
    root.put("game", game.name());
    ArrayNode agents = root.putArray("agents");
    for (int i = 0; i < game.agentCount(); i++) {
      ObjectNode a = agents.addObject();
      a.put("label", game.agentLabel(i));
      ArrayNode acts = a.putArray("actions");
      for (int k = 0; k < game.actionCount(i); k++) {
        acts.add(game.actionLabel(i, k));
      }
    }
    ArrayNode states = root.putArray("states");
    for (int s = 0; s < game.stateCount(); s++) {
      states.add(game.stateLabel(s));
    }
    return root;
  }

  /**
   * The evaluation of a policy: {@code values} V_i^π(s) [i][s], {@code valueAtRho} V_i^π(ρ) [i], {@code qBar}
   * Q̄_i^π(s,a) [i][s][a], {@code advantage} Ā_i^π(s,a) [i][s][a], {@code visitation} d_ρ^π(s) [s], and, if the game
   * declares a stage potential, {@code potential}: {@code {"values": Φ^π(s) [s], "atRho": Φ^π(ρ)}}.
   *
   * @param ev the evaluation
   * @param digits 0 for exact numbers only, else significant digits of the added decimals
   * @return the document
   */
  public static ObjectNode evaluation(Evaluation ev, int digits) {
    MarkovGame g = ev.game();
    ObjectNode root = start("evaluation", g);
    int n = g.agentCount();
    int states = g.stateCount();
    ArrayNode values = root.putArray("values");
    ArrayNode atRho = root.putArray("valueAtRho");
    ArrayNode q = root.putArray("qBar");
    ArrayNode adv = root.putArray("advantage");
    for (int i = 0; i < n; i++) {
      ArrayNode v = values.addArray();
      ArrayNode qi = q.addArray();
      ArrayNode ai = adv.addArray();
      for (int s = 0; s < states; s++) {
        v.add(ExactNumbers.toJson(ev.value(i, s), digits));
        ArrayNode qs = qi.addArray();
        ArrayNode as = ai.addArray();
        for (int a = 0; a < g.actionCount(i); a++) {
          qs.add(ExactNumbers.toJson(ev.qBar(i, s, a), digits));
          as.add(ExactNumbers.toJson(ev.advantage(i, s, a), digits));
        }
      }
      atRho.add(ExactNumbers.toJson(ev.valueAtInitial(i), digits));
    }
    ArrayNode d = root.putArray("visitation");
    for (int s = 0; s < states; s++) {
      d.add(ExactNumbers.toJson(ev.visitation(s), digits));
    }
    Optional<BigFraction[]> phi = ev.potential();
    if (phi.isPresent()) {
      ObjectNode p = root.putObject("potential");
      ArrayNode pv = p.putArray("values");
      BigFraction total = BigFraction.ZERO;
      for (int s = 0; s < states; s++) {
        pv.add(ExactNumbers.toJson(phi.get()[s], digits));
        total = total.add(g.initial(s).multiply(phi.get()[s]));
      }
      p.set("atRho", ExactNumbers.toJson(total, digits));
    }
    return root;
  }

  private static ArrayNode bestResponses(Evaluation ev, List<BestResponse> brs, int digits) {
    MarkovGame game = ev.game();
    ArrayNode arr = Json.nodes().arrayNode();
    for (BestResponse br : brs) {
      int i = br.agent();
      ObjectNode o = arr.addObject();
      o.put("agent", i);
      ArrayNode acts = o.putArray("actions");
      ArrayNode labels = o.putArray("actionLabels");
      ArrayNode v = o.putArray("values");
      ArrayNode gaps = o.putArray("gaps");
      BigFraction atRho = BigFraction.ZERO;
      for (int s = 0; s < game.stateCount(); s++) {
        BigFraction gap = br.value(s).subtract(ev.value(i, s));
        atRho = atRho.add(game.initial(s).multiply(gap));
        acts.add(br.action(s));
        labels.add(game.actionLabel(i, br.action(s)));
        v.add(ExactNumbers.toJson(br.value(s), digits));
        gaps.add(ExactNumbers.toJson(gap, digits));
      }
      o.set("gapAtRho", ExactNumbers.toJson(atRho, digits));
      o.put("verified", br.verify());
    }
    return arr;
  }

  /**
   * Best responses of some agents: per agent, {@code agent}, {@code actions} σ_i(s) [s] (indices) and
   * {@code actionLabels}, {@code values} V_i^*(s) [s], {@code gaps} gap_i(s) = V_i^*(s) − V_i^π(s) [s],
   * {@code gapAtRho} and {@code verified} (the exact Bellman-optimality certificate); {@code certificateVerified} is
   * true iff all are.
   *
   * @param ev the evaluation of π
   * @param brs the best responses to report (from {@link BestResponse#of}), in order
   * @param digits 0 for exact numbers only, else significant digits of the added decimals
   * @return the document
   */
  public static ObjectNode bestResponse(Evaluation ev, List<BestResponse> brs, int digits) {
    ObjectNode root = start("best-response", ev.game());
    root.set("bestResponses", bestResponses(ev, brs, digits));
    boolean ok = true;
    for (BestResponse br : brs) {
      ok &= br.verify();
    }
    root.put("certificateVerified", ok);
    return root;
  }

  /**
   * Nash gaps: {@code bestResponses} for every agent (as {@link #bestResponse}), {@code nashGap} = max_i gap_i(ρ),
   * {@code nashConv} = Σ_i gap_i(ρ), {@code maxStateGap} = max_{i,s} gap_i(s), {@code certificateVerified}
   * ({@link NashGap#verify()}).
   *
   * @param g the gaps
   * @param digits 0 for exact numbers only, else significant digits of the added decimals
   * @return the document
   */
  public static ObjectNode nashGap(NashGap g, int digits) {
    MarkovGame game = g.evaluation().game();
    ObjectNode root = start("nash-gap", game);
    List<BestResponse> all = new java.util.ArrayList<>();
    for (int i = 0; i < game.agentCount(); i++) {
      all.add(g.bestResponse(i));
    }
    root.set("bestResponses", bestResponses(g.evaluation(), all, digits));
    root.set("nashGap", ExactNumbers.toJson(g.nashGap(), digits));
    root.set("nashConv", ExactNumbers.toJson(g.nashConv(), digits));
    root.set("maxStateGap", ExactNumbers.toJson(g.maxStateGap(), digits));
    root.put("certificateVerified", g.verify());
    return root;
  }

  /**
   * Nash gaps of a rounded floating policy ({@code nash-gap --certify}): {@link #nashGap} plus {@code rounding}:
   * {@code {"decimalDigits": k, "l1Distance": exact Σ|x − q| between the floating policy (as the doubles read) and
   * the rounded one, "policy": the rounded policy [i][s][a]}}.
   *
   * @param g the gaps of the rounded policy
   * @param rounded the rounding
   * @param digits 0 for exact numbers only, else significant digits of the added decimals
   * @return the document
   */
  public static ObjectNode certifiedNashGap(NashGap g, PolicyRounding.Rounded rounded, int digits) {
    ObjectNode root = nashGap(g, digits);
    ObjectNode r = root.putObject("rounding");
    r.put("decimalDigits", rounded.decimalDigits());
    r.set("l1Distance", ExactNumbers.toJson(rounded.l1Distance(), digits));
    r.set("policy", PolicyFormat.policyArray(rounded.policy(), digits));
    return root;
  }

  /**
   * The outcome of {@link PotentialCheck}: {@code outcome} is {@code certified} (with {@code reason}),
   * {@code not-an-mpg} (with {@code trial}, {@code seed}, {@code declaredIssue} or null, and {@code counterexample}:
   * {@code agentI}, {@code agentJ}, {@code state}, {@code stateLabel}, {@code cycleSum}, {@code verified}, the base
   * policy {@code base} [i][s][a] and the deviations {@code deviationI}, {@code deviationJ} [s][a]) or
   * {@code no-counterexample} (with {@code trials}, {@code seed}, {@code declaredIssue}). Both search outcomes add,
   * when recorded ({@link PotentialCheck.Search}), {@code trialsRun}, {@code informative}, {@code deviatingAgents}
   * (agents with at least two actions, among which the pair was drawn) and {@code agentCount} (N).
   *
   * @param r the result
   * @param digits 0 for exact numbers only, else significant digits of the added decimals
   * @return the document (without game information; see {@link #potentialCheck(PotentialCheck.Result, MarkovGame,
   *     int)})
   */
  public static ObjectNode potentialCheck(PotentialCheck.Result r, int digits) {
    ObjectNode root = Json.nodes().objectNode();
    root.put("format", FORMAT);
    root.put("kind", "potential-check");
    fillPotentialCheck(root, r, digits);
    return root;
  }

  /**
   * As {@link #potentialCheck(PotentialCheck.Result, int)}, with the game's name and labels.
   *
   * @param r the result
   * @param game the game checked
   * @param digits 0 for exact numbers only, else significant digits of the added decimals
   * @return the document
   */
  public static ObjectNode potentialCheck(PotentialCheck.Result r, MarkovGame game, int digits) {
    ObjectNode root = start("potential-check", game);
    fillPotentialCheck(root, r, digits);
    return root;
  }

  /**
   * The theory constants of a game ({@code mpgref bounds --json}, the server's {@code bounds}): {@code constants}, one
   * object per constant in order, with {@code tag}, {@code qualifiers} (array of strings), either {@code value} (exact)
   * or {@code status} (the word that stands instead of a number: {@code not-applicable}, {@code not-computed},
   * {@code unbounded}, {@code infinite}, or the potential's status), {@code source} and, where there is one,
   * {@code note} (specs/cli.md "bounds").
   *
   * @param bounds the constants
   * @param game the game they belong to (for its name and labels)
   * @param digits 0 for exact numbers only, else significant digits of the added decimals
   * @return the document
   */
  public static ObjectNode bounds(TheoryBounds bounds, MarkovGame game, int digits) {
    ObjectNode root = start("bounds", game);
    root.set("constants", entries(boundsResult(bounds), digits));
    return root;
  }

  /**
   * The theory constants as a {@link Result}: per constant its tag, qualifiers, exact value or status word, source
   * and note.
   *
   * @param bounds the constants
   * @return the result
   */
  public static Result boundsResult(TheoryBounds bounds) {
    Result.Builder b = new Result.Builder();
    for (Constant c : bounds.constants()) {
      Optional<BigFraction> v = c.value();
      b.add(c.tag(), c.qualifiers(), v.orElse(null), v.isPresent() ? null : c.status().word(), c.source(),
          c.note().orElse(null));
    }
    return b.build();
  }

  /**
   * The JSON rendering of a {@link Result}: one object per entry, in order, with {@code tag}, {@code qualifiers}
   * (array of strings), either {@code value} (exact, {@link ExactNumbers#toJson}) or {@code status} (the entry's text),
   * and, where present, {@code source} and {@code note}.
   *
   * @param result the result
   * @param digits 0 for exact numbers only, else significant digits of the added decimals
   * @return the array
   */
  public static ArrayNode entries(Result result, int digits) {
    ArrayNode arr = Json.nodes().arrayNode();
    for (Result.Entry e : result.entries()) {
      ObjectNode o = arr.addObject();
      o.put("tag", e.tag());
      ArrayNode q = o.putArray("qualifiers");
      e.qualifiers().forEach(q::add);
      Optional<BigFraction> v = e.exact();
      if (v.isPresent()) {
        o.set("value", ExactNumbers.toJson(v.get(), digits));
      } else {
        o.put("status", e.text().orElse(""));
      }
      e.source().ifPresent(x -> o.put("source", x));
      e.note().ifPresent(x -> o.put("note", x));
    }
    return arr;
  }

  private static void fillPotentialCheck(ObjectNode root, PotentialCheck.Result r, int digits) {
    if (r instanceof PotentialCheck.Certified) {
      root.put("outcome", "certified");
      root.put("reason", ((PotentialCheck.Certified) r).reason());
    } else if (r instanceof PotentialCheck.NotAnMpg) {
      PotentialCheck.NotAnMpg m = (PotentialCheck.NotAnMpg) r;
      root.put("outcome", "not-an-mpg");
      root.put("trial", m.trial());
      root.put("seed", m.seed());
      putIssue(root, m.declaredIssue());
      putSearch(root, m.search());
      PotentialCheck.Counterexample c = m.counterexample();
      ObjectNode o = root.putObject("counterexample");
      o.put("agentI", c.agentI());
      o.put("agentJ", c.agentJ());
      o.put("state", c.state());
      o.put("stateLabel", c.game().stateLabel(c.state()));
      o.set("cycleSum", ExactNumbers.toJson(c.cycleSum(), digits));
      o.put("verified", c.verify());
      o.set("base", PolicyFormat.policyArray(c.base(), digits));
      o.set("deviationI", agentRows(c.deviationI(), c.agentI(), digits));
      o.set("deviationJ", agentRows(c.deviationJ(), c.agentJ(), digits));
    } else {
      PotentialCheck.NoCounterexample m = (PotentialCheck.NoCounterexample) r;
      root.put("outcome", "no-counterexample");
      root.put("trials", m.trials());
      root.put("seed", m.seed());
      putIssue(root, m.declaredIssue());
      putSearch(root, m.search());
    }
  }

  private static void putSearch(ObjectNode root, PotentialCheck.Search search) {
    if (search.recorded()) {
      root.put("trialsRun", search.trialsRun());
      root.put("informative", search.informative());
      root.put("deviatingAgents", search.deviatingAgents());
      root.put("agentCount", search.agents());
    }
  }

  private static void putIssue(ObjectNode root, Optional<String> issue) {
    if (issue.isPresent()) {
      root.put("declaredIssue", issue.get());
    } else {
      root.putNull("declaredIssue");
    }
  }

  private static ArrayNode agentRows(Policy p, int agent, int digits) {
    ArrayNode states = Json.nodes().arrayNode();
    for (int s = 0; s < p.stateCount(); s++) {
      ArrayNode row = states.addArray();
      for (int a = 0; a < p.actionCount(agent); a++) {
        row.add(ExactNumbers.toJson(p.prob(agent, s, a), digits));
      }
    }
    return states;
  }
}
