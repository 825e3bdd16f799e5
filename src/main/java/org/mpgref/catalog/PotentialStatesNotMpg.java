package org.mpgref.catalog;

import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.game.Policy;
import org.mpgref.game.StagePotential;
import org.mpgref.game.TabularMarkovGame;

/**
 * The smallest Markov game in which every state game is a potential game but which is not a Markov potential game
 * (2 states, 2 agents, 2 actions, rational data). The papers assert that such games exist (Leonardos et al. 2022,
 * §3: potential state games are not sufficient for an MPG); this instance is our own construction, derived by hand in
 * {@code proofs-notes/counterexample-potential-states-not-mpg.md} and specified in {@code specs/counterexample-games.md}.
 *
 * <pre>
 *   γ = 1/2, ρ = (1/2, 1/2); actions 0, 1 for both agents; [x] is 1 if x holds, else 0
 *   state 0:  r_0 = r_1 = [a_0 = a_1]                        next state: 1 if a_0 = 1, else 0   (agent 0 decides)
 *   state 1:  r_0 = [a_0 = a_1] + [a_1 = 1],  r_1 = [a_0 = a_1]    next state: 0
 * </pre>
 *
 * Every state game has the potential φ(s, a) = [a_0 = a_1] (in state 1, r_0 − φ = [a_1 = 1] does not depend on a_0),
 * declared with {@link StagePotential.Condition#STATE_POTENTIAL_ONLY}, which verifies exactly. The game is not an MPG:
 * with π = all agents play 0 everywhere, π_0' = agent 0 plays 1 in state 0 (0 in state 1), π_1' = agent 1 plays 1 in
 * state 1 (0 in state 0), the 4-cycle of unilateral value differences sums to −2/3 at state 0 and −1/3 at state 1
 * ({@link #handCycle()}), whereas it is 0 in every MPG (proofs-notes/mpg-four-cycle.md). Mechanism: agent 0's
 * dummy reward [a_1 = 1] is collected only in state 1, which agent 0 chooses to visit, so whether agent 0 gains by
 * visiting depends on agent 1's policy there.
 */
public final class PotentialStatesNotMpg {
  /** Where the game comes from. */
  public static final String SOURCE = "own construction; claim of Leonardos et al. ICLR 2022, Sec. 3 (potential state"
      + " games do not make an MPG); derivation proofs-notes/counterexample-potential-states-not-mpg.md";

  /** The exact 4-cycle sum at state 0, derived by hand: −γ/(1−γ²) = −2/3. */
  public static final BigFraction CYCLE_SUM_STATE_0 = BigFraction.of(-2, 3);

  /** The exact 4-cycle sum at state 1, derived by hand: −1/3. */
  public static final BigFraction CYCLE_SUM_STATE_1 = BigFraction.of(-1, 3);

  private PotentialStatesNotMpg() {}

  /**
   * The game. Joint actions are indexed a_0 + 2 a_1 (agent 0 fastest).
   *
   * @return the 2-state, 2-agent, 2-action game with its declared state potential
   */
  public static TabularMarkovGame of() {
    BigFraction zero = BigFraction.ZERO;
    BigFraction one = BigFraction.ONE;
    BigFraction[][][] rewards = new BigFraction[2][4][];
    BigFraction[][][] transitions = new BigFraction[2][4][];
    BigFraction[][] phi = new BigFraction[2][4];
    for (int j = 0; j < 4; j++) {
      int a0 = j % 2;
      int a1 = j / 2;
      BigFraction same = a0 == a1 ? one : zero;
      BigFraction dummy = a1 == 1 ? one : zero;
      phi[0][j] = same;
      phi[1][j] = same;
      rewards[0][j] = new BigFraction[] {same, same};
      rewards[1][j] = new BigFraction[] {same.add(dummy), same};
      transitions[0][j] = a0 == 1 ? new BigFraction[] {zero, one} : new BigFraction[] {one, zero};
      transitions[1][j] = new BigFraction[] {one, zero};
    }
    BigFraction half = BigFraction.of(1, 2);
    return TabularMarkovGame.withPotential("potential-states-not-MPG", new int[] {2, 2}, half,
        new BigFraction[] {half, half}, rewards, transitions, phi, StagePotential.Condition.STATE_POTENTIAL_ONLY);
  }

  /**
   * The corners of a 4-cycle of unilateral deviations and its hand-derived sum: agents i and j, base π, a policy
   * whose agent-i part is π_i', one whose agent-j part is π_j', the state s and the sum there. Model data only; the
   * analysis that recomputes the sum is {@code org.mpgref.potential.PotentialCheck} (its {@code Counterexample}
   * takes these components).
   *
   * @param base π
   * @param agentI i
   * @param deviationI a policy whose agent-i part is π_i'
   * @param agentJ j
   * @param deviationJ a policy whose agent-j part is π_j'
   * @param state s
   * @param cycleSum the hand-derived sum at s
   */
  public record HandCycle(Policy base, int agentI, Policy deviationI, int agentJ, Policy deviationJ, int state,
      BigFraction cycleSum) {}

  /**
   * The hand-derived counterexample: agents i = 0, j = 1, base π (everyone plays 0 everywhere), π_0' (agent 0 plays
   * 1 in state 0, 0 in state 1), π_1' (agent 1 plays 0 in state 0, 1 in state 1), state 0, cycle sum −2/3
   * ({@link #CYCLE_SUM_STATE_0}). The policies are policies of {@link #of()}; the tests rebuild it as a
   * {@code PotentialCheck.Counterexample}, whose {@code verify()} recomputes the sum from scratch.
   *
   * @return the 4-cycle
   */
  public static HandCycle handCycle() {
    TabularMarkovGame game = of();
    Policy base = Policy.pure(game, new int[][] {{0, 0}, {0, 0}});
    Policy devI = Policy.pure(game, new int[][] {{1, 0}, {0, 0}});
    Policy devJ = Policy.pure(game, new int[][] {{0, 0}, {0, 1}});
    return new HandCycle(base, 0, devI, 1, devJ, 0, CYCLE_SUM_STATE_0);
  }
}
