package org.mpgref.game;

import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.numbers.Rationals;

/** Validation of exact probability distributions (rows of policies, transition rows, initial distributions). */
public final class Distributions {
  private Distributions() {}

  /**
   * Checks that {@code p} is a probability distribution: every entry non-negative and the sum exactly 1.
   *
   * @param p the entries
   * @param what the entry's name used in the error, e.g. {@code "pi_2(.|s=0)"}
   * @throws InvalidGameException naming {@code what} if an entry is negative, the sum differs from 1 or p is empty
   */
  public static void require(BigFraction[] p, String what) {
    if (p.length == 0) {
      throw new InvalidGameException(what + " is empty; a distribution needs at least one entry");
    }
    for (int k = 0; k < p.length; k++) {
      if (p[k].signum() < 0) {
        throw new InvalidGameException(what + "[" + k + "] = " + Rationals.format(p[k])
            + " is negative; probabilities must be >= 0");
      }
    }
    BigFraction s = Rationals.sum(p);
    if (!s.equals(BigFraction.ONE)) {
      throw new InvalidGameException(what + " sums to " + Rationals.format(s) + "; it must sum to exactly 1");
    }
  }

}
