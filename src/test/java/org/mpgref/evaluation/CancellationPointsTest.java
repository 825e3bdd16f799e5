package org.mpgref.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.game.DoubleMarkovGame;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.game.StageExpectation;
import org.mpgref.game.StagePotential;
import org.mpgref.limits.CancelledException;
import org.mpgref.potential.PotentialCheck;
import org.mpgref.testkit.HandGames;
import org.mpgref.testkit.RandomGames;

/**
 * Where the evaluators honour cancellation (a set interrupt flag, {@code limits.Cancellation}): before the first
 * state's stage expectation, so a cancelled evaluation reads none of the game's expectations. The games are wrapped
 * to count the calls; a later check (in a solver) would also throw, but only after the expectations were computed.
 */
class CancellationPointsTest {
  /** A game that counts its expectation calls and delegates everything. */
  static final class Counting implements MarkovGame {
    final MarkovGame g;
    int expects;
    int works;

    Counting(MarkovGame g) {
      this.g = g;
    }

    @Override
    public int agentCount() {
      return g.agentCount();
    }

    @Override
    public int stateCount() {
      return g.stateCount();
    }

    @Override
    public int actionCount(int agent) {
      return g.actionCount(agent);
    }

    @Override
    public BigFraction discount() {
      return g.discount();
    }

    @Override
    public BigFraction initial(int state) {
      return g.initial(state);
    }

    @Override
    public StageExpectation expect(int state, Policy policy) {
      expects++;
      return g.expect(state, policy);
    }

    @Override
    public double expectationWork(Policy policy) {
      works++;
      return g.expectationWork(policy);
    }

    @Override
    public BigFraction reward(int agent, int state, int[] jointAction) {
      return g.reward(agent, state, jointAction);
    }

    @Override
    public BigFraction transition(int state, int[] jointAction, int next) {
      return g.transition(state, jointAction, next);
    }

    @Override
    public Optional<StagePotential> potential() {
      return g.potential();
    }

    @Override
    public String name() {
      return g.name();
    }

    @Override
    public DoubleMarkovGame toDouble() {
      return new CountingDouble(g.toDouble());
    }
  }

  /** The double twin of {@link Counting}. */
  static final class CountingDouble implements DoubleMarkovGame {
    final DoubleMarkovGame g;
    int expects;

    CountingDouble(DoubleMarkovGame g) {
      this.g = g;
    }

    @Override
    public int agentCount() {
      return g.agentCount();
    }

    @Override
    public int stateCount() {
      return g.stateCount();
    }

    @Override
    public int actionCount(int agent) {
      return g.actionCount(agent);
    }

    @Override
    public double discount() {
      return g.discount();
    }

    @Override
    public double[] initial() {
      return g.initial();
    }

    @Override
    public void expect(int state, double[][] policyAtState, double[][] rewardBar, double[][][] transitionBar) {
      expects++;
      g.expect(state, policyAtState, rewardBar, transitionBar);
    }

    @Override
    public void expectSparse(int state, double[][] policyAtState, double[][] rewardBar, int[][][] index,
        double[][][] value) {
      expects++;
      g.expectSparse(state, policyAtState, rewardBar, index, value);
    }

    @Override
    public double expectedPhi(int state, double[][] policyAtState) {
      return g.expectedPhi(state, policyAtState);
    }
  }

  private static void interrupted(Runnable r) {
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(r::run).isInstanceOf(CancelledException.class);
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void exactEvaluationStopsBeforeTheFirstExpectation() {
    Counting g = new Counting(HandGames.coordination(BigFraction.of(1, 2)));
    Policy p = Policy.uniform(g);
    interrupted(() -> Evaluation.of(g, p));
    assertThat(g.expects).isZero();
    Evaluation.of(g, p);
    assertThat(g.expects).as("one expectation per state when not cancelled").isEqualTo(1);
  }

  @Test
  void doubleEvaluationStopsBeforeTheFirstExpectation() {
    Counting g = new Counting(RandomGames.game(2, 2, 2, 11L));
    CountingDouble d = (CountingDouble) g.toDouble();
    Policy p = Policy.uniform(g);
    interrupted(() -> DoubleEvaluation.of(d, p.toDouble()));
    assertThat(d.expects).isZero();
    DoubleEvaluation.of(d, p.toDouble());
    assertThat(d.expects).isEqualTo(2);
  }

  /** The potential search checks before each trial, so a cancelled search never starts an evaluation. */
  @Test
  void potentialSearchStopsBeforeTheFirstTrial() {
    Counting g = new Counting(RandomGames.game(2, 2, 2, 12L));
    interrupted(() -> PotentialCheck.check(g, 10, 1L));
    assertThat(g.works).isZero();
  }
}
