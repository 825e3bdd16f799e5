package org.mpgref.theory.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mpgref.testkit.ExactAssertions.assertThatExact;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.mpgref.catalog.DistancingGame;
import org.mpgref.dynamics.Algorithm;
import org.mpgref.dynamics.PolicyMirrorDescent;
import org.mpgref.game.DoublePolicy;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.numbers.Rationals;
import org.mpgref.testkit.RandomGames;
import org.mpgref.theory.KlRegretBound;
import org.mpgref.theory.PhiMax;
import org.mpgref.theory.QAscentRegretBound;
import org.mpgref.theory.RegretConstants;
import org.mpgref.theory.StepSizeBounds;

/**
 * The Nash-regret sweep of specs/nash-regret.md ("Measured exponents"): on a FIXED set of games — three random
 * identical-interest games (RandomGames.identicalInterest with seeds 11, 12, 13; 2 agents, 2 actions; 1, 2, 2
 * states) and the distancing game with N = 3 (not an MPG) — it runs PMD from the uniform policy for 2^12 steps in
 * double (Euclidean at our proven step η₀ and at Alatur et al.'s η, KL at Alatur et al.'s η rounded down to a 53-bit
 * dyadic; for distancing also Euclidean at Ding et al.'s code value 5e−3), scores EVERY iterate exactly
 * (Policy.ofDoublePolicy, NashGap), and prints Nash-Regret(2^k) (exact sums of the exact gaps, rounded once to
 * double), the least-squares exponent of T over k = 0..12 and
 * over the tail k = 6..12, the proven bound where it applies (for KL: NashRegretKl's theorem, checked exactly on the rationalised iterates up to
 * the last certified step T_c, with KL also run at our step η₁ where η_KL &gt; η₁) and the constant implied by Ding et
 * al.'s rate shape. It
 * also runs the one-state game exactly for 2^6 steps at η₀ and checks the theorem at every T, and checks the KL theorem
 * on a 2^10-step rounded rational KL run (30 significant digits) of the one-state game at η_KL'.
 *
 * <p>Heavy (about three minutes): skipped unless {@code -Dmpgref.heavy=true}. Run it with
 * {@code mvn -B -ntp -Pheavy test -Dtest=NashRegretSweepTest} (the {@code heavy} profile sets the property;
 * {@code -Dmpgref.heavy=true} works too).
 */
@Tag("heavy")
@EnabledIfSystemProperty(named = "mpgref.heavy", matches = "true")
class NashRegretSweepTest {
  private static final int K = 12;

  @Test
  void sweep() {
    List<MarkovGame> games = new ArrayList<>();
    games.add(RandomGames.identicalInterest(1, 2, 2, 11L));
    games.add(RandomGames.identicalInterest(2, 2, 2, 12L));
    games.add(RandomGames.identicalInterest(2, 2, 2, 13L));
    games.add(DistancingGame.of(DistancingGame.published(3)));
    StringBuilder out = new StringBuilder();
    out.append("| game | γ | φ_max | run | η | NR(1) | NR(2^6) | NR(2^12) | exponent k=0..12 | exponent k=6..12 | "
        + "proven bound on NR(2^12) | NR²·T/(d_p⁴AN) max over T |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (MarkovGame g : games) {
      PhiMax.Result pm = PhiMax.of(g).orElseThrow();
      BigFraction etaE = StepSizeBounds.pmdEuclidean(g, pm.phiMax());
      StepSizeBounds.SquareRoot etaK = StepSizeBounds.pmdKl(g, pm.phiMax());
      BigFraction[] nu = RegretConstants.uniform(g);
      QAscentRegretBound.Assessment probe = QAscentRegretBound.assess(g, etaE, nu);
      java.util.Optional<BigFraction> cover = RegretConstants.coverage(g); // empty = infinite (ρ(s) = 0 at a visited s)
      BigFraction sCount = BigFraction.of(g.stateCount());
      BigFraction dp = cover.filter(x -> Rationals.compare(x, sCount) < 0).orElse(sCount);
      System.out.printf(Locale.ROOT, "%s: phi_max = %s, R = %s, c = %s, eta_0 = %s, eta_E = %s, eta_KL = %s (exact: %s),"
          + " d = %s, d_p = %s, proven bound applies at eta_E: %s%n", g.name(), Rationals.format(pm.phiMax()),
          Rationals.format(probe.halfSpan()), Rationals.format(probe.visitationFloor()),
          probe.stepLimit().map(Rationals::format).orElse("-"), Rationals.format(etaE),
          Rationals.format(etaK.value()), etaK.exact(), cover.map(Rationals::format).orElse("infinite"), Rationals.format(dp),
          probe.notApplicable().orElse("yes"));
      List<Run> runs = new ArrayList<>();
      boolean mpg = probe.notApplicable().map(r -> !r.contains("STATE_POTENTIAL_ONLY")).orElse(true);
      if (mpg && probe.stepLimit().isPresent()) {
        runs.add(new Run("Euclidean, proven η₀", probe.stepLimit().get(), Algorithm.PMD_EUCLIDEAN));
      }
      runs.add(new Run("Euclidean, Alatur η", etaE, Algorithm.PMD_EUCLIDEAN));
      runs.add(new Run("KL, Alatur η (53-bit dyadic below)", etaK.value(), Algorithm.PMD_KL));
      KlRegretBound.Assessment klProbe = KlRegretBound.assess(g, etaK.value(), nu);
      System.out.printf(Locale.ROOT, "  KL: eta_1 = %s, eta_KL <= eta_1: %s, KL bound applies at eta_KL': %s%n",
          klProbe.stepLimit().map(Rationals::format).orElse("none"),
          KlRegretBound.alaturStepWithinLimit(g, pm.phiMax(), klProbe.stepLimit()), klProbe.notApplicable().orElse("yes"));
      if (mpg && !klProbe.applies() && klProbe.stepLimit().isPresent()) {
        runs.add(new Run("KL, proven η₁ (double at or below)", dyadicAtMost(klProbe.stepLimit().get()), Algorithm.PMD_KL));
      }
      if (!mpg) {
        runs.add(new Run("Euclidean, Ding code η", BigFraction.of(1, 200), Algorithm.PMD_EUCLIDEAN));
      }
      for (Run run : runs) {
        BigFraction eta = run.eta();
        Algorithm map = run.map();
        long t0 = System.nanoTime();
        List<DoublePolicy> it = PolicyMirrorDescent.runDouble(g.toDouble(), Policy.uniform(g).toDouble(), map,
            eta.doubleValue(), 1 << K);
        String klBound = "";
        BigFraction[] gaps;
        KlRegretBound.Assessment klAs = KlRegretBound.assess(g, eta, nu);
        if (map == Algorithm.PMD_KL && mpg && klAs.applies()) {
          // the KL theorem on the rationalised iterates: (P1), (P2), Lemma C at every step, bound at T_c (exact)
          KlLongRunCheck.LongRunCheck lr = KlLongRunCheck.checkLongRun(g, it.stream().map(Policy::ofDoublePolicy).toList(),
              eta, nu);
          assertThat(lr.certifiedSteps()).isPositive();
          assertThat(lr.holds()).as("KL theorem on %s at T_c = %d", g.name(), lr.certifiedSteps()).isTrue();
          gaps = lr.gaps();
          klBound = String.format(Locale.ROOT, "KL bound on NR(T_c) = %.4g ≥ NR(T_c) = %.4g; T_c = %d of %d steps"
              + " certified, c_min = %.4g", lr.aPrioriBound(), lr.regret(), lr.certifiedSteps(), lr.steps(),
              lr.trajectoryConstant().doubleValue());
        } else {
          gaps = NashRegret.gapsOfDoubleIterates(g, it);
        }
        for (BigFraction x : gaps) {
          assertThatExact(x).isGreaterThanOrEqualTo(BigFraction.ZERO);
        }
        int[] hs = new int[K + 1];
        long[] hl = new long[K + 1];
        for (int k = 0; k <= K; k++) {
          hs[k] = 1 << k;
          hl[k] = 1L << k;
        }
        double[] nrd = NashRegret.regretsToDouble(gaps, hs); // exact sums, rounded once
        double eAll = NashRegret.exponent(hl, nrd);
        double eTail = NashRegret.exponent(java.util.Arrays.copyOfRange(hl, 6, K + 1),
            java.util.Arrays.copyOfRange(nrd, 6, K + 1));
        String bound = "n/a (not an MPG)";
        if (mpg) {
          QAscentRegretBound.Assessment as = QAscentRegretBound.assess(g, eta, nu);
          bound = map == Algorithm.PMD_KL ? (klAs.applies() ? klBound : "n/a: η > η₁")
              : as.applies() ? String.format(Locale.ROOT, "%.4g", Math.sqrt(as.aPrioriSquared(1L << K).doubleValue()))
              : "n/a: η > η₀";
        }
        double implied = 0;
        for (int k = 0; k <= K; k++) {
          BigFraction shape = StepSizeBounds.dingNashRegretMpgShapeSquared(dp, maxActions(g), g.agentCount(), 1L << k);
          implied = Math.max(implied, nrd[k] * nrd[k] / shape.doubleValue());
        }
        out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %.4g | %.4g | %.4g | %.3f | %.3f | %s | %.4g |%n",
            g.name(), Rationals.format(g.discount()), Rationals.format(pm.phiMax()), run.label(), etaText(eta),
            nrd[0], nrd[6], nrd[K], eAll, eTail, bound, implied));
        System.out.printf(Locale.ROOT, "  %s eta=%s: exponent %.3f (tail %.3f), %.1f s%n", run.label(), etaText(eta), eAll, eTail,
            (System.nanoTime() - t0) / 1e9);
      }
    }
    // the theorem on an exact run of the one-state game
    MarkovGame g1 = games.get(0);
    BigFraction[] nu1 = RegretConstants.uniform(g1);
    BigFraction eta0 = QAscentRegretBound.assess(g1, BigFraction.ONE, nu1).stepLimit().orElseThrow();
    QAscentRegretCheck.RunCheck exact = QAscentRegretCheck.checkExactRun(g1, Policy.uniform(g1), eta0, nu1, 1 << 6, 5000);
    assertThat(exact.holds()).isTrue();
    out.append(String.format(Locale.ROOT, "%nExact run of %s at η₀ = %s: %d horizons checked, theorem holds at every T: %s;"
        + " NR(64) = %.4g ≤ proven %.4g; exponent k=0..6 %.3f%n", g1.name(), Rationals.format(eta0),
        exact.checks().size(), exact.holds(), exact.checks().get(exact.checks().size() - 1).regret().doubleValue(),
        Math.sqrt(exact.checks().get(exact.checks().size() - 1).aPrioriSquared().doubleValue()),
        NashRegret.exponentOverPowersOfTwo(exact.gaps(), 0, 6)));
    // the KL theorem on a rounded rational KL run (30 significant digits) of the one-state game at eta_KL'
    BigFraction etaK1 = StepSizeBounds.pmdKl(g1, PhiMax.of(g1).orElseThrow().phiMax()).value();
    List<Policy> rounded = RoundedKlRun.roundedKlRun(g1, Policy.uniform(g1), etaK1, 1 << 10, 30);
    KlLongRunCheck.LongRunCheck lr = KlLongRunCheck.checkLongRun(g1, rounded, etaK1, nu1);
    assertThat(lr.holds()).isTrue();
    out.append(String.format(Locale.ROOT, "Rounded KL run (30 significant digits) of %s at η_KL' = %.6g, %d steps: %d"
        + " certified, NR(T_c) = %.4g ≤ KL bound %.4g (a priori; a posteriori %.4g), c_min = %.4g%n", g1.name(),
        etaK1.doubleValue(), lr.steps(), lr.certifiedSteps(), lr.regret(), lr.aPrioriBound(), lr.aPosterioriBound(),
        lr.trajectoryConstant().doubleValue()));
    System.out.println(out);
  }

  private record Run(String label, BigFraction eta, Algorithm map) {}

  /** The largest double ≤ x, as an exact rational (the double run and the exact check then use the same step). */
  private static BigFraction dyadicAtMost(BigFraction x) {
    double d = x.doubleValue();
    BigFraction r = Rationals.ofDouble(d);
    while (Rationals.compare(r, x) > 0) {
      d = Math.nextDown(d);
      r = Rationals.ofDouble(d);
    }
    return r;
  }

  /** Short exact text, or a decimal for long dyadic steps. */
  private static String etaText(BigFraction eta) {
    String exact = Rationals.format(eta);
    return exact.length() <= 16 ? exact : String.format(Locale.ROOT, "%.6g", eta.doubleValue());
  }

  private static int maxActions(MarkovGame g) {
    int m = 0;
    for (int i = 0; i < g.agentCount(); i++) {
      m = Math.max(m, g.actionCount(i));
    }
    return m;
  }
}
