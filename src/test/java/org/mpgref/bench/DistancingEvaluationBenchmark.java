package org.mpgref.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.numbers.fraction.BigFraction;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.mpgref.catalog.DistancingGame;
import org.mpgref.evaluation.DoubleEvaluation;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.evaluation.NashGap;
import org.mpgref.game.AnonymousMarkovGame;
import org.mpgref.game.DoubleMarkovGame;
import org.mpgref.game.DoublePolicy;
import org.mpgref.game.Policy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Cost of evaluating one policy on the published 8-agent distancing game (Leonardos et al. 2022, §5;
 * {@link DistancingGame#published(int)} with N = 8: 2 states, 4 facilities, γ = 99/100).
 *
 * <p>The issue requires, on this game at a rational policy whose probabilities have denominators ≤ 10:
 *
 * <ul>
 *   <li>exact evaluation — V, Q̄, d and the Nash gaps of all 8 agents, in {@code BigFraction} — in <b>under 5 s</b>
 *       ({@link #exactEvaluation});
 *   <li>the double twin — the same quantities in {@code double} — in <b>under 20 ms</b> ({@link #doubleEvaluation}).
 * </ul>
 *
 * <p>These are measurements, not assertions: surefire excludes {@code **}{@code /bench/**}, and the figures are
 * produced with {@code mvn -B -ntp -Pbench -DskipTests test-compile exec:exec} (JMH, average time per operation).
 *
 * <p>The policy is fixed and deterministic: built in {@link #setUp()} from seed {@value #SEED} with Commons RNG. For
 * every agent i and state s a denominator q ∈ 2..10 is drawn, and q units are dealt one by one to uniformly random
 * facilities, so π_i(·|s) = (n_A, n_B, n_C, n_D)/q. Rows are redrawn until the two states of an agent differ and no two
 * agents have the same policy, so the count dynamic programme sees 8 different agents in both states.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Fork(1)
public class DistancingEvaluationBenchmark {
  /** Seed of the fixed policy. */
  public static final long SEED = 20220501L;

  private static final int AGENTS = 8;

  private AnonymousMarkovGame game;
  private Policy policy;

  /** Builds the published 8-agent game and the fixed rational policy. */
  @Setup
  public void setUp() {
    game = DistancingGame.of(DistancingGame.published(AGENTS));
    policy = fixedPolicy(game, SEED);
  }

  /**
   * The fixed policy of the benchmark (see the class comment).
   *
   * @param game the game (for the shape)
   * @param seed the seed
   * @return π as [i][s][a] validated into a {@link Policy}
   */
  static Policy fixedPolicy(AnonymousMarkovGame game, long seed) {
    UniformRandomProvider r = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    int n = game.agentCount();
    int states = game.stateCount();
    BigFraction[][][] pi = new BigFraction[n][][];
    List<List<BigFraction>> seen = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      BigFraction[][] agent;
      List<BigFraction> key;
      do {
        agent = new BigFraction[states][];
        key = new ArrayList<>();
        for (int s = 0; s < states; s++) {
          do {
            agent[s] = randomRow(r, game.actionCount(i));
          } while (s > 0 && Arrays.equals(agent[s], agent[s - 1]));
          key.addAll(List.of(agent[s]));
        }
      } while (seen.contains(key));
      seen.add(key);
      pi[i] = agent;
    }
    return Policy.of(pi);
  }

  private static BigFraction[] randomRow(UniformRandomProvider r, int actions) {
    int q = 2 + r.nextInt(9); // 2..10
    int[] units = new int[actions];
    for (int u = 0; u < q; u++) {
      units[r.nextInt(actions)]++;
    }
    BigFraction[] row = new BigFraction[actions];
    for (int a = 0; a < actions; a++) {
      row[a] = BigFraction.of(units[a], q);
    }
    return row;
  }

  /**
   * Exact V (solved in {@link Evaluation#of}), every Q̄_i(s, a), every d(s), and every agent's Nash gap at ρ (exact
   * best responses for all 8 agents).
   *
   * @param bh sink
   */
  @Benchmark
  public void exactEvaluation(Blackhole bh) {
    Evaluation evaluation = Evaluation.of(game, policy);
    int n = game.agentCount();
    int states = game.stateCount();
    for (int i = 0; i < n; i++) {
      bh.consume(evaluation.valueAtInitial(i));
      for (int s = 0; s < states; s++) {
        for (int a = 0; a < game.actionCount(i); a++) {
          bh.consume(evaluation.qBar(i, s, a));
        }
      }
    }
    for (int s = 0; s < states; s++) {
      bh.consume(evaluation.visitation(s));
    }
    NashGap gaps = NashGap.of(evaluation);
    for (int i = 0; i < n; i++) {
      bh.consume(gaps.gapAtInitial(i));
    }
  }

  /**
   * The double twin of {@link #exactEvaluation}: {@link DoubleEvaluation} of the game's and the policy's double
   * twins, every Q̄_i(s, a), every d(s), and every agent's gap at ρ (best response by policy iteration).
   *
   * @param bh sink
   */
  @Benchmark
  public void doubleEvaluation(Blackhole bh) {
    DoubleMarkovGame g = game.toDouble();
    DoublePolicy p = policy.toDouble();
    DoubleEvaluation evaluation = DoubleEvaluation.of(g, p);
    int n = g.agentCount();
    int states = g.stateCount();
    for (int i = 0; i < n; i++) {
      bh.consume(evaluation.valueAtInitial(i));
      for (int s = 0; s < states; s++) {
        for (int a = 0; a < g.actionCount(i); a++) {
          bh.consume(evaluation.qBar(i, s, a));
        }
      }
    }
    for (int s = 0; s < states; s++) {
      bh.consume(evaluation.visitation(s));
    }
    for (int i = 0; i < n; i++) {
      bh.consume(evaluation.gapAtInitial(i));
    }
  }
}
