package org.mpgref.performative;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.game.DoubleMarkovGame;
import org.mpgref.game.DoublePolicy;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.JointActions;
import org.mpgref.game.Policy;
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.numbers.Rationals;

/**
 * A dense performative Markov game whose rewards and transitions are affine in the entries of the deployed product
 * policy π̄ (Sahitaj et al., AISTATS 2025, arXiv 2504.20593, §2; the congestion game's response of
 * {@code PauliusSasnauskas/performative-mpgs@da85aa20f91e2d0f5e1b57955a363cd66ae830bc:cong_env.py:123-151} is of
 * this form, ../shared/reference/performative.md §1.6.2):
 *
 * <pre>
 *   r_{i,π̄}(s,a)  = r0_i(s,a)  + Σ_{(j,t,b)} R[s][a][i][(j,t,b)] · π̄_j(b|t)
 *   P_π̄(s'|s,a)   = P0(s'|s,a) + Σ_{(j,t,b)} T[s][a][s'][(j,t,b)] · π̄_j(b|t)
 * </pre>
 *
 * where a is the joint-action index of {@link JointActions} (agent 0 fastest), r0 and P0 are a stationary
 * {@link TabularMarkovGame} and the coefficients R, T are stored sparse as lists of terms (a missing term is 0).
 * γ and ρ are those of the stationary game. Rewards are in the stationary game's units; coefficients in reward units
 * per unit of probability (R) or dimensionless (T).
 *
 * <p>Validated once at construction, exactly, so that every product policy induces a game:
 * <ul>
 *   <li>Σ_{s'} T[s][a][s'][e] = 0 for every (s, a) and policy entry e = (j, t, b): every P_π̄(·|s,a) sums to 1;
 *   <li>min_{π̄} P_π̄(s'|s,a) ≥ 0 for every (s, a, s'). The map is affine in each policy row π̄_j(·|t) separately and
 *       the rows range over independent simplices, so the minimum is attained at a vertex of every row:
 *       min_{π̄} P_π̄(s'|s,a) = P0(s'|s,a) + Σ_{(j,t)} min_b T[s][a][s'][(j,t,b)] (a missing coefficient counts as 0).
 * </ul>
 * Then P_π̄(s'|s,a) ≤ 1 follows from the two. Immutable.
 *
 * <p>{@link #induce(Policy)} builds the exact G(π̄) ({@link InducedGame#exact}); {@link #induceDouble(DoublePolicy)}
 * evaluates the same sums on primitive doubles (the stationary tables and the coefficients rounded to nearest once, at
 * construction) and never touches a {@code BigFraction}.
 */
public final class AffinePerformativeGame implements PerformativeGame {
  /**
   * One reward coefficient: R[state][jointAction][agent][(policyAgent, policyState, policyAction)] = coefficient,
   * i.e. r_{agent,π̄}(state, jointAction) gains coefficient · π̄_{policyAgent}(policyAction | policyState).
   *
   * @param state s
   * @param jointAction the joint-action index a ({@link JointActions#index})
   * @param agent i, whose reward moves
   * @param policyAgent j, the agent whose deployed policy entry is read
   * @param policyState t
   * @param policyAction b, an action of agent j
   * @param coefficient the coefficient, reward units per unit probability
   */
  public record RewardTerm(int state, int jointAction, int agent, int policyAgent, int policyState, int policyAction,
      BigFraction coefficient) {}

  /**
   * One transition coefficient: T[state][jointAction][next][(policyAgent, policyState, policyAction)] = coefficient,
   * i.e. P_π̄(next | state, jointAction) gains coefficient · π̄_{policyAgent}(policyAction | policyState).
   *
   * @param state s
   * @param jointAction the joint-action index a ({@link JointActions#index})
   * @param next s'
   * @param policyAgent j
   * @param policyState t
   * @param policyAction b
   * @param coefficient the coefficient (dimensionless)
   */
  public record TransitionTerm(int state, int jointAction, int next, int policyAgent, int policyState,
      int policyAction, BigFraction coefficient) {}

  private final String name;
  private final TabularMarkovGame stationary;
  private final int[] counts;
  private final int states;
  private final int joint;
  private final BigFraction[][][] r0; // [s][a][i]
  private final BigFraction[][][] p0; // [s][a][s']
  private final double[][][] r0d; // [s][a][i]
  private final double[][][] p0d; // [s][a][s']
  private final double[] rhoD;
  private final double gammaD;
  private final List<RewardTerm> rewardTerms;
  private final List<TransitionTerm> transitionTerms;
  private final double[] rewardCoefficients; // per reward term, nearest double
  private final double[] transitionCoefficients; // per transition term, nearest double

  private AffinePerformativeGame(String name, TabularMarkovGame stationary, List<RewardTerm> rewardTerms,
      List<TransitionTerm> transitionTerms) {
    this.name = name;
    this.stationary = stationary;
    int n = stationary.agentCount();
    this.states = stationary.stateCount();
    this.counts = new int[n];
    for (int i = 0; i < n; i++) {
      counts[i] = stationary.actionCount(i);
    }
    this.joint = stationary.jointActionCount();
    this.r0 = new BigFraction[states][joint][n];
    this.p0 = new BigFraction[states][joint][states];
    this.r0d = new double[states][joint][n];
    this.p0d = new double[states][joint][states];
    int[] a = new int[n];
    for (int s = 0; s < states; s++) {
      for (int j = 0; j < joint; j++) {
        JointActions.decode(counts, j, a);
        for (int i = 0; i < n; i++) {
          r0[s][j][i] = stationary.reward(i, s, a);
          r0d[s][j][i] = r0[s][j][i].doubleValue();
        }
        for (int t = 0; t < states; t++) {
          p0[s][j][t] = stationary.transition(s, a, t);
          p0d[s][j][t] = p0[s][j][t].doubleValue();
        }
      }
    }
    this.rhoD = new double[states];
    for (int s = 0; s < states; s++) {
      rhoD[s] = stationary.initial(s).doubleValue();
    }
    this.gammaD = stationary.discount().doubleValue();
    this.rewardTerms = List.copyOf(rewardTerms);
    this.transitionTerms = List.copyOf(transitionTerms);
    this.rewardCoefficients = new double[this.rewardTerms.size()];
    for (int k = 0; k < rewardCoefficients.length; k++) {
      rewardCoefficients[k] = this.rewardTerms.get(k).coefficient().doubleValue();
    }
    this.transitionCoefficients = new double[this.transitionTerms.size()];
    for (int k = 0; k < transitionCoefficients.length; k++) {
      transitionCoefficients[k] = this.transitionTerms.get(k).coefficient().doubleValue();
    }
  }

  /**
   * Builds and validates an affine performative game from a stationary game (r0, P0, γ, ρ, its labels) and lists of
   * coefficient terms. Terms with the same indices are added; terms whose (summed) coefficient is 0 are dropped; the
   * stored lists are sorted by their indices.
   *
   * @param name short name for reports
   * @param stationary the stationary game G0 = (r0, P0, γ, ρ); its declared potential, if any, is not carried over
   * @param rewardTerms the coefficients R (any order, may be empty)
   * @param transitionTerms the coefficients T (any order, may be empty)
   * @return the game
   * @throws InvalidGameException naming the entry if an index is out of range, the transition coefficients of some
   *     (s, a, e) do not sum to 0 over s', or some P_π̄(s'|s,a) is negative for some product policy π̄
   */
  public static AffinePerformativeGame of(String name, TabularMarkovGame stationary, List<RewardTerm> rewardTerms,
      List<TransitionTerm> transitionTerms) {
    int n = stationary.agentCount();
    int states = stationary.stateCount();
    int joint = stationary.jointActionCount();
    int[] counts = new int[n];
    int[] rowOffset = new int[n + 1]; // policy rows (j,t) numbered rowOffset[j] + t
    int[] entryOffset = new int[n + 1]; // policy entries (j,t,b) numbered entryOffset[j] + t·|A_j| + b
    for (int i = 0; i < n; i++) {
      counts[i] = stationary.actionCount(i);
      rowOffset[i + 1] = rowOffset[i] + states;
      entryOffset[i + 1] = entryOffset[i] + states * counts[i];
    }
    long entries = entryOffset[n];
    TreeMap<Long, BigFraction> rewards = new TreeMap<>();
    for (RewardTerm t : rewardTerms) {
      String what = "reward term " + t;
      requireIndex(what, "state", t.state(), states);
      requireIndex(what, "jointAction", t.jointAction(), joint);
      requireIndex(what, "agent", t.agent(), n);
      requireEntry(what, t.policyAgent(), t.policyState(), t.policyAction(), counts, states);
      long e = entryOffset[t.policyAgent()] + (long) t.policyState() * counts[t.policyAgent()] + t.policyAction();
      long key = ((t.state() * (long) joint + t.jointAction()) * n + t.agent()) * entries + e;
      rewards.merge(key, t.coefficient(), BigFraction::add);
    }
    TreeMap<Long, BigFraction> transitions = new TreeMap<>();
    for (TransitionTerm t : transitionTerms) {
      String what = "transition term " + t;
      requireIndex(what, "state", t.state(), states);
      requireIndex(what, "jointAction", t.jointAction(), joint);
      requireIndex(what, "next", t.next(), states);
      requireEntry(what, t.policyAgent(), t.policyState(), t.policyAction(), counts, states);
      long e = entryOffset[t.policyAgent()] + (long) t.policyState() * counts[t.policyAgent()] + t.policyAction();
      // key orders by (s, a, e, s') so that the sums over s' are contiguous
      long key = ((t.state() * (long) joint + t.jointAction()) * entries + e) * states + t.next();
      transitions.merge(key, t.coefficient(), BigFraction::add);
    }
    List<RewardTerm> rs = new ArrayList<>();
    for (Map.Entry<Long, BigFraction> m : rewards.entrySet()) {
      if (m.getValue().signum() == 0) {
        continue;
      }
      long key = m.getKey();
      int e = (int) (key % entries);
      key /= entries;
      int i = (int) (key % n);
      key /= n;
      int a = (int) (key % joint);
      int s = (int) (key / joint);
      int[] jtb = decodeEntry(e, entryOffset, counts);
      rs.add(new RewardTerm(s, a, i, jtb[0], jtb[1], jtb[2], m.getValue()));
    }
    List<TransitionTerm> ts = new ArrayList<>();
    for (Map.Entry<Long, BigFraction> m : transitions.entrySet()) {
      if (m.getValue().signum() == 0) {
        continue;
      }
      long key = m.getKey();
      int next = (int) (key % states);
      key /= states;
      int e = (int) (key % entries);
      key /= entries;
      int a = (int) (key % joint);
      int s = (int) (key / joint);
      int[] jtb = decodeEntry(e, entryOffset, counts);
      ts.add(new TransitionTerm(s, a, next, jtb[0], jtb[1], jtb[2], m.getValue()));
    }
    requireRowsSumToOne(ts, counts, states);
    requireNonNegative(stationary, ts, counts, rowOffset, states, joint);
    return new AffinePerformativeGame(name, stationary, rs, ts);
  }

  private static void requireIndex(String what, String field, int value, int size) {
    if (value < 0 || value >= size) {
      throw new InvalidGameException(what + ": " + field + " = " + value + " is outside 0.." + (size - 1));
    }
  }

  private static void requireEntry(String what, int agent, int state, int action, int[] counts, int states) {
    requireIndex(what, "policyAgent", agent, counts.length);
    requireIndex(what, "policyState", state, states);
    requireIndex(what, "policyAction", action, counts[agent]);
  }

  private static int[] decodeEntry(int e, int[] entryOffset, int[] counts) {
    int j = 0;
    while (e >= entryOffset[j + 1]) {
      j++;
    }
    int rest = e - entryOffset[j];
    return new int[] {j, rest / counts[j], rest % counts[j]};
  }

  private static String where(int s, int a, int[] counts) {
    int[] x = new int[counts.length];
    JointActions.decode(counts, a, x);
    return "s=" + s + ",a=" + JointActions.format(x);
  }

  /** Σ_{s'} T[s][a][s'][e] = 0 for every (s, a, e); grouped by (s, a, e). */
  private static void requireRowsSumToOne(List<TransitionTerm> ts, int[] counts, int states) {
    TreeMap<List<Integer>, BigFraction> sums = new TreeMap<>(AffinePerformativeGame::compareLists);
    for (TransitionTerm t : ts) {
      sums.merge(List.of(t.state(), t.jointAction(), t.policyAgent(), t.policyState(), t.policyAction()),
          t.coefficient(), BigFraction::add);
    }
    for (Map.Entry<List<Integer>, BigFraction> m : sums.entrySet()) {
      if (m.getValue().signum() != 0) {
        List<Integer> k = m.getKey();
        throw new InvalidGameException("transition coefficients of pi_" + k.get(2) + "(" + k.get(4) + "|s="
            + k.get(3) + ") in P(.|" + where(k.get(0), k.get(1), counts) + ") sum over s' to "
            + Rationals.format(m.getValue()) + "; they must sum to 0 so that every row sums to 1");
      }
    }
  }

  /** min over product policies of P_π̄(s'|s,a) = P0 + Σ_{rows (j,t)} min_b T ≥ 0 for every (s, a, s'). */
  private static void requireNonNegative(TabularMarkovGame stationary, List<TransitionTerm> ts, int[] counts,
      int[] rowOffset, int states, int joint) {
    // per (s, a, s', row): the smallest listed coefficient and how many of the row's actions are listed
    TreeMap<List<Integer>, BigFraction> min = new TreeMap<>(AffinePerformativeGame::compareLists);
    TreeMap<List<Integer>, Integer> listed = new TreeMap<>(AffinePerformativeGame::compareLists);
    for (TransitionTerm t : ts) {
      List<Integer> key = List.of(t.state(), t.jointAction(), t.next(), rowOffset[t.policyAgent()] + t.policyState());
      min.merge(key, t.coefficient(), (x, y) -> Rationals.compare(x, y) <= 0 ? x : y);
      listed.merge(key, 1, Integer::sum);
    }
    TreeMap<List<Integer>, BigFraction> lowest = new TreeMap<>(AffinePerformativeGame::compareLists);
    for (Map.Entry<List<Integer>, BigFraction> m : min.entrySet()) {
      List<Integer> key = m.getKey();
      int agent = agentOfRow(key.get(3), rowOffset);
      BigFraction c = m.getValue();
      int count = listed.getOrDefault(key, 0);
      if (count < counts[agent] && c.signum() > 0) {
        c = BigFraction.ZERO; // an unlisted action of the row has coefficient 0
      }
      lowest.merge(key.subList(0, 3), c, BigFraction::add);
    }
    int[] a = new int[counts.length];
    for (Map.Entry<List<Integer>, BigFraction> m : lowest.entrySet()) {
      List<Integer> k = m.getKey();
      JointActions.decode(counts, k.get(1), a);
      BigFraction base = stationary.transition(k.get(0), a, k.get(2));
      BigFraction low = base.add(m.getValue());
      if (low.signum() < 0) {
        throw new InvalidGameException("P(s'=" + k.get(2) + "|" + where(k.get(0), k.get(1), counts) + ") reaches "
            + Rationals.format(low) + " under some product policy (P0 = " + Rationals.format(base)
            + " plus the smallest coefficient of each policy row); it must be >= 0 for every policy");
      }
    }
  }

  private static int agentOfRow(int row, int[] rowOffset) {
    int j = 0;
    while (row >= rowOffset[j + 1]) {
      j++;
    }
    return j;
  }

  private static int compareLists(List<Integer> x, List<Integer> y) {
    for (int k = 0; k < Math.min(x.size(), y.size()); k++) {
      int c = Integer.compare(x.get(k), y.get(k));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.size(), y.size());
  }

  /**
   * The same game with the response scaled by ω ≥ 0: every coefficient of R and T multiplied by ω, r0 and P0 kept.
   * ω = 0 gives the stationary game exactly ({@link #induce} then returns {@link #stationaryGame()} itself); ω ≤ 1
   * keeps every row a distribution, ω &gt; 1 is re-validated like {@link #of}.
   *
   * @param omega ω ≥ 0, the performative strength (dimensionless)
   * @return the scaled game, named with ω
   * @throws InvalidGameException if ω &lt; 0, or if the scaled response can leave the simplex
   */
  public AffinePerformativeGame scaled(BigFraction omega) {
    if (omega.signum() < 0) {
      throw new InvalidGameException("omega = " + Rationals.format(omega) + " is negative; the response scale must be >= 0");
    }
    List<RewardTerm> rs = new ArrayList<>();
    for (RewardTerm t : rewardTerms) {
      rs.add(new RewardTerm(t.state(), t.jointAction(), t.agent(), t.policyAgent(), t.policyState(),
          t.policyAction(), t.coefficient().multiply(omega)));
    }
    List<TransitionTerm> ts = new ArrayList<>();
    for (TransitionTerm t : transitionTerms) {
      ts.add(new TransitionTerm(t.state(), t.jointAction(), t.next(), t.policyAgent(), t.policyState(),
          t.policyAction(), t.coefficient().multiply(omega)));
    }
    return of(name + " (omega=" + Rationals.format(omega) + ")", stationary, rs, ts);
  }

  /**
   * @return the stationary game G0 = (r0, P0, γ, ρ), the induced game of every policy when there are no terms
   */
  public TabularMarkovGame stationaryGame() {
    return stationary;
  }

  /**
   * @return the reward coefficients, merged (no two with the same indices), non-zero, sorted by (s, a, i, j, t, b)
   */
  public List<RewardTerm> rewardTerms() {
    return rewardTerms;
  }

  /**
   * @return the transition coefficients, merged, non-zero, sorted by (s, a, j, t, b, s')
   */
  public List<TransitionTerm> transitionTerms() {
    return transitionTerms;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int agentCount() {
    return counts.length;
  }

  @Override
  public int stateCount() {
    return states;
  }

  @Override
  public int actionCount(int agent) {
    return counts[agent];
  }

  @Override
  public BigFraction discount() {
    return stationary.discount();
  }

  /**
   * G(π̄) exactly: r0 + R·π̄ and P0 + T·π̄ in rationals, as a {@link TabularMarkovGame} with the stationary game's γ,
   * ρ and labels and no declared potential (the stationary game itself, with its potential, when there are no terms).
   *
   * @param deployed π̄
   * @return {@link InducedGame#exact} of G(π̄)
   * @throws InvalidGameException if π̄ does not have this game's shape
   */
  @Override
  public InducedGame induce(Policy deployed) {
    deployed.requireShapeOf(stationary);
    if (rewardTerms.isEmpty() && transitionTerms.isEmpty()) {
      return InducedGame.exact(stationary);
    }
    int n = counts.length;
    BigFraction[][][] r = new BigFraction[states][joint][];
    BigFraction[][][] p = new BigFraction[states][joint][];
    for (int s = 0; s < states; s++) {
      for (int j = 0; j < joint; j++) {
        r[s][j] = r0[s][j].clone();
        p[s][j] = p0[s][j].clone();
      }
    }
    for (RewardTerm t : rewardTerms) {
      BigFraction x = deployed.prob(t.policyAgent(), t.policyState(), t.policyAction());
      if (x.signum() != 0) {
        r[t.state()][t.jointAction()][t.agent()] = r[t.state()][t.jointAction()][t.agent()].add(t.coefficient().multiply(x));
      }
    }
    for (TransitionTerm t : transitionTerms) {
      BigFraction x = deployed.prob(t.policyAgent(), t.policyState(), t.policyAction());
      if (x.signum() != 0) {
        p[t.state()][t.jointAction()][t.next()] = p[t.state()][t.jointAction()][t.next()].add(t.coefficient().multiply(x));
      }
    }
    String[] agentLabels = new String[n];
    String[][] actionLabels = new String[n][];
    String[] stateLabels = new String[states];
    for (int i = 0; i < n; i++) {
      agentLabels[i] = stationary.agentLabel(i);
      actionLabels[i] = new String[counts[i]];
      for (int b = 0; b < counts[i]; b++) {
        actionLabels[i][b] = stationary.actionLabel(i, b);
      }
    }
    for (int s = 0; s < states; s++) {
      stateLabels[s] = stationary.stateLabel(s);
    }
    BigFraction[] rho = new BigFraction[states];
    for (int s = 0; s < states; s++) {
      rho[s] = stationary.initial(s);
    }
    TabularMarkovGame g = TabularMarkovGame.of(name + " induced", counts, stationary.discount(), rho, r, p)
        .withLabels(agentLabels, actionLabels, stateLabels);
    return InducedGame.exact(g);
  }

  /**
   * G(π̄) in double: the same sums on the doubles nearest r0, P0 and the coefficients, as a dense double game.
   *
   * @param deployed π̄
   * @return the induced double game
   * @throws InvalidGameException if π̄ does not have this game's shape
   */
  @Override
  public DoubleMarkovGame induceDouble(DoublePolicy deployed) {
    if (deployed.agentCount() != counts.length || deployed.stateCount() != states) {
      throw new InvalidGameException("policy has " + deployed.agentCount() + " agents and " + deployed.stateCount()
          + " states; the game has " + counts.length + " and " + states);
    }
    for (int i = 0; i < counts.length; i++) {
      if (deployed.actionCount(i) != counts[i]) {
        throw new InvalidGameException("policy of agent " + i + " has " + deployed.actionCount(i)
            + " actions; the game has " + counts[i]);
      }
    }
    double[][][] r = new double[states][joint][];
    double[][][] p = new double[states][joint][];
    for (int s = 0; s < states; s++) {
      for (int j = 0; j < joint; j++) {
        r[s][j] = r0d[s][j].clone();
        p[s][j] = p0d[s][j].clone();
      }
    }
    for (int k = 0; k < rewardCoefficients.length; k++) {
      RewardTerm t = rewardTerms.get(k);
      r[t.state()][t.jointAction()][t.agent()] += rewardCoefficients[k]
          * deployed.prob(t.policyAgent(), t.policyState(), t.policyAction());
    }
    for (int k = 0; k < transitionCoefficients.length; k++) {
      TransitionTerm t = transitionTerms.get(k);
      p[t.state()][t.jointAction()][t.next()] += transitionCoefficients[k]
          * deployed.prob(t.policyAgent(), t.policyState(), t.policyAction());
    }
    return new DenseDouble(counts, gammaD, rhoD, r, p);
  }

  @Override
  public String toString() {
    return name + " [stationary " + stationary.name() + "; R " + rewardTerms + "; T " + transitionTerms + "]";
  }

  /**
   * A dense double game r[s][a][i], P[s][a][s'] over joint actions (agent 0 fastest). Round-off in the affine sums can
   * leave an entry of P slightly negative (of the order of the double epsilon) where the exact minimum is 0; it is
   * clamped to 0, as it is below the resolution of the double world.
   */
  private static final class DenseDouble implements DoubleMarkovGame {
    private final int[] counts;
    private final double gamma;
    private final double[] rho;
    private final double[][][] r;
    private final double[][][] p;

    DenseDouble(int[] counts, double gamma, double[] rho, double[][][] r, double[][][] p) {
      this.counts = counts;
      this.gamma = gamma;
      this.rho = rho;
      this.r = r;
      this.p = p;
      for (double[][] st : p) {
        for (double[] row : st) {
          for (int t = 0; t < row.length; t++) {
            row[t] = Math.max(0, row[t]);
          }
        }
      }
    }

    @Override
    public int agentCount() {
      return counts.length;
    }

    @Override
    public int stateCount() {
      return rho.length;
    }

    @Override
    public int actionCount(int agent) {
      return counts[agent];
    }

    @Override
    public double discount() {
      return gamma;
    }

    @Override
    public double[] initial() {
      return rho.clone();
    }

    @Override
    public void expect(int state, double[][] pi, double[][] rewardBar, double[][][] transitionBar) {
      int n = counts.length;
      for (int i = 0; i < n; i++) {
        Arrays.fill(rewardBar[i], 0);
        for (double[] row : transitionBar[i]) {
          Arrays.fill(row, 0);
        }
      }
      int[] a = new int[n];
      for (int j = 0; j < r[state].length; j++) {
        JointActions.decode(counts, j, a);
        for (int i = 0; i < n; i++) {
          double w = 1; // Π_{k≠i} π_k(a_k|s)
          for (int k = 0; k < n; k++) {
            if (k != i) {
              w *= pi[k][a[k]];
            }
          }
          if (w == 0) {
            continue;
          }
          rewardBar[i][a[i]] += w * r[state][j][i];
          double[] out = transitionBar[i][a[i]];
          double[] row = p[state][j];
          for (int t = 0; t < row.length; t++) {
            out[t] += w * row[t];
          }
        }
      }
    }

    @Override
    public double expectedPhi(int state, double[][] policyAtState) {
      return Double.NaN;
    }
  }
}
