package org.mpgref.theory.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mpgref.testkit.ExactAssertions.assertThatExact;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.dynamics.Algorithm;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.game.StagePotential;
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.testkit.RandomGames;
import org.mpgref.testkit.Seeds;
import org.mpgref.theory.MonotoneBounds;
import org.mpgref.theory.MonotoneTestGames;

/**
 * IPG and projected Q-ascent run EXACTLY at the proven step sizes of proofs-notes/monotone-ipg.md never decrease
 * Φ(ρ), and every link of the proof holds exactly along the run: inner ≥ projection (projection inequality),
 * gain ≥ inner − remainder (smoothness), guaranteed ≥ 0 (the step-size condition). Games: 1–2 states, 2 agents,
 * 2 actions, identical interest or state potential with action-independent transitions; a few steps each.
 */
class MonotoneProjectedCheckTest {
  private static final int STEPS = 3;
  private static final int MAX_DIGITS = 3000;

  private static void assertProofChain(MonotoneProjectedCheck.Step st, String what) {
    assertThatExact(st.inner()).as("projection inequality, %s", what).isGreaterThanOrEqualTo(st.projection());
    assertThat(st.smoothnessHolds()).as("smoothness lemma, %s: gain %s, inner %s, remainder %s", what, st.gain(),
        st.inner(), st.remainder()).isTrue();
    assertThatExact(st.guaranteed()).as("guaranteed <= inner - remainder, %s", what)
        .isLessThanOrEqualTo(st.inner().subtract(st.remainder()));
    assertThatExact(st.gain()).as("gain >= guaranteed, %s", what).isGreaterThanOrEqualTo(st.guaranteed());
  }

  private static MarkovGame game(int states, long seed) {
    // half the games have rewards in [0,1] and ρ > 0, half the general rewards of RandomGames (ρ may have zeros)
    return (seed & 2L) == 0 ? MonotoneTestGames.unitMpg(states, seed) : RandomGames.potentialGame(states, 2, 2, seed);
  }

  @Test
  void ipgAtTwoOverLNeverDecreasesThePotential() {
    Seeds.property("monotoneIpgExact", 4901L, 24)
        .forAll(integers().between(1, 2), longs().all())
        .checkAssert((states, seed) -> {
          MarkovGame g = game(states, seed);
          BigFraction eta = MonotoneBounds.ipgNonDecreasing(g).orElse(BigFraction.ONE);
          Policy start = RandomGames.policy(g, RandomGames.rng(~seed));
          MonotoneProjectedCheck.Run run = MonotoneProjectedCheck.run(g, start, Algorithm.IPG, eta, STEPS, MAX_DIGITS);
          assertThat(run.steps()).isNotEmpty();
          for (MonotoneProjectedCheck.Step st : run.steps()) {
            String what = g.name() + " IPG step " + st.t() + " at eta = 2/L";
            assertProofChain(st, what);
            assertThat(st.nonDecreasing()).as(what).isTrue();
            assertThatExact(st.guaranteed()).as(what).isGreaterThanOrEqualTo(BigFraction.ZERO);
            // (1/η − L/2)‖u‖² ≤ guaranteed, the form of the note's §4
            BigFraction half = MonotoneBounds.smoothness(g).divide(2);
            assertThatExact(st.gain()).as(what)
                .isGreaterThanOrEqualTo(BigFraction.ONE.divide(eta).subtract(half).multiply(st.squaredDistance()));
          }
        });
  }

  @Test
  void ipgAtOneOverLAscendsByAtLeastTheSquaredStepOverTwoEta() {
    Seeds.property("monotoneIpgSufficientAscent", 4902L, 24)
        .forAll(integers().between(1, 2), longs().all())
        .checkAssert((states, seed) -> {
          MarkovGame g = game(states, seed);
          BigFraction eta = MonotoneBounds.ipgSufficientAscent(g).orElse(BigFraction.ONE);
          Policy start = RandomGames.policy(g, RandomGames.rng(~seed));
          for (MonotoneProjectedCheck.Step st
              : MonotoneProjectedCheck.run(g, start, Algorithm.IPG, eta, STEPS, MAX_DIGITS).steps()) {
            String what = g.name() + " IPG step " + st.t() + " at eta = 1/L";
            assertProofChain(st, what);
            assertThatExact(st.gain()).as(what)
                .isGreaterThanOrEqualTo(st.squaredDistance().divide(eta.multiply(2)));
          }
        });
  }

  @Test
  void projectedQAscentAtTwoRhoMinOverLNeverDecreasesThePotential() {
    Seeds.property("monotoneQAscentExact", 4903L, 24)
        .forAll(integers().between(1, 2), longs().all())
        .checkAssert((states, seed) -> {
          MarkovGame g = MonotoneTestGames.unitMpg(states, seed); // ρ > 0 in every state
          BigFraction eta = MonotoneBounds.qAscentNonDecreasing(g).orElse(BigFraction.ONE);
          Policy start = RandomGames.policy(g, RandomGames.rng(~seed));
          for (MonotoneProjectedCheck.Step st
              : MonotoneProjectedCheck.run(g, start, Algorithm.PROJECTED_Q_ASCENT, eta, STEPS, MAX_DIGITS).steps()) {
            String what = g.name() + " Q-ascent step " + st.t() + " at eta = 2 rho_min/L";
            assertProofChain(st, what);
            assertThat(st.nonDecreasing()).as(what).isTrue();
            assertThatExact(st.guaranteed()).as(what).isGreaterThanOrEqualTo(BigFraction.ZERO);
          }
        });
  }

  /** Hand check (note §7): coordination game, η = 1 = 2/L, p = 3/5, q = 2/5: Φ rises from 12/25 by η(2−η)/50 = 1/50. */
  @Test
  void coordinationGameAtTheBound() {
    TabularMarkovGame g = MonotoneTestGames.coordination();
    Policy pi = Policy.of(new BigFraction[][][] {
        {{BigFraction.of(3, 5), BigFraction.of(2, 5)}}, {{BigFraction.of(2, 5), BigFraction.of(3, 5)}}});
    MonotoneProjectedCheck.Step st = MonotoneProjectedCheck.step(g, pi, Algorithm.IPG, BigFraction.ONE);
    assertThat(st.phiBefore()).isEqualTo(BigFraction.of(12, 25));
    assertThat(st.gain()).isEqualTo(BigFraction.of(1, 50));
    assertThat(st.after().prob(0, 0, 0)).isEqualTo(BigFraction.of(1, 2)); // p' = 3/5 − η/10
    assertThat(st.after().prob(1, 0, 0)).isEqualTo(BigFraction.of(1, 2)); // q' = 2/5 + η/10
    assertThat(st.squaredDistance()).isEqualTo(BigFraction.of(1, 25)); // 4 · (1/10)²
  }

  @Test
  void refusesGamesWhosePotentialIsNotVerified() {
    TabularMarkovGame notMpg = RandomGames.statePotential(2, 2, 2, 2L, false);
    Policy pi = Policy.uniform(notMpg);
    assertThatThrownBy(() -> MonotoneProjectedCheck.step(notMpg, pi, Algorithm.IPG, BigFraction.ONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("STATE_POTENTIAL_ONLY");
    TabularMarkovGame none = RandomGames.game(1, 2, 2, 3L);
    assertThatThrownBy(() -> MonotoneProjectedCheck.step(none, Policy.uniform(none), Algorithm.IPG, BigFraction.ONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("declares no stage potential");
    TabularMarkovGame g = MonotoneTestGames.coordination();
    // a false claim: identical interest declared for rewards that differ from φ
    TabularMarkovGame lie = TabularMarkovGame.withPotential("lie", new int[] {2, 2}, BigFraction.ZERO,
        new BigFraction[] {BigFraction.ONE},
        new BigFraction[][][] {{{BigFraction.ONE, BigFraction.ZERO}, {BigFraction.ZERO, BigFraction.ZERO},
            {BigFraction.ZERO, BigFraction.ZERO}, {BigFraction.ONE, BigFraction.ONE}}},
        new BigFraction[][][] {{{BigFraction.ONE}, {BigFraction.ONE}, {BigFraction.ONE}, {BigFraction.ONE}}},
        new BigFraction[][] {{BigFraction.ONE, BigFraction.ZERO, BigFraction.ZERO, BigFraction.ONE}},
        StagePotential.Condition.IDENTICAL_INTEREST);
    assertThatThrownBy(() -> MonotoneProjectedCheck.step(lie, Policy.uniform(lie), Algorithm.IPG, BigFraction.ONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("identical interest fails");
    assertThatThrownBy(() -> MonotoneProjectedCheck.step(g, Policy.uniform(g), Algorithm.INPG, BigFraction.ONE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MonotoneProjectedCheck.run(g, Policy.uniform(g), Algorithm.IPG, BigFraction.ONE, -1, 10))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
