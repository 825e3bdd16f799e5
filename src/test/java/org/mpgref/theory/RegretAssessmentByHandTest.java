package org.mpgref.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mpgref.game.MarkovGame;
import org.mpgref.testkit.HandGames;
import org.mpgref.testkit.RandomGames;

/**
 * The arithmetic of the two Nash-regret assessments ({@link KlRegretBound.Assessment},
 * {@link QAscentRegretBound.Assessment}) on the one-state coordination game at γ = 1/2
 * (proofs-notes/pmd-one-state-example.md; r = φ = (2, 0, 0, 1) over joint actions), every value by hand, with the
 * boundaries of the exact comparisons hit exactly.
 *
 * <p>Constants by hand (γ = 1/2, ν = ρ = (1)): N = 2, |A_i| = 2 so Σ|A_i| = 4 and A_max = 2; rewards in [0, 2] for
 * both agents, so R = 1; one state, so d_ν^π(0) = 1 for every π and c_ν = 1; Φ^π(0) = r_π/(1−γ) = 2 r_π ranges over
 * [2·0, 2·2] = [0, 4] (r_π = 0 at the pure (0,1), 2 at (0,0)), so the range of Φ at ν is 4.
 */
class RegretAssessmentByHandTest {
  private static final MarkovGame COORD = HandGames.coordination(BigFraction.of(1, 2));
  private static final BigFraction[] NU = {BigFraction.ONE};
  private static final BigFraction HALF = BigFraction.of(1, 2);

  private static BigFraction f(long p, long q) {
    return BigFraction.of(p, q);
  }

  /**
   * KL at η = 1/8: η₁ = (1−γ)² c_ν/((N−1) R) = (1/4)·1/(1·1) = 1/4 ≥ 1/8, so it applies; κ = c_ν/(2(1−γ)) = 1.
   * L(T, ΔΦ) = 2ΔΦ/(c_ν T); S(T, ΔΦ, c_min) = 2ΔΦ/((1−γ) η c_min c_ν T) = 2ΔΦ/((1/16) c_min T) = 32 ΔΦ/(c_min T).
   * At T = 16, ΔΦ = 1, c_min = 1/2: L = 1/8, S = 32/8 = 4, so the explicit bound is NR ≤ 1/8 + √4 = 17/8 exactly.
   */
  @Test
  void klAssessmentByHand() {
    KlRegretBound.Assessment as = KlRegretBound.assess(COORD, f(1, 8), NU);
    assertThat(as.applies()).isTrue();
    assertThat(as.halfSpan()).isEqualTo(BigFraction.ONE);
    assertThat(as.visitationFloor()).isEqualTo(BigFraction.ONE);
    assertThat(as.stepLimit()).contains(f(1, 4));
    assertThat(as.potentialRange()).contains(BigFraction.of(4));
    assertThat(as.agents()).isEqualTo(2);
    assertThat(as.gamma()).isEqualTo(HALF);
    assertThat(as.eta()).isEqualTo(f(1, 8));
    assertThat(as.nu()).containsExactly(BigFraction.ONE);
    assertThat(as.ascentFactor()).isEqualTo(BigFraction.ONE);
    assertThat(as.linearTerm(16, BigFraction.ONE)).isEqualTo(f(1, 8));
    assertThat(as.linearTerm(3, BigFraction.of(6))).isEqualTo(BigFraction.of(4)); // 2·6/3
    assertThat(as.rootTermSquared(16, BigFraction.ONE, HALF)).isEqualTo(BigFraction.of(4));
    assertThat(as.rootTermSquared(2, BigFraction.of(3), f(1, 4))).isEqualTo(BigFraction.of(192)); // 32·3/(1/2)

    // explicit: 0 <= NR <= 17/8, boundaries hit exactly
    assertThat(as.explicitHolds(f(17, 8), 16, BigFraction.ONE, HALF)).isTrue();
    assertThat(as.explicitHolds(f(17, 8).add(f(1, 1000)), 16, BigFraction.ONE, HALF)).isFalse();
    assertThat(as.explicitHolds(f(1, 8), 16, BigFraction.ONE, HALF)).isTrue(); // NR = L: excess 0
    assertThat(as.explicitHolds(BigFraction.ZERO, 16, BigFraction.ONE, HALF)).isTrue();
    assertThat(as.explicitHolds(f(-1, 100), 16, BigFraction.ONE, HALF)).isFalse();

    // implicit at T = 16, c_min = 1/2: x = (1−γ) NR = NR/2, u = c_min η x = x/16,
    // lhs = u x c_ν T = x², rhs = 2(1−γ) ΔΦ (1 + u) = ΔΦ (1 + x/16). At NR = 8 (x = 4): 16 = ΔΦ·5/4 iff ΔΦ = 64/5.
    BigFraction dPhi = f(64, 5);
    assertThat(as.implicitHolds(BigFraction.of(8), 16, dPhi, HALF)).isTrue();
    assertThat(as.implicitHolds(BigFraction.of(8).add(f(1, 1000)), 16, dPhi, HALF)).isFalse();
    assertThat(as.implicitHolds(BigFraction.of(8), 16, dPhi.subtract(f(1, 1000)), HALF)).isFalse();
    // a negative regret is refused although x² ≤ ΔΦ (1 + x/16) holds for x = −1/200
    assertThat(as.implicitHolds(f(-1, 100), 16, dPhi, HALF)).isFalse();
    assertThat(as.implicitHolds(BigFraction.ZERO, 16, dPhi, HALF)).isTrue();
  }

  /** The validations of the KL assessment's terms, each with its one-line message. */
  @Test
  void klTermsRefuseBadArguments() {
    KlRegretBound.Assessment as = KlRegretBound.assess(COORD, f(1, 8), NU);
    assertThatThrownBy(() -> as.linearTerm(0, BigFraction.ONE)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("horizon T = 0 must be >= 1");
    assertThat(as.linearTerm(1, BigFraction.ZERO)).isEqualTo(BigFraction.ZERO); // T = 1 and ΔΦ = 0 are allowed
    assertThatThrownBy(() -> as.linearTerm(1, f(-1, 3))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the potential increase -1/3 must be >= 0");
    assertThatThrownBy(() -> as.rootTermSquared(1, BigFraction.ONE, BigFraction.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("c_min = 0 must be > 0");
    assertThatThrownBy(() -> as.implicitHolds(BigFraction.ONE, 1, BigFraction.ONE, f(-1, 2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("c_min = -1/2 must be > 0");
    KlRegretBound.Assessment above = KlRegretBound.assess(COORD, f(1, 2), NU);
    assertThat(above.applies()).isFalse();
    assertThatThrownBy(() -> above.rootTermSquared(1, BigFraction.ONE, HALF)).isInstanceOf(IllegalStateException.class)
        .hasMessage("the KL Nash-regret bound does not apply: eta = 1/2 exceeds the KL step limit"
            + " eta_1 = (1-gamma)^2 c_nu/((N-1) R) = 1/4");
    // η = η₁ exactly still applies (η ≤ η₁)
    assertThat(KlRegretBound.assess(COORD, f(1, 4), NU).applies()).isTrue();
  }

  /**
   * f_c(h) = c η h²/(1 + c η h): c = 1/2, η = 2, h = 3 gives u = cηh = 3 and f = u h/(1+u) = 9/4; h = 0 gives 0; c = 0
   * gives 0. Negative c or h, or η ≤ 0, are refused.
   */
  @Test
  void improvementBoundByHand() {
    assertThat(KlRegretBound.improvementBound(HALF, BigFraction.of(2), BigFraction.of(3))).isEqualTo(f(9, 4));
    assertThat(KlRegretBound.improvementBound(HALF, BigFraction.of(2), BigFraction.ZERO)).isEqualTo(BigFraction.ZERO);
    assertThat(KlRegretBound.improvementBound(BigFraction.ZERO, BigFraction.of(2), BigFraction.ONE))
        .isEqualTo(BigFraction.ZERO);
    assertThatThrownBy(() -> KlRegretBound.improvementBound(f(-1, 2), BigFraction.ONE, BigFraction.ONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("need c >= 0, eta > 0, h >= 0; got c = -1/2, eta = 1,"
            + " h = 1");
    assertThatThrownBy(() -> KlRegretBound.improvementBound(HALF, BigFraction.ZERO, BigFraction.ONE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KlRegretBound.improvementBound(HALF, BigFraction.ONE, f(-1, 5)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * η₁ = (1−γ)² c_ν/((N−1) R): at γ = 1/2, c_ν = 1/2, R = 3: (1/4)(1/2)/3 = 1/24. No limit for R = 0 or one agent;
   * c_ν ≤ 0 or R &lt; 0 is refused.
   */
  @Test
  void klStepLimitByHand() {
    assertThat(KlRegretBound.stepLimit(COORD, HALF, BigFraction.of(3))).contains(f(1, 24));
    assertThat(KlRegretBound.stepLimit(COORD, HALF, BigFraction.ZERO)).isEmpty();
    MarkovGame single = RandomGames.identicalInterest(1, 1, 2, 11L);
    assertThat(KlRegretBound.stepLimit(single, HALF, BigFraction.ONE)).isEmpty();
    assertThatThrownBy(() -> KlRegretBound.stepLimit(COORD, BigFraction.ZERO, BigFraction.ONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("need c_nu > 0 and R >= 0; got c_nu = 0, R = 1");
    assertThatThrownBy(() -> KlRegretBound.stepLimit(COORD, HALF, f(-1, 2)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Alatur et al.'s η_KL = (1−γ)/(2 φ_max √N) against η₁, by squares. With N = 4 agents √N = 2 and η_KL is rational:
   * for φ_max = 1, η_KL = (1−γ)/4, so a limit equal to it passes and one just below fails. For the coordination game
   * (γ = 1/2, φ_max = 4, N = 2) η_KL² = (1/4)/(4·16·2) = 1/512: within η₁ = 1/4 (1/512 ≤ 1/16), not within 1/32
   * (1/512 &gt; 1/1024); no limit always passes.
   */
  @Test
  void alaturStepAgainstTheLimitByHand() {
    MarkovGame four = RandomGames.identicalInterest(1, 4, 2, 3L);
    BigFraction etaKl = BigFraction.ONE.subtract(four.discount()).divide(4);
    assertThat(KlRegretBound.alaturStepWithinLimit(four, BigFraction.ONE, Optional.of(etaKl))).isTrue();
    assertThat(KlRegretBound.alaturStepWithinLimit(four, BigFraction.ONE,
        Optional.of(etaKl.subtract(f(1, 1_000_000))))).isFalse();
    assertThat(KlRegretBound.alaturStepWithinLimit(COORD, BigFraction.of(4), Optional.of(f(1, 4)))).isTrue();
    assertThat(KlRegretBound.alaturStepWithinLimit(COORD, BigFraction.of(4), Optional.of(f(1, 32)))).isFalse();
    assertThat(KlRegretBound.alaturStepWithinLimit(COORD, BigFraction.of(4), Optional.empty())).isTrue();
  }

  /**
   * Projected Q-ascent at η = 1/16 = η₀ = (1−γ)² c/(R Σ|A_i|) = (1/4)/4 (so it applies, at the boundary):
   * inner = 2/η + η A_max R²/(1−γ)² = 32 + (1/16)·2/(1/4) = 65/2, and the bound on NR(T)² is
   * 4 ΔΦ inner/((1−γ) c T) = 4 ΔΦ (65/2)/(T/2) = 260 ΔΦ/T: 260 at (T, ΔΦ) = (1, 1), 104 at (10, 4); a priori
   * (ΔΦ = range 4) at T = 10 also 104. K'² = (2/(1−γ)²)(2/η² + A_max R²/(1−γ)²) = 8·(512 + 8) = 4160.
   */
  @Test
  void qAscentAssessmentByHand() {
    QAscentRegretBound.Assessment as = QAscentRegretBound.assess(COORD, f(1, 16), NU);
    assertThat(as.applies()).isTrue();
    assertThat(as.stepLimit()).contains(f(1, 16));
    assertThat(as.maxActions()).isEqualTo(2);
    assertThat(as.halfSpan()).isEqualTo(BigFraction.ONE);
    assertThat(as.visitationFloor()).isEqualTo(BigFraction.ONE);
    assertThat(as.potentialRange()).contains(BigFraction.of(4));
    assertThat(as.nu()).containsExactly(BigFraction.ONE);
    assertThat(as.boundSquared(1, BigFraction.ONE)).isEqualTo(BigFraction.of(260));
    assertThat(as.boundSquared(10, BigFraction.of(4))).isEqualTo(BigFraction.of(104));
    assertThat(as.aPrioriSquared(10)).isEqualTo(BigFraction.of(104));
    assertThatThrownBy(() -> as.boundSquared(0, BigFraction.ONE)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("horizon T = 0 must be >= 1");
    assertThat(QAscentRegretBound.gapConstantSquared(COORD, f(1, 16), BigFraction.ONE))
        .isEqualTo(BigFraction.of(4160));
    // R = 0 leaves 2/(1−γ)² · 2/η² = 8·512 = 4096
    assertThat(QAscentRegretBound.gapConstantSquared(COORD, f(1, 16), BigFraction.ZERO))
        .isEqualTo(BigFraction.of(4096));
    assertThatThrownBy(() -> QAscentRegretBound.gapConstantSquared(COORD, BigFraction.ZERO, BigFraction.ONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("eta = 0 must be > 0 and R = 1 >= 0");
    assertThatThrownBy(() -> QAscentRegretBound.gapConstantSquared(COORD, BigFraction.ONE, f(-1, 2)))
        .isInstanceOf(IllegalArgumentException.class);

    // just above η₀ it does not apply, and the terms say why
    QAscentRegretBound.Assessment above = QAscentRegretBound.assess(COORD, f(1, 16).add(f(1, 1000)), NU);
    assertThat(above.applies()).isFalse();
    assertThatThrownBy(() -> above.boundSquared(1, BigFraction.ONE)).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("the Nash-regret bound does not apply: eta = 127/2000 exceeds"
            + " the sufficient-ascent step eta_0 = (1-gamma)^2 c/(R sum|A_i|) = 1/16"); // 1/16 + 1/1000 = 127/2000
    assertThatThrownBy(() -> above.aPrioriSquared(1)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> QAscentRegretBound.assess(COORD, BigFraction.ZERO, NU))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("eta = 0 must be > 0");
  }
}
