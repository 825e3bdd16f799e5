/**
 * Evaluation of a product policy in a Markov game, exactly and in double. Concept: V_i^π(s), V_i^π(ρ), the averaged
 * Q-function Q̄_i^π(s, a_i) and advantage Ā_i^π(s, a_i), the discounted state visitation d_ρ^π and the potential
 * Φ^π ({@code Evaluation}); exact best responses by policy iteration with a Bellman-optimality certificate
 * ({@code BestResponse}); Nash gaps gap_i(s), gap_i(ρ), the Nash gap and NashConv ({@code NashGap}); the double
 * twin of all of them ({@code DoubleEvaluation}).
 *
 * <p>Layering: depends on {@code game}, {@code linalg}, {@code numbers} and {@code limits}; never on
 * {@code potential}, {@code dynamics}, {@code theory}, {@code catalog} or code outside the core.
 *
 * <p>Sources: Leonardos et al., ICLR 2022 (arXiv 2106.01969), §2 and Definition 2.1 (Nash gap); Fox et al.,
 * AISTATS 2022, §2 (Q̄, Ā, d); Puterman, <i>Markov Decision Processes</i>, Wiley 1994 (policy iteration); Lanctot et
 * al., NeurIPS 2017 (NashConv); specs/value-function.md, specs/averaged-q-and-advantage.md,
 * specs/state-visitation.md, specs/best-response.md, specs/nash-gap.md.
 */
package org.mpgref.evaluation;
