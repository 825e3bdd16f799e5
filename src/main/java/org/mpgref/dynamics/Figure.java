package org.mpgref.dynamics;

import java.util.EnumSet;
import java.util.Set;

/** The per-iterate figures a standard recorder can keep ({@link Recorders}). */
public enum Figure {
  /** V_i^{π^t}(ρ) of every agent i. */
  VALUES,
  /** The Nash gap max_i (V_i^{*,π_{−i}}(ρ) − V_i^π(ρ)), computed by best responses (the costly figure). */
  NASH_GAP,
  /** Φ^{π^t}(ρ) for the game's declared stage potential. */
  POTENTIAL,
  /** The L1 change (1/N) Σ_i Σ_s Σ_a |π_i^t(a|s) − π_i^{t−1}(a|s)|. */
  L1_CHANGE;

  /**
   * @return every figure (what {@code learn} records)
   */
  public static Set<Figure> all() {
    return EnumSet.allOf(Figure.class);
  }
}
