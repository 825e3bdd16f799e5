package org.mpgref.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mpgref.limits.LimitExceededException;

/**
 * The memory budget of exact tables (found by mutation testing, issue 10): a fraction of b bits (numerator plus
 * denominator) is estimated at FRACTION_BYTES − 16 + 2·4·⌈b/64⌉ = 136 + 8⌈b/64⌉ bytes, and an estimate is refused
 * only above the budget min(768 MiB, half the heap).
 */
class MemoryBudgetTest {
  @Test
  void aFractionIsChargedByItsSixtyFourBitWords() {
    assertThat(MemoryBudget.fractionBytes(0)).isEqualTo(136.0);
    assertThat(MemoryBudget.fractionBytes(1)).isEqualTo(144.0);
    assertThat(MemoryBudget.fractionBytes(64)).isEqualTo(144.0);
    assertThat(MemoryBudget.fractionBytes(65)).isEqualTo(152.0);
  }

  @Test
  void theBudgetIsAtMostHalfTheHeapAndAtMost768MiB() {
    long max = MemoryBudget.maxBytes();
    assertThat(max).isEqualTo(Math.min(768L * 1024 * 1024, Runtime.getRuntime().maxMemory() / 2));
    MemoryBudget.require("a table", max);
    assertThatThrownBy(() -> MemoryBudget.require("a table", max + 1.0)).isInstanceOf(LimitExceededException.class)
        .hasMessageStartingWith("a table needs about ").hasMessageContaining(" bytes of memory; the limit is ")
        .hasMessageEndingWith("(raise it with a smaller game or a larger heap, java -Xmx; at most 768 MiB per table)");
    assertThatThrownBy(() -> MemoryBudget.require("a table", Double.NaN)).isInstanceOf(LimitExceededException.class);
  }
}
