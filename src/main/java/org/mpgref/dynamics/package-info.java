/**
 * Independent learning dynamics with exact-model (oracle) gradients. Concept: the per-agent, per-state updates of
 * independent policy gradient (IPG), projected Q-ascent, independent natural policy gradient (INPG) and policy
 * mirror descent (Euclidean and KL), run exactly on rationals where the map is rational and in double otherwise,
 * and the recorded iterates of a run ({@code Algorithm}, {@code ExactDynamics}, {@code DoubleDynamics},
 * {@code PolicyMirrorDescent}, {@code ExactIterate}, {@code Iterate}).
 *
 * <p>Layering: depends on {@code evaluation}, {@code game}, {@code linalg}, {@code numbers} and {@code limits}
 * (and may use {@code potential}); never on {@code theory}, {@code catalog} or code outside the core.
 *
 * <p>Sources: Leonardos et al., ICLR 2022 (arXiv 2106.01969), §4 (IPG); Ding, Wei, Zhang, Jovanović, ICML 2022,
 * Algorithm 1 (projected Q-ascent); Fox et al., AISTATS 2022, Lemma 2.1 (INPG); Alatur, Barakat, He, arXiv
 * 2408.08075, §IV, eqs. (2) and (3) (policy mirror descent); specs/independent-policy-gradient.md,
 * specs/projected-q-ascent.md, specs/independent-natural-policy-gradient.md, specs/policy-mirror-descent.md.
 */
package org.mpgref.dynamics;
