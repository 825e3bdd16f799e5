package org.mpgref.potential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.numbers.fraction.BigFraction;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.mpgref.game.Policy;
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.testkit.HandGames;

/**
 * The mixed policies drawn by {@code PotentialCheck}'s search follow the documented rule (specs/markov-potential-game.md):
 * per row a bound b uniform in {2, 3, 4}, weights w_k uniform in {0..b}, probabilities w_k/Σw (all-zero weights: one
 * action gets 1). For two actions the possible values of π(0) are therefore exactly the fractions w_0/(w_0 + w_1)
 * with 0 ≤ w_k ≤ 4 and w_0 + w_1 > 0; 4000 draws (seed 7301) must hit every one of them and nothing else.
 */
class PotentialCheckRandomPolicyTest {
  @Test
  void mixedRowsTakeExactlyTheDocumentedValues() {
    Set<String> expected = new TreeSet<>();
    for (int w0 = 0; w0 <= 4; w0++) {
      for (int w1 = 0; w1 <= 4; w1++) {
        if (w0 + w1 > 0) {
          expected.add(BigFraction.of(w0, w0 + w1).toString());
        }
      }
    }
    TabularMarkovGame game = HandGames.coordination(BigFraction.ZERO);
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7301L);
    System.out.println("[PotentialCheckRandomPolicyTest] seed 7301, 4000 draws");
    Set<String> seen = new TreeSet<>();
    for (int k = 0; k < 2000; k++) {
      Policy p = PotentialCheck.random(game, rng, false);
      for (int i = 0; i < 2; i++) {
        assertThat(p.prob(i, 0, 0).add(p.prob(i, 0, 1))).isEqualTo(BigFraction.ONE);
        seen.add(p.prob(i, 0, 0).toString());
      }
    }
    assertThat(seen).isEqualTo(expected);
    // 3/4 and 4/5 need a weight above 2, so they only appear if b ranges up to 4
    assertThat(seen).contains("3 / 4", "4 / 5");
  }

  @Test
  void pureRowsPutAllMassOnOneAction() {
    TabularMarkovGame game = HandGames.coordination(BigFraction.ZERO);
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7302L);
    Set<String> seen = new TreeSet<>();
    for (int k = 0; k < 200; k++) {
      Policy p = PotentialCheck.random(game, rng, true);
      seen.add(p.prob(0, 0, 0).toString());
    }
    assertThat(seen).containsExactlyInAnyOrder("0", "1");
  }
}
