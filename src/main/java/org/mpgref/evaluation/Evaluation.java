package org.mpgref.evaluation;

import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.game.StageExpectation;
import org.mpgref.game.StagePotential;
import org.mpgref.limits.Cancellation;
import org.mpgref.limits.Limits;
import org.mpgref.linalg.SparseExactSolver;
import org.mpgref.linalg.SparseMatrix;

/**
 * Exact evaluation of a product policy π in a Markov game (Leonardos et al. 2022, §2; Fox et al. 2022, §2):
 *
 * <pre>
 *   V_i^π(s)      solves V_i = r_{i,π} + γ P_π V_i,   r_{i,π}(s) = Σ_{a_i} π_i(a_i|s) r̄_i(s,a_i),  P_π(s'|s) = E_{a~π} P(s'|s,a)
 *   V_i^π(ρ)      = Σ_s ρ(s) V_i^π(s)
 *   Q̄_i^π(s,a_i)  = r̄_i(s,a_i) + γ Σ_{s'} P̄_i(s'|s,a_i) V_i^π(s')       (averaged Q-function)
 *   Ā_i^π(s,a_i)  = Q̄_i^π(s,a_i) − V_i^π(s)                               (averaged advantage)
 *   d_ρ^π(s)      = (1−γ) Σ_t γ^t Pr(s_t = s),  i.e. (I − γ P_π^T) d = (1−γ) ρ   (discounted state visitation)
 * </pre>
 *
 * Index shapes: value [i][s], qBar and advantage [i][s][a_i], visitation [s]. Units: the game's reward unit
 * (discounted sum); visitation is a probability distribution. Everything is exact; P_π is kept sparse (O(non-zeros)
 * memory) and the linear solves use {@link SparseExactSolver}, whose cost model refuses a solve above
 * {@link Limits#maxWork()} before the arithmetic; the stage expectations are refused likewise from
 * {@link MarkovGame#expectationWork}. Immutable; the visitation is solved on first use and then kept.
 */
public final class Evaluation implements ExactGradients {
  private final MarkovGame game;
  private final Policy policy;
  private final StageExpectation[] stage;
  private final SparseMatrix transition; // P_pi [s][s'], sparse
  private final BigFraction[][] value; // [i][s]
  private final BigFraction[][][] qBar; // [i][s][a]
  private final int[] twin; // [i], see twins(game, policy, stage)
  private BigFraction @org.checkerframework.checker.nullness.qual.Nullable [] visitation; // [s], computed on demand

  private Evaluation(MarkovGame game, Policy policy, StageExpectation[] stage, SparseMatrix transition,
      BigFraction[][] value, BigFraction[][][] qBar, int[] twin) {
    this.game = game;
    this.policy = policy;
    this.stage = stage;
    this.transition = transition;
    this.value = value;
    this.qBar = qBar;
    this.twin = twin;
    this.visitation = null;
  }

  /**
   * Evaluates π exactly.
   *
   * @param game the game
   * @param policy the product policy
   * @return the evaluation
   * @throws InvalidGameException if the policy does not fit the game
   * @throws org.mpgref.limits.LimitExceededException if the estimated work of the stage expectations or of the value
   *     solve is above {@link Limits#maxWork()}, or its memory above the fixed bound (refused before the work)
   */
  public static Evaluation of(MarkovGame game, Policy policy) {
    policy.requireShapeOf(game);
    int n = game.agentCount();
    int states = game.stateCount();
    BigFraction gamma = game.discount();
    Limits.requireWork("exact stage expectations of " + game.name() + " (" + states + " states, " + n + " agents)",
        game.expectationWork(policy));
    StageExpectation[] stage = new StageExpectation[states];
    SparseMatrix.Builder pb = new SparseMatrix.Builder(states);
    BigFraction[][] r = new BigFraction[states][n];
    java.util.TreeMap<Integer, BigFraction> row = new java.util.TreeMap<>();
    for (int s = 0; s < states; s++) {
      Cancellation.check();
      StageExpectation e = game.expect(s, policy);
      stage[s] = e;
      row.clear();
      for (int a = 0; a < game.actionCount(0); a++) {
        BigFraction pr = policy.prob(0, s, a);
        if (pr.signum() != 0) {
          for (int k = 0; k < e.transitionNonZeros(0, a); k++) {
            row.merge(e.transitionIndex(0, a, k), pr.multiply(e.transitionValue(0, a, k)), BigFraction::add);
          }
        }
      }
      for (java.util.Map.Entry<Integer, BigFraction> x : row.entrySet()) {
        pb.add(x.getKey(), x.getValue());
      }
      pb.endRow();
      for (int i = 0; i < n; i++) {
        BigFraction acc = BigFraction.ZERO;
        for (int a = 0; a < game.actionCount(i); a++) {
          BigFraction pr = policy.prob(i, s, a);
          if (pr.signum() != 0) {
            acc = acc.add(pr.multiply(e.rewardBar(i, a)));
          }
        }
        r[s][i] = acc;
      }
    }
    // Twins (same rows and same stage expectations at every state) have the same right-hand side, value and Q̄:
    // solve and compute once per distinct agent (symmetric iterates of anonymous games have one).
    int[] twin = twins(game, policy, stage);
    int distinct = 0;
    int[] column = new int[n];
    for (int i = 0; i < n; i++) {
      column[i] = twin[i] == i ? distinct++ : column[twin[i]];
    }
    BigFraction[][] rhs = new BigFraction[states][distinct];
    for (int s = 0; s < states; s++) {
      for (int i = 0; i < n; i++) {
        if (twin[i] == i) {
          rhs[s][column[i]] = r[s][i];
        }
      }
    }
    SparseMatrix p = pb.build();
    BigFraction[][] v = SparseExactSolver.solveDiscounted("exact value solve", gamma, p, rhs); // [s][distinct agent]
    BigFraction[][] value = new BigFraction[n][states];
    BigFraction[][][] q = new BigFraction[n][states][];
    for (int i = 0; i < n; i++) {
      for (int s = 0; s < states; s++) {
        value[i][s] = v[s][column[i]];
      }
      for (int s = 0; s < states; s++) {
        q[i][s] = twin[i] == i ? qRow(game, stage[s], i, value[i]) : q[twin[i]][s].clone();
      }
    }
    return new Evaluation(game, policy, stage, p, value, q, twin);
  }

  /**
   * For each agent i, the first agent j ≤ i whose policy rows π_j(·|s), averaged rewards r̄_j(s,·) and averaged
   * transitions P̄_j(·|s,·) equal agent i's exactly at every state (then V_j = V_i and Q̄_j = Q̄_i exactly); i itself if
   * none.
   *
   * @param game the game
   * @param policy π
   * @param stage the stage expectations [s]
   * @return twin [i]
   */
  static int[] twins(MarkovGame game, Policy policy, StageExpectation[] stage) {
    int n = game.agentCount();
    int[] twin = new int[n];
    for (int i = 0; i < n; i++) {
      twin[i] = i;
      for (int j = 0; j < i; j++) {
        if (twin[j] == j && sameAgentData(game, policy, stage, i, j)) {
          twin[i] = j;
          break;
        }
      }
    }
    return twin;
  }

  /**
   * The twins found when this evaluation was computed ({@link #twins(MarkovGame, Policy, StageExpectation[])}).
   *
   * @return twin [i]
   */
  int[] twins() {
    return twin.clone();
  }

  private static boolean sameAgentData(MarkovGame game, Policy policy, StageExpectation[] stage, int i, int j) {
    int m = game.actionCount(i);
    if (game.actionCount(j) != m) {
      return false;
    }
    int states = stage.length;
    for (int s = 0; s < states; s++) {
      for (int a = 0; a < m; a++) {
        if (!policy.prob(i, s, a).equals(policy.prob(j, s, a))
            || !stage[s].rewardBar(i, a).equals(stage[s].rewardBar(j, a))) {
          return false;
        }
        if (!stage[s].sameTransitions(i, j, a)) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Q-values of agent i's induced MDP at one state for a value vector W: r̄_i(s,a) + γ Σ_{s'} P̄_i(s'|s,a) W(s').
   *
   * @param game the game (for γ and sizes)
   * @param e the stage expectation at s
   * @param agent i
   * @param w W [s']
   * @return [a_i]
   */
  static BigFraction[] qRow(MarkovGame game, StageExpectation e, int agent, BigFraction[] w) {
    int m = game.actionCount(agent);
    BigFraction gamma = game.discount();
    BigFraction[] row = new BigFraction[m];
    for (int a = 0; a < m; a++) {
      BigFraction cont = BigFraction.ZERO;
      for (int k = 0; k < e.transitionNonZeros(agent, a); k++) {
        cont = cont.add(e.transitionValue(agent, a, k).multiply(w[e.transitionIndex(agent, a, k)]));
      }
      row[a] = e.rewardBar(agent, a).add(gamma.multiply(cont));
    }
    return row;
  }

  private static BigFraction[] visitation(MarkovGame game, SparseMatrix p) {
    int states = p.size();
    BigFraction gamma = game.discount();
    BigFraction[] rhs = new BigFraction[states];
    BigFraction scale = BigFraction.ONE.subtract(gamma);
    for (int s = 0; s < states; s++) {
      rhs[s] = scale.multiply(game.initial(s));
    }
    // (I − γ P_π^T) d = (1−γ) ρ
    return SparseExactSolver.solveDiscountedTransposed("exact visitation solve", gamma, p, rhs);
  }

  /**
   * @return the game evaluated
   */
  public MarkovGame game() {
    return game;
  }

  /**
   * @return the policy evaluated
   */
  public Policy policy() {
    return policy;
  }

  /**
   * @param agent i
   * @param state s
   * @return V_i^π(s)
   */
  public BigFraction value(int agent, int state) {
    return value[agent][state];
  }

  /**
   * @param agent i
   * @return V_i^π(ρ) = Σ_s ρ(s) V_i^π(s)
   */
  public BigFraction valueAtInitial(int agent) {
    BigFraction t = BigFraction.ZERO;
    for (int s = 0; s < game.stateCount(); s++) {
      t = t.add(game.initial(s).multiply(value[agent][s]));
    }
    return t;
  }

  /**
   * @param agent i
   * @return V_i^π(·) as a fresh array [s]
   */
  public BigFraction[] values(int agent) {
    return value[agent].clone();
  }

  /**
   * @param agent i
   * @param state s
   * @param action a_i
   * @return Q̄_i^π(s, a_i)
   */
  public BigFraction qBar(int agent, int state, int action) {
    return qBar[agent][state][action];
  }

  /**
   * @param agent i
   * @param state s
   * @param action a_i
   * @return Ā_i^π(s, a_i) = Q̄_i^π(s,a_i) − V_i^π(s)
   */
  public BigFraction advantage(int agent, int state, int action) {
    return qBar[agent][state][action].subtract(value[agent][state]);
  }

  /**
   * @param state s
   * @return d_ρ^π(s)
   */
  public synchronized BigFraction visitation(int state) {
    BigFraction[] d = visitation;
    if (d == null) {
      d = visitation(game, transition);
      visitation = d;
    }
    return d[state];
  }

  /**
   * @param state s
   * @param next s'
   * @return P_π(s'|s)
   */
  public BigFraction transition(int state, int next) {
    return transition.get(state, next);
  }

  /**
   * P_π as a sparse matrix (immutable, shared).
   *
   * @return P_π [s][s']
   */
  public SparseMatrix transitionMatrix() {
    return transition;
  }

  /**
   * The stage expectations (agent i's induced MDP against π_{-i}) at state s.
   *
   * @param state s
   * @return r̄ and P̄ at s
   */
  public StageExpectation stage(int state) {
    return stage[state];
  }

  /**
   * Φ^π(s) = E_π[Σ_t γ^t φ(s_t,a_t) | s_0 = s] for the game's declared stage potential, solving
   * (I − γ P_π) Φ = φ_π with φ_π(s) = E_{a~π(·|s)} φ(s,a). Whether Φ is a Markov potential is decided by
   * {@code org.mpgref.potential.PotentialCheck}, not here.
   *
   * @return Φ^π as [s], or empty if the game declares no stage potential
   */
  public Optional<BigFraction[]> potential() {
    Optional<StagePotential> sp = game.potential();
    if (sp.isEmpty()) {
      return Optional.empty();
    }
    int states = game.stateCount();
    BigFraction[][] phi = new BigFraction[states][1];
    for (int s = 0; s < states; s++) {
      phi[s][0] = sp.get().expectedPhi(s, policy);
    }
    BigFraction[][] x = SparseExactSolver.solveDiscounted("exact potential solve", game.discount(), transition, phi);
    BigFraction[] out = new BigFraction[states];
    for (int s = 0; s < states; s++) {
      out[s] = x[s][0];
    }
    return Optional.of(out);
  }

  /**
   * Φ^π(ρ) = Σ_s ρ(s) Φ^π(s).
   *
   * @return the potential at ρ, or empty if the game declares none
   */
  public Optional<BigFraction> potentialAtInitial() {
    return potential().map(phi -> {
      BigFraction t = BigFraction.ZERO;
      for (int s = 0; s < phi.length; s++) {
        t = t.add(game.initial(s).multiply(phi[s]));
      }
      return t;
    });
  }
}
