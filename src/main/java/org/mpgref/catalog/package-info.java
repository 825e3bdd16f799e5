/**
 * Named games with provenance: the published experiment games and the project's own counterexamples, as data.
 * Concept: a library of concrete Markov games — the distancing game ({@link org.mpgref.catalog.DistancingGame}), the
 * routing game of the INPG code ({@link org.mpgref.catalog.RoutingGame}), seeded random dense games
 * ({@link org.mpgref.catalog.RandomTabularGame}), a game with potential state games that is not an MPG
 * ({@link org.mpgref.catalog.PotentialStatesNotMpg}) and an MPG with a zero-sum state game
 * ({@link org.mpgref.catalog.ZeroSumStateMpg}) — and the registry that names them with their parameters and
 * published defaults ({@link org.mpgref.catalog.Catalog}, {@link org.mpgref.catalog.CatalogGame}).
 *
 * <p>Layering: depends on the model only — {@code game}, {@code numbers}, {@code limits} (and {@code linalg} if
 * needed); never on {@code evaluation}, {@code potential}, {@code dynamics}, {@code theory} or code outside the
 * core (checked by LayeringTest). Whatever analyses a catalog game lives in those packages or in the tests.
 *
 * <p>Sources: Leonardos et al., ICLR 2022 (arXiv 2106.01969), §5, code
 * {@code willoverman/MPG_experiments@9bf9a971f9e21f12f7545b462c1f41a31f1123d5:congestionMPG_plots.py}; Fox et al.,
 * AISTATS 2022, code {@code willoverman/MPG_experiments@9bf9a971f9e21f12f7545b462c1f41a31f1123d5:npg_routing.py};
 * specs/distancing-game.md, specs/routing-game.md, specs/counterexample-games.md and the proofs-notes they cite.
 */
package org.mpgref.catalog;
