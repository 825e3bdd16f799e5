package org.mpgref.cli;

import java.util.Locale;
import java.util.Optional;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.StagePotential;

/**
 * What the theory constants of {@code bounds} and the default steps of {@code learn} need to know about a game before
 * computing them: whether its declared stage potential is verified to be a Markov potential, and whether the
 * expensive exact constants (φ_max, the exact mismatch coefficient, the exact visitation floor: policy iteration over
 * joint actions with exact linear solves) are affordable.
 *
 * <p>The size guard is deterministic (no time-outs), so output never depends on the machine: policy iteration runs
 * when |S|·Π_i|A_i| ≤ {@link #MAX_POLICY_ITERATION_PAIRS} and |S| ≤ {@link #MAX_POLICY_ITERATION_STATES}; plain
 * enumerations of the joint actions (reward range, span of φ) when |S|·Π_i|A_i| ≤ {@link #MAX_ENUMERATION_PAIRS}.
 * Measured on a 2-core machine: 8-agent distancing (2 × 65,536 pairs) needs about 2 s for all exact constants;
 * 7-agent routing (128 states, 128 joint actions) about 11 s, which the guard refuses.
 */
final class Bounds {
  /** Largest |S|·Π|A_i| for which the exact constants are computed by policy iteration. */
  static final long MAX_POLICY_ITERATION_PAIRS = 1L << 18;

  /** Largest |S| for which the exact constants are computed by policy iteration (exact |S|×|S| solves). */
  static final int MAX_POLICY_ITERATION_STATES = 64;

  /** Largest |S|·Π|A_i| for which the joint actions are enumerated (reward range, span of φ). */
  static final long MAX_ENUMERATION_PAIRS = 1L << 20;

  private Bounds() {}

  /**
   * |S|·Π_i|A_i|, saturating at {@link Long#MAX_VALUE}.
   *
   * @param g the game
   * @return the number of (state, joint action) pairs
   */
  static long pairs(MarkovGame g) {
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
   * Why policy iteration over the joint actions is refused for this game, or null if it is affordable.
   *
   * @param g the game
   * @return e.g. "2 states x 1048576 joint actions (limit: 262144 state-joint-action pairs and 64 states)", or null
   */
  static @Nullable String policyIterationTooLarge(MarkovGame g) {
    long pairs = pairs(g);
    if (pairs <= MAX_POLICY_ITERATION_PAIRS && g.stateCount() <= MAX_POLICY_ITERATION_STATES) {
      return null;
    }
    return describe(g, pairs) + " (limit: " + MAX_POLICY_ITERATION_PAIRS + " state-joint-action pairs and "
        + MAX_POLICY_ITERATION_STATES + " states)";
  }

  /**
   * Why enumerating the joint actions is refused for this game, or null if it is affordable.
   *
   * @param g the game
   * @return a one-line reason, or null
   */
  static @Nullable String enumerationTooLarge(MarkovGame g) {
    long pairs = pairs(g);
    if (pairs <= MAX_ENUMERATION_PAIRS) {
      return null;
    }
    return describe(g, pairs) + " (limit: " + MAX_ENUMERATION_PAIRS + " state-joint-action pairs)";
  }

  private static String describe(MarkovGame g, long pairs) {
    long joint = pairs == Long.MAX_VALUE ? -1 : pairs / g.stateCount();
    return g.stateCount() + " states x " + (joint < 0 ? "more than 2^63" : Long.toString(joint)) + " joint actions";
  }

  /**
   * The file-format name of a potential condition ({@code identical-interest},
   * {@code state-potential-action-independent-transitions}, {@code state-potential-only}).
   *
   * @param c the condition
   * @return its name
   */
  static String conditionName(StagePotential.Condition c) {
    return c.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Why the game's declared stage potential is not a verified Markov potential, or null if it is: the game declares
   * one with a sufficient condition for a Markov potential (identical interest, or state potentials with
   * action-independent transitions; Leonardos et al. 2022, Prop. 3.2) and its data satisfy it exactly.
   *
   * @param g the game
   * @return a one-line reason, or null
   */
  static @Nullable String potentialProblem(MarkovGame g) {
    Optional<StagePotential> sp = g.potential();
    if (sp.isEmpty()) {
      return g.name() + " declares no stage potential";
    }
    StagePotential p = sp.get();
    if (p.condition() == StagePotential.Condition.STATE_POTENTIAL_ONLY) {
      return g.name() + " declares only state potentials (state-potential-only), not a Markov potential";
    }
    Optional<String> violation = p.findViolation();
    if (violation.isPresent()) {
      return g.name() + ": the declared condition " + conditionName(p.condition()) + " fails: " + violation.get();
    }
    return null;
  }
}
