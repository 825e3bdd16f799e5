package org.mpgref.game;

import java.math.BigInteger;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.mpgref.limits.Cancellation;
import org.mpgref.numbers.Rationals;

/**
 * Whether the numbers of an exact game have a faithful double twin ({@link MarkovGame#toDouble()}): every number the
 * double world uses must be a finite double, and every probability or step that is non-zero exactly must stay
 * non-zero in double. A double computation on a game without a faithful twin would produce ∞ or NaN, or silently
 * drop an event of positive probability, so double commands refuse it before any work, naming the first entry that
 * fails (specs/exact-vs-double.md).
 *
 * <p>Checked: γ (finite, and γ &lt; 1 in double: a γ that rounds to 1 makes 1/(1−γ) infinite); ρ(s) and P(s'|s,a)
 * (finite, non-zero when non-zero); r_i(s,a) and φ(s,a) (finite), and |r_i(s,a)|/(1−γ), the bound on the values, too. Indices: reward {@code r[i][s][j]} is agent i,
 * state s, joint action j in agent-0-fastest order ({@link JointActions#index}); transition {@code P[s][j][s']}.
 * Enumeration over joint actions is done only up to {@link #MAX_ENTRIES} entries, and never for an
 * {@link AnonymousMarkovGame} (its joint actions are not stored): there only the reward range is checked (both ends
 * finite ⇒ every reward finite); the rest of such a game is not checked.
 */
public final class DoubleTwinCheck {
  /** Largest number of (state, joint action) entries enumerated. */
  public static final long MAX_ENTRIES = 20_000_000L;

  private static final double LOG10_2 = Math.log10(2);

  private DoubleTwinCheck() {}

  /**
   * The first number of the game without a faithful double twin.
   *
   * @param game the exact game (unwrapped: not a catalog wrapper, so that anonymous games are recognised)
   * @return e.g. {@code "reward r[2][0][5] (agent 2, state 0, joint action 5) = about 1e400 is beyond double range"},
   *     or empty if every checked number has a faithful twin
   */
  public static Optional<String> problem(MarkovGame game) {
    @Nullable String p = gammaAndRho(game);
    if (p != null) {
      return Optional.of(p);
    }
    int n = game.agentCount();
    int states = game.stateCount();
    int[] counts = new int[n];
    double joint = 1;
    for (int i = 0; i < n; i++) {
      counts[i] = game.actionCount(i);
      joint *= counts[i];
    }
    if (game instanceof AnonymousMarkovGame || joint * states > MAX_ENTRIES) {
      if (game instanceof AnonymousMarkovGame) {
        BigFraction[] range = ((AnonymousMarkovGame) game).rewardRange();
        for (BigFraction x : range) {
          if (!Double.isFinite(x.doubleValue())) {
            return Optional.of("a reward = " + magnitude(x) + " is beyond double range");
          }
          @Nullable String v = valueRange(game, x, "a reward");
          if (v != null) {
            return Optional.of(v);
          }
        }
      }
      return Optional.empty();
    }
    int j = (int) joint;
    Optional<StagePotential> phi = game.potential();
    int[] a = new int[n];
    for (int s = 0; s < states; s++) {
      for (int k = 0; k < j; k++) {
        Cancellation.check();
        JointActions.decode(counts, k, a);
        for (int i = 0; i < n; i++) {
          BigFraction r = game.reward(i, s, a);
          String entry = "reward r[" + i + "][" + s + "][" + k + "] (agent " + i + ", state " + s + ", joint action "
              + k + ")";
          if (!Double.isFinite(r.doubleValue())) {
            return Optional.of(entry + " = " + magnitude(r) + " is beyond double range");
          }
          @Nullable String v = valueRange(game, r, entry);
          if (v != null) {
            return Optional.of(v);
          }
        }
        for (int t = 0; t < states; t++) {
          @Nullable String why = probability(game.transition(s, a, t));
          if (why != null) {
            return Optional.of("transition P[" + s + "][" + k + "][" + t + "] (state " + s + ", joint action " + k
                + ", next state " + t + ") " + why);
          }
        }
        if (phi.isPresent()) {
          BigFraction f = phi.get().phi(s, a);
          if (!Double.isFinite(f.doubleValue())) {
            return Optional.of("potential phi[" + s + "][" + k + "] (state " + s + ", joint action " + k + ") = "
                + magnitude(f) + " is beyond double range");
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Values are bounded by |r|/(1−γ); a reward whose bound overflows double makes the double evaluation infinite.
   */
  private static @Nullable String valueRange(MarkovGame game, BigFraction reward, String entry) {
    double r = Math.abs(reward.doubleValue());
    double scale = 1 - game.discount().doubleValue();
    if (r != 0 && !Double.isFinite(r / scale)) {
      return entry + " = " + magnitude(reward) + " is a double, but values up to |r|/(1-gamma) = "
          + magnitude(reward.abs().divide(BigFraction.ONE.subtract(game.discount()))) + " are beyond double range";
    }
    return null;
  }

  private static @Nullable String gammaAndRho(MarkovGame game) {
    BigFraction gamma = game.discount();
    double g = gamma.doubleValue();
    if (gamma.signum() > 0 && g == 0) {
      return "gamma = " + magnitude(gamma) + " underflows to 0 in double";
    }
    if (gamma.signum() > 0 && g >= 1) {
      return "gamma = " + Rationals.format(gamma) + " rounds to 1 in double (1/(1-gamma) would be infinite)";
    }
    for (int s = 0; s < game.stateCount(); s++) {
      @Nullable String why = probability(game.initial(s));
      if (why != null) {
        return "initial distribution rho[" + s + "] (state " + s + ") " + why;
      }
    }
    return null;
  }

  /**
   * Why a non-negative exact probability or step has no faithful double, or null if it has one.
   *
   * @param x the exact number
   * @return {@code "= about 1e-400 underflows to 0 in double"}, {@code "= ... is beyond double range"} or null
   */
  public static @Nullable String probability(BigFraction x) {
    double d = x.doubleValue();
    if (!Double.isFinite(d)) {
      return "= " + magnitude(x) + " is beyond double range";
    }
    if (d == 0 && x.signum() != 0) {
      return "= " + magnitude(x) + " underflows to 0 in double";
    }
    return null;
  }

  /**
   * A short description of a number's size that never prints thousands of digits.
   *
   * @param x a rational
   * @return {@code Rationals.format(x)} if short (at most 40 characters), else {@code "about 1e400"}
   */
  public static String magnitude(BigFraction x) {
    String exact = Rationals.format(x);
    if (exact.length() <= 40) {
      return exact;
    }
    BigInteger num = x.getNumerator().abs();
    BigInteger den = x.getDenominator().abs();
    double log = log10(num) - log10(den);
    long e = Math.round(Math.floor(log));
    return "about " + (x.signum() < 0 ? "-" : "") + "1e" + e;
  }

  private static double log10(BigInteger v) {
    int bits = v.bitLength();
    if (bits < 1000) {
      return Math.log10(v.doubleValue());
    }
    int shift = bits - 60;
    return Math.log10(v.shiftRight(shift).doubleValue()) + shift * LOG10_2;
  }
}
