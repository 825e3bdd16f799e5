package org.mpgref.mdp;

/** Whether policy iteration maximises or minimises the discounted value. */
public enum Objective {
  /** V*(s) = max_σ V^σ(s). */
  MAXIMISE,
  /** V*(s) = min_σ V^σ(s). */
  MINIMISE;

  /**
   * The sign that turns this objective into maximisation: +1 for {@link #MAXIMISE}, −1 for {@link #MINIMISE}.
   *
   * @return +1 or −1
   */
  public int sign() {
    return this == MAXIMISE ? 1 : -1;
  }
}
