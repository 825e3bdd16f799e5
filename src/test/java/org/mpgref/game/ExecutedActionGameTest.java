package org.mpgref.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.catalog.DistancingGame;
import org.mpgref.testkit.Gens;
import org.mpgref.testkit.JointEnumeration;
import org.mpgref.testkit.Seeds;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * {@link ExecutedActionGame}: a hand-derived two-agent example, refusals, and properties against brute-force
 * enumeration of chosen and executed joint actions on small random games (the base's per-joint-action
 * {@link MarkovGame#reward}/{@link MarkovGame#transition} only, so the count/expect path is checked independently),
 * the inherited stage potential, and the double twin.
 */
class ExecutedActionGameTest {
  private static BigFraction f(long n, long d) {
    return BigFraction.of(n, d);
  }

  private static BigFraction f(long n) {
    return BigFraction.of(n);
  }

  /** Identity kernels of a game. */
  private static BigFraction[][][][] identity(MarkovGame g) {
    BigFraction[][][][] k = new BigFraction[g.agentCount()][g.stateCount()][][];
    for (int i = 0; i < k.length; i++) {
      for (int s = 0; s < k[i].length; s++) {
        int m = g.actionCount(i);
        k[i][s] = new BigFraction[m][m];
        for (int a = 0; a < m; a++) {
          for (int b = 0; b < m; b++) {
            k[i][s][a][b] = a == b ? BigFraction.ONE : BigFraction.ZERO;
          }
        }
      }
    }
    return k;
  }

  /**
   * Base: Sahitaj's distancing rule for N = 2 (w = (4,3,2,1), thresholds ⌊2/2⌋ = 1 and ⌊2/4⌋ = 0, next-state penalty
   * 100): from safe, two agents on one facility k get 2w_k − 100 and go to distancing; on different facilities they
   * get w_{a_i} and stay safe. Agent 1's kernel at safe: with probability 1/2 it executes facility 0, else its choice.
   * Agent 0 plays facility 0, agent 1 facility 1. By hand: agent 1 executes 1 or 0 with 1/2 each, so
   * r̄_0(safe,0) = (4 + (8 − 100))/2 = −44, P̄_0(distancing|safe,0) = 1/2; r̄_1(safe,1) = (3 − 92)/2 = −89/2;
   * r̄_1(safe,0) = −92 with P̄ = 1 (K_1(·|0) is the point mass on 0); r̄_0(safe,2) = 2, P̄_0(distancing) = 0.
   */
  @Test
  void handDerivedTwoAgentExample() {
    AnonymousMarkovGame base = DistancingGame.of(DistancingGame.publishedSahitaj(2),
        DistancingGame.PenaltyTiming.NEXT_STATE);
    BigFraction[][][][] k = identity(base);
    for (int a = 0; a < 4; a++) {
      for (int b = 0; b < 4; b++) {
        k[1][0][a][b] = f((a == b ? 1 : 0) + (b == 0 ? 1 : 0), 2);
      }
    }
    ExecutedActionGame g = ExecutedActionGame.of("hand", base, k);
    Policy pi = Policy.pure(g, new int[][] {{0, 0}, {1, 1}});
    StageExpectation e = g.expect(0, pi);
    assertThat(e.rewardBar(0, 0)).isEqualTo(f(-44));
    assertThat(e.transitionBar(0, 0, 1)).isEqualTo(f(1, 2));
    assertThat(e.rewardBar(1, 1)).isEqualTo(f(-89, 2));
    assertThat(e.transitionBar(1, 1, 1)).isEqualTo(f(1, 2));
    assertThat(e.rewardBar(1, 0)).isEqualTo(f(-92));
    assertThat(e.transitionBar(1, 0, 1)).isEqualTo(BigFraction.ONE);
    assertThat(e.rewardBar(0, 2)).isEqualTo(f(2));
    assertThat(e.transitionBar(0, 2, 1)).isEqualTo(BigFraction.ZERO);
    assertThat(g.reward(0, 0, new int[] {0, 1})).isEqualTo(f(-44));
    assertThat(g.transition(0, new int[] {0, 1}, 1)).isEqualTo(f(1, 2));
    assertThat(g.kernel(1, 0, 1, 0)).isEqualTo(f(1, 2));
    double[][] rb = new double[2][4];
    double[][][] tb = new double[2][4][2];
    g.toDouble().expect(0, pi.toDouble().atState(0), rb, tb);
    assertThat(rb[0][0]).isEqualTo(-44.0);
    assertThat(rb[1][1]).isEqualTo(-44.5);
    assertThat(tb[0][0][1]).isEqualTo(0.5);
  }

  /** Identity kernels give the base game's expectations exactly. */
  @Test
  void identityKernelsGiveTheBase() {
    AnonymousMarkovGame base = DistancingGame.of(DistancingGame.publishedSahitaj(8),
        DistancingGame.PenaltyTiming.NEXT_STATE);
    ExecutedActionGame g = ExecutedActionGame.of("id", base, identity(base));
    Policy pi = Policy.uniform(base);
    for (int s = 0; s < 2; s++) {
      StageExpectation x = g.expect(s, pi);
      StageExpectation y = base.expect(s, pi);
      for (int i = 0; i < 8; i++) {
        for (int a = 0; a < 4; a++) {
          assertThat(x.rewardBar(i, a)).isEqualTo(y.rewardBar(i, a));
          assertThat(x.transitionBar(i, a, 1)).isEqualTo(y.transitionBar(i, a, 1));
        }
      }
    }
  }

  /** Shapes and rows that are not distributions are refused with one line naming the entry. */
  @Test
  void badKernelsAreRefused() {
    AnonymousMarkovGame base = DistancingGame.of(DistancingGame.publishedSahitaj(2),
        DistancingGame.PenaltyTiming.NEXT_STATE);
    BigFraction[][][][] k = identity(base);
    k[1][0][2][2] = f(1, 2);
    assertThatThrownBy(() -> ExecutedActionGame.of("bad", base, k)).isInstanceOf(InvalidGameException.class)
        .hasMessage("K_1(.|s=0,a=2) sums to 1/2; it must sum to exactly 1");
    BigFraction[][][][] k2 = identity(base);
    k2[0][1][3] = new BigFraction[] {BigFraction.ONE};
    assertThatThrownBy(() -> ExecutedActionGame.of("bad", base, k2)).isInstanceOf(InvalidGameException.class)
        .hasMessage("K_0(.|s=1,a=3) has 1 entries; agent 0 has 4 actions in the base game");
    assertThatThrownBy(() -> ExecutedActionGame.of("bad", base, new BigFraction[1][][][]))
        .isInstanceOf(InvalidGameException.class).hasMessage("kernel has 1 agents; the base game has 2");
    double[][][][] d = new double[2][2][4][4];
    for (double[][][] agent : d) {
      for (double[][] state : agent) {
        for (int a = 0; a < 4; a++) {
          state[a][a] = 1;
        }
      }
    }
    d[0][0][1][0] = -0.25;
    assertThatThrownBy(() -> ExecutedActionGame.ofDouble(base.toDouble(), d))
        .isInstanceOf(InvalidGameException.class).hasMessage("K_0(.|s=0,a=1)[0] = -0.25 must be a finite number >= 0");
  }

  /** A small game, kernels with possibly different chosen-action counts, and a policy of the kernel game. */
  record Case(TabularMarkovGame base, BigFraction[][][][] kernel, Policy policy) {}

  private static int draw(RandomnessSource in, int lo, int hi) {
    return integers().between(lo, hi).generate(in);
  }

  private static BigFraction[] distribution(RandomnessSource in, int n) {
    int[] w = new int[n];
    int sum = 0;
    for (int k = 0; k < n; k++) {
      w[k] = draw(in, 0, 3);
      sum += w[k];
    }
    BigFraction[] p = new BigFraction[n];
    for (int k = 0; k < n; k++) {
      p[k] = sum == 0 ? (k == 0 ? BigFraction.ONE : BigFraction.ZERO) : f(w[k], sum);
    }
    return p;
  }

  /** Kernel rows and policy rows as integer weights 0..3 normalised (all zero: point mass on 0). */
  private static Gen<Case> cases(Gen<TabularMarkovGame> games) {
    return in -> {
      TabularMarkovGame g = games.generate(in);
      int n = g.agentCount();
      BigFraction[][][][] k = new BigFraction[n][g.stateCount()][][];
      BigFraction[][][] p = new BigFraction[n][g.stateCount()][];
      for (int i = 0; i < n; i++) {
        int chosen = draw(in, 1, 3);
        for (int s = 0; s < g.stateCount(); s++) {
          k[i][s] = new BigFraction[chosen][];
          for (int a = 0; a < chosen; a++) {
            k[i][s][a] = distribution(in, g.actionCount(i));
          }
          p[i][s] = distribution(in, chosen);
        }
      }
      return new Case(g, k, Policy.of(p));
    };
  }

  /** Σ over executed joint actions of Π_j K_j(ã_j|s,a_j) · base(ã), by enumeration. */
  private static BigFraction overExecuted(Case c, int state, int[] chosen, java.util.function.Function<int[], BigFraction> f) {
    BigFraction total = BigFraction.ZERO;
    for (int[] x : JointEnumeration.jointActions(c.base())) {
      BigFraction w = BigFraction.ONE;
      for (int j = 0; j < x.length && w.signum() != 0; j++) {
        w = w.multiply(c.kernel()[j][state][chosen[j]][x[j]]);
      }
      if (w.signum() != 0) {
        total = total.add(w.multiply(f.apply(x)));
      }
    }
    return total;
  }

  /**
   * Per chosen joint action, reward and transition equal the enumeration over executed joint actions; the stage
   * expectations equal the enumeration over chosen a_{−i} (weights Π_{j≠i} π_j) and executed ã; every P̄ row and every
   * P(·|s,a) is a distribution; the double twin agrees to 1e−12.
   */
  @Test
  void agreesWithBruteForceEnumeration() {
    Seeds.property("executedActionBruteForce", 12001L, 60).forAll(cases(Gens.games(2, 3, 3)))
        .checkAssert(c -> {
          ExecutedActionGame g = ExecutedActionGame.of("t", c.base(), c.kernel());
          int[][] chosenJoint = JointEnumeration.jointActions(g);
          int states = g.stateCount();
          for (int s = 0; s < states; s++) {
            int st = s;
            for (int[] a : chosenJoint) {
              BigFraction rowSum = BigFraction.ZERO;
              for (int t = 0; t < states; t++) {
                int tt = t;
                BigFraction p = g.transition(s, a, t);
                assertThat(p).isEqualTo(overExecuted(c, s, a, x -> c.base().transition(st, x, tt)));
                assertThat(p.signum()).isGreaterThanOrEqualTo(0);
                rowSum = rowSum.add(p);
              }
              assertThat(rowSum).isEqualTo(BigFraction.ONE);
              for (int i = 0; i < g.agentCount(); i++) {
                int ii = i;
                assertThat(g.reward(i, s, a)).isEqualTo(overExecuted(c, s, a, x -> c.base().reward(ii, st, x)));
              }
            }
            StageExpectation e = g.expect(s, c.policy());
            double[][] pol = c.policy().toDouble().atState(s);
            double[][] rb = new double[g.agentCount()][];
            double[][][] tb = new double[g.agentCount()][][];
            for (int i = 0; i < g.agentCount(); i++) {
              rb[i] = new double[g.actionCount(i)];
              tb[i] = new double[g.actionCount(i)][states];
            }
            g.toDouble().expect(s, pol, rb, tb);
            for (int i = 0; i < g.agentCount(); i++) {
              for (int ai = 0; ai < g.actionCount(i); ai++) {
                BigFraction r = BigFraction.ZERO;
                BigFraction[] p = new BigFraction[states];
                java.util.Arrays.fill(p, BigFraction.ZERO);
                for (int[] a : chosenJoint) {
                  if (a[i] != ai) {
                    continue;
                  }
                  BigFraction w = JointEnumeration.prob(c.policy(), s, a, i);
                  if (w.signum() == 0) {
                    continue;
                  }
                  int ii = i;
                  r = r.add(w.multiply(overExecuted(c, s, a, x -> c.base().reward(ii, st, x))));
                  for (int t = 0; t < states; t++) {
                    int tt = t;
                    p[t] = p[t].add(w.multiply(overExecuted(c, s, a, x -> c.base().transition(st, x, tt))));
                  }
                }
                assertThat(e.rewardBar(i, ai)).isEqualTo(r);
                assertThat(Math.abs(rb[i][ai] - r.doubleValue())).isLessThanOrEqualTo(1e-12 * (1 + Math.abs(r.doubleValue())));
                BigFraction sum = BigFraction.ZERO;
                for (int t = 0; t < states; t++) {
                  assertThat(e.transitionBar(i, ai, t)).isEqualTo(p[t]);
                  assertThat(Math.abs(tb[i][ai][t] - p[t].doubleValue())).isLessThanOrEqualTo(1e-12);
                  sum = sum.add(p[t]);
                }
                assertThat(sum).isEqualTo(BigFraction.ONE);
              }
            }
          }
        });
  }

  /**
   * The declared potential of a kernel game over a state potential game is one: for every state, chosen joint action
   * a, agent i and deviation a_i', r_i(s,a_i',a_−i) − r_i(s,a) = φ̂(s,a_i',a_−i) − φ̂(s,a) exactly (the inheritance
   * lemma of proofs-notes/intervention-kernel-enclosure.md §4), and E_π φ̂ equals the enumeration.
   */
  @Test
  void inheritedPotentialIsAPotential() {
    Seeds.property("executedActionPotential", 12002L, 40).forAll(cases(Gens.potentialGames(2, 1, 3, 3)))
        .checkAssert(c -> {
          ExecutedActionGame g = ExecutedActionGame.of("t", c.base(), c.kernel());
          Optional<StagePotential> phi = g.potential();
          assertThat(phi).isPresent();
          assertThat(phi.get().condition()).isEqualTo(c.base().potential().orElseThrow().condition());
          assertThat(phi.get().findViolation()).isEmpty();
          int[][] joint = JointEnumeration.jointActions(g);
          for (int s = 0; s < g.stateCount(); s++) {
            BigFraction expected = BigFraction.ZERO;
            for (int[] a : joint) {
              expected = expected.add(JointEnumeration.prob(c.policy(), s, a, -1).multiply(phi.get().phi(s, a)));
              for (int i = 0; i < g.agentCount(); i++) {
                for (int d = 0; d < g.actionCount(i); d++) {
                  int[] b = a.clone();
                  b[i] = d;
                  assertThat(g.reward(i, s, b).subtract(g.reward(i, s, a)))
                      .isEqualTo(phi.get().phi(s, b).subtract(phi.get().phi(s, a)));
                }
              }
            }
            assertThat(phi.get().expectedPhi(s, c.policy())).isEqualTo(expected);
            double dbl = phi.get().expectedPhi(s, c.policy().toDouble().atState(s));
            assertThat(Math.abs(dbl - expected.doubleValue())).isLessThanOrEqualTo(1e-12 * (1 + Math.abs(dbl)));
          }
        });
  }
}
