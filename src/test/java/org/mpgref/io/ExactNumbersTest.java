package org.mpgref.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.limits.LimitExceededException;
import org.mpgref.limits.Limits;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mpgref.testkit.Seeds;

/** The number grammar of every format: exact reading of strings and JSON numbers, refusals, exact writing. */
class ExactNumbersTest {
  private static BigFraction f(long p, long q) {
    return BigFraction.of(p, q);
  }

  @Test
  void stringsAreReadExactly() {
    assertThat(ExactNumbers.parse("0.1", "x")).isEqualTo(f(1, 10));
    assertThat(ExactNumbers.parse("1e-3", "x")).isEqualTo(f(1, 1000));
    assertThat(ExactNumbers.parse("-2.5e-3", "x")).isEqualTo(f(-1, 400));
    assertThat(ExactNumbers.parse("2.50E+1", "x")).isEqualTo(f(25, 1));
    assertThat(ExactNumbers.parse("22/15", "x")).isEqualTo(f(22, 15));
    assertThat(ExactNumbers.parse("-6/4", "x")).isEqualTo(f(-3, 2));
    assertThat(ExactNumbers.parse("-7", "x")).isEqualTo(f(-7, 1));
    assertThat(ExactNumbers.parse("007", "x")).isEqualTo(f(7, 1));
    assertThat(ExactNumbers.parse("-0", "x")).isEqualTo(BigFraction.ZERO);
    assertThat(ExactNumbers.parse("0.30000000000000004", "x"))
        .isEqualTo(BigFraction.of(BigInteger.valueOf(30000000000000004L), BigInteger.TEN.pow(17)));
    assertThat(ExactNumbers.parse("1E+400", "x")).isEqualTo(BigFraction.of(BigInteger.TEN.pow(400)));
    assertThat(ExactNumbers.parse("1e-9999", "x")).isEqualTo(BigFraction.of(BigInteger.ONE, BigInteger.TEN.pow(9999)));
    assertThat(ExactNumbers.parse("1e9999", "x")).isEqualTo(BigFraction.of(BigInteger.TEN.pow(9999)));
    assertThat(ExactNumbers.parse("1.5000000e0", "x")).isEqualTo(f(3, 2));
  }

  @Test
  void jsonNumbersAreReadFromTheirTextNeverThroughADouble() {
    JsonNode doc = Json.parse("[0.1, 1e-3, 1e400, 123456789012345678901234567890, 0.30000000000000004, -0.0, 5]", "t");
    assertThat(ExactNumbers.read(doc.get(0), "a")).isEqualTo(f(1, 10));
    assertThat(ExactNumbers.read(doc.get(1), "a")).isEqualTo(f(1, 1000));
    assertThat(ExactNumbers.read(doc.get(2), "a")).isEqualTo(BigFraction.of(BigInteger.TEN.pow(400)));
    assertThat(ExactNumbers.read(doc.get(3), "a"))
        .isEqualTo(BigFraction.of(new BigInteger("123456789012345678901234567890")));
    assertThat(ExactNumbers.read(doc.get(4), "a"))
        .isEqualTo(BigFraction.of(BigInteger.valueOf(30000000000000004L), BigInteger.TEN.pow(17)));
    assertThat(ExactNumbers.read(doc.get(5), "a")).isEqualTo(BigFraction.ZERO);
    assertThat(ExactNumbers.read(doc.get(6), "a")).isEqualTo(f(5, 1));
  }

  @Test
  void aJsonNumberBeyondTheDigitLimitIsRefusedByTheParserWithItsPath() {
    assertThatThrownBy(() -> Json.parse("{\"rewards\": [[0, 1e99999]]}", "t.json"))
        .isInstanceOf(LimitExceededException.class)
        .hasMessageStartingWith("t.json: rewards[0][1]: the number \"1e99999\" needs 100000 digits; the limit is"
            + " 10000 digits (raise it with --max-digits)");
  }

  @Test
  void aDoubleNodeFromAnotherMapperIsRefused() throws Exception {
    JsonNode loose = new ObjectMapper().readTree("0.1");
    assertThatThrownBy(() -> ExactNumbers.read(loose, "gamma")).isInstanceOf(FormatException.class)
        .hasMessageContaining("gamma").hasMessageContaining("double");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " 1", "1 ", "+1", ".5", "5.", "NaN", "nan", "Infinity", "-Infinity", "inf", "1/0",
      "-3/0", "1/-2", "abc", "0x10", "1e", "1e+", "1/2/3", "1.5/2", "\u00bd",
      "1,5", "1_000", "--1", "1\n"})
  void refusedStringsGiveOneLineNamingTheEntry(String text) {
    assertThatThrownBy(() -> ExactNumbers.parse(text, "transitions[1][5][0]"))
        .isInstanceOf(FormatException.class)
        .hasMessageStartingWith("transitions[1][5][0]: ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e10000", "1e-10000", "1e20000", "1e99999999999999999999", "-1e-99999999999999999",
      "0.5e-33220", "2e-14307"})
  void decimalsBeyondTheDigitLimitAreRefusedNamingTheEntryAndTheOption(String text) {
    assertThatThrownBy(() -> ExactNumbers.parse(text, "rewards[2][5]"))
        .isInstanceOf(LimitExceededException.class)
        .hasMessageStartingWith("rewards[2][5]: the ")
        .hasMessageContaining("the limit is 10000 digits (raise it with --max-digits)");
  }

  @Test
  void theDigitLimitCountsTheReducedExactValueOfADecimal() {
    // 5e-10000 = 1/(2·10^9999): the written 10^10000 has 10,001 digits, the reduced denominator 10,000
    assertThat(ExactNumbers.parse("5e-10000", "x")).isEqualTo(BigFraction.of(BigInteger.ONE,
        BigInteger.TWO.multiply(BigInteger.TEN.pow(9999))));
    // trailing zeros and zeros cost nothing
    assertThat(ExactNumbers.parse("1." + "0".repeat(50_000), "x")).isEqualTo(BigFraction.ONE);
    assertThat(ExactNumbers.parse("0.0e99999999999999999999", "x")).isEqualTo(BigFraction.ZERO);
    try (Limits.Scope s = Limits.DEFAULT.withMaxNumberDigits(3).install()) {
      assertThat(ExactNumbers.parse("0.125", "x")).isEqualTo(f(1, 8));
      assertThat(ExactNumbers.parse("999", "x")).isEqualTo(f(999, 1));
      assertThatThrownBy(() -> ExactNumbers.parse("1000", "x")).isInstanceOf(LimitExceededException.class)
          .hasMessage("x: the integer \"1000\" needs 4 digits; the limit is 3 digits (raise it with --max-digits)");
      assertThatThrownBy(() -> ExactNumbers.parse("1/1024", "x")).isInstanceOf(LimitExceededException.class)
          .hasMessageStartingWith("x: the denominator of \"1/1024\" needs 4 digits");
      assertThat(ExactNumbers.parse("0.0625", "x")).isEqualTo(f(1, 16));
      assertThatThrownBy(() -> ExactNumbers.parse("0.0001", "x")).isInstanceOf(LimitExceededException.class)
          .hasMessageStartingWith("x: the denominator of \"0.0001\" needs 5 digits");
    }
  }

  @Test
  void hugeNumberTextIsRefusedFast() {
    String decimal = "0." + "7".repeat(99_998);
    String fraction = "1/" + "3".repeat(20_000);
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> ExactNumbers.parse(decimal, "gamma")).isInstanceOf(LimitExceededException.class)
        .hasMessageStartingWith("gamma: the denominator of \"0.777");
    assertThatThrownBy(() -> ExactNumbers.parse(fraction, "rewards[0][3]"))
        .isInstanceOf(LimitExceededException.class)
        .hasMessageStartingWith("rewards[0][3]: the denominator of \"1/333")
        .hasMessageContaining("needs 20000 digits");
    assertThat(System.nanoTime() - t0).as("refusals build no big number").isLessThan(2_000_000_000L);
  }

  @Test
  void aJsonDecimalIsEchoedAsWritten() {
    String tiny = "0." + "0".repeat(99) + "1";
    JsonNode doc = Json.parse("[" + tiny + ", 1.50e-3]", "t");
    assertThat(((Json.WrittenDecimal) doc.get(0)).written()).isEqualTo(tiny);
    assertThat(ExactNumbers.read(doc.get(1), "a")).isEqualTo(f(3, 2000));
    try (Limits.Scope s = Limits.DEFAULT.withMaxNumberDigits(50).install()) {
      assertThatThrownBy(() -> Json.parse("{\"gamma\": " + tiny + "}", "g.json"))
          .isInstanceOf(LimitExceededException.class)
          .hasMessageStartingWith("g.json: gamma: the denominator of \"0.000")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("E-"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"[NaN]", "[Infinity]", "[-Infinity]", "[0x10]", "[01]", "[1.]", "[.5]", "[+1]"})
  void nonStandardJsonNumbersAreRefusedByTheParser(String doc) {
    assertThatThrownBy(() -> Json.parse(doc, "p.json")).isInstanceOf(FormatException.class)
        .hasMessageStartingWith("p.json: line 1, column ");
  }

  @Test
  void otherNodeTypesAreRefused() {
    JsonNode doc = Json.parse("[true, null, [1], {\"a\": 1}]", "t");
    for (int k = 0; k < 4; k++) {
      int idx = k;
      assertThatThrownBy(() -> ExactNumbers.read(doc.get(idx), "e")).isInstanceOf(FormatException.class)
          .hasMessageContaining("expected a number");
    }
  }

  @Test
  void annotatedNumbersAreCheckedAgainstTheirExactValue() {
    JsonNode ok = Json.parse("{\"exact\": \"22/15\", \"decimal\": \"1.46667\"}", "t");
    assertThat(ExactNumbers.read(ok, "v")).isEqualTo(f(22, 15));
    JsonNode edited = Json.parse("{\"exact\": \"22/15\", \"decimal\": \"1.46666\"}", "t");
    assertThatThrownBy(() -> ExactNumbers.read(edited, "v")).isInstanceOf(FormatException.class)
        .hasMessageContaining("v.decimal");
    JsonNode extra = Json.parse("{\"exact\": 1, \"decimal\": \"1\", \"x\": 2}", "t");
    assertThatThrownBy(() -> ExactNumbers.read(extra, "v")).isInstanceOf(FormatException.class)
        .hasMessageContaining("v.x");
  }

  @Test
  void decimalsAreCorrectlyRoundedSignificantDigits() {
    assertThat(ExactNumbers.format(f(22, 15), 0)).isEqualTo("22/15");
    assertThat(ExactNumbers.format(f(4, 1), 0)).isEqualTo("4");
    assertThat(ExactNumbers.format(f(22, 15), 6)).isEqualTo("22/15 1.46667");
    assertThat(ExactNumbers.decimal(f(1, 3), 3)).isEqualTo("0.333");
    assertThat(ExactNumbers.decimal(f(2, 3), 3)).isEqualTo("0.667");
    assertThat(ExactNumbers.decimal(f(-1, 8), 2)).isEqualTo("-0.12"); // tie to even
    assertThat(ExactNumbers.decimal(f(3, 8), 2)).isEqualTo("0.38"); // tie to even
    assertThat(ExactNumbers.decimal(f(1, 1), 3)).isEqualTo("1.00");
    assertThat(ExactNumbers.decimal(f(123456, 1), 3)).isEqualTo("1.23e5");
    assertThat(ExactNumbers.decimal(f(123456, 1), 6)).isEqualTo("123456");
    assertThat(ExactNumbers.decimal(f(-15, 1), 1)).isEqualTo("-2e1");
    assertThat(ExactNumbers.decimal(BigFraction.of(BigInteger.TEN.pow(25)), 3)).isEqualTo("1.00e25");
    assertThat(ExactNumbers.decimal(f(135, 100_000_000_000_000L), 3)).isEqualTo("1.35e-12");
    assertThat(ExactNumbers.decimal(f(-999_999, 1_000_000), 3)).isEqualTo("-1.00");
    assertThat(ExactNumbers.decimal(BigFraction.ZERO, 5)).isEqualTo("0");
    assertThat(ExactNumbers.decimal(f(1, 1_000_000), 2)).isEqualTo("0.0000010");
    assertThat(ExactNumbers.decimal(f(1, 10_000_000), 2)).isEqualTo("1.0e-7");
  }

  @Test
  void jsonFormIsAnIntegerOnlyWhenEveryReaderKeepsItExact() {
    assertThat(ExactNumbers.toJson(f(3, 1), 0).isIntegralNumber()).isTrue();
    assertThat(ExactNumbers.toJson(BigFraction.of(BigInteger.ONE.shiftLeft(53)), 0).isIntegralNumber()).isTrue();
    assertThat(ExactNumbers.toJson(BigFraction.of(BigInteger.ONE.shiftLeft(53).add(BigInteger.ONE)), 0).textValue())
        .isEqualTo("9007199254740993");
    assertThat(ExactNumbers.toJson(f(-1, 2), 0).textValue()).isEqualTo("-1/2");
    assertThat(Json.writeLine(ExactNumbers.toJson(f(1, 3), 4))).isEqualTo("{\"exact\":\"1/3\",\"decimal\":\"0.3333\"}");
  }

  /** Writing then reading gives the same rational, for exact text and for annotated numbers. */
  @Test
  void writeThenReadIsTheIdentity() {
    Seeds.property("numberRoundTrip", 3101L, 300)
        .forAll(longs().all(), longs().between(1, Long.MAX_VALUE), integers().between(0, 30))
        .checkAssert((p, q, digits) -> {
          BigFraction x = BigFraction.of(BigInteger.valueOf(p).multiply(BigInteger.valueOf(p)).negate()
              .add(BigInteger.valueOf(q)), BigInteger.valueOf(q));
          assertThat(ExactNumbers.parse(ExactNumbers.format(x, 0), "x")).isEqualTo(x);
          JsonNode written = Json.parse(Json.write(ExactNumbers.toJson(x, digits)), "t");
          assertThat(ExactNumbers.read(written, "x")).isEqualTo(x);
        });
  }
}
