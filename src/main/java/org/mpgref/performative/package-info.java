/**
 * Performative Markov games: a map from a deployed product policy π̄ to the Markov game G(π̄) it induces
 * (Sahitaj et al., AISTATS 2025, arXiv 2504.20593, §2; Perdomo et al., ICML 2020, arXiv 2002.06673). Concept: the
 * model of an environment that responds to the policy in use — {@link org.mpgref.performative.PerformativeGame},
 * the induced game with its error bounds ({@link org.mpgref.performative.InducedGame}) and the response families
 * built on the existing model. Every induced game is an ordinary {@link org.mpgref.game.MarkovGame}, so evaluation,
 * Nash gaps, best responses and potential checks apply to it unchanged.
 *
 * <p>Layering: part of the model; depends on {@code game}, {@code numbers}, {@code limits} and {@code linalg} only
 * (checked by LayeringTest). Whatever analyses a performative game (PSE gaps, solvers, dynamics) lives elsewhere.
 *
 * <p>Sources: ../shared/reference/performative.md §1 (the authors' code
 * {@code PauliusSasnauskas/performative-mpgs@da85aa20f91e2d0f5e1b57955a363cd66ae830bc}); specs/performative-game.md.
 */
package org.mpgref.performative;
