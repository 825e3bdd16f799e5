package org.mpgref.testkit;

import static org.quicktheories.QuickTheory.qt;

import org.quicktheories.QuickTheory;

/**
 * Seeding of the property tests. Every property runs QuickTheories with a fixed seed: the system property
 * {@code mpgref.seed} if given, else the property's own default, and prints one replay line before running, e.g.
 * {@code property bellmanIdentity: replay with -Dmpgref.seed=1001}. The number of examples can be raised for a
 * deeper run with {@code -Dmpgref.examples=N} (it replaces every property's default count).
 */
public final class Seeds {
  private Seeds() {}

  /**
   * The seed of a property: {@code -Dmpgref.seed} or the default, announced on stdout.
   *
   * @param property the property's name
   * @param defaultSeed its fixed default seed
   * @return the seed to use
   */
  public static long announce(String property, long defaultSeed) {
    long seed = Long.getLong("mpgref.seed", defaultSeed);
    System.out.println("property " + property + ": replay with -Dmpgref.seed=" + seed);
    return seed;
  }

  /**
   * A QuickTheories runner with the announced fixed seed and a modest number of examples.
   *
   * @param property the property's name
   * @param defaultSeed its default seed
   * @param examples default number of examples ({@code -Dmpgref.examples} overrides)
   * @return the configured runner
   */
  public static QuickTheory property(String property, long defaultSeed, int examples) {
    long seed = announce(property, defaultSeed);
    return qt().withFixedSeed(seed)
        .withExamples(Integer.getInteger("mpgref.examples", examples))
        .withShrinkCycles(200);
  }
}
