package org.mpgref.dynamics;

/**
 * The independent learning dynamics implemented, with exact (oracle) gradients. For agent i and state s, with
 * Q̄_i, Ā_i and d_ρ evaluated at the current π:
 *
 * <pre>
 *   IPG                 π_i(·|s) ← Proj_Δ( π_i(·|s) + η d_ρ^π(s) Q̄_i^π(s,·) / (1−γ) )   Leonardos et al. 2022, §4 (∂V_i(ρ)/∂π_i(a|s))
 *   PROJECTED_Q_ASCENT  π_i(·|s) ← Proj_Δ( π_i(·|s) + η Q̄_i^π(s,·) )                   Ding et al. 2022, Algorithm 1
 *   INPG                θ_i(s,a) ← θ_i(s,a) + η Ā_i^π(s,a) / (1−γ),  π_i = softmax θ_i    Fox et al. 2022, Lemma 2.1
 * </pre>
 *
 * IPG and projected Q-ascent are rational maps and run exactly or in double; INPG involves exp and runs in double.
 */
public enum Algorithm {
  /** Independent projected policy gradient ascent (Leonardos et al.). */
  IPG("IPG", "Leonardos et al. ICLR 2022, Sec. 4: pi_i <- Proj(pi_i + eta d(s) Qbar_i(s,.)/(1-gamma))"),
  /** Independent projected Q-ascent, no visitation factor (Ding et al.). */
  PROJECTED_Q_ASCENT("projected Q-ascent", "Ding et al. ICML 2022, Alg. 1: pi_i <- Proj(pi_i + eta Qbar_i(s,.))"),
  /** Independent natural policy gradient, softmax (Fox et al.). */
  INPG("INPG", "Fox et al. AISTATS 2022, Lemma 2.1: theta_i += eta Abar_i/(1-gamma), pi_i = softmax(theta_i)");

  private final String label;
  private final String source;

  Algorithm(String label, String source) {
    this.label = label;
    this.source = source;
  }

  /**
   * @return a display name
   */
  public String label() {
    return label;
  }

  /**
   * @return the update and where it comes from
   */
  public String source() {
    return source;
  }

  /**
   * @return whether every step is a rational map of π (so it can run exactly)
   */
  public boolean isRational() {
    return this != INPG;
  }
}
