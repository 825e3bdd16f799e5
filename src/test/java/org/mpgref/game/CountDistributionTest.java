package org.mpgref.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigInteger;
import org.apache.commons.numbers.fraction.BigFraction;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.mpgref.catalog.DistancingGame;
import org.mpgref.testkit.RandomGames;
import org.mpgref.testkit.Seeds;

/**
 * The multinomial closed form used when all counted agents share a row equals the agent-by-agent recursion exactly
 * (same integers, same denominator), with and without a skipped agent, including rows with zeros and pure rows.
 */
class CountDistributionTest {
  @Test
  void multinomialEqualsTheRecursion() {
    Seeds.property("countDistribution", 6201L, 40)
        .forAll(integers().between(1, 7), integers().between(-1, 6), longs().all())
        .checkAssert((n, skip, seed) -> {
          AnonymousMarkovGame g = DistancingGame.of(DistancingGame.published(n));
          UniformRandomProvider r = RandomGames.rng(seed);
          BigFraction[][] shared = new BigFraction[g.stateCount()][];
          for (int s = 0; s < shared.length; s++) {
            shared[s] = r.nextInt(4) == 0 ? RandomGames.pointMass(r, 4) : RandomGames.distribution(r, 4);
          }
          BigFraction[][][] p = new BigFraction[n][][];
          for (int i = 0; i < n; i++) {
            p[i] = shared;
          }
          int skipped = skip < n ? skip : -1;
          if (skipped >= 0) {
            // the skipped agent's own row must not matter
            p[skipped] = new BigFraction[][] {RandomGames.distribution(r, 4), RandomGames.distribution(r, 4)};
          }
          Policy policy = Policy.of(p);
          for (int s = 0; s < g.stateCount(); s++) {
            BigInteger[] d1 = new BigInteger[1];
            BigInteger[] d2 = new BigInteger[1];
            BigInteger[] fast = g.countDistribution(g.rowsAt(s, policy), skipped, d1);
            BigInteger[] slow = g.recursiveCountDistribution(g.rowsAt(s, policy), skipped, d2);
            assertThat(fast).containsExactly(slow);
            assertThat(d1[0]).isEqualTo(d2[0]);
          }
        });
  }

  /** Hand case: 2 agents at (1/2, 1/2, 0, 0): counts (2,0,0,0), (1,1,0,0), (0,2,0,0) have weights 1, 2, 1 over 4. */
  @Test
  void twoAgentsByHand() {
    AnonymousMarkovGame g = DistancingGame.of(DistancingGame.published(2));
    BigFraction h = BigFraction.of(1, 2);
    BigFraction z = BigFraction.ZERO;
    BigFraction[][] row = {{h, h, z, z}, {h, h, z, z}};
    Policy p = Policy.of(new BigFraction[][][] {row, row});
    BigInteger[] den = new BigInteger[1];
    BigInteger[] d = g.countDistribution(g.rowsAt(0, p), -1, den);
    assertThat(den[0]).isEqualTo(BigInteger.valueOf(4));
    BigInteger sum = BigInteger.ZERO;
    for (BigInteger x : d) {
      sum = sum.add(x);
    }
    assertThat(sum).isEqualTo(BigInteger.valueOf(4));
    assertThat(d).filteredOn(x -> x.signum() != 0).containsExactlyInAnyOrder(BigInteger.ONE, BigInteger.TWO,
        BigInteger.ONE);
  }
}
