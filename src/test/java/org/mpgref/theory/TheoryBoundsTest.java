package org.mpgref.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.catalog.DistancingGame;
import org.mpgref.game.MarkovGame;
import org.mpgref.testkit.HandGames;

/**
 * The theory constants as data ({@link TheoryBounds}): every constant of the one-state coordination game
 * (proofs-notes/pmd-one-state-example.md; r = φ = (2, 0, 0, 1), γ = 1/2) derived by hand, with exact values and with
 * the proven bounds that replace them under {@link TheoryBounds.Expensive#NEVER}; a game the theorems do not cover
 * gets reasons, not numbers; a constant cannot carry a value and a status at once.
 */
class TheoryBoundsTest {
  private static final MarkovGame COORD = HandGames.coordination(BigFraction.of(1, 2));

  private static BigFraction value(TheoryBounds b, String tag) {
    return b.constant(tag).orElseThrow().value().orElseThrow(() -> new AssertionError(tag + " has no value"));
  }

  private static Constant.Status status(TheoryBounds b, String tag) {
    return b.constant(tag).orElseThrow().status();
  }

  /**
   * By hand: γ = 1/2, N = 2, Σ|A_i| = 4, A_max = 2, one state so ρ_min = M = c = 1 and 1/((1−γ) ρ_min) = 2; rewards in
   * [0, 2], R = 1 (so Theorem 3.1 does not apply, but its formula (1−γ)³/(27·4·4·1) = 1/3456 is reported);
   * φ_max = 2/(1−γ) = 4; η_E = (1−γ)/(4·4·4) = 1/128; η_KL² = (1−γ)²/(4·16·2) = 1/512 (irrational root); φ̂ = 1,
   * L = (1+γ)·1·4/(1−γ)³ = 48, so 2/L = 1/24, 1/L = 1/48, 2ρ_min/L = 1/24; η₀ = (1−γ)²·1/(1·4) = 1/16.
   */
  @Test
  void coordinationGameByHand() {
    TheoryBounds b = TheoryBounds.of(COORD, TheoryBounds.Expensive.AUTO);
    assertThat(b.constants()).extracting(Constant::tag).containsExactly("GAMMA", "AGENTS", "STATES", "ACTIONSUM",
        "ACTIONMAX", "RHOMIN", "REWARDMIN", "REWARDMAX", "REWARDHALFSPAN", "POTENTIAL", "MISMATCH", "MISMATCHBOUND",
        "INPGFORMULA", "INPGSTEP", "PHIMAX", "PMDSTEPEUCLID", "PMDSTEPKLSQUARED", "PMDSTEPKL", "PHIHALFSPAN",
        "IPGSTEPNONDECREASING", "IPGSTEPASCENT", "QASCENTSTEPNONDECREASING", "VISITATIONFLOOR", "NASHREGRETSTEP");
    String[][] expected = {{"GAMMA", "1/2"}, {"AGENTS", "2"}, {"STATES", "1"}, {"ACTIONSUM", "4"}, {"ACTIONMAX", "2"},
        {"RHOMIN", "1"}, {"REWARDMIN", "0"}, {"REWARDMAX", "2"}, {"REWARDHALFSPAN", "1"}, {"MISMATCH", "1"},
        {"MISMATCHBOUND", "2"}, {"INPGFORMULA", "1/3456"}, {"PHIMAX", "4"}, {"PMDSTEPEUCLID", "1/128"},
        {"PMDSTEPKLSQUARED", "1/512"}, {"PHIHALFSPAN", "1"}, {"IPGSTEPNONDECREASING", "1/24"},
        {"IPGSTEPASCENT", "1/48"}, {"QASCENTSTEPNONDECREASING", "1/24"}, {"VISITATIONFLOOR", "1"},
        {"NASHREGRETSTEP", "1/16"}};
    for (String[] e : expected) {
      assertThat(value(b, e[0])).as(e[0]).isEqualTo(BigFraction.parse(e[1]));
    }
    assertThat(b.potential().status()).isEqualTo(Constant.Status.VERIFIED);
    assertThat(b.potential().qualifiers()).containsExactly("identical-interest");
    assertThat(b.mismatch().mismatch().qualifiers()).containsExactly("exact");
    assertThat(b.inpg().step().status()).isEqualTo(Constant.Status.NOT_APPLICABLE);
    assertThat(b.inpg().step().note().orElseThrow()).contains("rewards span [0, 2]");
    // eta_KL = 1/sqrt(512) is irrational: the value is a rounded-down dyadic below it
    Constant kl = b.pmd().kl();
    assertThat(kl.qualifiers()).containsExactly("phimax-exact", "rounded-down");
    BigFraction k = kl.value().orElseThrow();
    assertThat(k.multiply(k).compareTo(BigFraction.of(1, 512))).isNegative();
    assertThat(b.regret().stepLimit().qualifiers()).containsExactly("c-exact", "r-exact");
  }

  /**
   * Proven bounds instead of the expensive exact constants: φ_max ≤ max|φ|/(1−γ) = 4, M ≤ 2, c ≥ (1−γ) min ν = 1/2,
   * hence η₀ computed with c = 1/2 is 1/32.
   */
  @Test
  void neverReplacesTheExpensiveConstantsByTheirBounds() {
    TheoryBounds b = TheoryBounds.of(COORD, TheoryBounds.Expensive.NEVER);
    assertThat(b.expensive()).isEqualTo(TheoryBounds.Expensive.NEVER);
    assertThat(b.pmd().phiMax().qualifiers()).containsExactly("bound");
    assertThat(value(b, "PHIMAX")).isEqualTo(BigFraction.of(4));
    assertThat(value(b, "MISMATCH")).isEqualTo(BigFraction.of(2));
    assertThat(b.mismatch().mismatch().note().orElseThrow()).startsWith("exact value not computed: --expensive never");
    assertThat(value(b, "VISITATIONFLOOR")).isEqualTo(BigFraction.of(1, 2));
    assertThat(value(b, "NASHREGRETSTEP")).isEqualTo(BigFraction.of(1, 32));
    assertThat(b.regret().stepLimit().qualifiers()).containsExactly("c-bound", "r-exact");
  }

  /** Distancing declares state potentials only: every theorem needing a Markov potential gives the reason instead. */
  @Test
  void reasonsInsteadOfNumbersWhereNoTheoremApplies() {
    TheoryBounds b = TheoryBounds.of(DistancingGame.of(DistancingGame.published(3)), TheoryBounds.Expensive.AUTO);
    assertThat(b.potential().status()).isEqualTo(Constant.Status.NO_MARKOV_CLAIM);
    for (String tag : List.of("PHIMAX", "PMDSTEPEUCLID", "PMDSTEPKL", "IPGSTEPNONDECREASING", "NASHREGRETSTEP")) {
      assertThat(status(b, tag)).as(tag).isEqualTo(Constant.Status.NOT_APPLICABLE);
      assertThat(b.constant(tag).orElseThrow().note().orElseThrow()).as(tag).contains("state-potential-only");
      assertThat(b.constant(tag).orElseThrow().hasValue()).isFalse();
    }
    assertThat(b.constant("NOSUCHTAG")).isEmpty();
  }

  @Test
  void aConstantHasAValueExactlyWhenItsStatusIsValue() {
    assertThatThrownBy(() -> new Constant("X", List.of(), Optional.of(BigFraction.ONE), Constant.Status.UNBOUNDED, "s",
        Optional.empty())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X: a value");
    assertThatThrownBy(() -> Constant.without("X", Constant.Status.VALUE, "s", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Constant.Status.NOT_APPLICABLE.word()).isEqualTo("not-applicable");
  }
}
