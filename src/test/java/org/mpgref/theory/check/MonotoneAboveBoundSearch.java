package org.mpgref.theory.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.apache.commons.rng.UniformRandomProvider;
import org.mpgref.dynamics.Algorithm;
import org.mpgref.game.Policy;
import org.mpgref.numbers.Rationals;
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.testkit.RandomGames;
import org.mpgref.theory.MismatchCoefficient;
import org.mpgref.theory.MonotoneBounds;
import org.mpgref.theory.MonotoneTestGames;
import org.mpgref.theory.StepSizeBounds;

/**
 * The one-off search (not a test; run by hand) for instances where a step size ABOVE the proven bound decreases Φ(ρ):
 * exactly for IPG and projected Q-ascent, certified for INPG. It scans seeded games and policies with η = bound × f
 * for growing factors f and prints, per algorithm, the instance with the smallest factor found and how many
 * (game, policy) pairs showed a decrease at each factor. Its findings are frozen as regression instances in
 * {@link MonotoneAboveBoundTest}; the games are those of {@link MonotoneTestGames} and
 * {@link RandomGames#potentialGame}, not tuned to the claim.
 *
 * <p>Run: {@code mvn -B -ntp -q test-compile exec:java -Dexec.mainClass=org.mpgref.theory.MonotoneAboveBoundSearch
 * -Dexec.classpathScope=test}
 */
public final class MonotoneAboveBoundSearch {
  private MonotoneAboveBoundSearch() {}

  private static final BigFraction[] FACTORS = factors("1", "5/4", "3/2", "2", "5/2", "3", "4", "6", "8", "12", "16",
      "32", "64", "128", "256", "512", "1024", "2048", "4096", "6144", "8192", "12288", "16384", "32768", "65536");

  private static BigFraction[] factors(String... f) {
    BigFraction[] out = new BigFraction[f.length];
    for (int k = 0; k < f.length; k++) {
      String[] pq = f[k].split("/");
      out[k] = pq.length == 1 ? BigFraction.of(Long.parseLong(pq[0]))
          : BigFraction.of(Long.parseLong(pq[0]), Long.parseLong(pq[1]));
    }
    return out;
  }

  /**
   * Entry point.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    int games = args.length > 0 ? Integer.parseInt(args[0]) : 120;
    int policies = 4;
    for (Algorithm alg : new Algorithm[] {Algorithm.IPG, Algorithm.PROJECTED_Q_ASCENT}) {
      long t0 = System.nanoTime();
      int[] hits = new int[FACTORS.length];
      String[] best = {"none", "none", "none", "none"};
      int[] bestK = {FACTORS.length, FACTORS.length, FACTORS.length, FACTORS.length};
      int tried = 0;
      for (int g = 0; g < games; g++) {
        for (int kind = 0; kind < 2; kind++) {
          int states = 1 + g % 2;
          long seed = 1000L + g;
          TabularMarkovGame game = kind == 0 ? MonotoneTestGames.unitMpg(states, seed)
              : RandomGames.potentialGame(states, 2, 2, seed);
          if (game.actionCount(0) != 2 || game.actionCount(1) != 2) {
            continue;
          }
          Optional<BigFraction> bound;
          try {
            bound = alg == Algorithm.IPG ? MonotoneBounds.ipgNonDecreasing(game)
                : MonotoneBounds.qAscentNonDecreasing(game);
          } catch (IllegalArgumentException zeroRho) {
            continue;
          }
          if (bound.isEmpty()) {
            continue;
          }
          UniformRandomProvider r = RandomGames.rng(~seed);
          for (int p = 0; p < policies; p++) {
            Policy pi = RandomGames.policy(game, r);
            tried++;
            for (int k = 0; k < FACTORS.length; k++) {
              BigFraction eta = bound.get().multiply(FACTORS[k]);
              MonotoneProjectedCheck.Step st = MonotoneProjectedCheck.step(game, pi, alg, eta);
              if (!st.nonDecreasing()) {
                hits[k]++;
                int cat = (game.discount().signum() > 0 ? 2 : 0) + states - 1;
                if (k < bestK[cat]) {
                  bestK[cat] = k;
                  best[cat] = "kind=" + (kind == 0 ? "unitMpg" : "RandomGames.potentialGame") + " states=" + states
                      + " gamma=" + Rationals.format(game.discount())
                      + " seed=" + seed + " policyIndex=" + p + " factor=" + Rationals.format(FACTORS[k]) + " eta="
                      + Rationals.format(eta) + " gain=" + Rationals.format(st.gain()) + " ~ "
                      + st.gain().doubleValue() + "\n" + pi;
                }
                break;
              }
            }
          }
        }
      }
      System.out.println("== " + alg.label() + ": " + tried + " (game, policy) pairs; smallest factor with a decrease");
      report(hits);
      System.out.println("best with gamma = 0, 1 state: " + best[0]);
      System.out.println("best with gamma = 0, 2 states: " + best[1]);
      System.out.println("best with gamma > 0, 1 state: " + best[2]);
      System.out.println("best with gamma > 0, 2 states: " + best[3]);
      System.out.println("seconds: " + (System.nanoTime() - t0) / 1e9);
    }
    long t1 = System.nanoTime();
    inpg(games);
    System.out.println("seconds: " + (System.nanoTime() - t1) / 1e9);
  }

  private static void inpg(int games) {
    int[] hits = new int[FACTORS.length];
    int[] undecided = new int[FACTORS.length];
    String[] best = {"none", "none", "none", "none"};
    int[] bestK = {FACTORS.length, FACTORS.length, FACTORS.length, FACTORS.length};
    int tried = 0;
    for (int g = 0; g < games; g++) {
      int states = 1 + g % 2;
      long seed = 1000L + g;
      TabularMarkovGame game = MonotoneTestGames.unitMpg(states, seed);
      BigFraction m = MismatchCoefficient.of(game).value().orElseThrow();
      BigFraction bound = StepSizeBounds.inpgTheorem31(game, m);
      UniformRandomProvider r = RandomGames.rng(~seed);
      for (int p = 0; p < 2; p++) {
        Policy pi = MonotoneTestGames.interiorPolicy(game, r);
        tried++;
        for (int k = 0; k < FACTORS.length; k++) {
          BigFraction eta = bound.multiply(FACTORS[k]);
          MonotoneInpgCheck.Step st;
          try {
            st = MonotoneInpgCheck.step(game, pi, eta, 30);
          } catch (IllegalArgumentException tooLarge) {
            break;
          }
          if (st.verdict() == MonotoneInpgCheck.Verdict.UNDECIDED) {
            undecided[k]++;
          }
          if (st.verdict() == MonotoneInpgCheck.Verdict.CERTIFIED_DECREASE) {
            hits[k]++;
            int cat = (game.discount().signum() > 0 ? 2 : 0) + states - 1;
            if (k < bestK[cat]) {
              bestK[cat] = k;
              best[cat] = "unitMpg states=" + states + " gamma=" + Rationals.format(game.discount()) + " seed=" + seed + " policyIndex=" + p + " factor=" + Rationals.format(FACTORS[k])
                  + " eta=" + Rationals.format(eta) + " M=" + Rationals.format(m) + " upper="
                  + st.upper().doubleValue() + "\n" + pi;
            }
            break;
          }
        }
      }
    }
    System.out.println("== INPG: " + tried + " (game, policy) pairs; smallest factor with a certified decrease");
    report(hits);
    List<String> u = new ArrayList<>();
    for (int k = 0; k < FACTORS.length; k++) {
      u.add(Rationals.format(FACTORS[k]) + ":" + undecided[k]);
    }
    System.out.println("undecided steps per factor: " + u);
    System.out.println("best with gamma = 0, 1 state: " + best[0]);
    System.out.println("best with gamma = 0, 2 states: " + best[1]);
    System.out.println("best with gamma > 0, 1 state: " + best[2]);
    System.out.println("best with gamma > 0, 2 states: " + best[3]);
  }

  private static void report(int[] hits) {
    List<String> parts = new ArrayList<>();
    for (int k = 0; k < FACTORS.length; k++) {
      parts.add(Rationals.format(FACTORS[k]) + ":" + hits[k]);
    }
    System.out.println("factor:count " + parts);
  }
}
