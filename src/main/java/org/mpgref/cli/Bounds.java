package org.mpgref.cli;

import org.checkerframework.checker.nullness.qual.Nullable;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.StagePotential;
import org.mpgref.theory.PotentialStatus;
import org.mpgref.theory.SizeGuard;

/**
 * The CLI's view of what {@code bounds} and the default steps of {@code learn} need to know about a game before
 * computing its theory constants; the decisions live in {@code org.mpgref.theory} ({@link SizeGuard} for whether the
 * expensive exact constants are affordable, {@link PotentialStatus} for whether the declared potential is a verified
 * Markov potential), this class only adapts them to nullable strings.
 */
final class Bounds {
  /** Largest |S|·Π|A_i| for which the exact constants are computed by policy iteration. */
  static final long MAX_POLICY_ITERATION_PAIRS = SizeGuard.MAX_POLICY_ITERATION_PAIRS;

  /** Largest |S| for which the exact constants are computed by policy iteration (exact |S|×|S| solves). */
  static final int MAX_POLICY_ITERATION_STATES = SizeGuard.MAX_POLICY_ITERATION_STATES;

  /** Largest |S|·Π|A_i| for which the joint actions are enumerated (reward range, span of φ). */
  static final long MAX_ENUMERATION_PAIRS = SizeGuard.MAX_ENUMERATION_PAIRS;

  private Bounds() {}

  /**
   * |S|·Π_i|A_i|, saturating at {@link Long#MAX_VALUE} ({@link SizeGuard#pairs}).
   *
   * @param g the game
   * @return the number of (state, joint action) pairs
   */
  static long pairs(MarkovGame g) {
    return SizeGuard.pairs(g);
  }

  /**
   * Why policy iteration over the joint actions is refused for this game, or null if it is affordable
   * ({@link SizeGuard#policyIterationTooLarge}).
   *
   * @param g the game
   * @return e.g. "2 states x 1048576 joint actions (limit: 262144 state-joint-action pairs and 64 states)", or null
   */
  static @Nullable String policyIterationTooLarge(MarkovGame g) {
    return SizeGuard.policyIterationTooLarge(g).orElse(null);
  }

  /**
   * Why enumerating the joint actions is refused for this game, or null if it is affordable
   * ({@link SizeGuard#enumerationTooLarge}).
   *
   * @param g the game
   * @return a one-line reason, or null
   */
  static @Nullable String enumerationTooLarge(MarkovGame g) {
    return SizeGuard.enumerationTooLarge(g).orElse(null);
  }

  /**
   * The file-format name of a potential condition ({@link PotentialStatus#conditionName}).
   *
   * @param c the condition
   * @return its name
   */
  static String conditionName(StagePotential.Condition c) {
    return PotentialStatus.conditionName(c);
  }

  /**
   * Why the game's declared stage potential is not a verified Markov potential, or null if it is
   * ({@link PotentialStatus#problem}).
   *
   * @param g the game
   * @return a one-line reason, or null
   */
  static @Nullable String potentialProblem(MarkovGame g) {
    return PotentialStatus.problem(g).orElse(null);
  }
}
