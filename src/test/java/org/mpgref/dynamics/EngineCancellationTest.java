package org.mpgref.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mpgref.limits.CancelledException;

/**
 * The engine's three cancellation points (before the first evaluation, before each step, before each later
 * evaluation), each reached separately on a counting run whose oracle, rule and recorder never check for
 * cancellation themselves: the "policy" is an integer, the rule adds 1, the oracle and the recorder return it.
 */
class EngineCancellationTest {
  private final List<Integer> evaluated = new ArrayList<>();
  private final List<Integer> stepped = new ArrayList<>();
  private final List<Integer> completed = new ArrayList<>();

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  private Run<Integer> run(StoppingRule<Integer, Integer, Integer> stop) {
    UpdateRule<Integer, Integer> rule = new UpdateRule<>() {
      @Override
      public String label() {
        return "count";
      }

      @Override
      public Stepper<Integer, Integer> begin(Integer start) {
        return (t, g) -> {
          stepped.add(t);
          return g + 1;
        };
      }
    };
    GradientOracle<String, Integer, Integer> oracle = (game, p) -> {
      evaluated.add(p);
      return p;
    };
    Recorder<Integer, Integer> recorder = (t, previous, current) -> current;
    return Engine.run(Environment.fixed("game"), oracle, rule, 0, recorder, stop,
        Listener.of(completed::add, t -> { }));
  }

  @Test
  void theCountingRunRunsToItsBudgetWhenNotInterrupted() {
    Run<Integer> r = run(StoppingRules.iterations(3));
    assertThat(r.iterates()).containsExactly(0, 1, 2, 3);
    assertThat(evaluated).containsExactly(0, 1, 2, 3);
    assertThat(stepped).containsExactly(1, 2, 3);
  }

  @Test
  void anInterruptedThreadEvaluatesNothing() {
    Thread.currentThread().interrupt();
    assertThatThrownBy(() -> run(StoppingRules.iterations(3))).isInstanceOf(CancelledException.class);
    assertThat(evaluated).isEmpty();
  }

  @Test
  void anInterruptAfterAnIterateTakesNoFurtherStep() {
    StoppingRule<Integer, Integer, Integer> interruptAtOne = new StoppingRule<>() {
      @Override
      public Optional<Stop> afterIterate(int t, Integer current, Integer record) {
        if (t == 1) {
          Thread.currentThread().interrupt();
        }
        return Optional.empty();
      }
    };
    assertThatThrownBy(() -> run(StoppingRule.anyOf(interruptAtOne, StoppingRules.iterations(3))))
        .isInstanceOf(CancelledException.class);
    assertThat(stepped).containsExactly(1);
    assertThat(completed).as("the records handed out stay valid").containsExactly(0, 1);
  }

  @Test
  void anInterruptBeforeAnEvaluationDoesNotEvaluateTheCandidate() {
    StoppingRule<Integer, Integer, Integer> interruptAtTwo = new StoppingRule<>() {
      @Override
      public Optional<Stop> beforeEvaluation(int t, Integer previous, Integer candidate) {
        if (t == 2) {
          Thread.currentThread().interrupt();
        }
        return Optional.empty();
      }
    };
    assertThatThrownBy(() -> run(StoppingRule.anyOf(interruptAtTwo, StoppingRules.iterations(3))))
        .isInstanceOf(CancelledException.class);
    assertThat(stepped).containsExactly(1, 2);
    assertThat(evaluated).containsExactly(0, 1);
  }
}
