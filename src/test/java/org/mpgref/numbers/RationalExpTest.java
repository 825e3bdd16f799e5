package org.mpgref.numbers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mpgref.testkit.ExactAssertions.assertThatExact;
import static org.quicktheories.generators.SourceDSL.integers;

import java.math.BigInteger;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.testkit.Seeds;

/**
 * The rational enclosures of exp (proofs-notes/monotone-inpg.md §2): they contain e^x for known constants, are
 * consistent with e^x e^{−x} = 1 and e^{x+y} = e^x e^y exactly, and are narrow.
 */
class RationalExpTest {
  /** e to 60 decimals: 2.718281828459045235360287471352662497757247093699959574966967 (truncated). */
  private static final BigFraction E_LOW = BigFraction.of(
      new BigInteger("2718281828459045235360287471352662497757247093699959574966967"), BigInteger.TEN.pow(60));
  private static final BigFraction E_HIGH = E_LOW.add(BigFraction.of(BigInteger.ONE, BigInteger.TEN.pow(60)));

  @Test
  void enclosesEulersNumberAndItsInverse() {
    for (int digits : new int[] {5, 20, 40}) {
      RationalExp.Enclosure e = RationalExp.exp(BigFraction.ONE, digits);
      assertThatExact(e.lo()).isLessThanOrEqualTo(E_HIGH); // lo ≤ e
      assertThatExact(e.hi()).isGreaterThanOrEqualTo(E_LOW); // e ≤ hi
      assertThatExact(e.width()).isLessThanOrEqualTo(BigFraction.of(BigInteger.valueOf(4), BigInteger.TEN.pow(digits)));
      RationalExp.Enclosure inv = RationalExp.exp(BigFraction.of(-1), digits);
      assertThatExact(inv.lo().multiply(E_LOW)).isLessThanOrEqualTo(BigFraction.ONE);
      assertThatExact(inv.hi().multiply(E_HIGH)).isGreaterThanOrEqualTo(BigFraction.ONE);
    }
  }

  @Test
  void zeroIsExactlyOneAndBadArgumentsAreRefused() {
    RationalExp.Enclosure e = RationalExp.exp(BigFraction.ZERO, 3);
    assertThat(e.lo()).isEqualTo(BigFraction.ONE);
    assertThat(e.hi()).isEqualTo(BigFraction.ONE);
    assertThatThrownBy(() -> RationalExp.exp(BigFraction.of(65), 10)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exceeds 64");
    assertThatThrownBy(() -> RationalExp.exp(BigFraction.ONE, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  /** lo(x)·lo(−x) ≤ 1 ≤ hi(x)·hi(−x), and the enclosures of e^{x+y} and e^x·e^y overlap, for random rational x, y. */
  @Test
  void enclosuresAreConsistentWithTheFunctionalEquation() {
    Seeds.property("expEnclosureConsistency", 4701L, 60)
        .forAll(integers().between(-400, 400), integers().between(1, 97), integers().between(-4000, 4000))
        .checkAssert((num, den, num2) -> {
          BigFraction x = BigFraction.of(num, den * 10);
          BigFraction y = BigFraction.of(num2, 997);
          RationalExp.Enclosure ex = RationalExp.exp(x, 25);
          RationalExp.Enclosure emx = RationalExp.exp(x.negate(), 25);
          assertThatExact(ex.lo().multiply(emx.lo())).as("x=%s", x).isLessThanOrEqualTo(BigFraction.ONE);
          assertThatExact(ex.hi().multiply(emx.hi())).as("x=%s", x).isGreaterThanOrEqualTo(BigFraction.ONE);
          RationalExp.Enclosure ey = RationalExp.exp(y, 25);
          RationalExp.Enclosure exy = RationalExp.exp(x.add(y), 25);
          assertThatExact(exy.lo()).isLessThanOrEqualTo(ex.hi().multiply(ey.hi()));
          assertThatExact(exy.hi()).isGreaterThanOrEqualTo(ex.lo().multiply(ey.lo()));
          assertThatExact(ex.lo()).isLessThanOrEqualTo(ex.hi());
          // sanity against the double exp, not part of the proof (the enclosure is accurate to 10^-25 absolutely)
          double exact = Math.exp(x.doubleValue());
          assertThat(Math.abs(ex.lo().doubleValue() - exact)).as("x=%s", x)
              .isLessThanOrEqualTo(1e-13 * Math.max(1, exact));
        });
  }

  /** The directed Horner evaluations bracket the exact Taylor polynomial. */
  @Test
  void directedHornerBracketsTheExactTaylorPolynomial() {
    for (BigFraction z : new BigFraction[] {BigFraction.of(1, 3), BigFraction.of(7, 2), BigFraction.of(123, 10)}) {
      int n = RationalExp.degree(z, 20);
      BigFraction exact = RationalExp.taylor(z, n);
      assertThatExact(RationalExp.horner(z, n, 20, false)).isLessThanOrEqualTo(exact);
      assertThatExact(RationalExp.horner(z, n, 20, true)).isGreaterThanOrEqualTo(exact);
      assertThatExact(RationalExp.horner(z, n, 20, true).subtract(RationalExp.horner(z, n, 20, false)))
          .isLessThanOrEqualTo(BigFraction.of(BigInteger.ONE, BigInteger.TEN.pow(20)));
    }
    assertThat(RationalExp.floor(BigFraction.of(-7, 2))).isEqualTo(BigInteger.valueOf(-4));
    assertThat(RationalExp.ceil(BigFraction.of(-7, 2))).isEqualTo(BigInteger.valueOf(-3));
    assertThat(RationalExp.floor(BigFraction.of(7, 2))).isEqualTo(BigInteger.valueOf(3));
  }
}
