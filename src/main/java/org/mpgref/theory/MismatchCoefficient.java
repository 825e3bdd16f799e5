package org.mpgref.theory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.game.JointActions;
import org.mpgref.game.MarkovGame;
import org.mpgref.numbers.Rationals;
import org.mpgref.limits.Cancellation;
import org.mpgref.mdp.ExactMdp;
import org.mpgref.mdp.ExactSolution;
import org.mpgref.mdp.Objective;
import org.mpgref.mdp.PolicyIteration;

/**
 * The distribution mismatch coefficient M = max_{π,π'} ‖d_ρ^π / d_ρ^{π'}‖_∞ over product policies (Fox et al. 2022,
 * Definition 3; Agarwal et al. 2021), computed exactly, and the proven bound M ≤ 1/((1−γ) min_s ρ(s)).
 *
 * <p>Exact value: the supremum decouples per state, M = max_s (max_π d_ρ^π(s)) / (min_π d_ρ^π(s)). For a fixed s*,
 * d_ρ^π(s*) = (1−γ) Σ_s ρ(s) W^π(s) with W^π = 1{·=s*} + γ P_π W^π, the value of a single-agent MDP whose actions
 * are joint actions; its maximum and minimum over all joint policies are attained by deterministic joint policies
 * (Puterman 1994, Thm 6.2.10), which are product policies. So both extremes are found exactly by the kernel's policy
 * iteration ({@link PolicyIteration#exact}) over the distinct transition rows P(·|s,a) of each state (in the order of
 * their first joint action). See proofs-notes/mismatch-coefficient.md.
 */
public final class MismatchCoefficient {
  private MismatchCoefficient() {}

  /**
   * The result.
   *
   * @param value M, or empty if some state has min_π d_ρ^π(s) = 0 (then M = +∞)
   * @param state the state s attaining the maximum ratio
   * @param maxVisitation max_π d_ρ^π(s) at that state
   * @param minVisitation min_π d_ρ^π(s) at that state
   * @param bound 1/((1−γ) min_s ρ(s)), or empty if some ρ(s) = 0
   */
  public record Result(Optional<BigFraction> value, int state, BigFraction maxVisitation, BigFraction minVisitation,
      Optional<BigFraction> bound) {}

  /**
   * The proven bound M ≤ 1/((1−γ) min_s ρ(s)) (from d_ρ^π(s) ≥ (1−γ)ρ(s) and d_ρ^π(s) ≤ 1).
   *
   * @param game the game
   * @return the bound, or empty if some ρ(s) = 0
   */
  public static Optional<BigFraction> bound(MarkovGame game) {
    BigFraction min = game.initial(0);
    for (int s = 1; s < game.stateCount(); s++) {
      if (Rationals.compare(game.initial(s), min) < 0) {
        min = game.initial(s);
      }
    }
    if (min.signum() == 0) {
      return Optional.empty();
    }
    return Optional.of(BigFraction.ONE.divide(BigFraction.ONE.subtract(game.discount()).multiply(min)));
  }

  /**
   * Computes M exactly. Enumerates joint actions once (the dense size guard applies) to collect each state's
   * distinct transition rows.
   *
   * @param game the game
   * @return M with the extremal visitations
   * @throws org.mpgref.game.InvalidGameException if the joint-action set is too large to enumerate
   */
  public static Result of(MarkovGame game) {
    int states = game.stateCount();
    int n = game.agentCount();
    int[] counts = new int[n];
    for (int i = 0; i < n; i++) {
      counts[i] = game.actionCount(i);
    }
    int joint = JointActions.countDense(counts, states);
    // one policy-iteration step reads every joint action's row (S·Π|A_i|·S entries) and solves an S-state system;
    // at least one step per extreme and target state: refuse before the tables are built
    org.mpgref.limits.Limits.requireWork("mismatch coefficient policy iteration over " + states + " states x " + joint + " joint actions",
        2.0 * states * states * (double) joint * states * 100);
    List<List<BigFraction[]>> rows = new ArrayList<>();
    int[] a = new int[n];
    for (int s = 0; s < states; s++) {
      Set<List<BigFraction>> seen = new LinkedHashSet<>();
      for (int j = 0; j < joint; j++) {
        JointActions.decode(counts, j, a);
        BigFraction[] row = new BigFraction[states];
        for (int t = 0; t < states; t++) {
          row[t] = game.transition(s, a, t);
        }
        seen.add(Arrays.asList(row));
      }
      List<BigFraction[]> distinct = new ArrayList<>();
      for (List<BigFraction> r : seen) {
        distinct.add(r.toArray(new BigFraction[0]));
      }
      rows.add(distinct);
    }
    BigFraction[][][] distinctRows = new BigFraction[states][][];
    BigFraction[][] zero = new BigFraction[states][];
    for (int s = 0; s < states; s++) {
      distinctRows[s] = rows.get(s).toArray(new BigFraction[0][]);
      zero[s] = new BigFraction[distinctRows[s].length];
      Arrays.fill(zero[s], BigFraction.ZERO);
    }
    ExactMdp dynamics = ExactMdp.dense(game.discount(), zero, distinctRows);
    Optional<BigFraction> best = Optional.of(BigFraction.ZERO);
    int bestState = 0;
    BigFraction bestMax = BigFraction.ZERO;
    BigFraction bestMin = BigFraction.ONE;
    for (int target = 0; target < states; target++) {
      Cancellation.check();
      ExactMdp mdp = dynamics.withRewards(indicator(zero, target));
      BigFraction max = visitation(game, mdp, Objective.MAXIMISE);
      BigFraction min = visitation(game, mdp, Objective.MINIMISE);
      if (min.signum() == 0) {
        if (best.isPresent()) {
          best = Optional.empty();
          bestState = target;
          bestMax = max;
          bestMin = min;
        }
        continue;
      }
      BigFraction ratio = max.divide(min);
      if (best.isPresent() && Rationals.compare(ratio, best.get()) > 0) {
        best = Optional.of(ratio);
        bestState = target;
        bestMax = max;
        bestMin = min;
      }
    }
    return new Result(best, bestState, bestMax, bestMin, bound(game));
  }

  /** r(s,k) = 1{s = target} for every action k. */
  private static BigFraction[][] indicator(BigFraction[][] zero, int target) {
    BigFraction[][] r = new BigFraction[zero.length][];
    for (int s = 0; s < zero.length; s++) {
      r[s] = zero[s].clone();
      if (s == target) {
        Arrays.fill(r[s], BigFraction.ONE);
      }
    }
    return r;
  }

  /**
   * max (or min) over deterministic policies of d_ρ(target) = (1−γ) Σ_s ρ(s) W*(s), W* the extreme value of the MDP
   * with reward 1{s = target}, by the kernel's exact policy iteration from row 0 at every state.
   */
  private static BigFraction visitation(MarkovGame game, ExactMdp mdp, Objective objective) {
    ExactSolution x = PolicyIteration.exact("exact mismatch coefficient policy iteration solve", mdp, objective,
        new int[mdp.stateCount()]);
    BigFraction d = BigFraction.ZERO;
    for (int s = 0; s < mdp.stateCount(); s++) {
      d = d.add(game.initial(s).multiply(x.value(s)));
    }
    return d.multiply(BigFraction.ONE.subtract(game.discount()));
  }
}
