/**
 * The theorems as code: the constants the papers state and the checks of what they claim, exactly. Concept:
 * step-size conditions and rates ({@code StepSizeBounds}); the distribution mismatch coefficient
 * ({@code MismatchCoefficient}); the potential bound φ_max and extremes over product policies ({@code PhiMax});
 * proven step sizes under which the potential never decreases and their exact or rigorous per-step checks
 * ({@code MonotoneBounds}, {@code MonotoneProjectedCheck}, {@code MonotoneInpgCheck}); Nash regret and the bounds
 * proven here for projected Q-ascent and KL policy mirror descent ({@code theory.check}).
 *
 * <p>Layering: depends on {@code dynamics}, {@code evaluation}, {@code game}, {@code numbers} and {@code limits}
 * (and may use {@code potential} and {@code linalg}); never on {@code catalog} or code outside the core.
 *
 * <p>Sources: Fox et al., AISTATS 2022, Definition 3, Lemma 3.4 and Theorem 3.1; Leonardos et al., ICLR 2022
 * (arXiv 2106.01969); Ding et al., ICML 2022; Alatur, Barakat, He, arXiv 2408.08075; Agarwal, Kakade, Lee, Mahajan,
 * JMLR 22(98), 2021 (mismatch coefficient); specs/mismatch-and-step-bounds.md, specs/monotone-potential.md,
 * specs/nash-regret.md, specs/policy-mirror-descent.md; the derivations in proofs-notes/.
 */
package org.mpgref.theory;
