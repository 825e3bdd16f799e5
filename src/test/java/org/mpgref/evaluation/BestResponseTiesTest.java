package org.mpgref.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.numbers.fraction.BigFraction;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.mpgref.game.Policy;
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.testkit.RandomGames;
import org.mpgref.testkit.Seeds;

/**
 * Best responses report, at every state, the lowest-index optimal action among exact ties (specs/best-response.md,
 * "Ties"), in the exact world ({@link BestResponse}) and in the double world ({@link
 * DoubleEvaluation#bestResponseActions}, lowest index within its documented tolerance).
 *
 * <p>Tier 1: Sutton and Barto's gridworld (Reinforcement Learning, 2nd ed., Example 3.5 and Figure 3.5), as a
 * one-agent game with the actions in the order north, south, east, west: its optimal policy has many exact ties
 * (the arrows of Figure 3.5), e.g. north and west at (1,2). Tier 2: seeded random games built to be full of exact ties
 * (rewards in {0, 1}, duplicated actions, point-mass transitions). Tier 3: the double best response picks the same
 * actions as the exact one on those games.
 */
class BestResponseTiesTest {
  private static final BigFraction GAMMA = BigFraction.of(9, 10);
  private static final int NORTH = 0;
  private static final int SOUTH = 1;
  private static final int EAST = 2;
  private static final int WEST = 3;
  private static final int[] DR = {-1, 1, 0, 0};
  private static final int[] DC = {0, 0, 1, -1};
  private static final int A = 1; // (0,1)
  private static final int A_PRIME = 21; // (4,1)
  private static final int B = 3; // (0,3)
  private static final int B_PRIME = 13; // (2,3)

  /** Figure 3.5 (middle), v* rounded to one decimal, row 0 at the top. */
  private static final String[] BOOK = {
    "22.0 24.4 22.0 19.4 17.5",
    "19.8 22.0 19.8 17.8 16.0",
    "17.8 19.8 17.8 16.0 14.4",
    "16.0 17.8 16.0 14.4 13.0",
    "14.4 16.0 14.4 13.0 11.7"};

  /** Next state of the gridworld (state = 5·row + column). */
  private static int next(int s, int a) {
    if (s == A) {
      return A_PRIME;
    }
    if (s == B) {
      return B_PRIME;
    }
    int r = s / 5 + DR[a];
    int c = s % 5 + DC[a];
    return r < 0 || r > 4 || c < 0 || c > 4 ? s : 5 * r + c;
  }

  private static BigFraction reward(int s, int a) {
    if (s == A) {
      return BigFraction.of(10);
    }
    if (s == B) {
      return BigFraction.of(5);
    }
    return next(s, a) == s ? BigFraction.of(-1) : BigFraction.ZERO;
  }

  private static TabularMarkovGame gridworld() {
    BigFraction[][][] r = new BigFraction[25][4][1];
    BigFraction[][][] p = new BigFraction[25][4][25];
    BigFraction[] rho = new BigFraction[25];
    for (int s = 0; s < 25; s++) {
      rho[s] = BigFraction.of(1, 25);
      for (int a = 0; a < 4; a++) {
        r[s][a][0] = reward(s, a);
        Arrays.fill(p[s][a], BigFraction.ZERO);
        p[s][a][next(s, a)] = BigFraction.ONE;
      }
    }
    return TabularMarkovGame.of("gridworld", new int[] {4}, GAMMA, rho, r, p);
  }

  /** Shortest number of moves from s to target in the grid without passing through A or B on the way. */
  private static int distance(int from, int target) {
    int[] d = new int[25];
    Arrays.fill(d, -1);
    d[from] = 0;
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    queue.add(from);
    while (!queue.isEmpty()) {
      int s = queue.poll();
      if (s == target) {
        return d[s];
      }
      if (s != from && (s == A || s == B)) {
        continue; // entering A or B teleports
      }
      for (int a = 0; a < 4; a++) {
        int r = s / 5 + DR[a];
        int c = s % 5 + DC[a];
        if (r >= 0 && r <= 4 && c >= 0 && c <= 4 && d[5 * r + c] < 0) {
          d[5 * r + c] = d[s] + 1;
          queue.add(5 * r + c);
        }
      }
    }
    throw new AssertionError("unreachable " + target);
  }

  /**
   * Hand-derived optimal values: from A every action earns 10 and jumps to A' = (4,1), which is 4 moves from A, so
   * v*(A) = 10 + γ^5 v*(A) = 10/(1 − γ^5) = 1000000/40951 ≈ 24.42; from B every action earns 5 and jumps to
   * B' = (2,3), 4 moves from A (2 from B would give less: γ² v*(B) ≈ 15.7 < γ^4 v*(A) ≈ 16.0), so
   * v*(B) = 5 + γ^5 v*(A); elsewhere no reward is earned before reaching A or B and bumping into a wall only costs,
   * so v*(s) = max(γ^{d(s,A)} v*(A), γ^{d(s,B)} v*(B)) with d the grid distance.
   */
  private static BigFraction[] handDerivedValues() {
    BigFraction g5 = GAMMA.pow(5);
    BigFraction va = BigFraction.of(10).divide(BigFraction.ONE.subtract(g5));
    BigFraction vb = BigFraction.of(5).add(g5.multiply(va));
    BigFraction[] v = new BigFraction[25];
    for (int s = 0; s < 25; s++) {
      if (s == A) {
        v[s] = va;
      } else if (s == B) {
        v[s] = vb;
      } else {
        BigFraction viaA = GAMMA.pow(distance(s, A)).multiply(va);
        BigFraction viaB = GAMMA.pow(distance(s, B)).multiply(vb);
        v[s] = viaA.compareTo(viaB) >= 0 ? viaA : viaB;
      }
    }
    return v;
  }

  @Test
  void gridworldReportsTheLowestIndexOptimalActionAtEveryState() {
    TabularMarkovGame g = gridworld();
    BestResponse br = BestResponse.of(Evaluation.of(g, Policy.uniform(g)), 0);
    assertThat(br.verify()).isTrue();
    BigFraction[] hand = handDerivedValues();
    assertThat(hand[A]).isEqualTo(BigFraction.of(1000000, 40951));
    java.util.Set<Integer> tied = new java.util.TreeSet<>();
    boolean northOverWest = false;
    for (int s = 0; s < 25; s++) {
      assertThat(br.value(s)).as("v*(%d,%d)", s / 5, s % 5).isEqualTo(hand[s]);
      String book = BOOK[s / 5].split(" ")[s % 5];
      assertThat(new BigDecimal(hand[s].getNumerator()).divide(new BigDecimal(hand[s].getDenominator()), 1,
          RoundingMode.HALF_EVEN).toPlainString()).as("Figure 3.5 at (%d,%d)", s / 5, s % 5).isEqualTo(book);
      BigFraction[] q = new BigFraction[4];
      BigFraction max = null;
      for (int a = 0; a < 4; a++) {
        q[a] = reward(s, a).add(GAMMA.multiply(hand[next(s, a)]));
        max = max == null || q[a].compareTo(max) > 0 ? q[a] : max;
      }
      int lowest = -1;
      int optimal = 0;
      for (int a = 3; a >= 0; a--) {
        if (q[a].equals(max)) {
          lowest = a;
          optimal++;
        }
      }
      if (optimal > 1) {
        tied.add(s);
      }
      northOverWest |= q[NORTH].equals(max) && q[WEST].equals(max);
      assertThat(br.action(s)).as("sigma(%d,%d) with Q* = %s", s / 5, s % 5, Arrays.toString(q)).isEqualTo(lowest);
    }
    // (1,2): north to (0,2) and west to (1,1) both reach A in 2 moves: an exact tie, north reported
    assertThat(br.action(7)).isEqualTo(NORTH);
    assertThat(northOverWest).isTrue();
    // from A and B every action is optimal (all jump): north; (4,4) goes north or west
    assertThat(br.action(A)).isEqualTo(NORTH);
    assertThat(br.action(B)).isEqualTo(NORTH);
    assertThat(br.action(24)).isEqualTo(NORTH);
    // the states with several arrows in Figure 3.5 (right): A, B, (1,0), (1,2), and columns 0, 2, 3, 4 of rows 2-4
    assertThat(tied).as("states with several optimal actions")
        .containsExactly(A, B, 5, 7, 10, 12, 13, 14, 15, 17, 18, 19, 20, 22, 23, 24);
    assertThat(br.actions()).doesNotContain(SOUTH);
  }

  /** The double world on the gridworld: same actions (its ties are ties of different sums, e.g. γ·γ·v vs γ·γ·v). */
  @Test
  void doubleGridworldReportsTheSameActions() {
    TabularMarkovGame g = gridworld();
    BestResponse br = BestResponse.of(Evaluation.of(g, Policy.uniform(g)), 0);
    DoubleEvaluation d = DoubleEvaluation.of(g.toDouble(), Policy.uniform(g).toDouble());
    assertThat(d.bestResponseActions(0)).containsExactly(br.actions());
    assertThat(d.bestResponseValue(0)[A]).isCloseTo(1000000.0 / 40951, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(EAST).isEqualTo(2);
  }

  /**
   * A random game full of exact ties: each agent's actions are copies of 1 or 2 distinct "base" actions (action a
   * behaves as base action map_i[a]), rewards drawn from {0, 1} per state and joint base action, and transitions
   * point masses (or, for one joint base action in three, the uniform distribution on two states).
   */
  static TabularMarkovGame tieHeavy(long seed) {
    UniformRandomProvider rng = RandomGames.rng(seed);
    int states = 1 + rng.nextInt(3);
    int n = 1 + rng.nextInt(3);
    int[] counts = new int[n];
    int[][] map = new int[n][];
    int[] bases = new int[n];
    for (int i = 0; i < n; i++) {
      bases[i] = 1 + rng.nextInt(2);
      counts[i] = 2 + rng.nextInt(3);
      map[i] = new int[counts[i]];
      for (int a = 0; a < counts[i]; a++) {
        map[i][a] = rng.nextInt(bases[i]);
      }
    }
    int baseJoint = RandomGames.jointCount(bases);
    BigFraction[][][] baseR = new BigFraction[states][baseJoint][n];
    BigFraction[][][] baseP = new BigFraction[states][baseJoint][states];
    for (int s = 0; s < states; s++) {
      for (int j = 0; j < baseJoint; j++) {
        for (int i = 0; i < n; i++) {
          baseR[s][j][i] = BigFraction.of(rng.nextInt(2));
        }
        Arrays.fill(baseP[s][j], BigFraction.ZERO);
        if (states > 1 && rng.nextInt(3) == 0) {
          int t = rng.nextInt(states);
          int u = (t + 1 + rng.nextInt(states - 1)) % states;
          baseP[s][j][t] = BigFraction.of(1, 2);
          baseP[s][j][u] = BigFraction.of(1, 2);
        } else {
          baseP[s][j][rng.nextInt(states)] = BigFraction.ONE;
        }
      }
    }
    int joint = RandomGames.jointCount(counts);
    BigFraction[][][] r = new BigFraction[states][joint][];
    BigFraction[][][] p = new BigFraction[states][joint][];
    for (int j = 0; j < joint; j++) {
      int[] a = RandomGames.decode(counts, j);
      int[] b = new int[n];
      for (int i = 0; i < n; i++) {
        b[i] = map[i][a[i]];
      }
      int bj = encode(bases, b);
      for (int s = 0; s < states; s++) {
        r[s][j] = baseR[s][bj].clone();
        p[s][j] = baseP[s][bj].clone();
      }
    }
    BigFraction[] rho = RandomGames.distribution(rng, states);
    BigFraction gamma = BigFraction.of(1 + rng.nextInt(9), 10);
    return TabularMarkovGame.of("tie-heavy " + seed, counts, gamma, rho, r, p);
  }

  private static int encode(int[] counts, int[] a) {
    int j = 0;
    for (int i = counts.length - 1; i >= 0; i--) {
      j = j * counts[i] + a[i];
    }
    return j;
  }

  private static final AtomicInteger TIED_STATES = new AtomicInteger();

  /**
   * On tie-heavy random games and random (pure or mixed) policies, every agent's reported best-response action is
   * optimal and no lower-index action has the same exact Q*: Q* is recomputed independently by evaluating the
   * deviation (σ_i, π_{−i}) in the game (its Q̄_i is Q*, its V_i is V*). The double best response reports the same
   * actions. Over the run many agent-states have several optimal actions (there a higher-index optimal action exists,
   * which policy iteration alone could keep).
   */
  @Test
  void reportedActionsAreTheLowestIndexOptimalOnes() {
    TIED_STATES.set(0);
    Seeds.property("bestResponseLowestIndexTies", 9101L, 200).forAll(longs().all()).checkAssert(seed -> {
      TabularMarkovGame g = tieHeavy(seed);
      Policy pi = RandomGames.mixedOrPurePolicy(g, RandomGames.rng(~seed));
      NashGap gaps = NashGap.of(g, pi);
      assertThat(gaps.verify()).isTrue();
      DoubleEvaluation dbl = DoubleEvaluation.of(g.toDouble(), pi.toDouble());
      for (int i = 0; i < g.agentCount(); i++) {
        BestResponse br = gaps.bestResponse(i);
        Evaluation dev = Evaluation.of(g, pi.withPureAgent(i, br.actions()));
        for (int s = 0; s < g.stateCount(); s++) {
          BigFraction[] q = new BigFraction[g.actionCount(i)];
          BigFraction max = null;
          for (int a = 0; a < q.length; a++) {
            q[a] = dev.qBar(i, s, a);
            max = max == null || q[a].compareTo(max) > 0 ? q[a] : max;
          }
          String where = g.name() + ", agent " + i + ", state " + s + ", Q* = " + Arrays.toString(q);
          assertThat(dev.value(i, s)).as(where).isEqualTo(br.value(s));
          int sigma = br.action(s);
          assertThat(q[sigma]).as(where).isEqualTo(max);
          for (int a = 0; a < sigma; a++) {
            assertThat(q[a].compareTo(max)).as(where + ": lower action " + a).isNegative();
          }
          int optimal = 0;
          for (BigFraction x : q) {
            optimal += x.equals(max) ? 1 : 0;
          }
          TIED_STATES.addAndGet(optimal > 1 ? 1 : 0);
        }
        assertThat(dbl.bestResponseActions(i)).as(g.name() + ", agent " + i + " (double)")
            .containsExactly(br.actions());
      }
    });
    assertThat(TIED_STATES.get()).as("agent-states with several optimal actions").isGreaterThan(100);
  }

  /**
   * The double tie tolerance of the gridworld, by hand from its definition (specs/best-response.md): |S| = 25,
   * γ = 9/10, R = max|r̄| = 10 (every action at A earns +10), so τ = 64·25·ε·(1.9/0.1)·(10/0.1 + 10)
   * = 64·25·2.220446e−16·19·110 ≈ 7.4248e−10.
   */
  @Test
  void gridworldTieToleranceByHand() {
    TabularMarkovGame g = gridworld();
    DoubleEvaluation d = DoubleEvaluation.of(g.toDouble(), Policy.uniform(g).toDouble());
    assertThat(d.tieTolerance(0)).isBetween(7.424e-10, 7.426e-10);
  }
}
