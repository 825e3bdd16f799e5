package org.mpgref.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mpgref.testkit.ExactAssertions.assertThatExact;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import org.apache.commons.numbers.fraction.BigFraction;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.numbers.Rationals;
import org.mpgref.game.StagePotential;
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.testkit.Gens;
import org.mpgref.testkit.RandomGames;
import org.mpgref.testkit.Seeds;

/**
 * Markov potential game properties, exactly, on games built with a declared potential (identical interest, and
 * state potential games with action-independent transitions): the MPG identity V_i(π_i',π_{-i}) − V_i(π) =
 * Φ(π_i',π_{-i}) − Φ(π) in every state with Φ from {@link Evaluation#potential()}, the vanishing of every 4-cycle of
 * unilateral deviations, and pure best-response dynamics ending at a policy whose Nash gap is exactly 0 in every
 * state. Counter-examples: matching pennies and a state potential game with action-dependent transitions both have
 * a 4-cycle with a nonzero sum.
 */
class MarkovPotentialPropertiesTest {
  /** A seed for which {@code statePotential(2, 2, 2, seed, false)} has γ = 7/10 and is not an MPG (found by trial). */
  private static final long NON_MPG_SEED = 2L;

  /**
   * Pure best-response dynamics: starting from a random pure policy, repeatedly let an agent whose exact best
   * response strictly improves its value in some state switch to it. Each step raises Φ by exactly the agent's gain
   * in every state (so Σ_s Φ strictly increases and the loop ends); the end point has gap_i(s) = 0 for all i, s.
   */
  @Test
  void bestResponseDynamicsReachesNashInEveryState() {
    Seeds.property("bestResponseDynamics", 3001L, 60)
        .forAll(Gens.potentialGames(3, 2, 3, 3), longs().all())
        .checkAssert((game, seed) -> {
          int states = game.stateCount();
          int agents = game.agentCount();
          UniformRandomProvider r = RandomGames.rng(~seed);
          Policy pi = Policy.pure(game, RandomGames.pureActions(game, r));
          long purePolicies = 1;
          for (int i = 0; i < agents; i++) {
            purePolicies *= (long) Math.pow(game.actionCount(i), states);
          }
          int steps = 0;
          while (true) {
            Evaluation ev = Evaluation.of(game, pi);
            BigFraction[] phi = ev.potential().orElseThrow();
            int start = r.nextInt(agents);
            int mover = -1;
            BestResponse moverBr = null;
            for (int k = 0; k < agents && mover < 0; k++) {
              int i = (start + k) % agents;
              BestResponse br = BestResponse.of(ev, i);
              for (int s = 0; s < states; s++) {
                if (Rationals.compare(br.value(s), ev.value(i, s)) > 0) {
                  mover = i;
                  moverBr = br;
                  break;
                }
              }
            }
            if (moverBr == null) {
              break;
            }
            Policy next = pi.withPureAgent(mover, moverBr.actions());
            BigFraction[] phiNext = Evaluation.of(game, next).potential().orElseThrow();
            BigFraction rise = BigFraction.ZERO;
            for (int s = 0; s < states; s++) {
              BigFraction gain = moverBr.value(s).subtract(ev.value(mover, s));
              assertThatExact(phiNext[s].subtract(phi[s])).as("Phi rise at %d when agent %d best-responds in %s",
                  s, mover, game.name()).isEqualByComparingTo(gain);
              rise = rise.add(gain);
            }
            assertThatExact(rise).isGreaterThan(BigFraction.ZERO);
            pi = next;
            steps++;
            assertThat((long) steps).as("dynamics must end in %s", game.name()).isLessThanOrEqualTo(purePolicies);
          }
          NashGap gaps = NashGap.of(game, pi);
          assertThat(gaps.verify()).isTrue();
          assertThatExact(gaps.nashGap()).as("Nash gap at rho in %s", game.name())
              .isEqualByComparingTo(BigFraction.ZERO);
          assertThatExact(gaps.maxStateGap()).isEqualByComparingTo(BigFraction.ZERO);
          for (int i = 0; i < agents; i++) {
            for (int s = 0; s < states; s++) {
              assertThatExact(gaps.gap(i, s)).as("gap_%d(%d) in %s at%n%s", i, s, game.name(), pi)
                  .isEqualByComparingTo(BigFraction.ZERO);
            }
          }
        });
  }

  /**
   * The MPG identity, exactly, in every state: for a random π, agent i and deviation π_i',
   * V_i(π_i',π_{-i})(s) − V_i(π)(s) = Φ(π_i',π_{-i})(s) − Φ(π)(s).
   */
  @Test
  void potentialDifferencesEqualValueDifferences() {
    Gen<Deviation> deviations = in -> {
      TabularMarkovGame game = Gens.potentialGames(3, 2, 3, 3).generate(in);
      Gen<Policy> policies = Gens.policies(game);
      return new Deviation(game, policies.generate(in), integers().between(0, game.agentCount() - 1).generate(in),
          policies.generate(in));
    };
    Seeds.property("mpgIdentity", 3002L, 100)
        .forAll(deviations.describedAs(Deviation::toString))
        .checkAssert(d -> {
          TabularMarkovGame game = d.game();
          int states = game.stateCount();
          assertThat(game.potential()).isPresent();
          assertThat(game.potential().orElseThrow().condition()).isIn(
              StagePotential.Condition.IDENTICAL_INTEREST,
              StagePotential.Condition.STATE_POTENTIAL_ACTION_INDEPENDENT_TRANSITIONS);
          Policy pi = d.pi();
          int agent = d.i();
          Policy deviated = pi.withAgent(agent, d.di());
          Evaluation before = Evaluation.of(game, pi);
          Evaluation after = Evaluation.of(game, deviated);
          BigFraction[] phiBefore = before.potential().orElseThrow();
          BigFraction[] phiAfter = after.potential().orElseThrow();
          for (int s = 0; s < states; s++) {
            assertThatExact(after.value(agent, s).subtract(before.value(agent, s)))
                .as("value vs potential difference of agent %d at %d in %s", agent, s, game.name())
                .isEqualByComparingTo(phiAfter[s].subtract(phiBefore[s]));
          }
          BigFraction phiRho = BigFraction.ZERO;
          for (int s = 0; s < states; s++) {
            phiRho = phiRho.add(game.initial(s).multiply(phiBefore[s]));
          }
          assertThatExact(before.potentialAtInitial().orElseThrow()).isEqualByComparingTo(phiRho);
        });
  }

  /** In an MPG every 4-cycle (i deviates, j deviates, i back, j back) of value differences sums to 0 in each state. */
  @Test
  void fourCyclesVanishInPotentialGames() {
    Gen<FourCycle> cycles = in -> {
      TabularMarkovGame game = Gens.potentialGames(3, 2, 3, 3).generate(in);
      int i = integers().between(0, game.agentCount() - 1).generate(in);
      int j = (i + 1 + integers().between(0, game.agentCount() - 2).generate(in)) % game.agentCount();
      Gen<Policy> policies = Gens.policies(game);
      return new FourCycle(game, policies.generate(in), i, policies.generate(in), j, policies.generate(in));
    };
    Seeds.property("fourCycleZero", 3003L, 100)
        .forAll(cycles.describedAs(FourCycle::toString))
        .checkAssert(c -> {
          BigFraction[] sum = fourCycle(c.game(), c.pi(), c.i(), c.di(), c.j(), c.dj());
          for (int s = 0; s < c.game().stateCount(); s++) {
            assertThatExact(sum[s]).as("4-cycle (%d,%d) at %d in %s", c.i(), c.j(), s, c.game().name())
                .isEqualByComparingTo(BigFraction.ZERO);
          }
        });
  }

  /** A unilateral deviation: the game, the base policy π, agent i and the policy whose row i replaces π_i. */
  private record Deviation(TabularMarkovGame game, Policy pi, int i, Policy di) {}

  /** A 4-cycle's input: the game, the base policy, agent i and its deviation, agent j ≠ i and its deviation. */
  private record FourCycle(TabularMarkovGame game, Policy pi, int i, Policy di, int j, Policy dj) {}

  /** Matching pennies (one state, γ = 1/2) is not a potential game: a pure 4-cycle sums to −8/(1−γ) = −16. */
  @Test
  void matchingPenniesHasNonzeroFourCycle() {
    BigFraction[][][] rewards = new BigFraction[1][4][];
    BigFraction[][][] transitions = new BigFraction[1][4][];
    for (int j = 0; j < 4; j++) {
      int a0 = j % 2;
      int a1 = j / 2;
      BigFraction r0 = BigFraction.of(a0 == a1 ? 1 : -1);
      rewards[0][j] = new BigFraction[] {r0, r0.negate()};
      transitions[0][j] = new BigFraction[] {BigFraction.ONE};
    }
    TabularMarkovGame game = TabularMarkovGame.of("matching pennies", new int[] {2, 2}, BigFraction.of(1, 2),
        new BigFraction[] {BigFraction.ONE}, rewards, transitions);
    Policy heads = Policy.pure(game, new int[][] {{0}, {0}});
    Policy tails = Policy.pure(game, new int[][] {{1}, {1}});
    BigFraction[] sum = fourCycle(game, heads, 0, tails, 1, tails);
    assertThatExact(sum[0]).isEqualByComparingTo(BigFraction.of(-16));
  }

  /**
   * A state potential game whose transitions depend on the joint action (2 states, 2 agents, 2 actions, seeded) is
   * not an MPG: some 4-cycle over pure policies has a nonzero sum in some state, and its declared φ does not give
   * the MPG identity for some unilateral deviation.
   */
  @Test
  void actionDependentTransitionsBreakThePotential() {
    TabularMarkovGame game = RandomGames.statePotential(2, 2, 2, NON_MPG_SEED, false);
    assertThatExact(game.discount()).isGreaterThan(BigFraction.ZERO);
    assertThat(game.potential().orElseThrow().condition()).isEqualTo(StagePotential.Condition.STATE_POTENTIAL_ONLY);
    Policy[] pures = allPurePolicies(game);
    boolean cycleFound = false;
    for (Policy base : pures) {
      for (Policy devI : pures) {
        for (Policy devJ : pures) {
          BigFraction[] sum = fourCycle(game, base, 0, devI, 1, devJ);
          if (Arrays.stream(sum).anyMatch(x -> x.signum() != 0)) {
            cycleFound = true;
            break;
          }
        }
        if (cycleFound) {
          break;
        }
      }
      if (cycleFound) {
        break;
      }
    }
    assertThat(cycleFound).as("a nonzero 4-cycle in %s", game.name()).isTrue();
    boolean identityBroken = false;
    for (Policy base : pures) {
      Evaluation before = Evaluation.of(game, base);
      BigFraction[] phiBefore = before.potential().orElseThrow();
      for (Policy dev : pures) {
        for (int agent = 0; agent < 2 && !identityBroken; agent++) {
          Evaluation after = Evaluation.of(game, base.withAgent(agent, dev));
          BigFraction[] phiAfter = after.potential().orElseThrow();
          for (int s = 0; s < 2; s++) {
            BigFraction dv = after.value(agent, s).subtract(before.value(agent, s));
            if (!dv.equals(phiAfter[s].subtract(phiBefore[s]))) {
              identityBroken = true;
            }
          }
        }
      }
    }
    assertThat(identityBroken).as("declared phi is not a Markov potential of %s", game.name()).isTrue();
  }

  /**
   * The 4-cycle sum of unilateral value differences, per state: with π⁰ = π, π¹ = (π_i', π_{-i}),
   * π² = (π_i', π_j', ...), π³ = (π_i, π_j', ...), it is [V_i(π¹)−V_i(π⁰)] + [V_j(π²)−V_j(π¹)] + [V_i(π³)−V_i(π²)]
   * + [V_j(π⁰)−V_j(π³)], which vanishes in every MPG (Φ telescopes).
   *
   * @param game the game
   * @param pi π
   * @param i first deviator
   * @param devI supplies π_i'
   * @param j second deviator, ≠ i
   * @param devJ supplies π_j'
   * @return the sum [s]
   */
  static BigFraction[] fourCycle(MarkovGame game, Policy pi, int i, Policy devI, int j, Policy devJ) {
    Policy p1 = pi.withAgent(i, devI);
    Policy p2 = p1.withAgent(j, devJ);
    Policy p3 = p2.withAgent(i, pi);
    Evaluation e0 = Evaluation.of(game, pi);
    Evaluation e1 = Evaluation.of(game, p1);
    Evaluation e2 = Evaluation.of(game, p2);
    Evaluation e3 = Evaluation.of(game, p3);
    BigFraction[] sum = new BigFraction[game.stateCount()];
    for (int s = 0; s < sum.length; s++) {
      sum[s] = e1.value(i, s).subtract(e0.value(i, s))
          .add(e2.value(j, s).subtract(e1.value(j, s)))
          .add(e3.value(i, s).subtract(e2.value(i, s)))
          .add(e0.value(j, s).subtract(e3.value(j, s)));
    }
    return sum;
  }

  private static Policy[] allPurePolicies(MarkovGame game) {
    int n = game.agentCount();
    int states = game.stateCount();
    int[] radix = new int[n * states];
    int total = 1;
    for (int i = 0; i < n; i++) {
      for (int s = 0; s < states; s++) {
        radix[i * states + s] = game.actionCount(i);
        total *= game.actionCount(i);
      }
    }
    Policy[] out = new Policy[total];
    for (int code = 0; code < total; code++) {
      int[][] acts = new int[n][states];
      int rest = code;
      for (int k = 0; k < radix.length; k++) {
        acts[k / states][k % states] = rest % radix[k];
        rest /= radix[k];
      }
      out[code] = Policy.pure(game, acts);
    }
    return out;
  }
}
