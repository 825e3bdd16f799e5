package org.mpgref.stability;

import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.numbers.Rationals;

/**
 * A proven enclosure lo ≤ gap ≤ hi of a PSE gap (value units: discounted reward, those of V), with 0 ≤ lo ≤ hi. A
 * point (lo = hi) is the exact gap. Printed as the exact rational, or as {@code [lo, hi]}: never a bare double.
 * Immutable.
 *
 * @param lo the lower end, ≥ 0
 * @param hi the upper end, ≥ lo
 */
public record GapEnclosure(BigFraction lo, BigFraction hi) {
  /**
   * Checks the ends.
   *
   * @param lo lower end ≥ 0
   * @param hi upper end ≥ lo
   * @throws IllegalArgumentException if lo &lt; 0 or lo &gt; hi
   */
  public GapEnclosure {
    if (lo.signum() < 0 || Rationals.compare(lo, hi) > 0) {
      throw new IllegalArgumentException("gap enclosure [" + Rationals.format(lo) + ", " + Rationals.format(hi)
          + "] needs 0 <= lo <= hi");
    }
  }

  /**
   * The exact gap as a point enclosure.
   *
   * @param gap the gap, ≥ 0
   * @return [gap, gap]
   * @throws IllegalArgumentException if gap &lt; 0
   */
  public static GapEnclosure exact(BigFraction gap) {
    return new GapEnclosure(gap, gap);
  }

  /**
   * The enclosure of a gap known to be within w of a computed value ĝ: [max(0, ĝ − w), ĝ + w] (the true gap is ≥ 0).
   *
   * @param center ĝ, the gap computed in the rational game
   * @param width w ≥ 0, the proven bound on |gap − ĝ|
   * @return the enclosure
   * @throws IllegalArgumentException if w &lt; 0 or ĝ + w &lt; 0
   */
  public static GapEnclosure around(BigFraction center, BigFraction width) {
    if (width.signum() < 0) {
      throw new IllegalArgumentException("enclosure width " + Rationals.format(width) + " must be >= 0");
    }
    BigFraction lo = center.subtract(width);
    return new GapEnclosure(lo.signum() < 0 ? BigFraction.ZERO : lo, center.add(width));
  }

  /**
   * @return true iff lo = hi (the gap is known exactly)
   */
  public boolean isExact() {
    return Rationals.compare(lo, hi) == 0;
  }

  /**
   * @return the exact gap
   * @throws IllegalStateException if the enclosure is not a point
   */
  public BigFraction value() {
    if (!isExact()) {
      throw new IllegalStateException("the gap is only enclosed in " + format() + ", not known exactly");
    }
    return lo;
  }

  /**
   * @param x a value
   * @return true iff lo ≤ x ≤ hi
   */
  public boolean contains(BigFraction x) {
    return Rationals.compare(lo, x) <= 0 && Rationals.compare(x, hi) <= 0;
  }

  /**
   * The larger of two enclosures, end by end: encloses max(x, y) when this encloses x and the other y.
   *
   * @param other the other enclosure
   * @return [max(lo, lo'), max(hi, hi')]
   */
  public GapEnclosure max(GapEnclosure other) {
    return new GapEnclosure(Rationals.compare(lo, other.lo) >= 0 ? lo : other.lo,
        Rationals.compare(hi, other.hi) >= 0 ? hi : other.hi);
  }

  /**
   * @return the exact rational ({@link Rationals#format}) if a point, else {@code [lo, hi]}
   */
  public String format() {
    return isExact() ? Rationals.format(lo) : "[" + Rationals.format(lo) + ", " + Rationals.format(hi) + "]";
  }
}
