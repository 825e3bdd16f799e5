/**
 * Exact audits of published experiments. Concept: re-running the distancing-game experiments of the seed papers
 * with exact evaluation of every iterate — Nash gaps, potential, monotonicity and the theory constants — and
 * reporting where the published settings meet or miss what the theorems assume
 * ({@link org.mpgref.audit.DistancingAudit}), and, with {@code --report DIR}, a Markdown report with the figure of
 * the exact Nash gaps ({@link org.mpgref.audit.DistancingReport}, drawn by {@code org.mpgref.report}).
 *
 * <p>Layering: outside the core. May depend on every core package; no core package depends on it.
 *
 * <p>Sources: Leonardos et al., ICLR 2022 (arXiv 2106.01969), §5; Fox et al., AISTATS 2022, §4.1; Ding et al.,
 * ICML 2022; code {@code willoverman/MPG_experiments@9bf9a971f9e21f12f7545b462c1f41a31f1123d5:congestionMPG_plots.py};
 * specs/audit-distancing.md.
 */
package org.mpgref.audit;
