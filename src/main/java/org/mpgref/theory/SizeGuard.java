package org.mpgref.theory;

import java.util.Optional;
import org.mpgref.game.MarkovGame;

/**
 * Whether the expensive exact constants of a game (φ_max, the exact mismatch coefficient, the exact visitation floor:
 * policy iteration over joint actions with exact linear solves) and the plain enumerations of its joint actions
 * (reward range, span of φ) are affordable, decided before any of them is spent.
 *
 * <p>The guard is deterministic (no time-outs), so results never depend on the machine: policy iteration runs when
 * |S|·Π_i|A_i| ≤ {@link #MAX_POLICY_ITERATION_PAIRS} and |S| ≤ {@link #MAX_POLICY_ITERATION_STATES}; enumerations
 * when |S|·Π_i|A_i| ≤ {@link #MAX_ENUMERATION_PAIRS}. Measured on a 2-core machine: 8-agent distancing
 * (2 × 65,536 pairs) needs about 2 s for all exact constants; 7-agent routing (128 states, 128 joint actions) about
 * 11 s, which the guard refuses.
 */
public final class SizeGuard {
  /** Largest |S|·Π|A_i| for which the exact constants are computed by policy iteration. */
  public static final long MAX_POLICY_ITERATION_PAIRS = 1L << 18;

  /** Largest |S| for which the exact constants are computed by policy iteration (exact |S|×|S| solves). */
  public static final int MAX_POLICY_ITERATION_STATES = 64;

  /** Largest |S|·Π|A_i| for which the joint actions are enumerated (reward range, span of φ). */
  public static final long MAX_ENUMERATION_PAIRS = 1L << 20;

  private SizeGuard() {}

  /**
   * |S|·Π_i|A_i|, saturating at {@link Long#MAX_VALUE}.
   *
   * @param g the game
   * @return the number of (state, joint action) pairs
   */
  public static long pairs(MarkovGame g) {
    long p = g.stateCount();
    for (int i = 0; i < g.agentCount(); i++) {
      int m = g.actionCount(i);
      if (p > Long.MAX_VALUE / Math.max(1, m)) {
        return Long.MAX_VALUE;
      }
      p *= m;
    }
    return p;
  }

  /**
   * Why policy iteration over the joint actions is refused for this game, if it is.
   *
   * @param g the game
   * @return e.g. "2 states x 1048576 joint actions (limit: 262144 state-joint-action pairs and 64 states)", or empty
   *     if policy iteration is affordable
   */
  public static Optional<String> policyIterationTooLarge(MarkovGame g) {
    long pairs = pairs(g);
    if (pairs <= MAX_POLICY_ITERATION_PAIRS && g.stateCount() <= MAX_POLICY_ITERATION_STATES) {
      return Optional.empty();
    }
    return Optional.of(describe(g, pairs) + " (limit: " + MAX_POLICY_ITERATION_PAIRS + " state-joint-action pairs"
        + " and " + MAX_POLICY_ITERATION_STATES + " states)");
  }

  /**
   * Why enumerating the joint actions is refused for this game, if it is.
   *
   * @param g the game
   * @return a one-line reason, or empty if the enumeration is affordable
   */
  public static Optional<String> enumerationTooLarge(MarkovGame g) {
    long pairs = pairs(g);
    if (pairs <= MAX_ENUMERATION_PAIRS) {
      return Optional.empty();
    }
    return Optional.of(describe(g, pairs) + " (limit: " + MAX_ENUMERATION_PAIRS + " state-joint-action pairs)");
  }

  private static String describe(MarkovGame g, long pairs) {
    long joint = pairs == Long.MAX_VALUE ? -1 : pairs / g.stateCount();
    return g.stateCount() + " states x " + (joint < 0 ? "more than 2^63" : Long.toString(joint)) + " joint actions";
  }
}
