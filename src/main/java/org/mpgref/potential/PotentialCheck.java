package org.mpgref.potential;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.game.Rationals;
import org.mpgref.game.StagePotential;

/**
 * Decides, as far as it can show, whether a Markov game is a Markov potential game (MPG): there is Φ^π(s) with
 * V_i^{π_i',π_{-i}}(s) − V_i^{π}(s) = Φ^{π_i',π_{-i}}(s) − Φ^{π}(s) for every i, s, π, π_i' (Leonardos et al. 2022,
 * Definition 3.1; Fox et al. 2022, Definition 2).
 *
 * <p>It reports exactly one of:
 *
 * <ul>
 *   <li>{@link Certified}: the game declares a stage potential with a sufficient condition, and the condition was
 *       verified exactly on the game's data (identical interest; or state potential games with action-independent
 *       transitions, Leonardos et al. Proposition 3.2 C1); a single-agent game is certified trivially (Φ = V_1);
 *   <li>{@link NotAnMpg}: an exact counterexample to the MPG identity: two agents i ≠ j, a policy π and deviations
 *       π_i', π_j' such that around the 4-cycle (π_i,π_j) → (π_i',π_j) → (π_i',π_j') → (π_i,π_j') → (π_i,π_j) the
 *       deviating agents' value differences at some state s do not sum to 0. Any potential would make that sum
 *       telescope to 0, so no potential exists (see proofs-notes/mpg-four-cycle.md);
 *   <li>{@link NoCounterexample}: K seeded trials found none. This is not a proof that the game is an MPG.
 * </ul>
 */
public final class PotentialCheck {
  private PotentialCheck() {}

  /** The outcome of a check. */
  public sealed interface Result permits Certified, NotAnMpg, NoCounterexample {
    /**
     * @return a plain-words, multi-line description
     */
    String describe();
  }

  /**
   * The game is an MPG by a verified sufficient condition.
   *
   * @param reason the condition that was verified
   */
  public record Certified(String reason) implements Result {
    @Override
    public String describe() {
      return "certified MPG: " + reason;
    }
  }

  /**
   * The game is not an MPG; the counterexample re-checks with {@link Counterexample#verify}.
   *
   * @param counterexample the exact counterexample
   * @param trial the trial (0-based) that found it
   * @param seed the seed of the search
   * @param declaredIssue what was wrong with the declared condition, if one was declared and failed
   */
  public record NotAnMpg(Counterexample counterexample, int trial, long seed, Optional<String> declaredIssue)
      implements Result {
    @Override
    public String describe() {
      return "not an MPG: exact counterexample found in trial " + trial + " (seed " + seed + ")\n"
          + counterexample.describe() + declaredIssue.map(d -> "\ndeclared condition fails: " + d).orElse("");
    }
  }

  /**
   * No counterexample was found.
   *
   * @param trials K
   * @param seed the seed
   * @param declaredIssue what was wrong with the declared condition, if any
   */
  public record NoCounterexample(int trials, long seed, Optional<String> declaredIssue) implements Result {
    @Override
    public String describe() {
      return "no counterexample found in " + trials + " trials (seed " + seed + "); this does not prove an MPG"
          + declaredIssue.map(d -> "\ndeclared condition fails: " + d).orElse("");
    }
  }

  /**
   * An exact violation of the MPG identity around a 4-cycle of unilateral deviations.
   *
   * @param game the game
   * @param base π
   * @param agentI i
   * @param deviationI a policy whose agent-i part is π_i'
   * @param agentJ j
   * @param deviationJ a policy whose agent-j part is π_j'
   * @param state s
   * @param cycleSum the nonzero sum at s
   */
  public record Counterexample(MarkovGame game, Policy base, int agentI, Policy deviationI, int agentJ,
      Policy deviationJ, int state, BigFraction cycleSum) {
    /**
     * Recomputes the cycle sum from scratch.
     *
     * @return true iff it is nonzero and equals {@link #cycleSum}
     */
    public boolean verify() {
      BigFraction[] sums = cycleSums(game, base, agentI, deviationI, agentJ, deviationJ);
      return sums[state].signum() != 0 && sums[state].equals(cycleSum);
    }

    /**
     * @return the counterexample in plain words
     */
    public String describe() {
      StringBuilder b = new StringBuilder();
      b.append("  agents i=").append(agentI).append(", j=").append(agentJ).append(", state ")
          .append(game.stateLabel(state)).append(": [V_i(pi_i',pi_j) - V_i(pi)] + [V_j(pi_i',pi_j') - V_j(pi_i',pi_j)]"
              + " + [V_i(pi_i,pi_j') - V_i(pi_i',pi_j')] + [V_j(pi) - V_j(pi_i,pi_j')] = ")
          .append(Rationals.format(cycleSum)).append(" (about ").append(String.format("%.6g", cycleSum.doubleValue()))
          .append("), not 0");
      int size = game.stateCount() * game.agentCount();
      if (size <= 64) {
        b.append("\n  base policy pi:\n").append(indent(base.toString()));
        b.append("  deviation pi_i' (agent ").append(agentI).append("):\n").append(indent(agentRows(deviationI, agentI)));
        b.append("  deviation pi_j' (agent ").append(agentJ).append("):\n").append(indent(agentRows(deviationJ, agentJ)));
      } else {
        b.append("\n  (policies over ").append(game.stateCount()).append(" states not printed; replay with the seed)");
      }
      return b.toString();
    }

    private String agentRows(Policy p, int agent) {
      StringBuilder b = new StringBuilder();
      for (int s = 0; s < p.stateCount(); s++) {
        b.append("pi_").append(agent).append("(.|").append(s).append(") = (");
        for (int a = 0; a < p.actionCount(agent); a++) {
          b.append(a > 0 ? ", " : "").append(Rationals.format(p.prob(agent, s, a)));
        }
        b.append(")\n");
      }
      return b.toString();
    }

    private static String indent(String s) {
      StringBuilder b = new StringBuilder();
      for (String line : s.split("\n")) {
        b.append("    ").append(line).append('\n');
      }
      return b.toString();
    }
  }

  /**
   * The 4-cycle sums at every state: Σ over the cycle (π_i,π_j) → (π_i',π_j) → (π_i',π_j') → (π_i,π_j') → (π_i,π_j)
   * of the deviating agent's value difference, exactly. Zero at every state in every MPG.
   *
   * @param game the game
   * @param base π
   * @param i agent i
   * @param devI a policy whose agent-i rows are π_i'
   * @param j agent j ≠ i
   * @param devJ a policy whose agent-j rows are π_j'
   * @return the sums [s]
   * @throws IllegalArgumentException if i == j
   */
  public static BigFraction[] cycleSums(MarkovGame game, Policy base, int i, Policy devI, int j, Policy devJ) {
    if (i == j) {
      throw new IllegalArgumentException("the 4-cycle needs two different agents, got i = j = " + i);
    }
    Policy a = base;
    Policy b = base.withAgent(i, devI);
    Policy c = b.withAgent(j, devJ);
    Policy d = base.withAgent(j, devJ);
    Evaluation ea = Evaluation.of(game, a);
    Evaluation eb = Evaluation.of(game, b);
    Evaluation ec = Evaluation.of(game, c);
    Evaluation ed = Evaluation.of(game, d);
    BigFraction[] out = new BigFraction[game.stateCount()];
    for (int s = 0; s < out.length; s++) {
      out[s] = eb.value(i, s).subtract(ea.value(i, s))
          .add(ec.value(j, s).subtract(eb.value(j, s)))
          .add(ed.value(i, s).subtract(ec.value(i, s)))
          .add(ea.value(j, s).subtract(ed.value(j, s)));
    }
    return out;
  }

  /**
   * Runs the check.
   *
   * @param game the game
   * @param trials K ≥ 0, the number of random 4-cycles to try
   * @param seed seed of the search (Commons RNG XO_RO_SHI_RO_128_PP)
   * @return the result
   */
  public static Result check(MarkovGame game, int trials, long seed) {
    if (game.agentCount() == 1) {
      return new Certified("a single-agent game is an MPG with Phi = V_1");
    }
    Optional<String> declaredIssue = Optional.empty();
    Optional<StagePotential> sp = game.potential();
    if (sp.isPresent() && sp.get().condition() != StagePotential.Condition.STATE_POTENTIAL_ONLY) {
      Optional<String> violation = sp.get().findViolation();
      if (violation.isEmpty()) {
        return new Certified(describe(sp.get().condition()) + " (verified exactly on the game's data)");
      }
      declaredIssue = violation;
    }
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    for (int t = 0; t < trials; t++) {
      boolean pure = t % 2 == 0;
      Policy base = random(game, rng, pure);
      int i = rng.nextInt(game.agentCount());
      int j = rng.nextInt(game.agentCount() - 1);
      if (j >= i) {
        j++;
      }
      Policy devI = random(game, rng, pure);
      Policy devJ = random(game, rng, pure);
      BigFraction[] sums = cycleSums(game, base, i, devI, j, devJ);
      for (int s = 0; s < sums.length; s++) {
        if (sums[s].signum() != 0) {
          return new NotAnMpg(new Counterexample(game, base, i, devI, j, devJ, s, sums[s]), t, seed, declaredIssue);
        }
      }
    }
    return new NoCounterexample(trials, seed, declaredIssue);
  }

  private static String describe(StagePotential.Condition c) {
    return switch (c) {
      case IDENTICAL_INTEREST -> "identical interest: r_i = phi for every agent, so Phi = V_i";
      case STATE_POTENTIAL_ACTION_INDEPENDENT_TRANSITIONS ->
          "every state game is a potential game with potential phi(s,.) and transitions do not depend on the"
              + " actions (Leonardos et al. 2022, Proposition 3.2, C1)";
      case STATE_POTENTIAL_ONLY ->
          throw new IllegalStateException("STATE_POTENTIAL_ONLY is not a sufficient condition and is never certified");
    };
  }


  /**
   * A random policy: pure (uniform action per agent and state) or mixed: per agent and state, a bound b uniform in
   * {2, 3, 4}, integer weights w_k uniform in {0..b}, probabilities w_k/Σw (so denominators divide Σw ≤ b·|A_i|, e.g.
   * 4/7; if every weight is 0, one uniformly chosen action gets probability 1).
   *
   * @param game the game
   * @param rng the generator
   * @param pure whether to draw a pure policy
   * @return the policy
   */
  static Policy random(MarkovGame game, UniformRandomProvider rng, boolean pure) {
    int n = game.agentCount();
    BigFraction[][][] p = new BigFraction[n][game.stateCount()][];
    for (int i = 0; i < n; i++) {
      int m = game.actionCount(i);
      for (int s = 0; s < game.stateCount(); s++) {
        BigFraction[] row = new BigFraction[m];
        if (pure) {
          int a = rng.nextInt(m);
          for (int k = 0; k < m; k++) {
            row[k] = k == a ? BigFraction.ONE : BigFraction.ZERO;
          }
        } else {
          int den = 2 + rng.nextInt(3);
          int[] w = new int[m];
          int total = 0;
          for (int k = 0; k < m; k++) {
            w[k] = rng.nextInt(den + 1);
            total += w[k];
          }
          if (total == 0) {
            w[rng.nextInt(m)] = 1;
            total = 1;
          }
          for (int k = 0; k < m; k++) {
            row[k] = BigFraction.of(w[k], total);
          }
        }
        p[i][s] = row;
      }
    }
    return Policy.of(p);
  }

  /**
   * Lists the results of checking several games (for reports).
   *
   * @param games games
   * @param trials K
   * @param seed seed
   * @return one result per game
   */
  public static List<Result> checkAll(List<MarkovGame> games, int trials, long seed) {
    List<Result> out = new ArrayList<>();
    for (MarkovGame g : games) {
      out.add(check(g, trials, seed));
    }
    return out;
  }
}
