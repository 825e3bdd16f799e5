package org.mpgref.game;

/**
 * Mixed-radix indexing of joint actions a = (a_0..a_{N-1}) with agent 0 varying fastest (Gambit's `.nfg` order):
 * index(a) = a_0 + |A_0| (a_1 + |A_1| (a_2 + ...)). Also the size guard for dense tables.
 */
public final class JointActions {
  /** Largest number of table entries a dense game may hold (S × Π|A_i| × (N + S)). */
  public static final long MAX_DENSE_ENTRIES = 50_000_000L;

  private JointActions() {}

  /**
   * Π_i |A_i|, refusing products that overflow or exceed the dense limit.
   *
   * @param actionCounts |A_i| for each agent
   * @param states |S|
   * @return the number of joint actions
   * @throws InvalidGameException naming the sizes if the dense table would not fit
   */
  public static int countDense(int[] actionCounts, int states) {
    long joint = 1;
    for (int i = 0; i < actionCounts.length; i++) {
      if (actionCounts[i] < 1) {
        throw new InvalidGameException("agent " + i + " has " + actionCounts[i] + " actions; every agent needs at least one");
      }
      joint *= actionCounts[i];
      if (joint > MAX_DENSE_ENTRIES) {
        break;
      }
    }
    long entries;
    try {
      entries = Math.multiplyExact(Math.multiplyExact(joint, (long) states), (long) actionCounts.length + states);
    } catch (ArithmeticException overflow) {
      entries = Long.MAX_VALUE;
    }
    if (joint > MAX_DENSE_ENTRIES || entries > MAX_DENSE_ENTRIES) {
      throw new InvalidGameException("a dense table of " + states + " states x " + joint + (joint > MAX_DENSE_ENTRIES ? "+" : "")
          + " joint actions x (" + actionCounts.length + " rewards + " + states + " transitions) exceeds the limit of "
          + MAX_DENSE_ENTRIES + " entries; use a structured game");
    }
    return (int) joint;
  }

  /**
   * The size guard of a {@link TabularMarkovGame} (rewards dense, transitions sparse): Π_i |A_i| must fit an int and
   * the table's estimated memory, S·Π|A_i|·(N·(4 + 152) + 60) + S·Σ_i|A_i|·{@link #PER_OWN_ACTION_BYTES} bytes (an
   * array slot and a distinct BigFraction per reward, the row arrays, at least one successor per row, and the
   * per-action rows; {@link org.mpgref.linalg.MemoryBudget}), must stay within
   * {@link org.mpgref.linalg.MemoryBudget#maxBytes()}. Checked from the declared sizes before any table is read.
   *
   * @param actionCounts |A_i| for each agent
   * @param states |S|
   * @return the number of joint actions
   * @throws InvalidGameException naming the sizes if there is no agent or state, an action set is empty, or the table
   *     would not fit
   */
  public static int countTable(int[] actionCounts, int states) {
    return countTableChecked(actionCounts, states);
  }

  /**
   * Bytes charged per (state, own action) of every agent on top of the joint-action table: the label, the policy
   * row entry, the stage expectation's r̄ and sparse P̄ row, Q̄ and Ā of an evaluation and the reading's transient
   * copies. Measured on a one-player .nfg game with 2·10^6 strategies, whose table estimate alone (432 MB) let a 900 MB
   * heap run out of memory.
   */
  public static final double PER_OWN_ACTION_BYTES = 400;

  private static int countTableChecked(int[] actionCounts, int states) {
    if (actionCounts.length == 0) {
      throw new InvalidGameException("game has no agents; it needs at least one");
    }
    if (states <= 0) {
      throw new InvalidGameException("game has no states (rho is empty); it needs at least one");
    }
    double joint = 1;
    for (int i = 0; i < actionCounts.length; i++) {
      if (actionCounts[i] < 1) {
        throw new InvalidGameException("agent " + i + " has " + actionCounts[i] + " actions; every agent needs at least one");
      }
      joint *= actionCounts[i];
    }
    double ownActions = 0;
    for (int a : actionCounts) {
      ownActions += a;
    }
    double bytes = states * joint * (actionCounts.length * (4.0 + org.mpgref.linalg.MemoryBudget.FRACTION_BYTES) + 60)
        + states * ownActions * PER_OWN_ACTION_BYTES;
    if (joint > Integer.MAX_VALUE - 8 || bytes > org.mpgref.linalg.MemoryBudget.maxBytes()) {
      throw new InvalidGameException("a table of " + states + " states x " + String.format(java.util.Locale.ROOT, "%.0f", joint)
          + " joint actions x " + actionCounts.length + " rewards needs about " + org.mpgref.limits.Limits.sci(bytes)
          + " bytes, more than the limit of " + org.mpgref.limits.Limits.sci(org.mpgref.linalg.MemoryBudget.maxBytes())
          + " bytes; use a structured game");
    }
    return (int) joint;
  }

  /**
   * index(a).
   *
   * @param actionCounts |A_i|
   * @param a joint action
   * @return its index
   * @throws InvalidGameException if a has the wrong length or an action is out of range
   */
  public static int index(int[] actionCounts, int[] a) {
    if (a.length != actionCounts.length) {
      throw new InvalidGameException("joint action has " + a.length + " entries; the game has " + actionCounts.length + " agents");
    }
    int idx = 0;
    for (int i = actionCounts.length - 1; i >= 0; i--) {
      if (a[i] < 0 || a[i] >= actionCounts[i]) {
        throw new InvalidGameException("action of agent " + i + " is " + a[i] + "; it must be in 0.." + (actionCounts[i] - 1));
      }
      idx = idx * actionCounts[i] + a[i];
    }
    return idx;
  }

  /**
   * Inverse of {@link #index}: writes a into {@code out}.
   *
   * @param actionCounts |A_i|
   * @param index the index
   * @param out receives a
   */
  public static void decode(int[] actionCounts, int index, int[] out) {
    int r = index;
    for (int i = 0; i < actionCounts.length; i++) {
      out[i] = r % actionCounts[i];
      r /= actionCounts[i];
    }
  }

  /**
   * Formats a joint action as {@code (a_0,a_1,...)}.
   *
   * @param a joint action
   * @return text
   */
  public static String format(int[] a) {
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < a.length; i++) {
      b.append(i > 0 ? "," : "").append(a[i]);
    }
    return b.append(')').toString();
  }
}
