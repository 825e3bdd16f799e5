/**
 * Performative stability: the exact (or rigorously enclosed) PSE gap of a product policy π, i.e. the Nash gap of π
 * in the game G(π) it induces (Sahitaj et al., AISTATS 2025, arXiv 2504.20593, ε-PSE; Perdomo et al., ICML 2020,
 * arXiv 2002.06673, performative stability), with a certificate that re-derives it from scratch, and its double twin.
 * {@link org.mpgref.stability.PseGap} reuses {@link org.mpgref.evaluation.NashGap} on the induced game;
 * {@link org.mpgref.stability.DoublePseGap} reuses {@link org.mpgref.evaluation.DoubleEvaluation}.
 *
 * <p>Layering: analysis, above the model; depends on {@code performative}, {@code game}, {@code evaluation},
 * {@code mdp} and {@code numbers}. The model and the analyses below it never depend on this package (LayeringTest).
 *
 * <p>Sources: ../shared/reference/performative.md §1.10; specs/pse-gap.md; the perturbation bound in
 * proofs-notes/performative-perturbation.md.
 */
package org.mpgref.stability;
