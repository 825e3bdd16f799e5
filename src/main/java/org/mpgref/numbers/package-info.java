/**
 * Exact rational arithmetic shared by every layer: the bottom of the layering. Concept: the field ℚ of
 * {@code BigFraction} (Apache Commons Numbers) and what the exact world needs beyond it — the one exact order
 * ({@link org.mpgref.numbers.Rationals#compare}), {@code p/q} printing, exact conversion of a double (every finite
 * double is a dyadic rational), sums and common denominators ({@link org.mpgref.numbers.Rationals}), and rigorous
 * rational enclosures lo ≤ e^x ≤ hi of the exponential ({@link org.mpgref.numbers.RationalExp}).
 *
 * <p>Layering: depends on no other mpgref package (only the JDK and Commons Numbers); every other package may use it.
 *
 * <p>Sources: specs/exact-vs-double.md (the exact and double worlds, conversion and printing rules);
 * proofs-notes/monotone-inpg.md §2 (the exp enclosure); Higham, <i>Accuracy and Stability of Numerical
 * Algorithms</i>, 2nd ed., SIAM 2002 (binary64); Commons Numbers 1.3 (NUMBERS-207, the {@code compareTo} fix).
 */
package org.mpgref.numbers;
