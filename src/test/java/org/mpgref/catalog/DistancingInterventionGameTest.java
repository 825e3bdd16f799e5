package org.mpgref.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.catalog.DistancingInterventionGame.Variant;
import org.mpgref.game.AnonymousMarkovGame;
import org.mpgref.game.DoubleMarkovGame;
import org.mpgref.game.ExecutedActionGame;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.Policy;
import org.mpgref.game.StageExpectation;
import org.mpgref.performative.InducedGame;
import org.mpgref.testkit.Seeds;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * {@link DistancingInterventionGame} and the next-state variant of {@link DistancingGame}: the golden numbers of
 * ../shared/reference/performative.md §7, the authors' own environment tests, hand-derived responses at pure and
 * β = 0 / α = 0 deployments, the Bellman optimality of the CORRECTED Q against a game built with the perturbed weights,
 * refusals, the seeded weight draw, and a property (exact vs double to 1e−9, enclosures, distributions).
 */
class DistancingInterventionGameTest {
  private static BigFraction f(long n, long d) {
    return BigFraction.of(n, d);
  }

  private static BigFraction f(long n) {
    return BigFraction.of(n);
  }

  private static String round(BigFraction x, int places) {
    return new BigDecimal(x.getNumerator()).divide(new BigDecimal(x.getDenominator()), places, RoundingMode.HALF_EVEN)
        .toPlainString();
  }

  /**
   * performative.md §1.5 item 5 and §7 ("exact-expectation analogue, code-faithful, uniform π, true weights"): Q_int at
   * s = 0 is (−6.559, −6.833, −7.581, −8.433, −3.433), at s = 1 (−33.560, −33.806, −34.552, −35.417, −30.417) to the
   * printed digits, for every agent (all rows equal). The none column is the a = 3 term without the −20: it exceeds
   * the a = 3 entry by exactly π_i(3|s)·20 = 5.
   */
  @Test
  void goldenAsPublishedQInt() {
    DistancingInterventionGame g = DistancingInterventionGame.published(Variant.AS_PUBLISHED, f(3, 20));
    DistancingInterventionGame.Response r = g.response(Policy.uniform(g.base()));
    String[][] golden = {{"-6.559", "-6.833", "-7.581", "-8.433", "-3.433"},
        {"-33.560", "-33.806", "-34.552", "-35.417", "-30.417"}};
    for (int i = 0; i < 8; i++) {
      for (int s = 0; s < 2; s++) {
        for (int o = 0; o < 5; o++) {
          assertThat(round(r.q(i, s, o), 3)).as("Q_int(%d,%d,%d)", i, s, o).isEqualTo(golden[s][o]);
        }
        assertThat(r.q(i, s, 4).subtract(r.q(i, s, 3))).isEqualTo(f(5));
      }
    }
  }

  /**
   * performative.md §1.5 item 5 and §7: at uniform π, σ(·,4) = 0.9092 (s = 0) and 0.9094 (s = 1); the override
   * probability α(1 − σ_4) is 0.01362 at α = 3/20 and 0.00091 at α = 1/100 — the table's figures are those of s = 0;
   * at s = 1 they are 0.01359 and 0.00091. Both ends of the proven enclosure round to the printed digits.
   */
  @Test
  void goldenOverrideProbability() {
    String[][] golden = {{"0.01362", "0.01359"}, {"0.00091", "0.00091"}};
    BigFraction[] alphas = {f(3, 20), f(1, 100)};
    for (int k = 0; k < 2; k++) {
      DistancingInterventionGame g = DistancingInterventionGame.published(Variant.AS_PUBLISHED, alphas[k]);
      DistancingInterventionGame.Response r = g.response(Policy.uniform(g.base()));
      for (int s = 0; s < 2; s++) {
        BigFraction a = alphas[k];
        assertThat(round(a.multiply(BigFraction.ONE.subtract(r.sigmaUpper(0, s, 4))), 5)).isEqualTo(golden[k][s]);
        assertThat(round(a.multiply(BigFraction.ONE.subtract(r.sigmaLower(0, s, 4))), 5)).isEqualTo(golden[k][s]);
        assertThat(round(r.sigmaChosen(0, s, 4), 4)).isEqualTo(s == 0 ? "0.9092" : "0.9094");
      }
    }
  }

  /**
   * The authors' environment tests ({@code performative-mpgs@da85aa2:test/test_env_distancing.py:17-68}), whose number
   * of agents N is the number of action rows (thresholds ⌊N/2⌋, ⌊N/4⌋): from safe, 4 agents on four facilities get
   * (4,3,2,1) and stay safe; 5 agents on facility 0 get −80 each and go to distancing; 2 agents on facility 0 get −92;
   * from distancing, 8 agents two per facility get (8,8,6,6,4,4,2,2) and return to safe; 4 agents, two on each of
   * facilities 0 and 1, get (−92, −92, −94, −94) and stay.
   */
  @Test
  void nextStatePenaltyMatchesTheAuthorsTests() {
    check(0, new int[] {0, 1, 2, 3}, new long[] {4, 3, 2, 1}, 0);
    check(0, new int[] {0, 0, 1, 1, 2}, new long[] {8, 8, 6, 6, 2}, 0);
    check(0, new int[] {0, 0, 0, 0, 0}, new long[] {-80, -80, -80, -80, -80}, 1);
    check(0, new int[] {0, 0}, new long[] {-92, -92}, 1);
    check(1, new int[] {0, 0, 1, 1, 2, 2, 3, 3}, new long[] {8, 8, 6, 6, 4, 4, 2, 2}, 0);
    check(1, new int[] {0, 0, 1, 1}, new long[] {-92, -92, -94, -94}, 1);
    check(1, new int[] {0, 0, 0, 0, 0}, new long[] {-80, -80, -80, -80, -80}, 1);
  }

  private static void check(int state, int[] joint, long[] rewards, int next) {
    AnonymousMarkovGame g = DistancingGame.of(DistancingGame.publishedSahitaj(joint.length),
        DistancingGame.PenaltyTiming.NEXT_STATE);
    for (int i = 0; i < joint.length; i++) {
      assertThat(g.reward(i, state, joint)).isEqualTo(f(rewards[i]));
    }
    assertThat(g.transition(state, joint, next)).isEqualTo(BigFraction.ONE);
    assertThat(g.name()).contains("penalty on next state");
  }

  /** The existing (current-state) variant is untouched: the one-argument builder is CURRENT_STATE. */
  @Test
  void currentStateVariantIsUnchanged() {
    DistancingGame.Parameters p = DistancingGame.published(8);
    AnonymousMarkovGame g = DistancingGame.of(p);
    int[] joint = {0, 0, 1, 1, 2, 2, 3, 3};
    // in distancing, counts (2,2,2,2) lead to safe, but the current state's penalty applies: 2·w_k − 100
    assertThat(g.reward(0, 1, joint)).isEqualTo(f(2 - 100));
    assertThat(g.reward(7, 1, joint)).isEqualTo(f(12 - 100));
    assertThat(g.name()).isEqualTo(DistancingGame.of(p, DistancingGame.PenaltyTiming.CURRENT_STATE).name())
        .doesNotContain("next state");
    assertThat(g.potential().orElseThrow().findViolation()).isEmpty();
    assertThat(DistancingGame.of(DistancingGame.publishedSahitaj(8), DistancingGame.PenaltyTiming.NEXT_STATE)
        .potential().orElseThrow().findViolation()).isEmpty();
  }

  /**
   * Every agent plays facility 0 in both states. AS_PUBLISHED: π_i(a|s) = 0 for a ≠ 0, so q[s,a] = 0 there and the
   * none column, last set at a = 3, is 0; q[s,0] = −68 − 20 + γ·max_b q[1,b] = −88 (all 8 on facility 0 lead to
   * distancing with reward 32 − 100, and max_b q[1,b] = 0). So Q_int = (−88, 0, 0, 0, 0) at both states, and
   * −88 &lt; −64 takes the enclosure's floor branch: σ_0 ∈ [0, e^−64], σ_o ≈ 1/4 otherwise.
   * CORRECTED: every option leads to distancing; rewards o = 0: −88, o = 1: 3 − 120 = −117, o = 2: −118, o = 3: −119,
   * none: −68, so V* = −68/(1 − γ) = −6800 and Q*(s,o) = r(o) − 6732 = (−6820, −6849, −6850, −6851, −6800).
   */
  @Test
  void handDerivedPureDeployment() {
    int[][] zero = new int[8][2];
    DistancingInterventionGame pub = DistancingInterventionGame.published(Variant.AS_PUBLISHED, f(1, 2));
    Policy pi = Policy.pure(pub.base(), zero);
    DistancingInterventionGame.Response r = pub.response(pi);
    DistancingInterventionGame.Response c = DistancingInterventionGame.published(Variant.CORRECTED, f(1, 2))
        .response(pi);
    long[] corrected = {-6820, -6849, -6850, -6851, -6800};
    for (int s = 0; s < 2; s++) {
      assertThat(r.q(3, s, 0)).isEqualTo(f(-88));
      for (int o = 1; o < 5; o++) {
        assertThat(r.q(3, s, o)).isEqualTo(BigFraction.ZERO);
      }
      assertThat(r.sigmaLower(3, s, 0)).isEqualTo(BigFraction.ZERO);
      assertThat(r.sigmaUpper(3, s, 0).doubleValue()).isLessThan(2e-28);
      assertThat(Math.abs(r.sigmaChosen(3, s, 2).doubleValue() - 0.25)).isLessThan(1e-27);
      for (int o = 0; o < 5; o++) {
        assertThat(c.q(5, s, o)).isEqualTo(f(corrected[o]));
      }
    }
  }

  /**
   * β = 0: σ = 1/5 exactly, so K(ã|a) = (1 − α + α/5)[ã = a] + α/5; at α = 1/2 the diagonal is 7/10 and every other
   * entry 1/10, and the induced game is exact (both error bounds 0).
   */
  @Test
  void betaZeroIsExactAndUniform() {
    DistancingGame.Parameters p = DistancingGame.publishedSahitaj(8);
    DistancingInterventionGame g = DistancingInterventionGame.of(p, Variant.AS_PUBLISHED, f(1, 2), BigFraction.ZERO,
        DistancingInterventionGame.unperturbedWeights(p));
    InducedGame induced = g.induce(Policy.uniform(g.base()));
    assertThat(induced.isExact()).isTrue();
    ExecutedActionGame k = (ExecutedActionGame) induced.game();
    for (int s = 0; s < 2; s++) {
      for (int a = 0; a < 4; a++) {
        for (int b = 0; b < 4; b++) {
          assertThat(k.kernel(2, s, a, b)).isEqualTo(a == b ? f(7, 10) : f(1, 10));
        }
      }
    }
  }

  /** α = 0: the kernels are the identity, the induced game is exact and its expectations are the base's. */
  @Test
  void alphaZeroIsTheBase() {
    DistancingInterventionGame g = DistancingInterventionGame.published(Variant.CORRECTED, BigFraction.ZERO);
    Policy pi = Policy.uniform(g.base());
    InducedGame induced = g.induce(pi);
    assertThat(induced.isExact()).isTrue();
    for (int s = 0; s < 2; s++) {
      StageExpectation x = induced.game().expect(s, pi);
      StageExpectation y = g.base().expect(s, pi);
      for (int a = 0; a < 4; a++) {
        assertThat(x.rewardBar(0, a)).isEqualTo(y.rewardBar(0, a));
        assertThat(x.transitionBar(0, a, 1)).isEqualTo(y.transitionBar(0, a, 1));
      }
    }
  }

  /**
   * The published setting at uniform π (α = 3/20, β = 1): δ_P &gt; 0 but below 1e−35, and δ_r = (16 − (−99))/2 · δ_P
   * (the largest reward is 16, four agents on facility 0 from safe; the smallest −99, one agent on facility 3 with the
   * penalty).
   */
  @Test
  void errorBoundsOfThePublishedSetting() {
    DistancingInterventionGame g = DistancingInterventionGame.published(Variant.AS_PUBLISHED, f(3, 20));
    InducedGame induced = g.induce(Policy.uniform(g.base()));
    assertThat(induced.transitionError().signum()).isPositive();
    assertThat(induced.transitionError().doubleValue()).isLessThan(1e-35);
    assertThat(induced.rewardError()).isEqualTo(induced.transitionError().multiply(f(115, 2)));
    assertThat(g.base().rewardRange()).containsExactly(f(-99), f(16));
  }

  /**
   * CORRECTED is the optimal Q of the intervener's MDP: with one perturbed row w̃ = (3,4,2,1) for every agent, the
   * rewards r̃ are read from an independent {@link DistancingGame} built with weights w̃ (not from the closed form the
   * implementation uses), and Q_int/β satisfies Q(s,o) = r̂(s,o) + γ Σ_t P̂(t|s,o) max_o' Q(t,o') exactly, with
   * r̂(s,o) = r̃̄(s,o) − 20, P̂ = P̄(·|s,o) for o &lt; 4 and the π̄_i-mixtures without −20 for none.
   */
  @Test
  void correctedIsBellmanOptimalAgainstPerturbedWeights() {
    DistancingGame.Parameters p = DistancingGame.publishedSahitaj(8);
    BigFraction[] wt = {f(3), f(4), f(2), f(1)};
    BigFraction[][] perturbed = new BigFraction[8][];
    Arrays.fill(perturbed, wt);
    BigFraction beta = f(3, 2);
    DistancingInterventionGame g = DistancingInterventionGame.of(p, Variant.CORRECTED, f(1, 10), beta, perturbed);
    AnonymousMarkovGame tilde = DistancingGame.of(new DistancingGame.Parameters(8, wt, p.penalty(), p.safeThreshold(),
        p.distancingThreshold(), p.gamma(), p.rho()), DistancingGame.PenaltyTiming.NEXT_STATE);
    BigFraction[][][] rows = new BigFraction[8][2][];
    for (int i = 0; i < 8; i++) {
      rows[i][0] = new BigFraction[] {f(1, 2), f(1, 4), f(1, 8), f(1, 8)};
      rows[i][1] = new BigFraction[] {f(1, 10), f(2, 10), f(3, 10), f(4, 10)};
    }
    rows[6][0] = new BigFraction[] {f(0), f(1, 3), f(1, 3), f(1, 3)};
    Policy pi = Policy.of(rows);
    DistancingInterventionGame.Response r = g.response(pi);
    StageExpectation[] e = {tilde.expect(0, pi), tilde.expect(1, pi)};
    BigFraction gamma = p.gamma();
    for (int i : new int[] {0, 6}) {
      BigFraction[] v = new BigFraction[2];
      for (int t = 0; t < 2; t++) {
        v[t] = r.q(i, t, 0);
        for (int o = 1; o < 5; o++) {
          v[t] = v[t].compareTo(r.q(i, t, o)) >= 0 ? v[t] : r.q(i, t, o);
        }
        v[t] = v[t].divide(beta);
      }
      for (int s = 0; s < 2; s++) {
        BigFraction none = BigFraction.ZERO;
        for (int o = 0; o < 4; o++) {
          BigFraction cont = e[s].transitionBar(i, o, 0).multiply(v[0]).add(e[s].transitionBar(i, o, 1).multiply(v[1]));
          BigFraction rhs = e[s].rewardBar(i, o).subtract(20).add(gamma.multiply(cont));
          assertThat(r.q(i, s, o).divide(beta)).isEqualTo(rhs);
          none = none.add(pi.prob(i, s, o).multiply(e[s].rewardBar(i, o).add(gamma.multiply(cont))));
        }
        assertThat(r.q(i, s, 4).divide(beta)).isEqualTo(none);
      }
    }
  }

  /**
   * The induced game is an ordinary Markov game: exact {@code Evaluation} of Ĝ and {@code DoubleEvaluation} of the
   * double induced game agree to 1e−9 on V_i(ρ) and Q̄_i at the published setting (α = 3/20, both variants, seeded
   * w̃, uniform π̄), and the values differ from the base game's (the intervention is felt, if weakly).
   */
  @Test
  void inducedGameEvaluates() {
    DistancingGame.Parameters p = DistancingGame.publishedSahitaj(8);
    for (Variant v : Variant.values()) {
      DistancingInterventionGame g = DistancingInterventionGame.of(p, v, f(3, 20), BigFraction.ONE,
          DistancingInterventionGame.drawPerturbedWeights(p, 3));
      Policy pi = Policy.uniform(g.base());
      org.mpgref.evaluation.Evaluation exact = org.mpgref.evaluation.Evaluation.of(g.induce(pi).game(), pi);
      org.mpgref.evaluation.DoubleEvaluation dbl = org.mpgref.evaluation.DoubleEvaluation.of(
          g.induceDouble(pi.toDouble()), pi.toDouble());
      org.mpgref.evaluation.Evaluation base = org.mpgref.evaluation.Evaluation.of(g.base(), pi);
      for (int i = 0; i < 8; i++) {
        close(exact.valueAtInitial(i), dbl.valueAtInitial(i), v + " V_" + i + "(rho)");
        for (int a = 0; a < 4; a++) {
          close(exact.qBar(i, 1, a), dbl.qBar(i, 1, a), v + " Qbar_" + i + "(1," + a + ")");
        }
        assertThat(exact.valueAtInitial(i)).isNotEqualTo(base.valueAtInitial(i));
      }
    }
  }

  /** Bad parameters are refused with one line naming the entry and the rule. */
  @Test
  void badParametersAreRefused() {
    DistancingGame.Parameters p = DistancingGame.publishedSahitaj(8);
    BigFraction[][] w = DistancingInterventionGame.unperturbedWeights(p);
    assertThatThrownBy(() -> DistancingInterventionGame.of(p, Variant.AS_PUBLISHED, f(-1, 10), f(1), w))
        .isInstanceOf(InvalidGameException.class).hasMessage("alpha = -1/10 must be in [0, 1]");
    assertThatThrownBy(() -> DistancingInterventionGame.of(p, Variant.AS_PUBLISHED, f(11, 10), f(1), w))
        .isInstanceOf(InvalidGameException.class).hasMessage("alpha = 11/10 must be in [0, 1]");
    assertThatThrownBy(() -> DistancingInterventionGame.of(p, Variant.CORRECTED, f(1, 10), f(-1), w))
        .isInstanceOf(InvalidGameException.class).hasMessage("beta = -1 must be >= 0");
    assertThatThrownBy(() -> DistancingInterventionGame.of(p, Variant.CORRECTED, f(1, 10), f(1),
        Arrays.copyOf(w, 7))).isInstanceOf(InvalidGameException.class)
        .hasMessage("perturbed weights have 7 rows; there are 8 agents");
    BigFraction[][] zero = DistancingInterventionGame.unperturbedWeights(p);
    zero[2] = new BigFraction[] {f(4), f(0), f(2), f(1)};
    assertThatThrownBy(() -> DistancingInterventionGame.of(p, Variant.CORRECTED, f(1, 10), f(1), zero))
        .isInstanceOf(InvalidGameException.class).hasMessage("perturbed weight w~[2][1] = 0 must be > 0");
    BigFraction[][] shortRow = DistancingInterventionGame.unperturbedWeights(p);
    shortRow[5] = new BigFraction[] {f(4)};
    assertThatThrownBy(() -> DistancingInterventionGame.of(p, Variant.CORRECTED, f(1, 10), f(1), shortRow))
        .isInstanceOf(InvalidGameException.class)
        .hasMessage("perturbed weights of agent 5 have 1 entries; there are 4 facilities");
  }

  /**
   * The seeded draw: reproducible; every entry is one of the weights; over seeds 0..199 (6400 entries) the share of
   * entries that changed is near 3/10 · 3/4 = 0.225 (a re-drawn entry keeps its value with probability 1/4).
   */
  @Test
  void seededWeightDraw() {
    DistancingGame.Parameters p = DistancingGame.publishedSahitaj(8);
    assertThat(DistancingInterventionGame.drawPerturbedWeights(p, 7))
        .isDeepEqualTo(DistancingInterventionGame.drawPerturbedWeights(p, 7));
    int changed = 0;
    for (long seed = 0; seed < 200; seed++) {
      BigFraction[][] w = DistancingInterventionGame.drawPerturbedWeights(p, seed);
      for (int i = 0; i < 8; i++) {
        for (int k = 0; k < 4; k++) {
          assertThat(p.weights()).contains(w[i][k]);
          if (!w[i][k].equals(p.weights()[k])) {
            changed++;
          }
        }
      }
    }
    assertThat(changed / 6400.0).isBetween(0.19, 0.26);
  }

  /** A random setting: N, variant, α, β, seeded w̃ (or none) and a rational deployed policy. */
  record Setting(DistancingInterventionGame game, Policy policy) {}

  private static int draw(RandomnessSource in, int lo, int hi) {
    return integers().between(lo, hi).generate(in);
  }

  private static Gen<Setting> settings() {
    BigFraction[] alphas = {BigFraction.ZERO, f(1, 100), f(3, 20), f(1, 2), BigFraction.ONE};
    BigFraction[] betas = {BigFraction.ZERO, f(1, 2), BigFraction.ONE, f(3)};
    return in -> {
      int n = draw(in, 2, 6);
      DistancingGame.Parameters p = DistancingGame.publishedSahitaj(n);
      Variant v = draw(in, 0, 1) == 0 ? Variant.AS_PUBLISHED : Variant.CORRECTED;
      BigFraction alpha = alphas[draw(in, 0, alphas.length - 1)];
      BigFraction beta = betas[draw(in, 0, betas.length - 1)];
      int seed = draw(in, -1, 50);
      BigFraction[][] w = seed < 0 ? DistancingInterventionGame.unperturbedWeights(p)
          : DistancingInterventionGame.drawPerturbedWeights(p, seed);
      BigFraction[][][] rows = new BigFraction[n][2][4];
      for (int i = 0; i < n; i++) {
        for (int s = 0; s < 2; s++) {
          int[] wt = new int[4];
          int sum = 0;
          for (int k = 0; k < 4; k++) {
            wt[k] = draw(in, 0, 3);
            sum += wt[k];
          }
          for (int k = 0; k < 4; k++) {
            rows[i][s][k] = sum == 0 ? (k == 0 ? BigFraction.ONE : BigFraction.ZERO) : f(wt[k], sum);
          }
        }
      }
      return new Setting(DistancingInterventionGame.of(p, v, alpha, beta, w), Policy.of(rows));
    };
  }

  private static void close(BigFraction exact, double approx, String what) {
    double x = exact.doubleValue();
    if (!(Math.abs(x - approx) <= 1e-9 * Math.max(1, Math.abs(x)))) {
      throw new AssertionError(what + ": exact " + x + ", double " + approx);
    }
  }

  /**
   * Exact and double agree to 1e−9 (relative, at least absolute) on Q_int, σ̂ vs the double softmax, and every r̄, P̄
   * of the induced game; σ̂ lies in its enclosure and sums to exactly 1, the enclosure is at most 1e−27 wide (e^−64 ≈ 1.6e−28 bounds the floor branch) and
   * contains the double softmax up to 1e−12 (its rounding); every kernel row and every induced P̄ row is a
   * distribution exactly; δ_P ∈ [0, 2] and it is 0 when α = 0 or β = 0.
   */
  @Test
  void exactAndDoubleAgree() {
    Seeds.property("distancingInterventionExactDouble", 12101L, 20).forAll(settings()).checkAssert(st -> {
      DistancingInterventionGame g = st.game();
      Policy pi = st.policy();
      String where = g.name();
      int n = g.agentCount();
      DistancingInterventionGame.Response r = g.response(pi);
      double[][][] qd = g.interventionQDouble(pi.toDouble());
      double[][][] sd = g.interventionDistributionDouble(pi.toDouble());
      for (int i = 0; i < n; i++) {
        for (int s = 0; s < 2; s++) {
          BigFraction sum = BigFraction.ZERO;
          for (int o = 0; o < 5; o++) {
            close(r.q(i, s, o), qd[i][s][o], "Q_int(" + i + "," + s + "," + o + ") in " + where);
            close(r.sigmaChosen(i, s, o), sd[i][s][o], "sigma(" + i + "," + s + "," + o + ") in " + where);
            assertThat(r.sigmaLower(i, s, o).compareTo(r.sigmaChosen(i, s, o))).isLessThanOrEqualTo(0);
            assertThat(r.sigmaChosen(i, s, o).compareTo(r.sigmaUpper(i, s, o))).isLessThanOrEqualTo(0);
            assertThat(r.sigmaUpper(i, s, o).subtract(r.sigmaLower(i, s, o)).doubleValue()).isLessThanOrEqualTo(1e-27);
            assertThat(sd[i][s][o]).isBetween(r.sigmaLower(i, s, o).doubleValue() - 1e-12,
                r.sigmaUpper(i, s, o).doubleValue() + 1e-12);
            sum = sum.add(r.sigmaChosen(i, s, o));
          }
          assertThat(sum).isEqualTo(BigFraction.ONE);
        }
      }
      InducedGame induced = g.induce(pi);
      assertThat(induced.transitionError().compareTo(BigFraction.of(2))).isLessThanOrEqualTo(0);
      if (g.alpha().signum() == 0 || g.beta().signum() == 0) {
        assertThat(induced.isExact()).isTrue();
      }
      ExecutedActionGame k = (ExecutedActionGame) induced.game();
      DoubleMarkovGame dbl = g.induceDouble(pi.toDouble());
      for (int s = 0; s < 2; s++) {
        StageExpectation e = k.expect(s, pi);
        double[][] rb = new double[n][4];
        double[][][] tb = new double[n][4][2];
        dbl.expect(s, pi.toDouble().atState(s), rb, tb);
        for (int i = 0; i < n; i++) {
          for (int a = 0; a < 4; a++) {
            BigFraction row = BigFraction.ZERO;
            for (int b = 0; b < 4; b++) {
              assertThat(k.kernel(i, s, a, b).signum()).isGreaterThanOrEqualTo(0);
              row = row.add(k.kernel(i, s, a, b));
            }
            assertThat(row).isEqualTo(BigFraction.ONE);
            close(e.rewardBar(i, a), rb[i][a], "rbar(" + i + "," + s + "," + a + ") in " + where);
            BigFraction total = BigFraction.ZERO;
            for (int t = 0; t < 2; t++) {
              assertThat(e.transitionBar(i, a, t).signum()).isGreaterThanOrEqualTo(0);
              close(e.transitionBar(i, a, t), tb[i][a][t], "Pbar(" + t + "|" + i + "," + s + "," + a + ") in " + where);
              total = total.add(e.transitionBar(i, a, t));
            }
            assertThat(total).isEqualTo(BigFraction.ONE);
          }
        }
      }
    });
  }
}
