/**
 * The file formats of mpgref, read strictly and written all or nothing. Concept: the documents a user exchanges with
 * the library — games ({@link org.mpgref.io.GameFormat}), policies ({@link org.mpgref.io.PolicyFormat}), policy
 * histories ({@link org.mpgref.io.PolicyHistoryFormat}), exact results (the results model
 * {@link org.mpgref.io.Result}, built per command by {@link org.mpgref.io.Results} and written as JSON by
 * {@link org.mpgref.io.ResultsFormat}) —
 * with the exact number grammar ({@link org.mpgref.io.ExactNumbers}), the one strict JSON reader and writer
 * ({@link org.mpgref.io.Json}), one-line errors naming source and entry ({@link org.mpgref.io.FormatException},
 * {@link org.mpgref.io.Doc}), name and label integrity ({@link org.mpgref.io.Text}) and atomic output files
 * ({@link org.mpgref.io.OutputFiles}).
 *
 * <p>Layering: outside the core. May depend on every core package (it reads catalog references and writes
 * evaluation and potential-check results); no core package depends on it. Never on {@code cli}, {@code server},
 * {@code audit} or {@code conformance}.
 *
 * <p>Sources: specs/formats.md and the JSON Schemas in specs/formats/.
 */
package org.mpgref.io;
