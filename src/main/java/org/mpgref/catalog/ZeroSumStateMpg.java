package org.mpgref.catalog;

import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.game.StagePotential;
import org.mpgref.game.TabularMarkovGame;

/**
 * A Markov potential game one of whose state games is zero-sum and not even a potential game (matching pennies):
 * the continuation, which the joint action at that state selects, turns the agents' total payoffs there into an
 * identical-interest game. The papers assert that state games of an MPG need not be potential games (Leonardos et
 * al. 2022, §3); this 3-state instance is our own construction, proven an MPG by hand in
 * {@code proofs-notes/counterexample-zero-sum-state-mpg.md} and specified in {@code specs/counterexample-games.md}.
 *
 * <pre>
 *   γ = 2/3, ρ = (1/2, 1/4, 1/4); actions 0, 1 for both agents
 *   state 0 (matching pennies): r_0 = +1 if a_0 = a_1 else −1,  r_1 = −r_0;  next: 1 if a_0 = a_1, else 2
 *   state 1 (absorbing):        r_0 = 0,  r_1 = +1 for every a
 *   state 2 (absorbing):        r_0 = 0,  r_1 = −1 for every a
 * </pre>
 *
 * For every product policy π: V_i^π(1) = (0, 3)_i and V_i^π(2) = (0, −3)_i, and
 * V_i^π(0) = E_{a~π(·|0)}[r_i(0,a) + γ V_i(next(a))] = E_{a~π(·|0)} ψ(a) for both agents, ψ(a) = +1 if a_0 = a_1 else
 * −1. Hence with the stage potential φ(0, a) = ψ(a), φ(1,·) = φ(2,·) = 0 and Φ^π = E_π[Σ_t γ^t φ(s_t,a_t)]
 * (which equals V_0^π), V_i^π(s) − Φ^π(s) = c_i(s) with c_0 = (0, 0, 0), c_1 = (0, 3, −3) for every π: the MPG
 * identity holds exactly. No sufficient condition that {@code PotentialCheck} can verify applies (the transitions
 * depend on the actions, and the rewards differ), so the game declares no stage potential; Φ^π is the value of
 * {@link #potentialTeamGame()} (for either agent), which the tests evaluate.
 */
public final class ZeroSumStateMpg {
  /** Where the game comes from. */
  public static final String SOURCE = "own construction; claim of Leonardos et al. ICLR 2022, Sec. 3 (state games of"
      + " an MPG need not be potential games); proof proofs-notes/counterexample-zero-sum-state-mpg.md";

  private ZeroSumStateMpg() {}

  /**
   * The game, without a declared potential. Joint actions are indexed a_0 + 2 a_1.
   *
   * @return the 3-state, 2-agent, 2-action game
   */
  public static TabularMarkovGame of() {
    BigFraction[][][] rewards = rewards();
    return TabularMarkovGame.of("zero-sum-state-MPG", new int[] {2, 2}, gamma(), rho(), rewards, transitions());
  }

  /**
   * The same game declaring the stage potential φ with a chosen condition (for tests that a wrong claim is caught:
   * neither sufficient condition holds for this game, so {@code findViolation} reports one).
   *
   * @param claimed the condition to claim
   * @return the game with φ declared
   */
  public static TabularMarkovGame withDeclaredPhi(StagePotential.Condition claimed) {
    return TabularMarkovGame.withPotential("zero-sum-state-MPG(phi declared " + claimed + ")", new int[] {2, 2},
        gamma(), rho(), rewards(), transitions(), phi(), claimed);
  }

  /**
   * The identical-interest game with the same states, actions and transitions and r_0 = r_1 = φ: its value is Φ^π.
   *
   * @return the potential's team game (declares φ with {@link StagePotential.Condition#IDENTICAL_INTEREST})
   */
  public static TabularMarkovGame potentialTeamGame() {
    BigFraction[][] phi = phi();
    BigFraction[][][] r = new BigFraction[3][4][];
    for (int s = 0; s < 3; s++) {
      for (int j = 0; j < 4; j++) {
        r[s][j] = new BigFraction[] {phi[s][j], phi[s][j]};
      }
    }
    return TabularMarkovGame.withPotential("zero-sum-state-MPG potential", new int[] {2, 2}, gamma(), rho(), r,
        transitions(), phi, StagePotential.Condition.IDENTICAL_INTEREST);
  }

  private static BigFraction gamma() {
    return BigFraction.of(2, 3);
  }

  private static BigFraction[] rho() {
    return new BigFraction[] {BigFraction.of(1, 2), BigFraction.of(1, 4), BigFraction.of(1, 4)};
  }

  private static BigFraction[][][] rewards() {
    BigFraction[][][] r = new BigFraction[3][4][];
    for (int j = 0; j < 4; j++) {
      int a0 = j % 2;
      int a1 = j / 2;
      BigFraction pennies = BigFraction.of(a0 == a1 ? 1 : -1);
      r[0][j] = new BigFraction[] {pennies, pennies.negate()};
      r[1][j] = new BigFraction[] {BigFraction.ZERO, BigFraction.ONE};
      r[2][j] = new BigFraction[] {BigFraction.ZERO, BigFraction.of(-1)};
    }
    return r;
  }

  private static BigFraction[][][] transitions() {
    BigFraction zero = BigFraction.ZERO;
    BigFraction one = BigFraction.ONE;
    BigFraction[][][] p = new BigFraction[3][4][];
    for (int j = 0; j < 4; j++) {
      boolean same = j % 2 == j / 2;
      p[0][j] = same ? new BigFraction[] {zero, one, zero} : new BigFraction[] {zero, zero, one};
      p[1][j] = new BigFraction[] {zero, one, zero};
      p[2][j] = new BigFraction[] {zero, zero, one};
    }
    return p;
  }

  private static BigFraction[][] phi() {
    BigFraction[][] f = new BigFraction[3][4];
    for (int j = 0; j < 4; j++) {
      f[0][j] = BigFraction.of(j % 2 == j / 2 ? 1 : -1);
      f[1][j] = BigFraction.ZERO;
      f[2][j] = BigFraction.ZERO;
    }
    return f;
  }
}
