/**
 * Gambit {@code .nfg} (strategic form) files, exactly: {@link org.mpgref.io.nfg.NfgReader} reads the payoff and the
 * outcome versions with {@code source:L:C} errors, {@link org.mpgref.io.nfg.NfgWriter} writes either version,
 * {@link org.mpgref.io.nfg.NfgGame} holds the game and converts it to a one-state Markov game, and
 * {@link org.mpgref.io.nfg.NfgExport} exports the stage game of every state of a Markov game. Specification:
 * specs/nfg.md.
 *
 * <p>Layering: outside the core, below {@code cli}. May depend on {@code game}, {@code numbers}, {@code limits} and
 * {@code io}; no core package depends on it.
 *
 * <p>Sources: The Gambit Project, documentation, "Game representation formats"
 * (https://gambitproject.readthedocs.io/en/stable/formats.html, the payoff and outcome versions of the strategic
 * game format; source {@code gambitproject/gambit@cb10ed77c952f3a40a57840a7473d33e708817c1:doc/formats.nfgpay.rst}
 * and {@code doc/formats.nfgout.rst}) and its parser
 * {@code gambitproject/gambit@02b9f1102d656c952c7dd5b5ff9e59bbb32b1f09:src/games/file.cc}.
 */
package org.mpgref.io.nfg;
