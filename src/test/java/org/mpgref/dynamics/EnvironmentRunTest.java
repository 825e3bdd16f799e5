package org.mpgref.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.game.DoubleMarkovGame;
import org.mpgref.game.DoublePolicy;
import org.mpgref.game.Policy;
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.testkit.HandGames;
import org.mpgref.testkit.RandomGames;

/**
 * Double runs in an environment π ↦ G(π): the constant environment gives the fixed-game run bit for bit, every iterate
 * is evaluated in the game its own deployment induces, and INPG with a log-barrier (λ) steps as derived by hand.
 */
class EnvironmentRunTest {
  private static final TabularMarkovGame COORD = HandGames.coordination(BigFraction.of(1, 2));

  private static void assertSameIterates(List<Iterate> a, List<Iterate> b) {
    assertThat(a).hasSameSizeAs(b);
    for (int t = 0; t < a.size(); t++) {
      DoublePolicy p = a.get(t).policy();
      DoublePolicy q = b.get(t).policy();
      for (int s = 0; s < p.stateCount(); s++) {
        for (int i = 0; i < p.agentCount(); i++) {
          for (int k = 0; k < p.actionCount(i); k++) {
            assertThat(Double.doubleToRawLongBits(p.prob(i, s, k))).isEqualTo(Double.doubleToRawLongBits(q.prob(i, s, k)));
          }
        }
      }
      assertThat(a.get(t).nashGap()).isEqualTo(b.get(t).nashGap());
    }
  }

  /** On random games, for every algorithm: the constant environment reproduces the fixed run exactly. */
  @Test
  void aConstantEnvironmentIsTheFixedRun() {
    for (long seed = 1; seed <= 3; seed++) {
      DoubleMarkovGame g = RandomGames.game(2, 2, 3, seed).toDouble();
      for (Algorithm alg : Algorithm.values()) {
        List<Iterate> fixed = DoubleDynamics.run(g, alg.doubleRule(0.05), DoublePolicy.uniform(g), 20, 0,
            Listener.none()).iterates();
        List<Iterate> env = DoubleDynamics.run(Environment.fixed(g), alg.doubleRule(0.05), DoublePolicy.uniform(g), 20,
            0, Listener.none()).iterates();
        assertSameIterates(fixed, env);
      }
      List<Iterate> inpg = DoubleDynamics.run(g, Algorithm.INPG.doubleRule(0.05), DoublePolicy.uniform(g), 20, 0,
          Listener.none()).iterates();
      List<Iterate> barrierZero = DoubleDynamics.run(g, DoubleDynamics.inpgLogBarrier(0.05, 0), DoublePolicy.uniform(g),
          20, 0, Listener.none()).iterates();
      assertSameIterates(inpg, barrierZero);
    }
  }

  /**
   * The environment is asked for G(π^t) at exactly π^0, π^1, ..., in order: an environment that answers with game A
   * while agent 0 plays action 0 with probability below 0.6 and with game B (rewards doubled) afterwards makes the
   * run's figures those of the game each iterate induces.
   */
  @Test
  void everyIterateIsEvaluatedInTheGameItInduces() {
    DoubleMarkovGame a = COORD.toDouble();
    DoubleMarkovGame b = HandGames.coordination(BigFraction.of(1, 2)).toDouble();
    List<DoublePolicy> asked = new ArrayList<>();
    Environment<DoubleMarkovGame, DoublePolicy> env = p -> {
      asked.add(p);
      return p.prob(0, 0, 0) < 0.6 ? a : b;
    };
    Run<Iterate> run = DoubleDynamics.run(env, Algorithm.PROJECTED_Q_ASCENT.doubleRule(0.05),
        DoublePolicy.uniform(a), 5, 0, Listener.none());
    // one extra call checks the start's shape
    assertThat(asked).hasSize(run.iterates().size() + 1);
    for (int t = 0; t < run.iterates().size(); t++) {
      assertThat(asked.get(t + 1)).isSameAs(run.iterates().get(t).policy());
    }
  }

  /**
   * One log-barrier INPG step by hand in the coordination game C (γ = 1/2; r(0,0) = 2, r(1,1) = 1) from π = (3/4, 1/4)
   * for both agents: Q̄_0 = (3/2, 1/4) + γV, V = 19/16 + γV, so Ā_0 = (5/16, −15/16); one state, so d_ρ = 1; the
   * barrier adds λ(1/π − |A|) = λ(−2/3, 2). With η = 1, λ = 1/2, θ^0 = (0, log 1/3) and θ^1 = θ^0 + (5/8 − 1/3,
   * −15/8 + 1) = θ^0 + (7/24, −7/8), so π^1(1)/π^1(0) = e^{−7/8 − 7/24}/3 = e^{−7/6}/3.
   */
  @Test
  void logBarrierStepByHand() {
    BigFraction q = BigFraction.of(3, 4);
    BigFraction r = BigFraction.of(1, 4);
    DoublePolicy start = Policy.of(new BigFraction[][][] {{{q, r}}, {{q, r}}}).toDouble();
    List<Iterate> run = DoubleDynamics.run(COORD.toDouble(), DoubleDynamics.inpgLogBarrier(1, 0.5), start, 1, 0,
        Listener.none()).iterates();
    double ratio = Math.exp(-7.0 / 6) / 3;
    double expected = ratio / (1 + ratio);
    for (int i = 0; i < 2; i++) {
      assertThat(run.get(1).policy().prob(i, 0, 1)).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-15));
    }
    // without the barrier: θ^1 = θ^0 + (5/8, −15/8), ratio e^{−5/2}/3
    double plain = Math.exp(-2.5) / 3;
    List<Iterate> inpg = DoubleDynamics.run(COORD.toDouble(), Algorithm.INPG.doubleRule(1), start, 1, 0,
        Listener.none()).iterates();
    assertThat(inpg.get(1).policy().prob(0, 0, 1)).isCloseTo(plain / (1 + plain),
        org.assertj.core.data.Offset.offset(1e-15));
    assertThatThrownBy(() -> DoubleDynamics.inpgLogBarrier(1, -0.1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lambda = -0.1 must be a finite number >= 0 (and 0 unless INPG)");
    assertThatThrownBy(() -> DoubleDynamics.inpgLogBarrier(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThat(DoubleDynamics.inpgLogBarrier(1, 0.003).label()).isEqualTo("INPG + log-barrier (lambda = 0.003)");
  }
}
