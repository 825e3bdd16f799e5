package org.mpgref.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mpgref.testkit.ExactAssertions.assertThatExact;

import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.catalog.DistancingGame;
import org.mpgref.catalog.RoutingGame;
import org.mpgref.dynamics.Algorithm;
import org.mpgref.dynamics.DoubleDynamics;
import org.mpgref.dynamics.Iterate;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.evaluation.NashGap;
import org.mpgref.game.AnonymousMarkovGame;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.numbers.Rationals;
import org.mpgref.potential.PotentialCheck;

/**
 * The figures of README results rows 14, 15 and 17 (the distancing-game audit), asserted exactly on the same runs and
 * checks as {@code mpgref audit distancing} with its defaults (N = 8, 10 trials of check-potential, seed 1).
 */
class DistancingClaimsTest {
  private static final AnonymousMarkovGame D8 = DistancingGame.of(DistancingGame.published(8));

  /** The first t whose exact Nash gap is at most 1e−6, scoring every iterate from t = 0. */
  private static int firstBelow(Algorithm alg, int maxIterations) {
    List<Iterate> run = DoubleDynamics.run(D8.toDouble(), alg, 1e-4, maxIterations, DistancingAudit.STOP_L1, t -> {});
    for (Iterate it : run) {
      BigFraction gap = NashGap.of(D8, Policy.ofDoublePolicy(it.policy())).nashGap();
      if (Rationals.compare(gap, DistancingAudit.GAP_THRESHOLD) <= 0) {
        return it.t();
      }
    }
    return -1;
  }

  /** Row 14: with exact gaps, INPG reaches gap ≤ 1e−6 at t = 70 and IPG at t = 121 (η = 1e−4 both): 121/70 ≈ 1.7. */
  @Test
  void row14InpgReachesTheGapIn70IterationsAndIpgIn121() {
    int inpg = firstBelow(Algorithm.INPG, 130);
    int ipg = firstBelow(Algorithm.IPG, 130);
    assertThat(inpg).isEqualTo(70);
    assertThat(ipg).isEqualTo(121);
    assertThat(String.format(java.util.Locale.ROOT, "%.1f", (double) ipg / inpg)).isEqualTo("1.7");
  }

  /**
   * Row 15: check-potential (10 trials, seed 1, as the audit) finds an exact counterexample to the MPG identity in the
   * distancing and routing games for N = 3 and 8, each re-checked from scratch; for distancing N = 3 a 4-cycle of
   * pure policies sums to 396 at the safe state.
   */
  @Test
  void row15TheBenchmarksAreNotMpgs() {
    List<MarkovGame> games = List.of(DistancingGame.of(DistancingGame.published(3)), D8, RoutingGame.published(3),
        RoutingGame.published(8));
    for (MarkovGame g : games) {
      PotentialCheck.Result r = PotentialCheck.check(g, 10, 1L);
      assertThat(r).as(g.name()).isInstanceOf(PotentialCheck.NotAnMpg.class);
      PotentialCheck.Counterexample cx = ((PotentialCheck.NotAnMpg) r).counterexample();
      assertThat(cx.verify()).as(g.name()).isTrue();
    }
    PotentialCheck.Counterexample d3 =
        ((PotentialCheck.NotAnMpg) PotentialCheck.check(games.get(0), 10, 1L)).counterexample();
    assertThatExact(d3.cycleSum().abs()).isEqualTo(BigFraction.of(396));
    assertThat(d3.state()).isEqualTo(0);
    for (Policy p : List.of(d3.base(), d3.deviationI(), d3.deviationJ())) {
      for (int i = 0; i < p.agentCount(); i++) {
        for (int s = 0; s < p.stateCount(); s++) {
          for (int a = 0; a < p.actionCount(i); a++) {
            assertThat(p.prob(i, s, a)).as("pure policies").isIn(BigFraction.ZERO, BigFraction.ONE);
          }
        }
      }
    }
  }

  /**
   * Row 16: projected Q-ascent at η = 5e−3 never meets the papers' L1 &lt; 1e−15 rule in 1000 iterations; its L1
   * change stalls near 2.5e−14 (between 1e−14 and 5e−14 over the last 100 iterations), while IPG and INPG at
   * η = 1e−4 meet it (at 221 and 107 iterations).
   */
  @Test
  void row16ProjectedQAscentStallsAboveTheStoppingRule() {
    List<Iterate> qa = DoubleDynamics.run(D8.toDouble(), Algorithm.PROJECTED_Q_ASCENT, 5e-3, 1000,
        DistancingAudit.STOP_L1, t -> {});
    assertThat(qa).hasSize(1001);
    for (Iterate it : qa.subList(900, 1001)) {
      assertThat(it.l1Change()).as("t = %d", it.t()).isBetween(1e-14, 5e-14);
    }
    assertThat(qa.subList(1, 1001)).allSatisfy(it -> assertThat(it.l1Change()).isGreaterThanOrEqualTo(1e-15));
    assertThat(DoubleDynamics.run(D8.toDouble(), Algorithm.IPG, 1e-4, 1000, DistancingAudit.STOP_L1, t -> {}))
        .hasSize(222);
    assertThat(DoubleDynamics.run(D8.toDouble(), Algorithm.INPG, 1e-4, 1000, DistancingAudit.STOP_L1, t -> {}))
        .hasSize(108);
  }

  /**
   * Row 17: 20-step rollouts at γ = 99/100 keep 1 − γ²⁰ of the discount mass (Σ_{t<20} (1−γ)γ^t, summed term by
   * term here), which is 0.182 to three places; the published code's visitation weight (1/2) Σ_{t<20} γ^t is 9.105 to
   * three places in both states, while the exact d_ρ at uniform is a distribution (each entry ≤ 1).
   */
  @Test
  void row17RolloutsKeep18PercentAndTheWeightIsAbout9Point1() {
    BigFraction gamma = D8.discount();
    assertThat(gamma).isEqualTo(BigFraction.of(99, 100));
    BigFraction mass = BigFraction.ZERO;
    BigFraction weight = BigFraction.ZERO;
    BigFraction power = BigFraction.ONE;
    for (int t = 0; t < 20; t++) {
      mass = mass.add(BigFraction.ONE.subtract(gamma).multiply(power));
      weight = weight.add(power.divide(2));
      power = power.multiply(gamma);
    }
    assertThat(mass).isEqualTo(BigFraction.ONE.subtract(gamma.pow(20)));
    assertThatExact(mass).isGreaterThanOrEqualTo(BigFraction.of(1815, 10_000));
    assertThatExact(mass).isLessThan(BigFraction.of(1825, 10_000));
    assertThatExact(weight).isGreaterThanOrEqualTo(BigFraction.of(91_045, 10_000));
    assertThatExact(weight).isLessThan(BigFraction.of(91_055, 10_000));
    Evaluation eu = Evaluation.of(D8, Policy.uniform(D8));
    assertThat(eu.visitation(0).add(eu.visitation(1))).isEqualTo(BigFraction.ONE);
    for (int s = 0; s < 2; s++) {
      assertThatExact(eu.visitation(s)).isLessThan(weight);
      assertThat(eu.visitation(s).signum()).isPositive();
    }
  }
}
