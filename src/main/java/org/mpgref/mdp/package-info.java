/**
 * Finite discounted Markov decision processes given abstractly (states s, per-state actions k, reward r(s,k), a
 * sparse next-state row P(·|s,k), discount γ) and the one policy-iteration kernel of mpgref (Howard 1960; Puterman
 * 1994, §6.4), exact ({@link org.mpgref.mdp.ExactMdp}) and double ({@link org.mpgref.mdp.DoubleMdp}) as separate
 * types. Best responses, φ_max, the mismatch coefficient and the visitation extremes are all computed by
 * {@link org.mpgref.mdp.PolicyIteration}. Depends on {@code numbers}, {@code linalg} and {@code limits} only.
 */
package org.mpgref.mdp;
