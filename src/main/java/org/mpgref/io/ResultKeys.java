package org.mpgref.io;

import java.util.List;

/** Checks of the JSON keys of a {@link Result}'s items and of the row-major order of table cells. */
final class ResultKeys {
  private ResultKeys() {}

  /**
   * Checks a key: non-empty member names separated by {@code /}, at most {@code axes} of them {@code *} (each
   * takes one axis), never the last.
   */
  static void check(String key, int axes) {
    String[] parts = key.split("/", -1);
    int stars = 0;
    for (String p : parts) {
      if (p.isEmpty()) {
        throw new IllegalArgumentException("JSON key " + key + ": empty member name");
      }
      stars += p.equals("*") ? 1 : 0;
    }
    if (parts[parts.length - 1].equals("*") || stars > axes) {
      throw new IllegalArgumentException("JSON key " + key + ": a * takes one of the " + axes + " axes and is"
          + " followed by a member name");
    }
  }

  /** Whether {@code next} is the first index (all 0, after none) or follows {@code previous} in row-major order. */
  static boolean follows(List<Integer> previous, List<Integer> next) {
    if (previous.isEmpty()) {
      return next.stream().allMatch(x -> x == 0);
    }
    int k = 0;
    while (k < next.size() && previous.get(k).equals(next.get(k))) {
      k++;
    }
    if (k == next.size() || next.get(k) != previous.get(k) + 1) {
      return false;
    }
    for (int j = k + 1; j < next.size(); j++) {
      if (next.get(j) != 0) {
        return false;
      }
    }
    return true;
  }
}
