package org.mpgref.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mpgref.catalog.DistancingGame;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.game.AnonymousMarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.limits.CancelledException;
import org.mpgref.limits.Limits;
import org.mpgref.testkit.RandomGames;

/**
 * The budgets of learning runs: the exact size guard stops before an iterate is evaluated (its prediction of the
 * evaluation's denominator digits, Cramer/Hadamard calibrated on π^0, is checked against the real evaluation), the
 * work guard, cancellation keeps the completed iterates, and a double run that leaves double range names the
 * iteration.
 */
class RunBudgetsTest {
  private static final AnonymousMarkovGame D3 = DistancingGame.of(DistancingGame.published(3));

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  /** The prediction E(π^0) + Σ (L(π^1) − L(π^0)) is within a factor 2 of the real digits of π^1's evaluation. */
  @Test
  void evaluationDigitsArePredictedFromTheRows() {
    for (long seed = 1; seed <= 4; seed++) {
      TabularMarkovGame g = RandomGames.game(2, 2, 3, seed);
      Policy u = Policy.uniform(g);
      Evaluation e0 = Evaluation.of(g, u);
      Policy p1 = ExactDynamics.step(e0, Algorithm.PROJECTED_Q_ASCENT, BigFraction.of(1, 7));
      long predicted = ExactDynamics.evaluationDenominatorDigits(e0)
          + Math.max(0, ExactDynamics.rowDenominatorDigits(p1) - ExactDynamics.rowDenominatorDigits(u));
      long actual = ExactDynamics.evaluationDenominatorDigits(Evaluation.of(g, p1));
      assertThat(actual).as("seed %d", seed).isLessThanOrEqualTo(2 * predicted + 2);
      assertThat(predicted).as("seed %d", seed).isLessThanOrEqualTo(2 * actual + 2);
    }
  }

  /** A guard the iterates pass but their evaluations would not: the run stops before evaluating, saying why. */
  @Test
  void sizeGuardStopsBeforeTheEvaluation() {
    Run<ExactIterate> free = ExactDynamics.run(D3, Policy.uniform(D3), Algorithm.IPG, BigFraction.of(1, 10), 1, 100_000);
    int iterateDigits = ExactDynamics.largestDenominatorDigits(free.iterates().get(1).policy());
    long evalDigits = ExactDynamics.evaluationDenominatorDigits(Evaluation.of(D3, free.iterates().get(1).policy()));
    assertThat(evalDigits).isGreaterThan(iterateDigits);
    int guard = (int) Math.max(iterateDigits, (iterateDigits + evalDigits) / 2);
    Run<ExactIterate> run = ExactDynamics.run(D3, Policy.uniform(D3), Algorithm.IPG, BigFraction.of(1, 10), 5, guard);
    assertThat(run.stoppedBySize()).isTrue();
    assertThat(run.iterates()).hasSize(1);
    assertThat(run.stopReason()).startsWith("evaluating iterate 1 would need denominators of about");
  }

  @Test
  void workGuardStopsATabularRunBeforeTheEvaluation() {
    TabularMarkovGame g = RandomGames.game(3, 3, 3, 7);
    // A limit that admits the evaluations of the first iterates but not the predicted work of a later one: the run
    // stops by its own guard, before that evaluation, keeping what it certified. Searched over limits 10^4..10^9,
    // because the guard's prediction and the evaluation's own estimate are different models.
    boolean stoppedByWork = false;
    for (long limit = 10_000; limit <= 1_000_000_000L && !stoppedByWork; limit *= 2) {
      try (Limits.Scope s = Limits.DEFAULT.withMaxWork(limit).install()) {
        Run<ExactIterate> run = ExactDynamics.run(g, Policy.uniform(g), Algorithm.PROJECTED_Q_ASCENT,
            BigFraction.of(1, 10), 3, 10_000);
        if (run.stoppedBySize()) {
          assertThat(run.stopReason()).contains("--max-work");
          assertThat(run.iterates().size()).isBetween(1, 3);
          stoppedByWork = true;
        } else {
          break; // the limit admits the whole run; larger limits do too
        }
      } catch (org.mpgref.limits.LimitExceededException e) {
        assertThat(e.getMessage()).contains("--max-work"); // below the evaluation of an iterate: refused, not run
      }
    }
    assertThat(stoppedByWork).as("some limit stops the run by its own work guard").isTrue();
  }

  /** Interrupting the thread after the third certified iterate: CancelledException, the three iterates kept. */
  @Test
  void cancellationKeepsTheCompletedIterates() {
    List<ExactIterate> exact = new ArrayList<>();
    assertThatThrownBy(() -> ExactDynamics.run(D3, Policy.uniform(D3), Algorithm.PROJECTED_Q_ASCENT,
        BigFraction.of(1, 100), 10, 10_000, it -> {
          exact.add(it);
          if (exact.size() == 3) {
            Thread.currentThread().interrupt();
          }
        })).isInstanceOf(CancelledException.class);
    assertThat(exact).extracting(ExactIterate::t).containsExactly(0, 1, 2);
    Thread.interrupted();
    List<Iterate> dbl = new ArrayList<>();
    assertThatThrownBy(() -> DoubleDynamics.run(D3.toDouble(), Algorithm.IPG, 1e-4, 1000, 0, t -> { }, it -> {
      dbl.add(it);
      if (dbl.size() == 5) {
        Thread.currentThread().interrupt();
      }
    })).isInstanceOf(CancelledException.class);
    assertThat(dbl).extracting(Iterate::t).containsExactly(0, 1, 2, 3, 4);
  }

  /** η = 1e308 is a finite double, but η Q̄ is not: the run stops at iteration 1 naming it, not with a NaN message. */
  @Test
  void aDoubleRunLeavingDoubleRangeNamesTheIteration() {
    for (Algorithm alg : Algorithm.values()) {
      assertThatThrownBy(() -> DoubleDynamics.run(D3.toDouble(), alg, 1e308, 5, 0, t -> { }))
          .as(alg.label()).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("iteration 1: the double update of agent 0 at state 0 is not finite");
    }
    for (Algorithm map : new Algorithm[] {Algorithm.PMD_EUCLIDEAN, Algorithm.PMD_KL}) {
      assertThatThrownBy(() -> PolicyMirrorDescent.runDoubleRecorded(D3.toDouble(), Policy.uniform(D3).toDouble(),
          map, 1e308, 5, 0, t -> { })).as(map.name()).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("iteration 1: the double update");
    }
  }

  /**
   * The exact-run work prediction by hand (its javadoc): a tabular game with S = 3, J = 27, N = 3, A_max = 3 has
   * S·J·(N+S) + S³ + N·S²·A_max = 486 + 27 + 81 = 594 rational operations; at 963 digits, w = 100 words, so
   * 594·5·100² = 2.97·10^7 units; a game that is not tabular is not estimated (0).
   */
  @Test
  void evaluationWorkByHand() {
    TabularMarkovGame g = RandomGames.game(3, 3, 3, 7);
    for (long seed = 8; g.jointActionCount() != 27; seed++) { // a seeded game with every agent at 3 actions
      g = RandomGames.game(3, 3, 3, seed);
    }
    assertThat(g.stateCount()).isEqualTo(3);
    assertThat(g.agentCount()).isEqualTo(3);
    assertThat(ExactDynamics.evaluationWork(g, 963)).isCloseTo(2.97e7, org.assertj.core.data.Offset.offset(1.0));
    assertThat(ExactDynamics.evaluationWork(DistancingGame.of(DistancingGame.published(3)), 963)).isZero();
  }
}
