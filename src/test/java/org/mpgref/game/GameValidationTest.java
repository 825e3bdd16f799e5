package org.mpgref.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mpgref.testkit.ExactAssertions.assertThatExact;

import java.util.Arrays;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Input validation of {@link TabularMarkovGame} and {@link JointActions}: every malformed game is refused with an
 * {@link InvalidGameException} whose message is a single line naming the offending entry (and its value or sizes).
 * Starts from a valid 2-state, 2-agent, 2×2-action game and breaks one thing at a time.
 */
class GameValidationTest {
  private static final int[] COUNTS = {2, 2};

  private static BigFraction f(int p, int q) {
    return BigFraction.of(p, q);
  }

  private static BigFraction[] rho() {
    return new BigFraction[] {f(1, 3), f(2, 3)};
  }

  private static BigFraction[][][] rewards() {
    BigFraction[][][] r = new BigFraction[2][4][2];
    for (int s = 0; s < 2; s++) {
      for (int j = 0; j < 4; j++) {
        r[s][j][0] = f(j + s, 2);
        r[s][j][1] = f(-j, 3);
      }
    }
    return r;
  }

  private static BigFraction[][][] transitions() {
    BigFraction[][][] p = new BigFraction[2][4][];
    for (int s = 0; s < 2; s++) {
      for (int j = 0; j < 4; j++) {
        p[s][j] = new BigFraction[] {f(1, 4), f(3, 4)};
      }
    }
    return p;
  }

  /**
   * Asserts that building throws an InvalidGameException with a one-line message containing every fragment.
   *
   * @param build the construction
   * @param fragments text the message must contain
   */
  static void refuses(Executable build, String... fragments) {
    Throwable thrown = null;
    try {
      build.execute();
    } catch (Throwable t) {
      thrown = t;
    }
    assertThat(thrown).isInstanceOf(InvalidGameException.class);
    assertThat(thrown.getMessage()).as("one-line message").isNotBlank().doesNotContain("\n").doesNotContain("\r");
    for (String fragment : fragments) {
      assertThat(thrown.getMessage()).contains(fragment);
    }
  }

  @Test
  void validGameIsAccepted() {
    TabularMarkovGame g = TabularMarkovGame.of("ok", COUNTS, f(1, 2), rho(), rewards(), transitions());
    assertThat(g.stateCount()).isEqualTo(2);
    assertThat(g.jointActionCount()).isEqualTo(4);
    assertThatExact(g.reward(0, 1, new int[] {1, 1})).isEqualByComparingTo(f(4, 2));
  }

  @Test
  void discountOfOneIsRefused() {
    refuses(() -> TabularMarkovGame.of("g", COUNTS, BigFraction.ONE, rho(), rewards(), transitions()),
        "gamma", "= 1 ", "[0, 1)");
  }

  @Test
  void negativeDiscountIsRefused() {
    refuses(() -> TabularMarkovGame.of("g", COUNTS, f(-1, 10), rho(), rewards(), transitions()), "gamma", "-1/10");
  }

  @Test
  void initialDistributionNotSummingToOneIsRefused() {
    BigFraction[] rho = {f(1, 3), f(17, 30)};
    refuses(() -> TabularMarkovGame.of("g", COUNTS, f(1, 2), rho, rewards(), transitions()), "rho", "9/10");
  }

  @Test
  void negativeTransitionProbabilityIsRefused() {
    BigFraction[][][] p = transitions();
    p[1][2] = new BigFraction[] {f(3, 2), f(-1, 2)};
    refuses(() -> TabularMarkovGame.of("g", COUNTS, f(1, 2), rho(), rewards(), p), "P(.|s=1,a=(0,1))", "-1/2",
        "negative");
  }

  @Test
  void transitionRowSummingToNineTenthsIsRefused() {
    BigFraction[][][] p = transitions();
    p[0][1] = new BigFraction[] {f(1, 2), f(2, 5)};
    refuses(() -> TabularMarkovGame.of("g", COUNTS, f(1, 2), rho(), rewards(), p), "P(.|s=0,a=(1,0))", "9/10");
  }

  @Test
  void emptyActionSetIsRefused() {
    refuses(() -> TabularMarkovGame.of("g", new int[] {2, 0}, f(1, 2), rho(), new BigFraction[2][0][2],
        new BigFraction[2][0][2]), "agent 1", "0 actions");
  }

  @Test
  void rewardsWithWrongStateCountAreRefused() {
    BigFraction[][][] r = Arrays.copyOf(rewards(), 1);
    refuses(() -> TabularMarkovGame.of("g", COUNTS, f(1, 2), rho(), r, transitions()), "rewards", "1 states", "2");
  }

  @Test
  void transitionsWithWrongStateCountAreRefused() {
    BigFraction[][][] p = Arrays.copyOf(transitions(), 3);
    p[2] = p[1];
    refuses(() -> TabularMarkovGame.of("g", COUNTS, f(1, 2), rho(), rewards(), p), "transitions", "3 states");
  }

  @Test
  void rewardsWithWrongJointCountAreRefused() {
    BigFraction[][][] r = rewards();
    r[1] = Arrays.copyOf(r[1], 3);
    refuses(() -> TabularMarkovGame.of("g", COUNTS, f(1, 2), rho(), r, transitions()), "state 1", "3 reward rows",
        "4 joint actions");
  }

  @Test
  void rewardsWithWrongAgentCountAreRefused() {
    BigFraction[][][] r = rewards();
    r[0][3] = new BigFraction[] {f(1, 1)};
    refuses(() -> TabularMarkovGame.of("g", COUNTS, f(1, 2), rho(), r, transitions()), "r(s=0,a=(1,1))",
        "1 entries", "2 agents");
  }

  @Test
  void transitionRowWithWrongStateCountIsRefused() {
    BigFraction[][][] p = transitions();
    p[1][0] = new BigFraction[] {BigFraction.ONE};
    refuses(() -> TabularMarkovGame.of("g", COUNTS, f(1, 2), rho(), rewards(), p), "P(.|s=1,a=(0,0))",
        "1 entries", "2 states");
  }

  @Test
  void potentialWithWrongShapeIsRefused() {
    BigFraction[][] phi = new BigFraction[2][3];
    for (BigFraction[] row : phi) {
      Arrays.fill(row, BigFraction.ZERO);
    }
    refuses(() -> TabularMarkovGame.withPotential("g", COUNTS, f(1, 2), rho(), rewards(), transitions(), phi,
        StagePotential.Condition.STATE_POTENTIAL_ONLY), "phi(s=0,.)", "3 entries", "4 joint actions");
  }

  @Test
  void noAgentsOrNoStatesAreRefused() {
    refuses(() -> TabularMarkovGame.of("g", new int[0], f(1, 2), rho(), rewards(), transitions()), "no agents");
    refuses(() -> TabularMarkovGame.of("g", COUNTS, f(1, 2), new BigFraction[0], rewards(), transitions()),
        "no states");
  }

  /** 30 agents with 2 actions: 2^30 joint actions is refused before any allocation, with the sizes in the message. */
  @Test
  void tooLargeDenseTableIsRefused() {
    int[] counts = new int[30];
    Arrays.fill(counts, 2);
    refuses(() -> TabularMarkovGame.of("g", counts, f(1, 2), new BigFraction[] {BigFraction.ONE},
        new BigFraction[1][0][], new BigFraction[1][0][]), "1 states", "joint actions", "30 rewards",
        "bytes");
  }

  /** The dense-size guard counts S × Π|A_i| × (N + S) entries: 1000 states × 2^12 joint actions × 1012 is too large. */
  @Test
  void tooManyStatesForDenseTableIsRefused() {
    int[] counts = new int[12];
    Arrays.fill(counts, 2);
    refuses(() -> JointActions.countDense(counts, 1000), "1000 states", "4096 joint actions");
    assertThat(JointActions.countDense(counts, 2)).isEqualTo(4096);
  }

  /**
   * Regression: the entry count S × Π|A_i| × (N + S) must not overflow. With 25 agents of 2 actions (2^25 joint
   * actions) and 2^19 states it equals 2^63 + 25·2^44, which wraps to a negative long in plain arithmetic.
   */
  @Test
  void denseGuardDoesNotOverflow() {
    int[] counts = new int[25];
    Arrays.fill(counts, 2);
    refuses(() -> JointActions.countDense(counts, 1 << 19), "524288 states");
  }

  @Test
  void jointActionOutOfRangeIsRefused() {
    refuses(() -> JointActions.index(COUNTS, new int[] {0, 2}), "agent 1", "2", "0..1");
    refuses(() -> JointActions.index(COUNTS, new int[] {0}), "1 entries", "2 agents");
  }
}
