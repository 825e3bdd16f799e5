package org.mpgref.dynamics;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.mpgref.evaluation.DoubleEvaluation;
import org.mpgref.evaluation.DoubleGradients;
import org.mpgref.game.DoubleMarkovGame;
import org.mpgref.game.DoublePolicy;
import org.mpgref.game.InvalidGameException;

/**
 * The dynamics of {@link Algorithm} on primitive doubles with exact-model (oracle) gradients: Q̄, Ā and d are
 * computed from the game's model by {@link DoubleEvaluation}, never sampled; the loop is {@link Engine#run}. INPG
 * keeps the logits θ [s][i][a] (initially 0, i.e. uniform) and forms π = softmax θ with the maximum subtracted.
 */
public final class DoubleDynamics {
  private DoubleDynamics() {}

  /**
   * Runs from the uniform policy until the L1 change (1/N) Σ_i ‖π_i^t − π_i^{t−1}‖_1 is below {@code stopL1}
   * (the authors' stopping rule, 1e−15) or {@code maxIterations} steps were taken.
   *
   * @param game the double game
   * @param algorithm the dynamics
   * @param eta η > 0
   * @param maxIterations the largest number of steps
   * @param stopL1 stop when the L1 change falls below this
   * @param progress called with t after every step (for progress reports); may do nothing
   * @return the iterates π^0..π^T
   * @throws IllegalArgumentException if η ≤ 0 or maxIterations &lt; 0
   */
  public static List<Iterate> run(DoubleMarkovGame game, Algorithm algorithm, double eta, int maxIterations,
      double stopL1, IntConsumer progress) {
    return run(game, algorithm, eta, maxIterations, stopL1, progress, it -> { });
  }

  /**
   * {@link #run(DoubleMarkovGame, Algorithm, double, int, double, IntConsumer)}, handing every completed iterate to
   * {@code completed} as soon as it is computed (so that a caller stopped by a time limit keeps them). Each step checks
   * {@link org.mpgref.limits.Cancellation#check()}, and every updated row and every evaluation must be finite.
   *
   * @param game the double game
   * @param algorithm the dynamics
   * @param eta η > 0, finite
   * @param maxIterations the largest number of steps
   * @param stopL1 stop when the L1 change falls below this
   * @param progress called with t after every step
   * @param completed receives π^0, π^1, ... in order
   * @return the iterates π^0..π^T
   * @throws IllegalArgumentException if η is not a positive finite number, maxIterations &lt; 0, or a step leaves the
   *     range of double (one line naming the iteration, the agent and the state)
   * @throws org.mpgref.limits.CancelledException if the thread is interrupted
   */
  public static List<Iterate> run(DoubleMarkovGame game, Algorithm algorithm, double eta, int maxIterations,
      double stopL1, IntConsumer progress, Consumer<Iterate> completed) {
    if (!(eta > 0) || !Double.isFinite(eta) || maxIterations < 0) {
      throw new IllegalArgumentException("eta = " + eta + " must be a positive finite number and maxIterations >= 0");
    }
    return run(game, algorithm.doubleRule(eta), DoublePolicy.uniform(game), maxIterations, stopL1,
        Listener.of(completed, progress)).iterates();
  }

  /**
   * Runs a double update rule from {@code start} on the {@link Engine}, recording every figure ({@link
   * Recorders#doubles}), for at most {@code maxIterations} steps, stopping after the first iterate whose L1 change is
   * below {@code stopL1} (0: never early).
   *
   * @param game the double game
   * @param rule the update rule
   * @param start π^0
   * @param maxIterations T ≥ 0
   * @param stopL1 the stopping threshold on the L1 change
   * @param listener sees each iterate and the progress
   * @return the run; its stop is {@link Stop#L1} or {@link Stop#ITERATIONS}
   * @throws IllegalArgumentException if maxIterations &lt; 0 or a step leaves the range of double
   * @throws InvalidGameException if the start policy does not fit the game
   * @throws org.mpgref.limits.CancelledException if the thread is interrupted
   */
  public static Run<Iterate> run(DoubleMarkovGame game, UpdateRule<DoublePolicy, DoubleGradients> rule,
      DoublePolicy start, int maxIterations, double stopL1, Listener<? super Iterate> listener) {
    return run(Environment.fixed(game), rule, start, maxIterations, stopL1, listener);
  }

  /**
   * Runs a double update rule in an environment that may respond to the deployed iterate: every iterate π^t is
   * evaluated, recorded and stepped from in the game G(π^t) the environment presents (a performative game,
   * Sahitaj et al., AISTATS 2025, arXiv 2504.20593: "everything is evaluated in the environment induced by π^t";
   * ../shared/reference/performative.md §1.8). With {@link Environment#fixed} this is {@link #run(DoubleMarkovGame,
   * UpdateRule, DoublePolicy, int, double, Listener)}, bit for bit. Recording and stopping as there.
   *
   * @param environment π ↦ G(π) (the same agents, states and actions for every π)
   * @param rule the update rule
   * @param start π^0
   * @param maxIterations T ≥ 0
   * @param stopL1 the stopping threshold on the L1 change
   * @param listener sees each iterate and the progress
   * @return the run; its stop is {@link Stop#L1} or {@link Stop#ITERATIONS}
   * @throws IllegalArgumentException if maxIterations &lt; 0 or a step leaves the range of double
   * @throws InvalidGameException if the start policy does not fit G(π^0)
   * @throws org.mpgref.limits.CancelledException if the thread is interrupted
   */
  public static Run<Iterate> run(Environment<DoubleMarkovGame, DoublePolicy> environment,
      UpdateRule<DoublePolicy, DoubleGradients> rule, DoublePolicy start, int maxIterations, double stopL1,
      Listener<? super Iterate> listener) {
    if (maxIterations < 0) {
      throw new IllegalArgumentException("iterations = " + maxIterations + " must be >= 0");
    }
    requireShape(environment.gameFor(start), start);
    return Engine.run(environment, DoubleEvaluation::of, rule, start, Recorders.doubles(Figure.all()),
        StoppingRule.anyOf(StoppingRules.l1Below(stopL1), StoppingRules.iterations(maxIterations)), listener);
  }

  /**
   * INPG with a log-barrier of weight λ (Sahitaj et al., AISTATS 2025, arXiv 2504.20593; ../shared/reference/
   * performative.md §1.8; code PauliusSasnauskas/performative-mpgs@da85aa20f91e2d0f5e1b57955a363cd66ae830bc:
   * dist_main_inpg.py:108-112): θ_i(s,·) ← θ_i(s,·) + η (Ā_i(s,·)/(1−γ) + λ/(d_ρ(s) π_i(·|s)) − λ|A_i|/d_ρ(s)),
   * π_i(·|s) = softmax θ_i(s,·), with θ^0 = log π^0 − max log π^0. The published setting is λ = 0.003. λ = 0 is
   * {@link Algorithm#INPG}'s rule bit for bit. Units: η in 1/(reward unit), λ in reward units.
   *
   * @param eta η &gt; 0, finite
   * @param lambda λ ≥ 0, finite
   * @return the rule
   * @throws IllegalArgumentException if η or λ is out of range
   */
  public static UpdateRule<DoublePolicy, DoubleGradients> inpgLogBarrier(double eta, double lambda) {
    return DoubleRules.softmax(lambda == 0 ? Algorithm.INPG.label() : "INPG + log-barrier (lambda = " + lambda + ")",
        eta, true, lambda);
  }

  /**
   * Checks that a double policy fits a game.
   *
   * @param game the game
   * @param start the policy
   * @throws InvalidGameException naming the mismatch
   */
  static void requireShape(DoubleMarkovGame game, DoublePolicy start) {
    int n = game.agentCount();
    int states = game.stateCount();
    if (start.agentCount() != n || start.stateCount() != states) {
      throw new InvalidGameException("start policy has " + start.agentCount() + " agents and " + start.stateCount()
          + " states; the game has " + n + " and " + states);
    }
    for (int i = 0; i < n; i++) {
      if (start.actionCount(i) != game.actionCount(i)) {
        throw new InvalidGameException("start policy of agent " + i + " has " + start.actionCount(i)
            + " actions; the game has " + game.actionCount(i));
      }
    }
  }

  /**
   * Softmax with the maximum subtracted: π(a) = exp(θ_a − max θ) / Σ_b exp(θ_b − max θ).
   *
   * @param theta logits
   * @return the distribution
   */
  public static double[] softmax(double[] theta) {
    double max = Double.NEGATIVE_INFINITY;
    for (double x : theta) {
      max = Math.max(max, x);
    }
    double[] p = new double[theta.length];
    double z = 0;
    for (int a = 0; a < p.length; a++) {
      p[a] = Math.exp(theta[a] - max);
      z += p[a];
    }
    for (int a = 0; a < p.length; a++) {
      p[a] /= z;
    }
    return p;
  }
}
