/**
 * Reports for people: PNG figures drawn headless ({@link org.mpgref.report.LogPlot}, a log-scale line chart drawn
 * with XChart) and Markdown documents that link them ({@link org.mpgref.report.MarkdownReport}); both written all or
 * nothing through {@link org.mpgref.io.OutputFiles}. Concept: the audits print exact numbers; a report adds the
 * pictures of them, computed from the same exact values and converted to double for display only.
 *
 * <p>Layering: outside the core. May depend on io; no core package (numbers, game, linalg, mdp, evaluation,
 * potential, dynamics, theory, catalog, limits, performative) depends on it (LayeringTest); audit and cli may.
 *
 * <p>Sources: XChart (org.knowm.xchart:xchart 3.8.8, knowm/XChart, Apache-2.0); CommonMark 0.31.2;
 * specs/audit-distancing.md ("--report").
 */
package org.mpgref.report;
