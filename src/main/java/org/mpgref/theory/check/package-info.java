/**
 * Certificates and checks of the theorems in {@code org.mpgref.theory}, computed exactly on runs: the
 * monotone-potential lemmas step by step ({@link org.mpgref.theory.check.MonotoneProjectedCheck} for IPG and projected
 * Q-ascent, proofs-notes/monotone-ipg.md; {@link org.mpgref.theory.check.MonotoneInpgCheck} for INPG with rigorous exp
 * enclosures, Fox et al. 2022 Lemma 3.4, proofs-notes/monotone-inpg.md), the Nash regret of a run
 * ({@link org.mpgref.theory.check.NashRegret}, Ding et al. 2022) against the bounds proven here for projected
 * Q-ascent ({@link org.mpgref.theory.check.QAscentRegretCheck}, proofs-notes/nash-regret-projected-q-ascent.md) and
 * for KL policy mirror descent ({@link org.mpgref.theory.check.KlRegretCheck},
 * {@link org.mpgref.theory.check.KlLongRunCheck}, on rational iterates such as
 * {@link org.mpgref.theory.check.RoundedKlRun}; proofs-notes/nash-regret-kl-pmd.md).
 *
 * <p>Layering: this package depends on {@code org.mpgref.theory} (the constants and their applicability), never the
 * reverse (src/test/java/org/mpgref/architecture/LayeringTest.java). The exact checks never touch {@code double};
 * the measured exponents of {@link org.mpgref.theory.check.NashRegret} and the display values of
 * {@link org.mpgref.theory.check.KlLongRunCheck.LongRunCheck} are doubles, documented as such.
 */
package org.mpgref.theory.check;
