/**
 * Markov potential games. Concept: whether a game is an MPG — a function Φ^π(s) with
 * V_i^{π_i',π_{-i}}(s) − V_i^π(s) = Φ^{π_i',π_{-i}}(s) − Φ^π(s) for every i, s, π, π_i' — decided as far
 * as exact arithmetic can show it: a certificate from a verified sufficient condition on a declared stage potential, or
 * an exact counterexample (a 4-cycle of unilateral deviations with a nonzero sum), or an honest "none found"
 * ({@code PotentialCheck}).
 *
 * <p>Layering: depends on {@code evaluation}, {@code game}, {@code numbers} and {@code limits}; never on
 * {@code dynamics}, {@code theory}, {@code catalog} or code outside the core.
 *
 * <p>Sources: Leonardos et al., ICLR 2022 (arXiv 2106.01969), Definition 3.1 and Proposition 3.2;
 * specs/markov-potential-game.md; proofs-notes/mpg-four-cycle.md.
 */
package org.mpgref.potential;
