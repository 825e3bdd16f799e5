package org.mpgref.theory;

import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.mpgref.catalog.CatalogGame;
import org.mpgref.game.AnonymousMarkovGame;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.StagePotential;
import org.mpgref.game.StageRange;
import org.mpgref.numbers.Rationals;
import org.mpgref.theory.Constant.Status;
import org.mpgref.theory.TheoryBounds.Expensive;

/**
 * The computation behind {@link TheoryBounds#of}: decides, section by section, which theorem applies to the game and
 * computes its constants, exact or as proven bounds beyond the {@link SizeGuard}.
 */
final class BoundsComputation {
  private final MarkovGame g;
  private final String gameSource;
  private final @Nullable String piRefused;
  private final @Nullable String enumRefused;
  private final String fallback;
  /** Why the declared potential is not a verified Markov potential; decided after the rewards, as before. */
  private @Nullable String potentialProblem;

  private BoundsComputation(MarkovGame g, Expensive mode) {
    this.g = g;
    this.gameSource = TheoryBounds.GAME_SOURCE + " (" + g.name() + ")";
    this.piRefused = mode == Expensive.ALWAYS ? null
        : mode == Expensive.NEVER ? "--expensive never" : SizeGuard.policyIterationTooLarge(g).orElse(null);
    this.enumRefused = mode == Expensive.ALWAYS ? null : SizeGuard.enumerationTooLarge(g).orElse(null);
    this.fallback = piRefused == null ? "" : "exact value not computed: " + piRefused + "; proven bound";
  }

  static TheoryBounds compute(MarkovGame g, Expensive mode) {
    return new BoundsComputation(g, mode).compute(mode);
  }

  private static Constant value(String tag, BigFraction value, String source, @Nullable String note,
      String... qualifiers) {
    return Constant.of(tag, value, source, Optional.ofNullable(note), qualifiers);
  }

  private static Constant word(String tag, Status status, String source, @Nullable String note,
      String... qualifiers) {
    return Constant.without(tag, status, source, Optional.ofNullable(note), qualifiers);
  }

  private TheoryBounds compute(Expensive mode) {
    int aMax = RegretConstants.maxActions(g);
    BigFraction rhoMin = g.initial(0);
    for (int s = 1; s < g.stateCount(); s++) {
      if (Rationals.compare(g.initial(s), rhoMin) < 0) {
        rhoMin = g.initial(s);
      }
    }
    TheoryBounds.GameFacts facts = new TheoryBounds.GameFacts(
        value("GAMMA", g.discount(), gameSource, null),
        value("AGENTS", BigFraction.of(g.agentCount()), gameSource, null),
        value("STATES", BigFraction.of(g.stateCount()), gameSource, null),
        value("ACTIONSUM", BigFraction.of(MonotoneBounds.actionSum(g)), gameSource, null),
        value("ACTIONMAX", BigFraction.of(aMax), gameSource, null),
        value("RHOMIN", rhoMin, gameSource, null));

    // rewards
    BigFraction @Nullable [] range = null;
    @Nullable BigFraction halfSpan = null;
    boolean halfSpanExact = false;
    if (enumRefused == null) {
      StageRange r = StageRange.ofAllRewards(g);
      range = new BigFraction[] {r.min(), r.max()};
      halfSpan = RegretConstants.rewardHalfSpan(g);
      halfSpanExact = true;
    } else {
      MarkovGame inner = g instanceof CatalogGame ? ((CatalogGame) g).game() : g;
      if (inner instanceof AnonymousMarkovGame) {
        range = ((AnonymousMarkovGame) inner).rewardRange();
        halfSpan = range[1].subtract(range[0]).divide(2);
      }
    }
    TheoryBounds.Rewards rewards = rewards(range, halfSpan, halfSpanExact);
    potentialProblem = PotentialStatus.problem(g).orElse(null);
    Constant potential = potential();
    Optional<BigFraction> mBound = MismatchCoefficient.bound(g);
    Constant mismatch = mismatch(mBound);
    Constant mismatchBound = mBound.isPresent() ? value("MISMATCHBOUND", mBound.get(),
        TheoryBounds.MISMATCH_BOUND_SOURCE, null)
        : word("MISMATCHBOUND", Status.NOT_APPLICABLE, TheoryBounds.MISMATCH_BOUND_SOURCE, "some rho(s) = 0");
    TheoryBounds.Inpg inpg = inpg(mismatch, range);
    TheoryBounds.Pmd pmd = pmd();
    TheoryBounds.Monotone monotone = monotone(rhoMin);
    TheoryBounds.Regret regret = regret(halfSpan, halfSpanExact);
    return new TheoryBounds(g.name(), mode, facts, rewards, potential,
        new TheoryBounds.Mismatch(mismatch, mismatchBound), inpg, pmd, monotone, regret);
  }

  private TheoryBounds.Rewards rewards(BigFraction @Nullable [] range, @Nullable BigFraction halfSpan,
      boolean halfSpanExact) {
    String rewardSource = gameSource + ": min and max of r_i(s,a) over agents, states and joint actions";
    Constant min;
    Constant max;
    if (range != null) {
      min = value("REWARDMIN", range[0], rewardSource, null);
      max = value("REWARDMAX", range[1], rewardSource, null);
    } else {
      min = word("REWARDMIN", Status.NOT_COMPUTED, rewardSource, "joint actions not enumerated: " + enumRefused);
      max = word("REWARDMAX", Status.NOT_COMPUTED, rewardSource, "joint actions not enumerated: " + enumRefused);
    }
    String halfSpanSource = "R = max_i (max_{s,a} r_i - min_{s,a} r_i)/2, " + TheoryBounds.REGRET_CONSTANTS_SOURCE;
    Constant half;
    if (halfSpan == null) {
      half = word("REWARDHALFSPAN", Status.NOT_COMPUTED, halfSpanSource, "joint actions not enumerated: "
          + enumRefused);
    } else if (halfSpanExact) {
      half = value("REWARDHALFSPAN", halfSpan, halfSpanSource, null, "exact");
    } else {
      half = value("REWARDHALFSPAN", halfSpan, halfSpanSource, "joint actions not enumerated: " + enumRefused
          + "; (max - min)/2 over all agents' rewards (from the anonymous game's count table), >= R", "bound");
    }
    return new TheoryBounds.Rewards(min, max, half);
  }

  private Constant potential() {
    Optional<StagePotential> sp = g.potential();
    if (sp.isEmpty()) {
      return word("POTENTIAL", Status.NONE, PotentialStatus.SOURCE, potentialProblem);
    }
    String condition = PotentialStatus.conditionName(sp.get().condition());
    Status status = potentialProblem == null ? Status.VERIFIED
        : sp.get().condition() == StagePotential.Condition.STATE_POTENTIAL_ONLY ? Status.NO_MARKOV_CLAIM
        : Status.VIOLATED;
    return word("POTENTIAL", status, PotentialStatus.SOURCE, potentialProblem, condition);
  }

  private Constant mismatch(Optional<BigFraction> mBound) {
    if (piRefused == null) {
      MismatchCoefficient.Result r = MismatchCoefficient.of(g);
      if (r.value().isPresent()) {
        return value("MISMATCH", r.value().get(), TheoryBounds.MISMATCH_SOURCE, null, "exact");
      }
      return word("MISMATCH", Status.INFINITE, TheoryBounds.MISMATCH_SOURCE, "min_pi d_rho^pi(s) = 0 at state "
          + g.stateLabel(r.state()) + ": some product policy never visits it");
    }
    if (mBound.isPresent()) {
      return value("MISMATCH", mBound.get(), TheoryBounds.MISMATCH_BOUND_SOURCE, fallback
          + " 1/((1-gamma) min_s rho(s))", "bound");
    }
    return word("MISMATCH", Status.NOT_COMPUTED, TheoryBounds.MISMATCH_SOURCE, "exact value not computed: "
        + piRefused + "; no closed-form bound either, since some rho(s) = 0");
  }

  /** Fox et al. Theorem 3.1, with the M of MISMATCH (exact, or its bound). */
  private TheoryBounds.Inpg inpg(Constant mismatch, BigFraction @Nullable [] range) {
    String inpg = StepSizeBounds.INPG_THEOREM_3_1 + ": INPG converges for eta < (1-gamma)^3 / (27 N^2 A_max^2 M)";
    @Nullable BigFraction m = mismatch.value().orElse(null);
    if (m == null) {
      return new TheoryBounds.Inpg(Optional.empty(), word("INPGSTEP", Status.NOT_APPLICABLE, inpg,
          "no finite mismatch coefficient M (see MISMATCH)"));
    }
    boolean exact = mismatch.qualifiers().contains("exact");
    String mKind = exact ? "exact" : "bound";
    Constant formula = value("INPGFORMULA", StepSizeBounds.inpgTheorem31(g, m), inpg, "the formula's value with M "
        + (exact ? "exact" : "replaced by its bound") + ", whatever the rewards: compare published step"
        + " sizes with it; it is a proven step only where INPGSTEP gives a value", "m-" + mKind);
    Constant step;
    if (range == null) {
      step = word("INPGSTEP", Status.NOT_APPLICABLE, inpg, "the theorem assumes rewards in [0,1], and the reward range"
          + " was not computed (joint actions not enumerated: " + enumRefused + ")");
    } else if (range[0].signum() < 0 || Rationals.compare(range[1], BigFraction.ONE) > 0) {
      step = word("INPGSTEP", Status.NOT_APPLICABLE, inpg, "the theorem assumes rewards in [0,1]; this game's rewards"
          + " span [" + Rationals.format(range[0]) + ", " + Rationals.format(range[1]) + "], so the formula's value"
          + " is not a proven step for it");
    } else {
      String note = "strict: eta < value; M " + (exact ? "exact" : "replaced by its bound (a larger M"
          + " gives a smaller, still valid, step)") + (potentialProblem == null ? ""
          : "; the theorem assumes a Markov potential game, which is not established here: " + potentialProblem);
      step = value("INPGSTEP", StepSizeBounds.inpgTheorem31(g, m), inpg, note, "m-" + mKind);
    }
    return new TheoryBounds.Inpg(Optional.of(formula), step);
  }

  /** φ_max and Alatur et al.'s PMD steps. */
  private TheoryBounds.Pmd pmd() {
    Optional<StagePotential> sp = g.potential();
    @Nullable BigFraction phiMax = null;
    String phiKind = "";
    @Nullable String phiNote = potentialProblem;
    Constant phi;
    if (potentialProblem != null) {
      phi = word("PHIMAX", Status.NOT_APPLICABLE, TheoryBounds.PHI_MAX_SOURCE, potentialProblem);
    } else if (piRefused == null) {
      // a verified potential is declared, so PhiMax.of is present
      phiMax = PhiMax.of(g).map(PhiMax.Result::phiMax).orElseThrow();
      phiKind = "phimax-exact";
      phi = value("PHIMAX", phiMax, TheoryBounds.PHI_MAX_SOURCE, null, "exact");
    } else if (enumRefused == null && sp.isPresent()) {
      phiMax = PhiMax.stageBound(g, sp.get());
      phiKind = "phimax-bound";
      phi = value("PHIMAX", phiMax, TheoryBounds.PHI_MAX_SOURCE, fallback
          + " max_{s,a} |phi(s,a)|/(1-gamma) >= phi_max", "bound");
    } else {
      phiNote = "phi_max not computed: " + (piRefused == null ? "" : piRefused + "; ")
          + "joint actions not enumerated: " + enumRefused;
      phi = word("PHIMAX", Status.NOT_COMPUTED, TheoryBounds.PHI_MAX_SOURCE, phiNote);
    }
    String pmdEuclid = StepSizeBounds.PMD_EUCLIDEAN;
    String pmdKl = StepSizeBounds.PMD_KL;
    if (phiMax == null) {
      String why = potentialProblem != null ? potentialProblem : phiNote;
      Status w = potentialProblem != null ? Status.NOT_APPLICABLE : Status.NOT_COMPUTED;
      return new TheoryBounds.Pmd(phi, word("PMDSTEPEUCLID", w, pmdEuclid, why),
          word("PMDSTEPKLSQUARED", w, pmdKl, why), word("PMDSTEPKL", w, pmdKl, why));
    }
    if (phiMax.signum() == 0) {
      String why = "phi_max = 0: the declared potential is identically 0, so the formula is undefined (every step"
          + " leaves Phi constant)";
      return new TheoryBounds.Pmd(phi, word("PMDSTEPEUCLID", Status.NOT_APPLICABLE, pmdEuclid, why),
          word("PMDSTEPKLSQUARED", Status.NOT_APPLICABLE, pmdKl, why),
          word("PMDSTEPKL", Status.NOT_APPLICABLE, pmdKl, why));
    }
    @Nullable String boundNote = phiKind.equals("phimax-bound") ? "computed with the bound on phi_max: a smaller,"
        + " more conservative step than the seed's" : null;
    Constant euclid = value("PMDSTEPEUCLID", StepSizeBounds.pmdEuclidean(g, phiMax), pmdEuclid, boundNote, phiKind);
    Constant klSquared = value("PMDSTEPKLSQUARED", StepSizeBounds.pmdKlSquared(g, phiMax), pmdKl,
        "eta_KL^2 = (1-gamma)^2/(4 phi_max^2 N), exact" + (boundNote == null ? "" : "; " + boundNote), phiKind);
    StepSizeBounds.SquareRoot root = StepSizeBounds.pmdKl(g, phiMax);
    Constant kl = value("PMDSTEPKL", root.value(), pmdKl, (root.exact() ? "eta_KL is rational; exact"
        : "eta_KL is irrational; the largest k/2^m <= eta_KL with k of 53 bits (a double; eta_KL - value < 2^-52"
            + " value)") + (boundNote == null ? "" : "; " + boundNote), phiKind,
        root.exact() ? "exact" : "rounded-down");
    return new TheoryBounds.Pmd(phi, euclid, klSquared, kl);
  }

  /** The monotone-potential steps of proofs-notes/monotone-ipg.md. */
  private TheoryBounds.Monotone monotone(BigFraction rhoMin) {
    String mono = MonotoneBounds.SOURCE;
    @Nullable String monoWhy = potentialProblem != null ? potentialProblem
        : enumRefused != null ? "joint actions not enumerated: " + enumRefused : null;
    if (monoWhy != null) {
      Status w = potentialProblem != null ? Status.NOT_APPLICABLE : Status.NOT_COMPUTED;
      return new TheoryBounds.Monotone(word("PHIHALFSPAN", w, mono, monoWhy),
          word("IPGSTEPNONDECREASING", w, mono, monoWhy), word("IPGSTEPASCENT", w, mono, monoWhy),
          word("QASCENTSTEPNONDECREASING", w, mono, monoWhy));
    }
    Constant half = value("PHIHALFSPAN", MonotoneBounds.phiHalfSpan(g), mono, "phi-hat = (max phi - min phi)/2");
    String flat = "phi is constant, so Phi is constant and every step keeps it";
    Optional<BigFraction> ipg = MonotoneBounds.ipgNonDecreasing(g);
    Constant ipgStep;
    Constant ipgAscent;
    if (ipg.isPresent()) {
      ipgStep = value("IPGSTEPNONDECREASING", ipg.get(), mono, "IPG never decreases Phi(rho) for 0 < eta <= 2/L,"
          + " L = (1+gamma) phi-hat sum_i |A_i|/(1-gamma)^3");
      ipgAscent = value("IPGSTEPASCENT", MonotoneBounds.ipgSufficientAscent(g).orElseThrow(), mono, "sufficient"
          + " ascent Phi^{t+1}(rho) - Phi^t(rho) >= |pi^{t+1} - pi^t|^2/(2 eta) for 0 < eta <= 1/L");
    } else {
      ipgStep = word("IPGSTEPNONDECREASING", Status.UNBOUNDED, mono, flat);
      ipgAscent = word("IPGSTEPASCENT", Status.UNBOUNDED, mono, flat);
    }
    Constant q;
    if (rhoMin.signum() == 0) {
      q = word("QASCENTSTEPNONDECREASING", Status.NOT_APPLICABLE, mono, "some rho(s) = 0; the bound needs rho > 0");
    } else {
      Optional<BigFraction> qa = MonotoneBounds.qAscentNonDecreasing(g);
      q = qa.isPresent() ? value("QASCENTSTEPNONDECREASING", qa.get(), mono, "projected Q-ascent never decreases"
          + " Phi(rho) for 0 < eta <= 2 rho_min/L")
          : word("QASCENTSTEPNONDECREASING", Status.UNBOUNDED, mono, flat);
    }
    return new TheoryBounds.Monotone(half, ipgStep, ipgAscent, q);
  }

  /** The visitation floor and the Nash-regret step limit of projected Q-ascent, ν uniform. */
  private TheoryBounds.Regret regret(@Nullable BigFraction halfSpan, boolean halfSpanExact) {
    BigFraction[] nu = RegretConstants.uniform(g);
    String floorSource = "c = min_{pi,s} d_nu^pi(s), nu uniform over states; " + TheoryBounds.REGRET_CONSTANTS_SOURCE;
    BigFraction c;
    String cKind;
    Constant floor;
    if (piRefused == null) {
      c = RegretConstants.visitationFloor(g, nu);
      cKind = "exact";
      floor = value("VISITATIONFLOOR", c, floorSource, null, "exact");
    } else {
      c = RegretConstants.visitationFloorBound(g, nu);
      cKind = "bound";
      floor = value("VISITATIONFLOOR", c, floorSource, fallback + " (1-gamma) min_s nu(s) <= c", "bound");
    }
    String regret = StepSizeBounds.PROJECTED_Q_ASCENT_SUFFICIENT_ASCENT;
    Constant step;
    if (potentialProblem != null) {
      step = word("NASHREGRETSTEP", Status.NOT_APPLICABLE, regret, potentialProblem);
    } else if (halfSpan == null) {
      step = word("NASHREGRETSTEP", Status.NOT_COMPUTED, regret, "R not computed (see REWARDHALFSPAN)");
    } else if (halfSpan.signum() == 0) {
      step = word("NASHREGRETSTEP", Status.UNBOUNDED, regret, "R = 0: every agent's reward is constant");
    } else if (c.signum() == 0) {
      step = word("NASHREGRETSTEP", Status.NOT_APPLICABLE, regret, "the visitation floor c is 0");
    } else {
      String note = "eta_0 = (1-gamma)^2 c/(R sum_i |A_i|), nu uniform"
          + (cKind.equals("bound") || !halfSpanExact ? "; computed with bounds on c and/or R (a smaller, still valid,"
              + " limit)" : "");
      step = value("NASHREGRETSTEP", StepSizeBounds.projectedQAscentSufficientAscent(g, c, halfSpan), regret, note,
          "c-" + cKind, "r-" + (halfSpanExact ? "exact" : "bound"));
    }
    return new TheoryBounds.Regret(floor, step);
  }
}
