package org.mpgref.stability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mpgref.testkit.ExactAssertions.assertThatExact;

import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.game.DoubleMarkovGame;
import org.mpgref.game.DoublePolicy;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.performative.AffinePerformativeGame;
import org.mpgref.performative.AffinePerformativeGame.RewardTerm;
import org.mpgref.performative.InducedGame;
import org.mpgref.performative.PerformativeGame;

/**
 * The hand-derived one-state, two-agent, two-action performative game of proofs-notes/performative-one-state-example.md:
 * γ = 1/2, p = π̄_0(0), q = π̄_1(0),
 * r_0(a; π̄) = 1 + [a_0=0]·(1 − 2p − ½[a_1=0]), r_1(a; π̄) = [a_1=0]·(1 − 2q − [a_0=0]) + ½[a_0=1].
 * With A_0 = 1 − 2p − q/2 and A_1 = 1 − 2q − p (the advantages of action 0 in G(π)), the note derives
 * gap_0 = 2·(A_0⁺·(1 − p) + A_0⁻·p), gap_1 = 2·(A_1⁺·(1 − q) + A_1⁻·q) and the unique PSE (p, q) = (3/7, 2/7), with
 * V_0 = 2 and V_1 = 4/7 there.
 */
class PseGapOneStateExampleTest {
  private static final BigFraction Z = BigFraction.ZERO;
  private static final BigFraction ONE = BigFraction.ONE;

  private static BigFraction f(int p, int q) {
    return BigFraction.of(p, q);
  }

  /** The note's game (joint index, agent 0 fastest: 0 = (0,0), 1 = (1,0), 2 = (0,1), 3 = (1,1)). */
  static AffinePerformativeGame example() {
    BigFraction[][][] r = {{{f(3, 2), Z}, {ONE, f(3, 2)}, {f(2, 1), Z}, {ONE, f(1, 2)}}};
    BigFraction[][][] p = {{{ONE}, {ONE}, {ONE}, {ONE}}};
    TabularMarkovGame base = TabularMarkovGame.of("one-state example G0", new int[] {2, 2}, f(1, 2),
        new BigFraction[] {ONE}, r, p);
    BigFraction m2 = BigFraction.of(-2);
    return AffinePerformativeGame.of("one-state example", base, List.of(
        new RewardTerm(0, 0, 0, 0, 0, 0, m2), new RewardTerm(0, 2, 0, 0, 0, 0, m2),
        new RewardTerm(0, 0, 1, 1, 0, 0, m2), new RewardTerm(0, 1, 1, 1, 0, 0, m2)), List.of());
  }

  static Policy policy(BigFraction p, BigFraction q) {
    return Policy.of(new BigFraction[][][] {{{p, ONE.subtract(p)}}, {{q, ONE.subtract(q)}}});
  }

  /** The note's closed form 2·(A⁺(1 − x) + A⁻x) for an agent with own probability x of action 0 and advantage A. */
  private static BigFraction handGap(BigFraction x, BigFraction advantage) {
    return advantage.signum() > 0 ? advantage.multiply(ONE.subtract(x)).multiply(2)
        : advantage.negate().multiply(x).multiply(2);
  }

  @Test
  void theHandComputedPseHasGapZeroAndTheHandValues() {
    PseGap g = PseGap.of(example(), policy(f(3, 7), f(2, 7)));
    assertThat(g.isExact()).isTrue();
    assertThatExact(g.pseGap().value()).isEqualByComparingTo(Z);
    assertThatExact(g.maxStateGap().value()).isEqualByComparingTo(Z);
    assertThatExact(g.inducedNashGap().evaluation().value(0, 0)).isEqualByComparingTo(f(2, 1));
    assertThatExact(g.inducedNashGap().evaluation().value(1, 0)).isEqualByComparingTo(f(4, 7));
    assertThat(g.verify()).isTrue();
    assertThat(g.pseGap().format()).isEqualTo("0");
  }

  @Test
  void uniformAndPurePoliciesHaveTheHandGaps() {
    PseGap u = PseGap.of(example(), policy(f(1, 2), f(1, 2)));
    assertThatExact(u.gapAtInitial(0).value()).isEqualByComparingTo(f(1, 4));
    assertThatExact(u.gapAtInitial(1).value()).isEqualByComparingTo(f(1, 2));
    assertThatExact(u.pseGap().value()).isEqualByComparingTo(f(1, 2));
    PseGap pure = PseGap.of(example(), policy(ONE, Z));
    assertThatExact(pure.gapAtInitial(0).value()).isEqualByComparingTo(f(2, 1));
    assertThatExact(pure.gapAtInitial(1).value()).isEqualByComparingTo(Z);
    assertThatExact(pure.pseGap().value()).isEqualByComparingTo(f(2, 1));
    assertThat(pure.verify()).isTrue();
  }

  /** On the grid p, q ∈ {0, 1/6, …, 1} (which misses the PSE) every gap is the closed form and the PSE gap is > 0. */
  @Test
  void gapsOnAGridEqualTheClosedFormAndArePositive() {
    AffinePerformativeGame game = example();
    for (int k = 0; k <= 6; k++) {
      for (int l = 0; l <= 6; l++) {
        BigFraction p = f(k, 6);
        BigFraction q = f(l, 6);
        BigFraction a0 = ONE.subtract(p.multiply(2)).subtract(q.divide(2));
        BigFraction a1 = ONE.subtract(q.multiply(2)).subtract(p);
        PseGap g = PseGap.of(game, policy(p, q));
        assertThatExact(g.gap(0, 0).value()).as("gap_0 at p=%s q=%s", p, q).isEqualByComparingTo(handGap(p, a0));
        assertThatExact(g.gap(1, 0).value()).as("gap_1 at p=%s q=%s", p, q).isEqualByComparingTo(handGap(q, a1));
        assertThatExact(g.pseGap().value()).as("PSE gap at p=%s q=%s", p, q).isGreaterThan(Z);
      }
    }
  }

  /**
   * The PSE is not a Nash policy of the stationary game (ω = 0, where A_0 = 1 − q/2): its gap there is
   * 2·(6/7)·(4/7) = 48/49; the stationary game's Nash policies (1, q) have PSE gap 0 at ω = 0. At ω = 1/2
   * (A_0 = 1 − p − q/2, A_1 = 1 − q − p) the pure policy (1, 0) is a PSE.
   */
  @Test
  void scalingTheResponseMovesThePse() {
    AffinePerformativeGame stationary = example().scaled(Z);
    assertThat(stationary.rewardTerms()).isEmpty();
    assertThat(stationary.induce(policy(f(3, 7), f(2, 7))).game()).isSameAs(stationary.stationaryGame());
    assertThatExact(PseGap.of(stationary, policy(f(3, 7), f(2, 7))).pseGap().value()).isEqualByComparingTo(f(48, 49));
    assertThatExact(PseGap.of(stationary, policy(ONE, f(1, 3))).pseGap().value()).isEqualByComparingTo(Z);
    assertThatExact(PseGap.of(example().scaled(f(1, 2)), policy(ONE, Z)).pseGap().value()).isEqualByComparingTo(Z);
    assertThatExact(PseGap.of(example().scaled(ONE), policy(ONE, Z)).pseGap().value()).isEqualByComparingTo(f(2, 1));
  }

  @Test
  void theDoubleGapAgreesWithTheHandValues() {
    DoublePseGap u = DoublePseGap.of(example(), policy(f(1, 2), f(1, 2)).toDouble());
    assertThat(u.gapAtInitial(0)).isCloseTo(0.25, within(1e-12));
    assertThat(u.pseGap()).isCloseTo(0.5, within(1e-12));
    DoublePseGap pse = DoublePseGap.of(example(), policy(f(3, 7), f(2, 7)).toDouble());
    assertThat(pse.pseGap()).isCloseTo(0, within(1e-12));
  }

  /**
   * A rational Ĝ off by δ_r = 1/100 (r̂_0 raised by 1/100 at the joint action (0,0)) with honest bounds: one state, so
   * δ_P plays no part and ε_i = δ_r/(1 − γ) = 1/50; each gap is enclosed in ĝ ± 2ε = ĝ ± 1/25. At the uniform policy
   * Ĝ gives r̄_0(0) = 3/4 + 1/200, r̄_0(1) = 1, so ĝ_0 = 2·(1/2)·(1/4 − 1/200) = 1/4 − 1/200, and the true gap 1/4
   * (and the true PSE gap 1/2) lie inside.
   */
  @Test
  void aRoundedInducedGameWidensTheGapByTwiceTheValueError() {
    AffinePerformativeGame exact = example();
    Policy uniform = policy(f(1, 2), f(1, 2));
    MarkovGame g = exact.induce(uniform).game();
    BigFraction[][][] r = new BigFraction[1][4][2];
    BigFraction[][][] p = {{{ONE}, {ONE}, {ONE}, {ONE}}};
    int[][] joint = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};
    for (int j = 0; j < 4; j++) {
      for (int i = 0; i < 2; i++) {
        r[0][j][i] = g.reward(i, 0, joint[j]);
      }
    }
    r[0][0][0] = r[0][0][0].add(f(1, 100));
    TabularMarkovGame rounded = TabularMarkovGame.of("rounded", new int[] {2, 2}, f(1, 2), new BigFraction[] {ONE}, r, p);
    PerformativeGame wrapper = fixed(exact, new InducedGame(rounded, f(1, 100), Z));
    PseGap enclosed = PseGap.of(wrapper, uniform);
    assertThat(enclosed.isExact()).isFalse();
    assertThatExact(enclosed.valueError(0)).isEqualByComparingTo(f(1, 50));
    // in Ĝ: r̄_0(0) = 3/4 + 1/200, r̄_0(1) = 1, r̄_0(π) = 7/8 + 1/400, ĝ_0 = 2·(1 − 7/8 − 1/400) = 1/4 − 1/200
    BigFraction center = f(1, 4).subtract(f(1, 200));
    assertThatExact(enclosed.gapAtInitial(0).lo()).isEqualByComparingTo(center.subtract(f(1, 25)));
    assertThatExact(enclosed.gapAtInitial(0).hi()).isEqualByComparingTo(center.add(f(1, 25)));
    assertThat(enclosed.gapAtInitial(0).contains(f(1, 4))).isTrue();
    assertThat(enclosed.pseGap().contains(f(1, 2))).isTrue();
    assertThat(enclosed.pseGap().format()).startsWith("[").endsWith("]");
    assertThat(enclosed.verify()).isTrue();
  }

  /** A performative game that answers every policy with the same induced game (to feed a hand-made Ĝ). */
  static PerformativeGame fixed(PerformativeGame shape, InducedGame induced) {
    return new PerformativeGame() {
      @Override
      public String name() {
        return "fixed " + induced.game().name();
      }

      @Override
      public int agentCount() {
        return shape.agentCount();
      }

      @Override
      public int stateCount() {
        return shape.stateCount();
      }

      @Override
      public int actionCount(int agent) {
        return shape.actionCount(agent);
      }

      @Override
      public BigFraction discount() {
        return shape.discount();
      }

      @Override
      public InducedGame induce(Policy deployed) {
        return induced;
      }

      @Override
      public DoubleMarkovGame induceDouble(DoublePolicy deployed) {
        return induced.game().toDouble();
      }
    };
  }
}
