package org.mpgref.theory.check;

import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.mpgref.dynamics.Engine;
import org.mpgref.dynamics.Environment;
import org.mpgref.dynamics.GradientOracle;
import org.mpgref.dynamics.Listener;
import org.mpgref.dynamics.Recorder;
import org.mpgref.dynamics.StoppingRule;
import org.mpgref.dynamics.StoppingRules;
import org.mpgref.dynamics.UpdateRule;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.theory.KlRegretBound;

/**
 * Rounded KL policy mirror descent: rational iterates that approximate the exact (irrational) KL steps
 * π_i⁺(·|s) ∝ π_i(·|s) exp(η Q̄_i^π(s,·)) (Alatur et al. 2024, §IV eq. (3), seed 001,
 * {@link KlRegretBound#KL_UPDATE}), each step taken from the previous rational iterate with its exact
 * Q̄ and rounded by {@link KlRows#roundedKlRow}, as an update rule run by the {@link Engine}. The iterates are NOT exact KL steps; {@link KlRegretCheck} verifies
 * (P1) and (P2) on them exactly. Units: η in 1/(reward unit); policies dimensionless.
 */
public final class RoundedKlRun {
  private RoundedKlRun() {}

  /**
   * One rounded KL step of all agents from π: {@link KlRows#roundedKlRow} of π_i(·|s) with the exact Q̄_i^π(s,·).
   *
   * @param evaluation the exact evaluation of π
   * @param eta η &gt; 0
   * @param digits significant decimal digits of the rounding
   * @return π⁺, exact rational
   * @throws IllegalArgumentException if η ≤ 0 or digits &lt; 1
   */
  public static Policy roundedKlStep(Evaluation evaluation, BigFraction eta, int digits) {
    MarkovGame game = evaluation.game();
    Policy pi = evaluation.policy();
    int n = game.agentCount();
    BigFraction[][][] next = new BigFraction[n][game.stateCount()][];
    for (int i = 0; i < n; i++) {
      for (int s = 0; s < game.stateCount(); s++) {
        next[i][s] = KlRows.roundedKlRow(pi.row(i, s), KlRows.qRow(evaluation, i, s), eta, digits);
      }
    }
    return Policy.of(next);
  }

  /**
   * π^0 and {@code steps} rounded KL steps, each from the previous rational iterate with its exact Q̄.
   *
   * @param game the game
   * @param start π^0
   * @param eta η &gt; 0
   * @param steps T ≥ 0
   * @param digits significant decimal digits of the iterates
   * @return π^0..π^T
   * @throws IllegalArgumentException if η ≤ 0, steps &lt; 0 or digits &lt; 1
   * @throws InvalidGameException if the start policy does not fit the game
   */
  public static List<Policy> roundedKlRun(MarkovGame game, Policy start, BigFraction eta, int steps, int digits) {
    if (steps < 0) {
      throw new IllegalArgumentException("steps must be >= 0, got " + steps);
    }
    start.requireShapeOf(game);
    UpdateRule<Policy, Lazy> rule = new UpdateRule<>() {
      @Override
      public String label() {
        return "KL PMD (rounded)";
      }

      @Override
      public Stepper<Policy, Lazy> begin(Policy first) {
        return (t, current) -> roundedKlStep(current.evaluation(), eta, digits);
      }
    };
    GradientOracle<MarkovGame, Policy, Lazy> oracle = Lazy::new;
    Recorder<Lazy, Policy> recorder = (t, previous, current) -> current.policy();
    StoppingRule<Policy, Lazy, Policy> stop = StoppingRules.iterations(steps);
    return Engine.run(Environment.fixed(game), oracle, rule, start, recorder, stop, Listener.none()).iterates();
  }

  /**
   * The gradient information of a rounded KL iterate, evaluated exactly on first use: the step from π^t needs it,
   * the last iterate's is never computed (the recorder keeps only the policy).
   */
  private static final class Lazy {
    private final MarkovGame game;
    private final Policy policy;
    private @Nullable Evaluation evaluation;

    Lazy(MarkovGame game, Policy policy) {
      this.game = game;
      this.policy = policy;
    }

    Policy policy() {
      return policy;
    }

    Evaluation evaluation() {
      Evaluation ev = evaluation;
      if (ev == null) {
        ev = Evaluation.of(game, policy);
        evaluation = ev;
      }
      return ev;
    }
  }
}
