package org.mpgref.dynamics;

/**
 * Why a run ended.
 *
 * @param kind one of the constants of this record ({@link #ITERATIONS}, {@link #L1}, {@link #FIXED_POINT},
 *     {@link #SIZE}, {@link #GAP}) or a rule's own word
 * @param reason one line saying what was reached (may be empty)
 */
public record Stop(String kind, String reason) {
  /** The iteration budget was spent. */
  public static final String ITERATIONS = "iterations";
  /** The L1 change fell below the threshold (the published codes' rule). */
  public static final String L1 = "l1";
  /** The policy did not change (an exact fixed point). */
  public static final String FIXED_POINT = "fixed-point";
  /** The next iterate or its evaluation would pass a size or work limit; it was not computed. */
  public static final String SIZE = "size";
  /** The Nash gap fell below the threshold. */
  public static final String GAP = "gap";
}
