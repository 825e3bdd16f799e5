package org.mpgref.evaluation;

import org.mpgref.game.DoubleMarkovGame;
import org.mpgref.game.DoublePolicy;

/**
 * What a double update rule reads of the current iterate π: the averaged Q-function Q̄_i^π(s,a) = Σ_{a_{−i}}
 * π_{−i}(a_{−i}|s) Q_i^π(s, a_i, a_{−i}), the averaged advantage Ā_i^π(s,a) = Q̄_i^π(s,a) − V_i^π(s), the value
 * V_i^π(s) and the discounted state visitation d_ρ^π(s) = (1−γ) Σ_t γ^t Pr(s_t = s | s_0 ~ ρ, π) (Leonardos et al.,
 * ICLR 2022, arXiv 2106.01969, §2 and §4; Agarwal et al., JMLR 2021, arXiv 1908.00261, eq. (2)). Index shapes: agent
 * i, state s, action a of agent i. Values are in reward units; d_ρ is a distribution over states.
 *
 * <p>{@link DoubleEvaluation} is the model-based source in double; a sampled estimator can implement the same
 * interface, and the dynamics of {@code org.mpgref.dynamics} consume only this.
 */
public interface DoubleGradients {
  /**
   * @return the game the figures are of
   */
  DoubleMarkovGame game();

  /**
   * @return the product policy π the figures are of
   */
  DoublePolicy policy();

  /**
   * Q̄_i^π(s,a).
   *
   * @param agent i
   * @param state s
   * @param action a ∈ A_i
   * @return the averaged Q-value, in double
   * @throws IndexOutOfBoundsException if an index is out of range
   */
  double qBar(int agent, int state, int action);

  /**
   * Ā_i^π(s,a) = Q̄_i^π(s,a) − V_i^π(s).
   *
   * @param agent i
   * @param state s
   * @param action a ∈ A_i
   * @return the averaged advantage, in double
   * @throws IndexOutOfBoundsException if an index is out of range
   */
  double advantage(int agent, int state, int action);

  /**
   * V_i^π(s).
   *
   * @param agent i
   * @param state s
   * @return the value, in double
   * @throws IndexOutOfBoundsException if an index is out of range
   */
  double value(int agent, int state);

  /**
   * d_ρ^π(s).
   *
   * @param state s
   * @return the discounted visitation, in double
   * @throws IndexOutOfBoundsException if the state is out of range
   */
  double visitation(int state);
}
