/**
 * Conformance vectors for other implementations. Concept: games with policies and their exact expected results
 * (values, Q̄, Ā, d, best responses, Nash gaps), written and re-checked as JSON files
 * ({@link org.mpgref.conformance.ConformanceVectors}).
 *
 * <p>Layering: outside the core. May depend on the core and on {@code io}; no core package depends on it.
 *
 * <p>Sources: specs/vectors/README.md; specs/formats.md.
 */
package org.mpgref.conformance;
