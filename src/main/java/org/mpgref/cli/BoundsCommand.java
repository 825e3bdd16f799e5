package org.mpgref.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.commons.numbers.fraction.BigFraction;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.mpgref.catalog.CatalogGame;
import org.mpgref.game.AnonymousMarkovGame;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.StageRange;
import org.mpgref.numbers.Rationals;
import org.mpgref.game.StagePotential;
import org.mpgref.io.ExactNumbers;
import org.mpgref.io.Json;
import org.mpgref.io.ResultsFormat;
import org.mpgref.theory.MismatchCoefficient;
import org.mpgref.theory.MonotoneBounds;
import org.mpgref.theory.NashRegret;
import org.mpgref.theory.PhiMax;
import org.mpgref.theory.StepSizeBounds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mpgref bounds GAME}: the theory constants of a game ("bounds as code", {@code org.mpgref.theory}), one tagged
 * line each, exact, each followed by a comment line with its source. Constants that a theorem does not cover for this
 * game are printed as {@code not-applicable} with the reason; expensive exact constants are replaced by their proven
 * bounds beyond the size guard of {@link Bounds}, and the line says which.
 */
@Command(name = "bounds", mixinStandardHelpOptions = true,
    description = {"The theory constants of a game, exact: gamma, N, sum_i |A_i|, A_max, rho_min, the reward range"
        + " and half-span R; whether the declared potential is a verified Markov potential; the mismatch coefficient"
        + " M (exact, or the proven bound 1/((1-gamma) min rho)); Fox et al.'s Theorem 3.1 INPG step bound (needs"
        + " rewards in [0,1]); phi_max and Alatur et al.'s PMD steps eta_E, eta_KL; the monotone-potential steps of"
        + " IPG and projected Q-ascent; the visitation floor c and the Nash-regret step limit eta_0 of projected"
        + " Q-ascent.",
        "Each line is TAG [qualifiers] value, followed by '# TAG source: ...' and, where needed, '# TAG note: ...'."
            + " A constant a theorem does not cover prints 'not-applicable', one that is skipped 'not-computed',"
            + " a step without limit 'unbounded'. phi_max, the exact M and the exact visitation floor need policy"
            + " iteration over the joint actions: beyond " + Bounds.MAX_POLICY_ITERATION_PAIRS + " state-joint-action"
            + " pairs or " + Bounds.MAX_POLICY_ITERATION_STATES + " states (--expensive auto) their proven bounds are"
            + " printed instead (qualifier 'bound').",
        "Lines: GAMMA | AGENTS | STATES | ACTIONSUM | ACTIONMAX | RHOMIN | REWARDMIN | REWARDMAX | REWARDHALFSPAN |"
            + " POTENTIAL | MISMATCH | MISMATCHBOUND | INPGFORMULA | INPGSTEP | PHIMAX | PMDSTEPEUCLID | PMDSTEPKLSQUARED |"
            + " PMDSTEPKL | PHIHALFSPAN | IPGSTEPNONDECREASING | IPGSTEPASCENT | QASCENTSTEPNONDECREASING |"
            + " VISITATIONFLOOR | NASHREGRETSTEP (specs/cli.md)"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {Main.EXIT_OK, Main.EXIT_FAILED, Main.EXIT_BAD_INPUT, Main.EXIT_INTERNAL, Main.EXIT_STOPPED})
final class BoundsCommand implements Callable<Integer> {
  /** Source of the game's own data. */
  static final String GAME_SOURCE = "game definition";

  /** Source of the potential status. */
  static final String POTENTIAL_SOURCE = "declared by the game, condition checked exactly against its data"
      + " (StagePotential.findViolation); sufficient conditions of Leonardos et al. ICLR 2022, Prop. 3.2";

  /** Source of the exact mismatch coefficient. */
  static final String MISMATCH_SOURCE = "Fox et al. AISTATS 2022, Definition 3: M = max_{pi,pi'} ||d_rho^pi /"
      + " d_rho^pi'||_inf over product policies; exact by policy iteration (org.mpgref.theory.MismatchCoefficient,"
      + " proofs-notes/mismatch-coefficient.md)";

  /** Source of the closed-form mismatch bound. */
  static final String MISMATCH_BOUND_SOURCE = "M <= 1/((1-gamma) min_s rho(s)), from d_rho^pi(s) >= (1-gamma) rho(s)"
      + " and d_rho^pi(s) <= 1 (org.mpgref.theory.MismatchCoefficient.bound, proofs-notes/mismatch-coefficient.md)";

  /** Source of φ_max. */
  static final String PHI_MAX_SOURCE = "phi_max = max_{pi,s} |Phi^pi(s)| of the declared potential, the smallest"
      + " bound on |Phi| (the seed, Alatur et al. 001, does not define it; org.mpgref.theory.PhiMax,"
      + " proofs-notes/pmd-phi-max-and-steps.md); proven bound: max_{s,a} |phi(s,a)|/(1-gamma)";

  /** Source of the reward half-span and the visitation floor. */
  static final String REGRET_CONSTANTS_SOURCE = "constants of " + NashRegret.PROJECTED_Q_ASCENT_BOUND;

  /** Whether to compute the expensive exact constants. */
  enum Expensive {
    /** Within the size guard of {@link Bounds}. */
    AUTO,
    /** Always (may take long). */
    ALWAYS,
    /** Never: proven bounds only. */
    NEVER
  }

  @Parameters(index = "0", paramLabel = "GAME", description = "game file, - for stdin, or a catalog name")
  String game = "";

  @Option(names = "--agents", paramLabel = "N", converter = Params.Positive.class,
      description = "N >= 1 for a catalog game (default: published; refused with a file)")
  @Nullable Integer agents;

  @Mixin
  LimitOptions limits = new LimitOptions();

  @Option(names = "--expensive", paramLabel = "WHEN", defaultValue = "auto", description = "auto (default): compute"
      + " phi_max, the exact M and the exact visitation floor only within the size guard, else print their proven"
      + " bounds; always: compute them whatever the size; never: proven bounds only")
  String expensive = "auto";

  @Mixin
  OutputOptions output = new OutputOptions();

  /**
   * One constant: {@code TAG qualifiers... value}, or {@code TAG qualifiers... word} when there is no number.
   *
   * @param tag the tag
   * @param qualifiers how the value was obtained (tokens)
   * @param value the exact value, or null
   * @param word what stands instead of a number (not-applicable, not-computed, unbounded, infinite, a status)
   * @param source where the constant comes from
   * @param note why a fallback or not-applicable, or a caveat; null if none
   */
  record Entry(String tag, List<String> qualifiers, @Nullable BigFraction value, String word, String source,
      @Nullable String note) {}

  private final List<Entry> entries = new ArrayList<>();

  private void value(String tag, BigFraction value, String source, @Nullable String note, String... qualifiers) {
    entries.add(new Entry(tag, List.of(qualifiers), value, "", source, note));
  }

  private void word(String tag, String word, String source, @Nullable String note, String... qualifiers) {
    entries.add(new Entry(tag, List.of(qualifiers), null, word, source, note));
  }

  static Expensive expensive(String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "auto":
        return Expensive.AUTO;
      case "always":
        return Expensive.ALWAYS;
      case "never":
        return Expensive.NEVER;
      default:
        throw new IllegalArgumentException("--expensive " + text + " is unknown; known: auto, always, never");
    }
  }

  @Override
  public Integer call() {
    int digits = output.digits();
    Expensive mode = expensive(expensive);
    MarkovGame g = Inputs.game(game, agents);
    compute(g, mode);
    String text = output.json ? Json.write(json(g, digits)) : tagged(digits);
    Main.context().out.print(text);
    Main.context().out.flush();
    return 0;
  }

  private void compute(MarkovGame g, Expensive mode) {
    String gameSource = GAME_SOURCE + " (" + g.name() + ")";
    BigFraction gamma = g.discount();
    value("GAMMA", gamma, gameSource, null);
    value("AGENTS", BigFraction.of(g.agentCount()), gameSource, null);
    value("STATES", BigFraction.of(g.stateCount()), gameSource, null);
    int aMax = 0;
    for (int i = 0; i < g.agentCount(); i++) {
      aMax = Math.max(aMax, g.actionCount(i));
    }
    value("ACTIONSUM", BigFraction.of(MonotoneBounds.actionSum(g)), gameSource, null);
    value("ACTIONMAX", BigFraction.of(aMax), gameSource, null);
    BigFraction rhoMin = g.initial(0);
    for (int s = 1; s < g.stateCount(); s++) {
      if (Rationals.compare(g.initial(s), rhoMin) < 0) {
        rhoMin = g.initial(s);
      }
    }
    value("RHOMIN", rhoMin, gameSource, null);

    // the guards
    @Nullable String piRefused = mode == Expensive.ALWAYS ? null
        : mode == Expensive.NEVER ? "--expensive never" : Bounds.policyIterationTooLarge(g);
    @Nullable String enumRefused = mode == Expensive.ALWAYS ? null : Bounds.enumerationTooLarge(g);
    String fallback = piRefused == null ? "" : "exact value not computed: " + piRefused + "; proven bound";

    // rewards
    BigFraction @Nullable [] range = null;
    @Nullable BigFraction halfSpan = null;
    boolean halfSpanExact = false;
    String rewardSource = gameSource + ": min and max of r_i(s,a) over agents, states and joint actions";
    if (enumRefused == null) {
      range = rewardRange(g);
      halfSpan = NashRegret.rewardHalfSpan(g);
      halfSpanExact = true;
    } else {
      MarkovGame inner = g instanceof CatalogGame ? ((CatalogGame) g).game() : g;
      if (inner instanceof AnonymousMarkovGame) {
        range = ((AnonymousMarkovGame) inner).rewardRange();
        halfSpan = range[1].subtract(range[0]).divide(2);
      }
    }
    if (range != null) {
      value("REWARDMIN", range[0], rewardSource, null);
      value("REWARDMAX", range[1], rewardSource, null);
    } else {
      word("REWARDMIN", "not-computed", rewardSource, "joint actions not enumerated: " + enumRefused);
      word("REWARDMAX", "not-computed", rewardSource, "joint actions not enumerated: " + enumRefused);
    }
    String halfSpanSource = "R = max_i (max_{s,a} r_i - min_{s,a} r_i)/2, " + REGRET_CONSTANTS_SOURCE;
    if (halfSpan == null) {
      word("REWARDHALFSPAN", "not-computed", halfSpanSource, "joint actions not enumerated: " + enumRefused);
    } else if (halfSpanExact) {
      value("REWARDHALFSPAN", halfSpan, halfSpanSource, null, "exact");
    } else {
      value("REWARDHALFSPAN", halfSpan, halfSpanSource, "joint actions not enumerated: " + enumRefused
          + "; (max - min)/2 over all agents' rewards (from the anonymous game's count table), >= R", "bound");
    }

    // potential
    @Nullable String potentialProblem = Bounds.potentialProblem(g);
    Optional<StagePotential> sp = g.potential();
    if (sp.isEmpty()) {
      word("POTENTIAL", "none", POTENTIAL_SOURCE, potentialProblem);
    } else {
      String condition = Bounds.conditionName(sp.get().condition());
      String status = potentialProblem == null ? "verified"
          : sp.get().condition() == StagePotential.Condition.STATE_POTENTIAL_ONLY ? "no-markov-claim" : "violated";
      word("POTENTIAL", status, POTENTIAL_SOURCE, potentialProblem, condition);
    }

    // mismatch coefficient
    Optional<BigFraction> mBound = MismatchCoefficient.bound(g);
    @Nullable BigFraction m = null;
    String mKind = "";
    if (piRefused == null) {
      MismatchCoefficient.Result r = MismatchCoefficient.of(g);
      if (r.value().isPresent()) {
        m = r.value().get();
        mKind = "exact";
        value("MISMATCH", m, MISMATCH_SOURCE, null, "exact");
      } else {
        word("MISMATCH", "infinite", MISMATCH_SOURCE, "min_pi d_rho^pi(s) = 0 at state " + g.stateLabel(r.state())
            + ": some product policy never visits it");
      }
    } else if (mBound.isPresent()) {
      m = mBound.get();
      mKind = "bound";
      value("MISMATCH", m, MISMATCH_BOUND_SOURCE, fallback + " 1/((1-gamma) min_s rho(s))", "bound");
    } else {
      word("MISMATCH", "not-computed", MISMATCH_SOURCE, "exact value not computed: " + piRefused
          + "; no closed-form bound either, since some rho(s) = 0");
    }
    if (mBound.isPresent()) {
      value("MISMATCHBOUND", mBound.get(), MISMATCH_BOUND_SOURCE, null);
    } else {
      word("MISMATCHBOUND", "not-applicable", MISMATCH_BOUND_SOURCE, "some rho(s) = 0");
    }

    // Fox et al. Theorem 3.1
    String inpg = StepSizeBounds.INPG_THEOREM_3_1 + ": INPG converges for eta < (1-gamma)^3 / (27 N^2 A_max^2 M)";
    if (m != null) {
      value("INPGFORMULA", StepSizeBounds.inpgTheorem31(g, m), inpg, "the formula's value with M "
          + (mKind.equals("exact") ? "exact" : "replaced by its bound") + ", whatever the rewards: compare published step"
          + " sizes with it; it is a proven step only where INPGSTEP gives a value", "m-" + mKind);
    }
    if (m == null) {
      word("INPGSTEP", "not-applicable", inpg, "no finite mismatch coefficient M (see MISMATCH)");
    } else if (range == null) {
      word("INPGSTEP", "not-applicable", inpg, "the theorem assumes rewards in [0,1], and the reward range was not"
          + " computed (joint actions not enumerated: " + enumRefused + ")");
    } else if (range[0].signum() < 0 || Rationals.compare(range[1], BigFraction.ONE) > 0) {
      word("INPGSTEP", "not-applicable", inpg, "the theorem assumes rewards in [0,1]; this game's rewards span ["
          + Rationals.format(range[0]) + ", " + Rationals.format(range[1]) + "], so the formula's value is not a"
          + " proven step for it");
    } else {
      String note = "strict: eta < value; M " + (mKind.equals("exact") ? "exact" : "replaced by its bound (a larger M"
          + " gives a smaller, still valid, step)") + (potentialProblem == null ? ""
          : "; the theorem assumes a Markov potential game, which is not established here: " + potentialProblem);
      value("INPGSTEP", StepSizeBounds.inpgTheorem31(g, m), inpg, note, "m-" + mKind);
    }

    // phi_max and Alatur et al.'s PMD steps
    @Nullable BigFraction phiMax = null;
    String phiKind = "";
    @Nullable String phiNote = potentialProblem;
    if (potentialProblem != null) {
      word("PHIMAX", "not-applicable", PHI_MAX_SOURCE, potentialProblem);
    } else if (piRefused == null) {
      phiMax = PhiMax.of(g).map(PhiMax.Result::phiMax).orElse(null);
      phiKind = "phimax-exact";
      if (phiMax != null) {
        value("PHIMAX", phiMax, PHI_MAX_SOURCE, null, "exact");
      }
    } else if (enumRefused == null && sp.isPresent()) {
      phiMax = PhiMax.stageBound(g, sp.get());
      phiKind = "phimax-bound";
      value("PHIMAX", phiMax, PHI_MAX_SOURCE, fallback + " max_{s,a} |phi(s,a)|/(1-gamma) >= phi_max", "bound");
    } else {
      phiNote = "phi_max not computed: " + (piRefused == null ? "" : piRefused + "; ")
          + "joint actions not enumerated: " + enumRefused;
      word("PHIMAX", "not-computed", PHI_MAX_SOURCE, phiNote);
    }
    String pmdEuclid = StepSizeBounds.PMD_EUCLIDEAN;
    String pmdKl = StepSizeBounds.PMD_KL;
    if (phiMax == null) {
      String why = potentialProblem != null ? potentialProblem : phiNote;
      String w = potentialProblem != null ? "not-applicable" : "not-computed";
      word("PMDSTEPEUCLID", w, pmdEuclid, why);
      word("PMDSTEPKLSQUARED", w, pmdKl, why);
      word("PMDSTEPKL", w, pmdKl, why);
    } else if (phiMax.signum() == 0) {
      String why = "phi_max = 0: the declared potential is identically 0, so the formula is undefined (every step"
          + " leaves Phi constant)";
      word("PMDSTEPEUCLID", "not-applicable", pmdEuclid, why);
      word("PMDSTEPKLSQUARED", "not-applicable", pmdKl, why);
      word("PMDSTEPKL", "not-applicable", pmdKl, why);
    } else {
      @Nullable String boundNote = phiKind.equals("phimax-bound") ? "computed with the bound on phi_max: a smaller,"
          + " more conservative step than the seed's" : null;
      value("PMDSTEPEUCLID", StepSizeBounds.pmdEuclidean(g, phiMax), pmdEuclid, boundNote, phiKind);
      value("PMDSTEPKLSQUARED", StepSizeBounds.pmdKlSquared(g, phiMax), pmdKl,
          "eta_KL^2 = (1-gamma)^2/(4 phi_max^2 N), exact" + (boundNote == null ? "" : "; " + boundNote), phiKind);
      StepSizeBounds.SquareRoot root = StepSizeBounds.pmdKl(g, phiMax);
      value("PMDSTEPKL", root.value(), pmdKl, (root.exact() ? "eta_KL is rational; exact"
          : "eta_KL is irrational; the largest k/2^m <= eta_KL with k of 53 bits (a double; eta_KL - value < 2^-52"
              + " value)") + (boundNote == null ? "" : "; " + boundNote), phiKind,
          root.exact() ? "exact" : "rounded-down");
    }

    // monotone-potential steps
    String mono = MonotoneBounds.SOURCE;
    @Nullable String monoWhy = potentialProblem != null ? potentialProblem
        : enumRefused != null ? "joint actions not enumerated: " + enumRefused : null;
    if (monoWhy != null) {
      String w = potentialProblem != null ? "not-applicable" : "not-computed";
      word("PHIHALFSPAN", w, mono, monoWhy);
      word("IPGSTEPNONDECREASING", w, mono, monoWhy);
      word("IPGSTEPASCENT", w, mono, monoWhy);
      word("QASCENTSTEPNONDECREASING", w, mono, monoWhy);
    } else {
      value("PHIHALFSPAN", MonotoneBounds.phiHalfSpan(g), mono, "phi-hat = (max phi - min phi)/2");
      String flat = "phi is constant, so Phi is constant and every step keeps it";
      Optional<BigFraction> ipg = MonotoneBounds.ipgNonDecreasing(g);
      if (ipg.isPresent()) {
        value("IPGSTEPNONDECREASING", ipg.get(), mono, "IPG never decreases Phi(rho) for 0 < eta <= 2/L,"
            + " L = (1+gamma) phi-hat sum_i |A_i|/(1-gamma)^3");
        value("IPGSTEPASCENT", MonotoneBounds.ipgSufficientAscent(g).orElseThrow(), mono, "sufficient ascent"
            + " Phi^{t+1}(rho) - Phi^t(rho) >= |pi^{t+1} - pi^t|^2/(2 eta) for 0 < eta <= 1/L");
      } else {
        word("IPGSTEPNONDECREASING", "unbounded", mono, flat);
        word("IPGSTEPASCENT", "unbounded", mono, flat);
      }
      if (rhoMin.signum() == 0) {
        word("QASCENTSTEPNONDECREASING", "not-applicable", mono, "some rho(s) = 0; the bound needs rho > 0");
      } else {
        Optional<BigFraction> q = MonotoneBounds.qAscentNonDecreasing(g);
        if (q.isPresent()) {
          value("QASCENTSTEPNONDECREASING", q.get(), mono, "projected Q-ascent never decreases Phi(rho) for"
              + " 0 < eta <= 2 rho_min/L");
        } else {
          word("QASCENTSTEPNONDECREASING", "unbounded", mono, flat);
        }
      }
    }

    // visitation floor and the Nash-regret step limit
    BigFraction[] nu = NashRegret.uniform(g);
    String floorSource = "c = min_{pi,s} d_nu^pi(s), nu uniform over states; " + REGRET_CONSTANTS_SOURCE;
    BigFraction c;
    String cKind;
    if (piRefused == null) {
      c = NashRegret.visitationFloor(g, nu);
      cKind = "exact";
      value("VISITATIONFLOOR", c, floorSource, null, "exact");
    } else {
      c = NashRegret.visitationFloorBound(g, nu);
      cKind = "bound";
      value("VISITATIONFLOOR", c, floorSource, fallback + " (1-gamma) min_s nu(s) <= c", "bound");
    }
    String regret = StepSizeBounds.PROJECTED_Q_ASCENT_SUFFICIENT_ASCENT;
    if (potentialProblem != null) {
      word("NASHREGRETSTEP", "not-applicable", regret, potentialProblem);
    } else if (halfSpan == null) {
      word("NASHREGRETSTEP", "not-computed", regret, "R not computed (see REWARDHALFSPAN)");
    } else if (halfSpan.signum() == 0) {
      word("NASHREGRETSTEP", "unbounded", regret, "R = 0: every agent's reward is constant");
    } else if (c.signum() == 0) {
      word("NASHREGRETSTEP", "not-applicable", regret, "the visitation floor c is 0");
    } else {
      String note = "eta_0 = (1-gamma)^2 c/(R sum_i |A_i|), nu uniform"
          + (cKind.equals("bound") || !halfSpanExact ? "; computed with bounds on c and/or R (a smaller, still valid,"
              + " limit)" : "");
      value("NASHREGRETSTEP", StepSizeBounds.projectedQAscentSufficientAscent(g, c, halfSpan), regret, note,
          "c-" + cKind, "r-" + (halfSpanExact ? "exact" : "bound"));
    }
  }

  private static BigFraction[] rewardRange(MarkovGame g) {
    StageRange r = StageRange.ofAllRewards(g);
    return new BigFraction[] {r.min(), r.max()};
  }

  private String tagged(int digits) {
    Tagged t = new Tagged(digits);
    for (Entry e : entries) {
      List<Object> fields = new ArrayList<>(e.qualifiers());
      @Nullable BigFraction v = e.value();
      fields.add(v != null ? v : e.word());
      t.line(e.tag(), fields.toArray());
      t.comment(e.tag() + " source: " + e.source());
      @Nullable String note = e.note();
      if (note != null) {
        t.comment(e.tag() + " note: " + note);
      }
    }
    return t.toString();
  }

  private ObjectNode json(MarkovGame g, int digits) {
    ObjectNode root = Json.nodes().objectNode();
    root.put("format", ResultsFormat.FORMAT);
    root.put("kind", "bounds");
    root.put("game", g.name());
    ArrayNode agentsNode = root.putArray("agents");
    for (int i = 0; i < g.agentCount(); i++) {
      ObjectNode a = agentsNode.addObject();
      a.put("label", g.agentLabel(i));
      ArrayNode acts = a.putArray("actions");
      for (int k = 0; k < g.actionCount(i); k++) {
        acts.add(g.actionLabel(i, k));
      }
    }
    ArrayNode states = root.putArray("states");
    for (int s = 0; s < g.stateCount(); s++) {
      states.add(g.stateLabel(s));
    }
    ArrayNode constants = root.putArray("constants");
    for (Entry e : entries) {
      ObjectNode o = constants.addObject();
      o.put("tag", e.tag());
      ArrayNode q = o.putArray("qualifiers");
      e.qualifiers().forEach(q::add);
      @Nullable BigFraction v = e.value();
      if (v != null) {
        o.set("value", ExactNumbers.toJson(v, digits));
      } else {
        o.put("status", e.word());
      }
      o.put("source", e.source());
      @Nullable String note = e.note();
      if (note != null) {
        o.put("note", note);
      }
    }
    return root;
  }
}
