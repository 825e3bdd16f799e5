/**
 * Bounds on work and memory, enforced before they are spent, and cooperative cancellation. Concept: the resource
 * contract of every computation — input size, number size (decimal digits), estimated work units and denominator
 * size ({@link org.mpgref.limits.Limits}, installed per thread), the one-line refusal that names the figure, the limit
 * and the option that raises it ({@link org.mpgref.limits.LimitExceededException}), and interruption of long loops by
 * the standard Java mechanism ({@link org.mpgref.limits.Cancellation}, {@link org.mpgref.limits.CancelledException}).
 *
 * <p>Layering: a bottom package just above {@code numbers}, the only mpgref package it may use (today it uses none);
 * every other package may use it.
 *
 * <p>Sources: specs/limits.md (every limit, its default, unit, option and measured refusals).
 */
package org.mpgref.limits;
