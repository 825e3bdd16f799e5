package org.mpgref.dynamics;

import java.util.Locale;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.evaluation.DoubleGradients;
import org.mpgref.evaluation.ExactGradients;
import org.mpgref.game.DoublePolicy;
import org.mpgref.game.Policy;

/**
 * The registry of the independent learning dynamics mpgref runs, with exact-model (oracle) gradients. For agent i and
 * state s, with Q̄_i, Ā_i and d_ρ evaluated at the current π:
 *
 * <pre>
 *   IPG                 π_i(·|s) ← Proj_Δ( π_i(·|s) + η d_ρ^π(s) Q̄_i^π(s,·) / (1−γ) )   Leonardos et al. 2022, §4 (∂V_i(ρ)/∂π_i(a|s))
 *   PROJECTED_Q_ASCENT  π_i(·|s) ← Proj_Δ( π_i(·|s) + η Q̄_i^π(s,·) )                   Ding et al. 2022, Algorithm 1
 *   INPG                θ_i(s,a) ← θ_i(s,a) + η Ā_i^π(s,a) / (1−γ),  π_i = softmax θ_i    Fox et al. 2022, Lemma 2.1
 *   PMD_EUCLIDEAN       π_i(·|s) ← argmax_p η⟨Q̄_i(s,·), p⟩ − ½‖p − π_i(·|s)‖² = projected Q-ascent   Alatur et al., eq. (2)
 *   PMD_KL              π_i(a|s) ← π_i(a|s) exp(η Q̄_i(s,a)) / Z_{i,s}                    Alatur et al., eq. (3)
 * </pre>
 *
 * Sources: Leonardos, Overman, Panageas, Piliouras, ICLR 2022, arXiv 2106.01969; Ding, Wei, Zhang, Jovanović, ICML
 * 2022, arXiv 2202.04129; Fox, McAleer, Overman, Panageas, AISTATS 2022, arXiv 2202.04985; Alatur, Barakat, He, arXiv
 * 2408.08075, §IV. The rational ones (IPG, projected Q-ascent, Euclidean PMD) run exactly or in double; INPG and KL
 * PMD involve exp and run in double. The command line, the server and the audits read this registry.
 */
public enum Algorithm {
  /** Independent projected policy gradient ascent (Leonardos et al.). */
  IPG("ipg", "IPG", "Leonardos et al. ICLR 2022, Sec. 4: pi_i <- Proj(pi_i + eta d(s) Qbar_i(s,.)/(1-gamma))", true),
  /** Independent projected Q-ascent, no visitation factor (Ding et al.). */
  PROJECTED_Q_ASCENT("q-ascent", "projected Q-ascent",
      "Ding et al. ICML 2022, Alg. 1: pi_i <- Proj(pi_i + eta Qbar_i(s,.))", true),
  /** Independent natural policy gradient, softmax (Fox et al.). */
  INPG("inpg", "INPG", "Fox et al. AISTATS 2022, Lemma 2.1: theta_i += eta Abar_i/(1-gamma), pi_i = softmax(theta_i)",
      false),
  /** Independent policy mirror descent with the Euclidean mirror map (= projected Q-ascent). */
  PMD_EUCLIDEAN("pmd-euclid", "Euclidean PMD", PolicyMirrorDescent.SOURCE, true),
  /** Independent policy mirror descent with the KL mirror map (multiplicative weights on Q̄). */
  PMD_KL("pmd-kl", "KL PMD", PolicyMirrorDescent.SOURCE, false);

  private final String cliName;
  private final String label;
  private final String source;
  private final boolean rational;

  Algorithm(String cliName, String label, String source, boolean rational) {
    this.cliName = cliName;
    this.label = label;
    this.source = source;
    this.rational = rational;
  }

  /**
   * @return the name used by {@code learn --algorithm} and the server, e.g. {@code q-ascent}
   */
  public String cliName() {
    return cliName;
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
    return rational;
  }

  /**
   * @return whether it is a policy-mirror-descent algorithm of Alatur et al. (whose default step is the seed's)
   */
  public boolean isMirrorDescent() {
    return this == PMD_EUCLIDEAN || this == PMD_KL;
  }

  /**
   * The algorithm of a command-line name.
   *
   * @param name an {@link #cliName()}, any case
   * @return the algorithm
   * @throws IllegalArgumentException naming {@code --algorithm} and the known names if there is none
   */
  public static Algorithm ofName(String name) {
    for (Algorithm a : values()) {
      if (a.cliName.equals(name.toLowerCase(Locale.ROOT))) {
        return a;
      }
    }
    StringBuilder known = new StringBuilder();
    for (Algorithm a : values()) {
      known.append(known.length() > 0 ? ", " : "").append(a.cliName);
    }
    throw new IllegalArgumentException("--algorithm " + name + " is unknown; known: " + known);
  }

  /**
   * The double update rule with step η.
   *
   * @param eta η &gt; 0, finite
   * @return the rule
   * @throws IllegalArgumentException if η is not a positive finite number
   */
  public UpdateRule<DoublePolicy, DoubleGradients> doubleRule(double eta) {
    switch (this) {
      case IPG:
        return DoubleRules.ipg(eta);
      case PROJECTED_Q_ASCENT:
      case PMD_EUCLIDEAN:
        return DoubleRules.projectedQAscent(label, eta);
      case INPG:
        return DoubleRules.softmax(label, eta, true);
      default:
        return DoubleRules.softmax(label, eta, false);
    }
  }

  /**
   * The exact update rule with step η, for the rational algorithms.
   *
   * @param eta η &gt; 0
   * @return the rule, or empty for INPG and KL PMD (they use exp)
   * @throws IllegalArgumentException if η ≤ 0
   */
  public Optional<UpdateRule<Policy, ExactGradients>> exactRule(BigFraction eta) {
    return rational ? Optional.of(ExactRules.projected(label, eta, this == IPG)) : Optional.empty();
  }
}
