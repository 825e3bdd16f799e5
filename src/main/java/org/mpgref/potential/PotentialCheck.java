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
import org.mpgref.numbers.Rationals;
import org.mpgref.game.StagePotential;
import org.mpgref.limits.Cancellation;
import org.mpgref.limits.Limits;

/**
 * Decides, as far as it can show, whether a Markov game is a Markov potential game (MPG): there is Φ^π(s) with
 * V_i^{π_i',π_{-i}}(s) − V_i^{π}(s) = Φ^{π_i',π_{-i}}(s) − Φ^{π}(s) for every i, s, π, π_i' (Leonardos et al. 2022,
 * Definition 3.1; Fox et al. 2022, Definition 2).
 *
 * <p>It reports exactly one of:
 *
 * <ul>
 *   <li>{@link Certified}: at most one agent can deviate (has two or more actions): no agent can (one policy
 *       profile, Φ = 0), or only agent k can (Φ = V_k, which includes every single-agent game, Φ = V_1); or the game
 *       declares a stage potential with a sufficient condition, and the condition was verified exactly on the game's
 *       data (identical interest; or state potential games with action-independent transitions, Leonardos et al.
 *       Proposition 3.2 C1);
 *   <li>{@link NotAnMpg}: an exact counterexample to the MPG identity: two agents i ≠ j, a policy π and deviations
 *       π_i', π_j' such that around the 4-cycle (π_i,π_j) → (π_i',π_j) → (π_i',π_j') → (π_i,π_j') → (π_i,π_j) the
 *       deviating agents' value differences at some state s do not sum to 0. Any potential would make that sum
 *       telescope to 0, so no potential exists (see proofs-notes/mpg-four-cycle.md);
 *   <li>{@link NoCounterexample}: K seeded trials found none. This is not a proof that the game is an MPG.
 * </ul>
 *
 * <p>The search draws the pair i ≠ j only among the agents with at least two actions (an agent with one action has
 * one policy, so every identity of its deviations reads 0 = 0, and a 4-cycle through it is identically 0), and draws
 * π_i' ≠ π_i and π_j' ≠ π_j (a deviation equal to the base policy makes the cycle go back and forth along one edge,
 * again identically 0). A trial whose cycle could show a violation in this sense is <em>informative</em>; every
 * result of the search reports how many trials ran, how many were informative, and among how many agents the pair
 * was drawn ({@link Search}). Cycles of one agent's deviations alone are never tried: they telescope to 0 in every
 * game, potential or not (proofs-notes/mpg-four-cycle.md, "Which agents can deviate").
 */
public final class PotentialCheck {
  /** The largest number of trials {@link #check} accepts (10^7); more is refused, never coerced. */
  public static final int MAX_TRIALS = 10_000_000;

  /**
   * Work units charged per trial and per unit of |S|·(|S| + Σ_i |A_i|) (a trial is four exact evaluations; with the
   * sparse and functional-graph solve paths their cost grows about like |S|² for the games mpgref ships), in the
   * units of the solver's cost model ({@code Limits.DEFAULT.maxWork} = 5·10^8 units ≈ 10 s on this project's machine,
   * specs/limits.md). Calibrated on the routing game with N = 8 (256 states, 16 actions: 3.5·10^7 units per trial,
   * measured about 0.7 s per trial, so about 14 trials fit the default) and the three-state counterexample games
   * (a few thousand units and well under a millisecond per trial). A rough model, meant to stop absurd searches, not
   * to predict time.
   */
  public static final double WORK_PER_TRIAL_UNIT = 500;

  private PotentialCheck() {}

  /**
   * What a search did: how many trials ran, how many of them were informative (both deviations change the deviating
   * agent's policy, π_i' ≠ π_i and π_j' ≠ π_j, so the cycle is not identically 0), and among how many of the agents
   * the deviating pair was drawn (those with at least two actions).
   *
   * @param trialsRun trials evaluated (K for {@link NoCounterexample}, trial + 1 for {@link NotAnMpg}); −1 if not
   *     recorded (a result built with the old constructors)
   * @param informative informative trials among them; −1 if not recorded
   * @param deviatingAgents agents with at least two actions; −1 if not recorded
   * @param agents N, all agents; −1 if not recorded
   */
  public record Search(int trialsRun, int informative, int deviatingAgents, int agents) {
    /** A search whose figures were not recorded. */
    public static final Search NOT_RECORDED = new Search(-1, -1, -1, -1);

    /**
     * @return whether the figures were recorded
     */
    public boolean recorded() {
      return trialsRun >= 0;
    }

    /**
     * @return e.g. {@code "20 trials run, 20 informative; agent pairs drawn among the 3 of 6 agents with at least two
     *     actions"}, or {@code ""} if not recorded
     */
    public String describe() {
      if (!recorded()) {
        return "";
      }
      return trialsRun + (trialsRun == 1 ? " trial" : " trials") + " run, " + informative + " informative; agent"
          + " pairs drawn among the " + deviatingAgents + " of " + agents + " agents with at least two actions";
    }
  }

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
   * @param search what the search did up to and including the trial that found it
   */
  public record NotAnMpg(Counterexample counterexample, int trial, long seed, Optional<String> declaredIssue,
      Search search) implements Result {
    /**
     * A result without search figures ({@link Search#NOT_RECORDED}), as before they were recorded.
     *
     * @param counterexample the exact counterexample
     * @param trial the trial (0-based) that found it
     * @param seed the seed of the search
     * @param declaredIssue what was wrong with the declared condition, if any
     */
    public NotAnMpg(Counterexample counterexample, int trial, long seed, Optional<String> declaredIssue) {
      this(counterexample, trial, seed, declaredIssue, Search.NOT_RECORDED);
    }

    @Override
    public String describe() {
      return "not an MPG: exact counterexample found in trial " + trial + " (seed " + seed + ")\n"
          + (search.recorded() ? "  search: " + search.describe() + "\n" : "")
          + counterexample.describe() + declaredIssue.map(d -> "\ndeclared condition fails: " + d).orElse("");
    }
  }

  /**
   * No counterexample was found.
   *
   * @param trials K
   * @param seed the seed
   * @param declaredIssue what was wrong with the declared condition, if any
   * @param search what the search did
   */
  public record NoCounterexample(int trials, long seed, Optional<String> declaredIssue, Search search)
      implements Result {
    /**
     * A result without search figures ({@link Search#NOT_RECORDED}), as before they were recorded.
     *
     * @param trials K
     * @param seed the seed
     * @param declaredIssue what was wrong with the declared condition, if any
     */
    public NoCounterexample(int trials, long seed, Optional<String> declaredIssue) {
      this(trials, seed, declaredIssue, Search.NOT_RECORDED);
    }

    @Override
    public String describe() {
      return "no counterexample found in " + trials + " trials (seed " + seed + "); this does not prove an MPG"
          + (search.recorded() ? "\nsearch: " + search.describe() : "")
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
   * Runs the check. In order: if at most one agent has two or more actions the game is certified (no agent: there
   * is one policy profile and every identity reads 0 = 0, Φ = 0; only agent k: Φ^π = V_k^π satisfies agent k's
   * identities by definition and every other agent's read 0 = 0; a single-agent game is the case N = 1, Φ = V_1).
   * Otherwise a declared sufficient condition is verified exactly (and certifies if it holds), and then K trials
   * search for a 4-cycle counterexample: trial t draws a base policy π (pure for even t, mixed for odd t, see {@link
   * #random}), an ordered pair i ≠ j uniformly among the agents with at least two actions, and deviations π_i', π_j'
   * from the same sampler, redrawn by {@link #deviation} so that π_i' ≠ π_i and π_j' ≠ π_j.
   *
   * @param game the game
   * @param trials K, 0 ≤ K ≤ {@link #MAX_TRIALS}, the number of random 4-cycles to try
   * @param seed seed of the search (Commons RNG XO_RO_SHI_RO_128_PP)
   * @return the result
   * @throws IllegalArgumentException if K &lt; 0 or K &gt; {@link #MAX_TRIALS}
   * @throws org.mpgref.limits.LimitExceededException if the search's estimated work ({@link #searchWork}) would
   *     pass the current {@code maxWork}: checked before each trial, cumulatively, so the search stops before the
   *     trial that would pass the limit (before any trial if one trial alone would), never with a silently shorter
   *     search; the message says how many trials ran without a counterexample
   * @throws org.mpgref.limits.CancelledException if the thread is interrupted (checked once per trial)
   */
  public static Result check(MarkovGame game, int trials, long seed) {
    if (trials < 0 || trials > MAX_TRIALS) {
      throw new IllegalArgumentException("trials = " + trials + " must be between 0 and " + MAX_TRIALS);
    }
    int n = game.agentCount();
    int[] deviators = deviatingAgents(game);
    if (n == 1) {
      return new Certified("a single-agent game is an MPG with Phi = V_1");
    }
    if (deviators.length == 0) {
      return new Certified("no agent has two actions, so there is one policy profile and every MPG identity reads"
          + " 0 = 0 (Phi = 0)");
    }
    if (deviators.length == 1) {
      int k = deviators[0];
      return new Certified("only agent " + k + " has two or more actions, so Phi = V_" + k + " (the other "
          + (n - 1) + (n == 2 ? " agent has" : " agents have") + " one action and cannot deviate)");
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
    double perTrial = searchWork(game, 1);
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    int d = deviators.length;
    int informative = 0;
    for (int t = 0; t < trials; t++) {
      Cancellation.check();
      if ((t + 1) * perTrial > Limits.current().maxWork()) {
        requireSearchWork(game, trials, t, (t + 1) * perTrial);
      }
      boolean pure = t % 2 == 0;
      Policy base = random(game, rng, pure);
      int x = rng.nextInt(d);
      int y = rng.nextInt(d - 1);
      if (y >= x) {
        y++;
      }
      int i = deviators[x];
      int j = deviators[y];
      Policy devI = deviation(game, rng, pure, base, i);
      Policy devJ = deviation(game, rng, pure, base, j);
      if (!sameAgentRows(devI, base, i) && !sameAgentRows(devJ, base, j)) {
        informative++;
      }
      BigFraction[] sums = cycleSums(game, base, i, devI, j, devJ);
      for (int s = 0; s < sums.length; s++) {
        if (sums[s].signum() != 0) {
          return new NotAnMpg(new Counterexample(game, base, i, devI, j, devJ, s, sums[s]), t, seed, declaredIssue,
              new Search(t + 1, informative, d, n));
        }
      }
    }
    return new NoCounterexample(trials, seed, declaredIssue, new Search(trials, informative, d, n));
  }

  /**
   * The estimated work of a search of K trials: K · {@link #WORK_PER_TRIAL_UNIT} · |S| · (|S| + Σ_i |A_i|).
   *
   * @param game the game
   * @param trials K
   * @return the estimate in work units
   */
  public static double searchWork(MarkovGame game, int trials) {
    double actions = 0;
    for (int i = 0; i < game.agentCount(); i++) {
      actions += game.actionCount(i);
    }
    double states = game.stateCount();
    return trials * WORK_PER_TRIAL_UNIT * states * (states + actions);
  }

  private static void requireSearchWork(MarkovGame game, int trials, int done, double estimate) {
    double actions = 0;
    for (int i = 0; i < game.agentCount(); i++) {
      actions += game.actionCount(i);
    }
    Limits.requireWork("check-potential: " + (done == 0 ? "one trial" : "trial " + (done + 1) + " of " + trials
        + " (no counterexample in the first " + done + ")") + " of 4 exact evaluations (" + game.stateCount()
        + (game.stateCount() == 1 ? " state, " : " states, ") + (long) actions + " actions in all)", estimate);
  }

  /**
   * @param game the game
   * @return the agents with at least two actions, in increasing order (the agents that can deviate)
   */
  public static int[] deviatingAgents(MarkovGame game) {
    int count = 0;
    for (int i = 0; i < game.agentCount(); i++) {
      count += game.actionCount(i) >= 2 ? 1 : 0;
    }
    int[] out = new int[count];
    int k = 0;
    for (int i = 0; i < game.agentCount(); i++) {
      if (game.actionCount(i) >= 2) {
        out[k++] = i;
      }
    }
    return out;
  }

  /**
   * A deviation of agent k that differs from the base policy: a draw of {@link #random}; if its agent-k rows equal
   * π_k's in every state (for |A_k| ≥ 2 this happens with probability at most 1/2 for pure draws), one state s is
   * drawn uniformly and agent k's row there is replaced by a point mass: on an action drawn uniformly among the
   * |A_k| − 1 others if π_k(·|s) is a point mass, on an action drawn uniformly among all |A_k| otherwise. Pure draws
   * stay pure.
   *
   * @param game the game
   * @param rng the generator
   * @param pure whether to draw a pure policy
   * @param base π
   * @param agent k, with at least two actions
   * @return a policy whose agent-k part differs from π_k
   */
  static Policy deviation(MarkovGame game, UniformRandomProvider rng, boolean pure, Policy base, int agent) {
    Policy dev = random(game, rng, pure);
    if (!sameAgentRows(dev, base, agent)) {
      return dev;
    }
    int m = game.actionCount(agent);
    int s = rng.nextInt(game.stateCount());
    int pointMass = -1;
    for (int a = 0; a < m; a++) {
      if (base.prob(agent, s, a).equals(BigFraction.ONE)) {
        pointMass = a;
      }
    }
    int target;
    if (pointMass >= 0) {
      target = rng.nextInt(m - 1);
      if (target >= pointMass) {
        target++;
      }
    } else {
      target = rng.nextInt(m);
    }
    BigFraction[][][] p = new BigFraction[game.agentCount()][game.stateCount()][];
    for (int i = 0; i < p.length; i++) {
      for (int t = 0; t < game.stateCount(); t++) {
        p[i][t] = dev.row(i, t);
      }
    }
    for (int a = 0; a < m; a++) {
      p[agent][s][a] = a == target ? BigFraction.ONE : BigFraction.ZERO;
    }
    return Policy.of(p);
  }

  private static boolean sameAgentRows(Policy a, Policy b, int agent) {
    for (int s = 0; s < a.stateCount(); s++) {
      for (int k = 0; k < a.actionCount(agent); k++) {
        if (!a.prob(agent, s, k).equals(b.prob(agent, s, k))) {
          return false;
        }
      }
    }
    return true;
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
