package org.mpgref.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;

import java.util.HashSet;
import java.util.Set;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.game.StagePotential;
import org.mpgref.game.TabularMarkovGame;

/** {@link Gens}: generated games are valid and cover the sizes; a failure shrinks to a small game. */
class GensTest {
  /**
   * Every generated game has sizes within the bounds, exact distributions (ρ, every P(·|s,a) sums to 1 with entries
   * in [0,1]), γ ∈ [0,1) with denominator ≤ 10, rewards with denominators ≤ 6; all of 1..3 states, agents and
   * actions occur over the examples, and identical-interest games give every agent the same reward.
   */
  @Test
  void generatedGamesAreValidAndCoverTheSizes() {
    Set<Integer> states = new HashSet<>();
    Set<Integer> agents = new HashSet<>();
    Set<Integer> actions = new HashSet<>();
    Seeds.property("gensValid", 6401L, 200).forAll(Gens.games(3, 3, 3), Gens.identicalInterest(3, 3, 3))
        .checkAssert((g, h) -> {
          for (TabularMarkovGame x : new TabularMarkovGame[] {g, h}) {
            states.add(x.stateCount());
            agents.add(x.agentCount());
            assertThat(x.stateCount()).isBetween(1, 3);
            assertThat(x.agentCount()).isBetween(1, 3);
            assertThat(x.discount().getDenominator().intValueExact()).isBetween(1, 10);
            assertThat(x.discount().compareTo(BigFraction.ONE)).isNegative();
            BigFraction rho = BigFraction.ZERO;
            for (int s = 0; s < x.stateCount(); s++) {
              rho = rho.add(x.initial(s));
            }
            assertThat(rho).isEqualTo(BigFraction.ONE);
            int[] counts = new int[x.agentCount()];
            for (int i = 0; i < counts.length; i++) {
              counts[i] = x.actionCount(i);
              actions.add(counts[i]);
              assertThat(counts[i]).isBetween(1, 3);
            }
            for (int s = 0; s < x.stateCount(); s++) {
              for (int j = 0; j < RandomGames.jointCount(counts); j++) {
                int[] a = RandomGames.decode(counts, j);
                BigFraction sum = BigFraction.ZERO;
                for (int t = 0; t < x.stateCount(); t++) {
                  BigFraction p = x.transition(s, a, t);
                  assertThat(p.signum()).isNotNegative();
                  sum = sum.add(p);
                }
                assertThat(sum).isEqualTo(BigFraction.ONE);
                for (int i = 0; i < counts.length; i++) {
                  assertThat(x.reward(i, s, a).getDenominator().intValueExact()).isBetween(1, 6);
                  if (x == h) {
                    assertThat(x.reward(i, s, a)).isEqualTo(x.reward(0, s, a));
                  }
                }
              }
            }
          }
        });
    assertThat(states).containsExactlyInAnyOrder(1, 2, 3);
    assertThat(agents).containsExactlyInAnyOrder(1, 2, 3);
    assertThat(actions).containsExactlyInAnyOrder(1, 2, 3);
  }

  /**
   * A property false on every game with more than one state shrinks to a 2-state game with one agent with one
   * action (QuickTheories' report of the smallest falsifying value names the game's sizes).
   */
  @Test
  void aFailureOnMultiStateGamesShrinksToATwoStateGame() {
    long seed = Seeds.announce("gensShrinkToTwoStates", 6402L);
    Throwable t = catchThrowable(() -> qt().withFixedSeed(seed).withExamples(200).withShrinkCycles(10_000)
        .forAll(Gens.games(4, 3, 3)).check(g -> g.stateCount() <= 1));
    assertThat(t).isInstanceOf(AssertionError.class);
    assertThat(t.getMessage()).contains("gens(S=2, A=[1], gamma=0,");
  }

  /**
   * {@link Gens#potentialGames}: at least the smallest number of agents, a declared potential of one of the two exact
   * MPG kinds that verifies exactly on the game's data ({@code StagePotential.findViolation} empty), and both kinds
   * occur; state potential games have action-independent transitions.
   */
  @Test
  void potentialGamesDeclareAVerifiedPotentialOfBothKinds() {
    Set<StagePotential.Condition> kinds = new HashSet<>();
    Seeds.property("gensPotential", 6403L, 100).forAll(Gens.potentialGames(3, 2, 3, 3))
        .checkAssert(g -> {
          assertThat(g.agentCount()).isBetween(2, 3);
          StagePotential sp = g.potential().orElseThrow();
          kinds.add(sp.condition());
          assertThat(sp.findViolation()).as("declared potential of %s", g.name()).isEmpty();
          if (sp.condition() == StagePotential.Condition.STATE_POTENTIAL_ACTION_INDEPENDENT_TRANSITIONS) {
            int[] counts = new int[g.agentCount()];
            for (int i = 0; i < counts.length; i++) {
              counts[i] = g.actionCount(i);
            }
            for (int s = 0; s < g.stateCount(); s++) {
              int[] first = RandomGames.decode(counts, 0);
              for (int j = 1; j < RandomGames.jointCount(counts); j++) {
                for (int t = 0; t < g.stateCount(); t++) {
                  assertThat(g.transition(s, RandomGames.decode(counts, j), t)).isEqualTo(g.transition(s, first, t));
                }
              }
            }
          }
        });
    assertThat(kinds).containsExactlyInAnyOrder(StagePotential.Condition.IDENTICAL_INTEREST,
        StagePotential.Condition.STATE_POTENTIAL_ACTION_INDEPENDENT_TRANSITIONS);
  }
}
