package org.mpgref.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mpgref.testkit.ExactAssertions.assertThatExact;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.apache.commons.numbers.fraction.BigFraction;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.numbers.Rationals;
import org.mpgref.game.StagePotential;
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.testkit.RandomGames;
import org.mpgref.testkit.Seeds;

/**
 * The constants of proofs-notes/monotone-ipg.md, their formulas on a hand example, and the lemmas they rest on,
 * checked exactly on random games: the second-order expansion of Φ (§2–3), the Cauchy–Schwarz step (E2), the
 * gradient lemma G (agent i's Q̄_i differs from the potential's Q̄^φ_i by a constant per state in an MPG), and the
 * Lipschitz bound K (§6).
 */
class MonotoneBoundsTest {

  @Test
  void constantsOfTheCoordinationGame() {
    MarkovGame g = MonotoneTestGames.coordination();
    assertThat(MonotoneBounds.phiHalfSpan(g)).isEqualTo(BigFraction.of(1, 2));
    assertThat(MonotoneBounds.actionSum(g)).isEqualTo(4);
    assertThat(MonotoneBounds.curvature(g)).isEqualTo(BigFraction.of(1, 2)); // (1+0)·(1/2)/1
    assertThat(MonotoneBounds.smoothness(g)).isEqualTo(BigFraction.of(2)); // C·A_sum
    assertThat(MonotoneBounds.ipgNonDecreasing(g)).contains(BigFraction.ONE);
    assertThat(MonotoneBounds.ipgSufficientAscent(g)).contains(BigFraction.of(1, 2));
    assertThat(MonotoneBounds.qAscentNonDecreasing(g)).contains(BigFraction.ONE); // 2·ρ_min/L, ρ_min = 1
    assertThat(MonotoneBounds.lipschitz(g)).isEqualTo(BigFraction.of(1, 2));
    assertThat(MonotoneBounds.remainder(g, BigFraction.of(2))).isEqualTo(BigFraction.ONE); // C·4/2
  }

  @Test
  void constantsWithDiscountAndTwoStates() {
    // γ = 1/2, φ ∈ [−3, 5] → φ̂ = 4; A_sum = 2 + 3 = 5; C = (3/2)·4/(1/8) = 48; L = 240; K = 4/(1/4) = 16
    int[] counts = {2, 3};
    BigFraction[][][] r = new BigFraction[2][6][];
    BigFraction[][][] p = new BigFraction[2][6][];
    BigFraction[][] phi = new BigFraction[2][6];
    for (int s = 0; s < 2; s++) {
      for (int j = 0; j < 6; j++) {
        phi[s][j] = BigFraction.of(s == 0 && j == 0 ? -3 : s == 1 && j == 5 ? 5 : 1);
        r[s][j] = new BigFraction[] {phi[s][j], phi[s][j]};
        p[s][j] = new BigFraction[] {BigFraction.of(1, 2), BigFraction.of(1, 2)};
      }
    }
    MarkovGame g = TabularMarkovGame.withPotential("two-state", counts, BigFraction.of(1, 2),
        new BigFraction[] {BigFraction.of(1, 4), BigFraction.of(3, 4)}, r, p, phi,
        StagePotential.Condition.IDENTICAL_INTEREST);
    assertThat(MonotoneBounds.phiHalfSpan(g)).isEqualTo(BigFraction.of(4));
    assertThat(MonotoneBounds.curvature(g)).isEqualTo(BigFraction.of(48));
    assertThat(MonotoneBounds.smoothness(g)).isEqualTo(BigFraction.of(240));
    assertThat(MonotoneBounds.ipgNonDecreasing(g)).contains(BigFraction.of(1, 120));
    assertThat(MonotoneBounds.qAscentNonDecreasing(g)).contains(BigFraction.of(1, 480)); // 2·(1/4)/240
    assertThat(MonotoneBounds.lipschitz(g)).isEqualTo(BigFraction.of(16));
  }

  @Test
  void refusals() {
    MarkovGame none = RandomGames.game(1, 2, 2, 1L);
    assertThatThrownBy(() -> MonotoneBounds.smoothness(none)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("declares no stage potential");
    BigFraction[][][] r = new BigFraction[2][4][];
    BigFraction[][][] p = new BigFraction[2][4][];
    BigFraction[][] phi = new BigFraction[2][4];
    for (int s = 0; s < 2; s++) {
      for (int j = 0; j < 4; j++) {
        phi[s][j] = BigFraction.of(7);
        r[s][j] = new BigFraction[] {phi[s][j], phi[s][j]};
        p[s][j] = new BigFraction[] {BigFraction.ONE, BigFraction.ZERO};
      }
    }
    MarkovGame flat = TabularMarkovGame.withPotential("flat", new int[] {2, 2}, BigFraction.of(1, 2),
        new BigFraction[] {BigFraction.ONE, BigFraction.ZERO}, r, p, phi, StagePotential.Condition.IDENTICAL_INTEREST);
    assertThat(MonotoneBounds.ipgNonDecreasing(flat)).isEmpty(); // constant φ: every η keeps Φ constant
    assertThatThrownBy(() -> MonotoneBounds.qAscentNonDecreasing(flat)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rho(1) = 0");
    assertThatThrownBy(() -> MonotoneBounds.remainder(flat, BigFraction.of(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * (E1) and (E2) on random MPGs and random pairs of policies π, π' = π + u:
   * |Φ(π') − Φ(π) − ⟨∇Φ(π), u⟩| ≤ C ν²/2 with ⟨∇Φ, u⟩ from the agents' own Q̄_i, and ν² ≤ A_sum max_s ‖u(·|s)‖².
   */
  @Test
  void secondOrderExpansionIsWithinTheProvenRemainder() {
    Seeds.property("monotoneSmoothness", 4801L, 80)
        .forAll(integers().between(1, 3), integers().between(2, 3), integers().between(2, 3), longs().all())
        .checkAssert((states, agents, actions, seed) -> {
          TabularMarkovGame game = RandomGames.potentialGame(states, agents, actions, seed);
          UniformRandomProvider r = RandomGames.rng(~seed);
          Policy pi = RandomGames.mixedOrPurePolicy(game, r);
          Policy next = RandomGames.mixedOrPurePolicy(game, r);
          Evaluation ev = Evaluation.of(game, pi);
          BigFraction inner = BigFraction.ZERO;
          BigFraction nu = BigFraction.ZERO;
          BigFraction maxSq = BigFraction.ZERO;
          for (int s = 0; s < states; s++) {
            BigFraction st = BigFraction.ZERO;
            BigFraction l1 = BigFraction.ZERO;
            BigFraction sq = BigFraction.ZERO;
            for (int i = 0; i < agents; i++) {
              for (int a = 0; a < game.actionCount(i); a++) {
                BigFraction u = next.prob(i, s, a).subtract(pi.prob(i, s, a));
                st = st.add(u.multiply(ev.qBar(i, s, a)));
                l1 = l1.add(u.abs());
                sq = sq.add(u.multiply(u));
              }
            }
            inner = inner.add(ev.visitation(s).multiply(st));
            nu = Rationals.compare(l1, nu) > 0 ? l1 : nu;
            maxSq = Rationals.compare(sq, maxSq) > 0 ? sq : maxSq;
          }
          inner = inner.divide(BigFraction.ONE.subtract(game.discount()));
          BigFraction gain = Evaluation.of(game, next).potentialAtInitial().orElseThrow()
              .subtract(ev.potentialAtInitial().orElseThrow());
          BigFraction rem = MonotoneBounds.remainder(game, nu);
          assertThatExact(gain.subtract(inner).abs()).as("%s", game.name()).isLessThanOrEqualTo(rem);
          assertThatExact(nu.multiply(nu))
              .isLessThanOrEqualTo(maxSq.multiply(MonotoneBounds.actionSum(game)));
          assertThatExact(rem).isLessThanOrEqualTo(MonotoneBounds.smoothness(game).multiply(maxSq).divide(2));
        });
  }

  /**
   * Lemma G: in an MPG with declared φ, Q̄_i(s,·) − Q̄^φ_i(s,·) is the same number for every action, where Q̄^φ is the
   * averaged Q of the team game with reward φ (so IPG and Q-ascent follow ∇Φ).
   */
  @Test
  void agentsAveragedQDiffersFromThePotentialsByAConstantPerState() {
    Seeds.property("monotoneGradientLemma", 4802L, 60)
        .forAll(integers().between(1, 3), integers().between(2, 3), integers().between(2, 3), longs().all())
        .checkAssert((states, agents, actions, seed) -> {
          TabularMarkovGame game = RandomGames.potentialGame(states, agents, actions, seed);
          TabularMarkovGame team = teamGame(game);
          Policy pi = RandomGames.mixedOrPurePolicy(game, RandomGames.rng(~seed));
          Evaluation ev = Evaluation.of(game, pi);
          Evaluation et = Evaluation.of(team, pi);
          for (int i = 0; i < agents; i++) {
            for (int s = 0; s < states; s++) {
              BigFraction c = ev.qBar(i, s, 0).subtract(et.qBar(i, s, 0));
              for (int a = 1; a < game.actionCount(i); a++) {
                assertThatExact(ev.qBar(i, s, a).subtract(et.qBar(i, s, a))).as("%s i=%d s=%d", game.name(), i, s)
                    .isEqualByComparingTo(c);
              }
            }
          }
        });
  }

  /** §6: |Φ(π) − Φ(π')| ≤ K max_s Σ_i ‖π_i(·|s) − π'_i(·|s)‖_1, for any game with a declared φ (MPG or not). */
  @Test
  void potentialIsLipschitzWithConstantK() {
    Seeds.property("monotoneLipschitz", 4803L, 80)
        .forAll(integers().between(1, 3), integers().between(2, 3), integers().between(2, 3), longs().all())
        .checkAssert((states, agents, actions, seed) -> {
          TabularMarkovGame game = (seed & 2L) == 0 ? RandomGames.potentialGame(states, agents, actions, seed)
              : RandomGames.statePotential(states, agents, actions, seed, false);
          UniformRandomProvider r = RandomGames.rng(~seed);
          Policy pi = RandomGames.mixedOrPurePolicy(game, r);
          Policy other = RandomGames.mixedOrPurePolicy(game, r);
          BigFraction dist = BigFraction.ZERO;
          for (int s = 0; s < states; s++) {
            BigFraction d = BigFraction.ZERO;
            for (int i = 0; i < agents; i++) {
              for (int a = 0; a < game.actionCount(i); a++) {
                d = d.add(pi.prob(i, s, a).subtract(other.prob(i, s, a)).abs());
              }
            }
            dist = Rationals.compare(d, dist) > 0 ? d : dist;
          }
          BigFraction diff = Evaluation.of(game, pi).potentialAtInitial().orElseThrow()
              .subtract(Evaluation.of(game, other).potentialAtInitial().orElseThrow()).abs();
          assertThatExact(diff).as("%s", game.name())
              .isLessThanOrEqualTo(MonotoneBounds.lipschitz(game).multiply(dist));
        });
  }

  /**
   * The identical-interest game with the same actions and transitions and r_i = φ.
   *
   * @param game a dense game with a declared φ
   * @return the team game of φ
   */
  static TabularMarkovGame teamGame(TabularMarkovGame game) {
    StagePotential sp = game.potential().orElseThrow();
    int n = game.agentCount();
    int[] counts = new int[n];
    for (int i = 0; i < n; i++) {
      counts[i] = game.actionCount(i);
    }
    int joint = RandomGames.jointCount(counts);
    int states = game.stateCount();
    BigFraction[][][] r = new BigFraction[states][joint][n];
    BigFraction[][][] p = new BigFraction[states][joint][states];
    BigFraction[][] phi = new BigFraction[states][joint];
    BigFraction[] rho = new BigFraction[states];
    for (int s = 0; s < states; s++) {
      rho[s] = game.initial(s);
      for (int j = 0; j < joint; j++) {
        int[] a = RandomGames.decode(counts, j);
        phi[s][j] = sp.phi(s, a);
        java.util.Arrays.fill(r[s][j], phi[s][j]);
        for (int t = 0; t < states; t++) {
          p[s][j][t] = game.transition(s, a, t);
        }
      }
    }
    return TabularMarkovGame.withPotential("team(" + game.name() + ")", counts, game.discount(), rho, r, p, phi,
        StagePotential.Condition.IDENTICAL_INTEREST);
  }
}
