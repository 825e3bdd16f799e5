/**
 * The model: finite discounted Markov games and product policies, with exact rational data. Concept:
 * G = (N, S, {A_i}, P, {r_i}, γ, ρ) ({@link org.mpgref.game.MarkovGame}), stored as dense tables over joint actions
 * ({@link org.mpgref.game.TabularMarkovGame}, joint actions indexed by {@link org.mpgref.game.JointActions}, agent 0
 * fastest) or by count vectors ({@link org.mpgref.game.AnonymousMarkovGame}); what a game answers at one state under
 * a policy ({@link org.mpgref.game.StageExpectation}); a declared stage potential φ and the sufficient condition
 * under which it is a Markov potential ({@link org.mpgref.game.StagePotential}); product policies
 * π_i(·|s) ∈ Δ(A_i) ({@link org.mpgref.game.Policy}) and their double twins ({@link org.mpgref.game.DoubleMarkovGame},
 * {@link org.mpgref.game.DoublePolicy}); validation with one-line errors
 * ({@link org.mpgref.game.InvalidGameException}, {@link org.mpgref.game.Distributions}).
 *
 * <p>Layering: depends only on {@code numbers} and {@code limits}. Everything that analyses a game
 * ({@code evaluation}, {@code potential}, {@code dynamics}, {@code theory}) sits above it, and it never depends on
 * those, on {@code catalog} or on code outside the core.
 *
 * <p>Sources: Leonardos, Overman, Panageas, Piliouras, ICLR 2022 (arXiv 2106.01969), §2; Fox, McAleer, Overman,
 * Panageas, AISTATS 2022, §2; specs/markov-game.md, specs/policy.md, specs/anonymous-games.md.
 */
package org.mpgref.game;
