package org.mpgref.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.catalog.DistancingGame;

/** {@link DoubleTwinCheck}: the first number without a faithful double is named with its indices and the reason. */
class DoubleTwinCheckTest {
  private static final BigFraction TINY = BigFraction.of(BigInteger.ONE, BigInteger.TEN.pow(400));
  private static final BigFraction HUGE = BigFraction.of(BigInteger.TEN.pow(400));

  /** One agent with two actions, two states; reward (s, a) = base, transition rows given. */
  private static TabularMarkovGame game(BigFraction gamma, BigFraction[] rho, BigFraction r01, BigFraction p10) {
    BigFraction z = BigFraction.ZERO;
    BigFraction one = BigFraction.ONE;
    BigFraction[][][] r = {{{one}, {r01}}, {{z}, {one}}};
    BigFraction[][][] p = {{{one, z}, {z, one}}, {{p10, one.subtract(p10)}, {z, one}}};
    return TabularMarkovGame.of("g", new int[] {2}, gamma, rho, r, p);
  }

  private static final BigFraction[] RHO = {BigFraction.of(1, 2), BigFraction.of(1, 2)};
  private static final BigFraction HALF = BigFraction.of(1, 2);

  @Test
  void aTameGameHasATwin() {
    assertThat(DoubleTwinCheck.problem(game(HALF, RHO, BigFraction.of(3), HALF))).isEmpty();
    assertThat(DoubleTwinCheck.problem(DistancingGame.of(DistancingGame.published(8)))).isEmpty();
  }

  @Test
  void eachKindOfEntryIsNamed() {
    assertThat(DoubleTwinCheck.problem(game(HALF, RHO, HUGE, HALF))).hasValue(
        "reward r[0][0][1] (agent 0, state 0, joint action 1) = about 1e400 is beyond double range");
    assertThat(DoubleTwinCheck.problem(game(HALF, RHO, BigFraction.ONE, TINY))).hasValue(
        "transition P[1][0][0] (state 1, joint action 0, next state 0) = about 1e-400 underflows to 0 in double");
    assertThat(DoubleTwinCheck.problem(game(HALF, new BigFraction[] {TINY, BigFraction.ONE.subtract(TINY)},
        BigFraction.ONE, HALF))).hasValue("initial distribution rho[0] (state 0) = about 1e-400 underflows to 0 in"
        + " double");
    assertThat(DoubleTwinCheck.problem(game(BigFraction.ONE.subtract(TINY), RHO, BigFraction.ONE, HALF)).orElseThrow())
        .startsWith("gamma = ").endsWith("rounds to 1 in double (1/(1-gamma) would be infinite)");
    // a finite double reward whose values |r|/(1-gamma) overflow
    BigFraction big = BigFraction.from(1e307);
    assertThat(DoubleTwinCheck.problem(game(BigFraction.of(99, 100), RHO, big, HALF)).orElseThrow())
        .startsWith("reward r[0][0][1]").contains("values up to |r|/(1-gamma) = about 1e309");
  }
}
