/**
 * The {@code mpgref} command line. Concept: one picocli command per question — {@code eval}, {@code best-response},
 * {@code nash-gap}, {@code check-potential}, {@code learn}, {@code bounds}, {@code convert}, {@code audit},
 * {@code serve}, {@code vectors} ({@link org.mpgref.cli.Main}) — that reads its inputs
 * ({@link org.mpgref.cli.Inputs}), validates parameters before any work ({@link org.mpgref.cli.Params},
 * {@link org.mpgref.cli.LimitOptions}) and renders exact results as tagged lines or JSON
 * ({@link org.mpgref.cli.Tagged}, {@link org.mpgref.cli.OutputOptions}), with one-line errors and exit code 2 on bad
 * input.
 *
 * <p>Layering: the outermost package. May depend on every other package; nothing depends on it.
 *
 * <p>Sources: specs/cli.md; specs/limits.md.
 */
package org.mpgref.cli;
