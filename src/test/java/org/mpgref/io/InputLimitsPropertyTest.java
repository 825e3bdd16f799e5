package org.mpgref.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.io.nfg.NfgReader;
import org.mpgref.limits.LimitExceededException;
import org.mpgref.limits.Limits;
import org.mpgref.testkit.Seeds;

/**
 * Issue 9: the input limits never refuse an input below them. Random exact numbers whose numerator and denominator
 * have up to the digit limit's digits are read, in every written form (integer, fraction, decimal string, JSON number,
 * .nfg payoff), and one digit more is refused; random documents of at most the size limit are read.
 */
class InputLimitsPropertyTest {
  /** A random positive integer with exactly {@code digits} digits. */
  static BigInteger withDigits(SplittableRandom r, int digits) {
    StringBuilder b = new StringBuilder();
    b.append((char) ('1' + r.nextInt(9)));
    for (int k = 1; k < digits; k++) {
      b.append((char) ('0' + r.nextInt(10)));
    }
    return new BigInteger(b.toString());
  }

  @Test
  void numbersWithinTheDigitLimitAreReadInEveryFormAndOneDigitMoreIsRefused() {
    Seeds.property("digitLimitNeverRefusesBelow", 9111L, 200)
        .forAll(longs().all(), integers().between(1, 60), integers().between(1, 60), integers().between(0, 2))
        .checkAssert((seed, limit, rawDigits, form) -> {
          SplittableRandom r = new SplittableRandom(seed);
          int digits = Math.min(rawDigits, limit);
          BigInteger p = withDigits(r, digits);
          BigInteger q = withDigits(r, 1 + r.nextInt(digits));
          boolean negative = r.nextBoolean();
          try (Limits.Scope s = Limits.DEFAULT.withMaxNumberDigits(limit).install()) {
            String sign = negative ? "-" : "";
            BigFraction integer = BigFraction.of(negative ? p.negate() : p);
            // integer: text, JSON integer, .nfg payoff
            assertThat(ExactNumbers.parse(sign + p, "x")).isEqualTo(integer);
            assertThat(ExactNumbers.read(Json.parse("[" + sign + p + "]", "d").get(0), "x")).isEqualTo(integer);
            assertThat(NfgReader.parseNumber(sign + p, "n")).isEqualTo(integer);
            // a fraction as written
            BigFraction frac = BigFraction.of(negative ? p.negate() : p, q);
            assertThat(ExactNumbers.parse(sign + p + "/" + q, "x")).isEqualTo(frac);
            assertThat(NfgReader.parseNumber(sign + p + "/" + q, "n")).isEqualTo(frac);
            // a decimal p·10^e whose reduced value is within the limit: integers p·10^k, and p/10^k with k small
            // enough that the reduced denominator 10^k/gcd fits
            int k = r.nextInt(limit - digits + 1);
            String text = form == 0 ? sign + p + "e" + k
                : form == 1 ? sign + p + "E+" + k : sign + new BigDecimal(p, -k).toPlainString();
            BigFraction big = BigFraction.of((negative ? p.negate() : p).multiply(BigInteger.TEN.pow(k)));
            assertThat(ExactNumbers.parse(text, "x")).isEqualTo(big);
            assertThat(ExactNumbers.read(Json.parse("[" + text + "]", "d").get(0), "x")).isEqualTo(big);
            int m = r.nextInt(limit); // 10^m has m + 1 <= limit digits
            BigDecimal small = new BigDecimal(p, m);
            BigFraction expected = BigFraction.of(negative ? p.negate() : p, BigInteger.TEN.pow(m));
            if (ExactNumbers.digits(expected.getNumerator()) <= limit) {
              String dec = sign + small.toPlainString();
              assertThat(ExactNumbers.parse(dec, "x")).isEqualTo(expected);
              assertThat(ExactNumbers.read(Json.parse("[" + dec + "]", "d").get(0), "x")).isEqualTo(expected);
              assertThat(NfgReader.parseNumber(dec, "n")).isEqualTo(expected);
            }
            // one digit more is refused, naming the entry and the option
            BigInteger over = withDigits(r, limit + 1);
            assertThatThrownBy(() -> ExactNumbers.parse(over.toString(), "rewards[0][1]"))
                .isInstanceOf(LimitExceededException.class).hasMessageStartingWith("rewards[0][1]: ")
                .hasMessageContaining("needs " + (limit + 1) + " digits; the limit is " + limit + " digits");
            assertThatThrownBy(() -> ExactNumbers.parse("1/" + over, "x"))
                .isInstanceOf(LimitExceededException.class).hasMessageContaining("--max-digits");
            assertThatThrownBy(() -> ExactNumbers.parse("1e" + limit, "x"))
                .isInstanceOf(LimitExceededException.class).hasMessageContaining("--max-digits");
            assertThatThrownBy(() -> ExactNumbers.parse("1e-" + limit, "x"))
                .isInstanceOf(LimitExceededException.class).hasMessageContaining("--max-digits");
            assertThatThrownBy(() -> Json.parse("[" + over + "]", "d"))
                .isInstanceOf(LimitExceededException.class).hasMessageStartingWith("d: [0]: the integer");
          }
        });
  }

  @Test
  void documentsWithinTheSizeLimitAreRead() {
    Seeds.property("sizeLimitNeverRefusesBelow", 9102L, 100)
        .forAll(longs().all(), integers().between(1, 4000))
        .checkAssert((seed, length) -> {
          SplittableRandom r = new SplittableRandom(seed);
          // a random array of small numbers, strings (some non-ASCII) and nested arrays, about `length` chars
          StringBuilder b = new StringBuilder("[0");
          while (b.length() < length) {
            switch (r.nextInt(4)) {
              case 0:
                b.append(',').append(r.nextInt(1000));
                break;
              case 1:
                b.append(",\"s").append(r.nextInt(10)).append("\u00e9\"");
                break;
              case 2:
                b.append(",[1.5e-3,\"1/3\"]");
                break;
              default:
                b.append(", ").append(r.nextInt(7)).append(".25");
            }
          }
          String doc = b.append(']').toString();
          byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
          try (Limits.Scope s = Limits.DEFAULT.withMaxInputBytes(bytes.length).install()) {
            JsonNode fromBytes = Json.parse(new ByteArrayInputStream(bytes), "d");
            assertThat(Json.parse(doc, "d")).isEqualTo(fromBytes);
            assertThat(Json.parse(new java.io.StringReader(doc), "d")).isEqualTo(fromBytes);
          }
          try (Limits.Scope s = Limits.DEFAULT.withMaxInputBytes(bytes.length - 1).install()) {
            assertThatThrownBy(() -> Json.parse(new ByteArrayInputStream(bytes), "d"))
                .isInstanceOf(LimitExceededException.class).hasMessageContaining("--max-input-bytes");
          }
        });
  }
}
