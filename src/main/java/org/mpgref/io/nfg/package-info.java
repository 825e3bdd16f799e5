/**
 * Gambit {@code .nfg} (strategic form) files, exactly: {@link org.mpgref.io.nfg.NfgReader} reads the payoff and the
 * outcome versions with {@code source:L:C} errors, {@link org.mpgref.io.nfg.NfgWriter} writes either version,
 * {@link org.mpgref.io.nfg.NfgGame} holds the game and converts it to a one-state Markov game, and
 * {@link org.mpgref.io.nfg.NfgExport} exports the stage game of every state of a Markov game. Specification:
 * specs/nfg.md.
 */
package org.mpgref.io.nfg;
