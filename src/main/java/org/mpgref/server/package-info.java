/**
 * The JSON-lines oracle server ({@code mpgref serve}). Concept: one request per line, one response per line, so that
 * a test suite in another language can keep one process open and ask exact questions (evaluate, best response, Nash
 * gap, check potential) about loaded games ({@link org.mpgref.server.OracleServer}), with strict request fields
 * ({@link org.mpgref.server.Params}), a request-line length limit that holds before a line is kept
 * ({@link org.mpgref.server.RequestReader}), a time limit per request on one worker thread
 * ({@link org.mpgref.server.Worker}), and a memory budget of loaded games ({@link org.mpgref.server.GameSize},
 * {@link org.mpgref.server.ServerConfig}).
 *
 * <p>Layering: outside the core. May depend on the core and on {@code io}; no core package depends on it.
 *
 * <p>Sources: specs/server.md; specs/limits.md.
 */
package org.mpgref.server;
