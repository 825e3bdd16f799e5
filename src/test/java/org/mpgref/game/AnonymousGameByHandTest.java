package org.mpgref.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.limits.LimitExceededException;

/**
 * The count-vector game {@link AnonymousMarkovGame} on games small enough to work by hand: N = 2 agents over K = 2
 * actions (3 count vectors (2,0), (1,1), (0,2)), reward r(s, k, c) = c_k (or c_k/6), one state or two states with
 * P(·|s, c) = (1/2, 1/2). Checked: the work estimate of the stage expectations, term by term; the reward range over
 * the entries that can be played (c_k ≥ 1); and the refusals of {@code of} with the entry named.
 */
class AnonymousGameByHandTest {
  private static final String[] ACTIONS = {"x", "y"};

  private static BigFraction f(long p, long q) {
    return BigFraction.of(p, q);
  }

  private static AnonymousMarkovGame game(int states, long rewardDen) {
    String[] labels = states == 1 ? new String[] {"s"} : new String[] {"s", "t"};
    BigFraction[] rho = states == 1 ? new BigFraction[] {BigFraction.ONE} : new BigFraction[] {f(1, 2), f(1, 2)};
    AnonymousMarkovGame.Rule rule = new AnonymousMarkovGame.Rule() {
      @Override
      public BigFraction reward(int state, int action, int[] counts) {
        return f(counts[action], rewardDen);
      }

      @Override
      public BigFraction[] transition(int state, int[] counts) {
        return rho.clone();
      }
    };
    return AnonymousMarkovGame.of("by-hand", 2, labels, ACTIONS, f(1, 2), rho, rule, null);
  }

  private static Policy policy(int states, BigFraction[] agent0, BigFraction[] agent1) {
    BigFraction[][][] p = new BigFraction[2][states][];
    for (int s = 0; s < states; s++) {
      p[0][s] = agent0.clone();
      p[1][s] = agent1.clone();
    }
    return Policy.of(p);
  }

  /**
   * Per state: bits = N·(bits of the largest row denominator) + max(bits of the reward and transition denominators)
   * + 64, op = 40 + 4(1 + bits/64), and work = distinct rows · (D + K·c·(1 + |S|)) · op with c = 3 count vectors and
   * D = c·K = 6 for one distinct row (closed form), N·c·K = 12 otherwise (the recursion).
   * <ul>
   *   <li>uniform (rows (1, 1)/2, 2 bits), integer rewards (1 bit), one state: bits 69, op 40 + 4·133/64 = 48.3125,
   *       work 1·(6 + 2·3·2)·48.3125 = 869.625;
   *   <li>agent 1 at (1/3, 2/3) (denominator 3, 2 bits): 2 distinct rows, work 2·(12 + 12)·48.3125 = 2319;
   *   <li>rewards c_k/6 (lcm 6, 3 bits): bits 71, op 48.4375, work 18·48.4375 = 871.875;
   *   <li>two states, P = (1/2, 1/2) (2 bits): bits 70, op 48.375, per state (6 + 2·3·3)·48.375 = 1161, total 2322.
   * </ul>
   */
  @Test
  void expectationWorkByHand() {
    BigFraction[] uniform = {f(1, 2), f(1, 2)};
    BigFraction[] third = {f(1, 3), f(2, 3)};
    assertThat(game(1, 1).expectationWork(policy(1, uniform, uniform))).isEqualTo(869.625);
    assertThat(game(1, 1).expectationWork(policy(1, uniform, third))).isEqualTo(2319.0);
    assertThat(game(1, 6).expectationWork(policy(1, uniform, uniform))).isEqualTo(871.875);
    assertThat(game(2, 1).expectationWork(policy(2, uniform, uniform))).isEqualTo(2322.0);
  }

  /**
   * The range of r over the played entries: (2,0) gives action x reward 2, (1,1) gives 1 to both, (0,2) gives y 2;
   * the unplayable entries (c_k = 0, stored as 0) are not part of it, so the range is [1, 2], not [0, 2].
   */
  @Test
  void rewardRangeSkipsUnplayableEntries() {
    assertThat(game(1, 1).rewardRange()).containsExactly(BigFraction.ONE, BigFraction.of(2));
    assertThat(game(1, 6).rewardRange()).containsExactly(f(1, 6), f(1, 3));
    assertThat(game(1, 1).name()).isEqualTo("by-hand");
  }

  /**
   * Refusals with the entry named: no agent, no action, ρ of the wrong length or empty, ρ not a distribution, a
   * transition row of the wrong length or not summing to 1; and the count-vector bound is inclusive: N = 1,999,999 over
   * K = 2 gives exactly 2,000,000 count vectors (refused later for memory, not for the count), N = 2,000,000 gives
   * 2,000,001 (refused for the count).
   */
  @Test
  void refusalsNameTheEntry() {
    BigFraction[] one = {BigFraction.ONE};
    String[] s = {"s"};
    AnonymousMarkovGame.Rule ok = rule(one);
    assertThatThrownBy(() -> AnonymousMarkovGame.of("g", 0, s, ACTIONS, f(1, 2), one, ok, null))
        .isInstanceOf(InvalidGameException.class).hasMessage("N = 0; a game needs at least one agent");
    assertThatThrownBy(() -> AnonymousMarkovGame.of("g", 2, s, new String[0], f(1, 2), one, ok, null))
        .hasMessage("the action set is empty; every agent needs at least one action");
    assertThatThrownBy(() -> AnonymousMarkovGame.of("g", 2, s, ACTIONS, f(1, 2), new BigFraction[] {f(1, 2), f(1, 2)},
        ok, null)).hasMessage("rho has 2 entries but there are 1 states");
    assertThatThrownBy(() -> AnonymousMarkovGame.of("g", 2, new String[0], ACTIONS, f(1, 2), new BigFraction[0], ok,
        null)).hasMessage("rho has 0 entries but there are 0 states");
    assertThatThrownBy(() -> AnonymousMarkovGame.of("g", 2, s, ACTIONS, f(1, 2), new BigFraction[] {f(1, 2)}, ok,
        null)).hasMessage("rho sums to 1/2; it must sum to exactly 1");
    assertThatThrownBy(() -> AnonymousMarkovGame.of("g", 2, s, ACTIONS, f(1, 2), one,
        rule(new BigFraction[] {f(1, 2), f(1, 2)}), null))
        .hasMessage("P(.|s=s,counts=[2, 0]) has 2 entries; the game has 1 states");
    assertThatThrownBy(() -> AnonymousMarkovGame.of("g", 2, s, ACTIONS, f(1, 2), one,
        rule(new BigFraction[] {f(2, 3)}), null))
        .hasMessage("P(.|s=s,counts=[2, 0]) sums to 2/3; it must sum to exactly 1");
    assertThatThrownBy(() -> AnonymousMarkovGame.of("g", 1_999_999, s, ACTIONS, f(1, 2), one, ok, null))
        .isInstanceOf(LimitExceededException.class).hasMessageContaining("2000000 count vectors");
    assertThatThrownBy(() -> AnonymousMarkovGame.of("g", 2_000_000, s, ACTIONS, f(1, 2), one, ok, null))
        .isInstanceOf(InvalidGameException.class)
        .hasMessage("N = 2000000 agents over K = 2 actions give 2000001 count vectors, more than the limit of 2000000");
  }

  private static AnonymousMarkovGame.Rule rule(BigFraction[] row) {
    return new AnonymousMarkovGame.Rule() {
      @Override
      public BigFraction reward(int state, int action, int[] counts) {
        return BigFraction.ONE;
      }

      @Override
      public BigFraction[] transition(int state, int[] counts) {
        return row.clone();
      }
    };
  }

  /** Rosenthal's potential of r(s, k, c) = c_k: φ(c) = Σ_k (1 + … + c_k), so φ(2,0) = φ(0,2) = 3 and φ(1,1) = 2. */
  private static BigFraction rosenthal(int[] c) {
    return BigFraction.of((long) c[0] * (c[0] + 1) / 2 + (long) c[1] * (c[1] + 1) / 2);
  }

  /** r(s, k, c) alone. */
  private interface Rewards {
    BigFraction reward(int state, int action, int[] counts);
  }

  private static AnonymousMarkovGame declared(int states, boolean moves, Rewards rewards,
      java.util.function.ToLongFunction<int[]> phi, StagePotential.Condition condition) {
    String[] labels = states == 1 ? new String[] {"s"} : new String[] {"s", "t"};
    BigFraction[] rho = states == 1 ? new BigFraction[] {BigFraction.ONE} : new BigFraction[] {f(1, 2), f(1, 2)};
    AnonymousMarkovGame.Rule rule = new AnonymousMarkovGame.Rule() {
      @Override
      public BigFraction reward(int state, int action, int[] counts) {
        return rewards.reward(state, action, counts);
      }

      @Override
      public BigFraction[] transition(int state, int[] counts) {
        // with moves: (2,0) goes to state 0, every other count vector to state 1
        return moves ? (counts[0] == 2 ? new BigFraction[] {BigFraction.ONE, BigFraction.ZERO}
            : new BigFraction[] {BigFraction.ZERO, BigFraction.ONE}) : rho.clone();
      }
    };
    AnonymousMarkovGame.PotentialRule potential = new AnonymousMarkovGame.PotentialRule() {
      @Override
      public BigFraction phi(int state, int[] counts) {
        return BigFraction.of(phi.applyAsLong(counts));
      }

      @Override
      public StagePotential.Condition condition() {
        return condition;
      }
    };
    return AnonymousMarkovGame.of("declared", 2, labels, ACTIONS, f(1, 2), rho, rule, potential);
  }

  /**
   * The declared count potential is verified over count vectors:
   * <ul>
   *   <li>r = c_k with Rosenthal's φ and constant transitions: a state potential game (moving from y at (1,1) to x
   *       at (2,0) gains 2 − 1 = 1 = φ(2,0) − φ(1,1));
   *   <li>the same with φ(1,1) = 0: the first failing move is y → x at (1,1) → (2,0): gain 1, φ changes by 3;
   *   <li>Rosenthal's φ declared as identical interest: r = 2 at (2,0) for x but φ = 3;
   *   <li>r = φ = c_x·c_y declared identical interest: holds (φ(1,1) = 1, 0 elsewhere);
   *   <li>Rosenthal's φ with transitions that depend on the counts ((2,0) to state 0, else to state 1) declared with
   *       action-independent transitions: the potential holds, the transitions of (1,1) differ from those of (2,0).
   * </ul>
   */
  @Test
  void declaredCountPotentialsAreVerified() {
    Rewards congestion = (state, action, counts) -> BigFraction.of(counts[action]);
    AnonymousMarkovGame ok = declared(1, false, congestion, AnonymousGameByHandTest::rosenthalLong,
        StagePotential.Condition.STATE_POTENTIAL_ACTION_INDEPENDENT_TRANSITIONS);
    assertThat(ok.potential().orElseThrow().condition())
        .isEqualTo(StagePotential.Condition.STATE_POTENTIAL_ACTION_INDEPENDENT_TRANSITIONS);
    assertThat(ok.potential().orElseThrow().findViolation()).isEmpty();
    AnonymousMarkovGame wrong = declared(1, false, congestion, c -> c[0] == 1 ? 0 : rosenthalLong(c),
        StagePotential.Condition.STATE_POTENTIAL_ACTION_INDEPENDENT_TRANSITIONS);
    assertThat(wrong.potential().orElseThrow().findViolation()).contains("state potential fails at s=s: an agent"
        + " moving from y (counts [1, 1]) to x (counts [2, 0]) gains 1 but phi changes by 3");
    AnonymousMarkovGame notIdentical = declared(1, false, congestion, AnonymousGameByHandTest::rosenthalLong,
        StagePotential.Condition.IDENTICAL_INTEREST);
    assertThat(notIdentical.potential().orElseThrow().findViolation())
        .contains("identical interest fails at s=s, counts=[2, 0]: r = 2 for action x but phi = 3");
    AnonymousMarkovGame identical = declared(1, false, (state, action, c) -> BigFraction.of((long) c[0] * c[1]),
        c -> (long) c[0] * c[1], StagePotential.Condition.IDENTICAL_INTEREST);
    assertThat(identical.potential().orElseThrow().findViolation()).isEmpty();
    AnonymousMarkovGame moving = declared(2, true, congestion, AnonymousGameByHandTest::rosenthalLong,
        StagePotential.Condition.STATE_POTENTIAL_ACTION_INDEPENDENT_TRANSITIONS);
    assertThat(moving.potential().orElseThrow().findViolation())
        .contains("transitions depend on the actions at s=s: counts [1, 1] vs [2, 0]");
  }

  private static long rosenthalLong(int[] c) {
    return rosenthal(c).getNumerator().longValueExact();
  }
}
