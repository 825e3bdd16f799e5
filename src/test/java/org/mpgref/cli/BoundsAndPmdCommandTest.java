package org.mpgref.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mpgref.cli.CommandsTest.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpgref.dynamics.ExactIterate;
import org.mpgref.dynamics.Algorithm;
import org.mpgref.dynamics.PolicyMirrorDescent;
import org.mpgref.evaluation.NashGap;
import org.mpgref.game.DoublePolicy;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.io.ExactNumbers;
import org.mpgref.io.GameFormat;
import org.mpgref.io.Json;
import org.mpgref.io.PolicyHistoryFormat;

/**
 * {@code bounds} and {@code learn --algorithm pmd-euclid|pmd-kl} on the one-state 2×2 coordination game of
 * proofs-notes/pmd-one-state-example.md (r(0,0) = H, r(1,1) = L, else 0; declared φ = r, identical interest), whose
 * constants are derived by hand below from the formulas of org.mpgref.theory.
 */
class BoundsAndPmdCommandTest {
  /**
   * The coordination game as a file: one state, ρ = (1), r(0,0) = high, r(1,1) = low, r = 0 otherwise, φ = r.
   */
  static Path coordination(Path dir, String gamma, String high, String low) {
    String json = "{\"format\": \"mpgref-game/1\", \"name\": \"coordination\",\n"
        + " \"agents\": [{\"label\": \"0\", \"actions\": [\"0\", \"1\"]}, {\"label\": \"1\", \"actions\": [\"0\", \"1\"]}],\n"
        + " \"states\": [\"0\"], \"gamma\": \"" + gamma + "\", \"rho\": [1], \"jointActionOrder\": \"agent0-fastest\",\n"
        + " \"rewards\": [[\"" + high + "\", \"" + high + "\", 0, 0, 0, 0, \"" + low + "\", \"" + low + "\"]],\n"
        + " \"transitions\": [[[1], [1], [1], [1]]],\n"
        + " \"potential\": {\"condition\": \"identical-interest\", \"phi\": [[\"" + high + "\", 0, 0, \"" + low
        + "\"]]}}\n";
    Path p = dir.resolve("coordination-" + gamma.replace('/', '_') + "-" + high.replace('/', '_') + ".json");
    try {
      Files.writeString(p, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  static List<String> results(String out) {
    List<String> l = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (!line.startsWith("#")) {
        l.add(line);
      }
    }
    return l;
  }

  /** ⌊√2 · 2^52⌋, the 53-bit mantissa of √2 rounded down. */
  static BigInteger sqrt2Mantissa() {
    return BigInteger.TWO.shiftLeft(104).sqrt();
  }

  @Test
  void boundsOfTheHandGameWithRewardsInTheUnitInterval(@TempDir Path dir) {
    // gamma = 1/2, r(0,0) = 1, r(1,1) = 1/2. Hand values:
    // one state: d = 1 for every policy, so M = 1 (bound 1/((1-gamma) rho) = 2) and c = 1;
    // INPG (Fox Thm 3.1): (1/2)^3/(27 * 2^2 * 2^2 * 1) = 1/3456; Phi^pi = r_pi/(1-gamma) in [0, 2]: phi_max = 2;
    // eta_E = (1/2)/(4 * 2 * 4) = 1/64; eta_KL^2 = (1/4)/(4 * 4 * 2) = 1/128, eta_KL = sqrt(2)/16, irrational,
    // in [2^-4, 2^-3): rounded down to floor(sqrt(2) 2^52)/2^56;
    // phi-hat = (1 - 0)/2 = 1/2, L = (1 + 1/2)(1/2) * 4/(1/2)^3 = 24: IPG 2/L = 1/12, 1/L = 1/24,
    // Q-ascent 2 rho_min/L = 1/12;
    // R = 1/2: eta_0 = (1/2)^2 * 1/((1/2) * 4) = 1/8.
    Path game = coordination(dir, "1/2", "1", "1/2");
    String[] r = run("bounds", game.toString());
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[2]).isEmpty();
    String kl = ExactNumbers.format(BigFraction.of(sqrt2Mantissa(), BigInteger.ONE.shiftLeft(56)), 0);
    assertThat(results(r[1])).containsExactly("GAMMA 1/2", "AGENTS 2", "STATES 1", "ACTIONSUM 4", "ACTIONMAX 2",
        "RHOMIN 1", "REWARDMIN 0", "REWARDMAX 1", "REWARDHALFSPAN exact 1/2", "POTENTIAL identical-interest verified",
        "MISMATCH exact 1", "MISMATCHBOUND 2", "INPGFORMULA m-exact 1/3456", "INPGSTEP m-exact 1/3456", "PHIMAX exact 2",
        "PMDSTEPEUCLID phimax-exact 1/64", "PMDSTEPKLSQUARED phimax-exact 1/128",
        "PMDSTEPKL phimax-exact rounded-down " + kl, "PHIHALFSPAN 1/2", "IPGSTEPNONDECREASING 1/12",
        "IPGSTEPASCENT 1/24", "QASCENTSTEPNONDECREASING 1/12", "VISITATIONFLOOR exact 1",
        "NASHREGRETSTEP c-exact r-exact 1/8");
    // every constant is followed by its source
    assertThat(r[1]).contains("# INPGSTEP source: Fox et al. AISTATS 2022, Theorem 3.1 (rewards in [0,1])")
        .contains("# PMDSTEPEUCLID source: Alatur, Barakat, He, arXiv 2408.08075 (seed 001)")
        .contains("# IPGSTEPASCENT source: proofs-notes/monotone-ipg.md");
    // the KL step is the largest 53-bit dyadic below sqrt(2)/16: value^2 < 1/128 < (value (1 + 2^-52))^2
    BigFraction v = ExactNumbers.parse(kl, "kl");
    assertThat(v.multiply(v).compareTo(BigFraction.of(1, 128))).isNegative();
    BigFraction up = v.multiply(BigFraction.ONE.add(BigFraction.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(52))));
    assertThat(up.multiply(up).compareTo(BigFraction.of(1, 128))).isPositive();
  }

  @Test
  void provenBoundsReplaceTheExpensiveConstantsOnRequest(@TempDir Path dir) {
    // --expensive never: M <= 1/((1-gamma) rho_min) = 2, INPG with M = 2: 1/6912; phi_max <= max|phi|/(1-gamma) = 2;
    // c >= (1-gamma) min nu = 1/2, eta_0 = (1/4)(1/2)/((1/2) 4) = 1/16.
    Path game = coordination(dir, "1/2", "1", "1/2");
    String[] r = run("bounds", game.toString(), "--expensive", "never");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(results(r[1])).contains("MISMATCH bound 2", "INPGFORMULA m-bound 1/6912", "INPGSTEP m-bound 1/6912", "PHIMAX bound 2",
        "PMDSTEPEUCLID phimax-bound 1/64", "VISITATIONFLOOR bound 1/2", "NASHREGRETSTEP c-bound r-exact 1/16");
    assertThat(r[1]).contains("# MISMATCH note: exact value not computed: --expensive never; proven bound");
  }

  @Test
  void rewardsOutsideTheUnitIntervalMakeTheInpgBoundNotApplicable(@TempDir Path dir) {
    // the game of the note: gamma = 0, r(0,0) = 2, r(1,1) = 1: phi_max = 2, eta_E = 1/32, eta_KL^2 = 1/32 (§1)
    Path game = coordination(dir, "0", "2", "1");
    String[] r = run("bounds", game.toString());
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    // the formula's value is still printed: gamma = 0, N = 2, A_max = 2, M = 1: 1/(27 * 4 * 4 * 1) = 1/432
    assertThat(results(r[1])).contains("REWARDMAX 2", "INPGFORMULA m-exact 1/432", "INPGSTEP not-applicable", "PHIMAX exact 2",
        "PMDSTEPEUCLID phimax-exact 1/32", "PMDSTEPKLSQUARED phimax-exact 1/32", "NASHREGRETSTEP c-exact r-exact 1/4");
    assertThat(r[1]).contains("# INPGSTEP note: the theorem assumes rewards in [0,1]; this game's rewards span [0, 2]");
  }

  @Test
  void withoutAVerifiedPotentialThePotentialConstantsAreNotApplicable() {
    String[] r = run("bounds", CommandsTest.GAME);
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    List<String> l = results(r[1]);
    assertThat(l).contains("GAMMA 1/2", "POTENTIAL none", "PHIMAX not-applicable", "PMDSTEPEUCLID not-applicable",
        "PMDSTEPKL not-applicable", "IPGSTEPNONDECREASING not-applicable", "NASHREGRETSTEP not-applicable",
        "REWARDMIN 0", "REWARDMAX 3", "INPGSTEP not-applicable");
    assertThat(r[1]).contains("# PHIMAX note: two-state-two-agent (proofs-notes/two-state-two-agent-example.md,"
        + " Example A) declares no stage potential");
    // distancing declares only state potentials; rewards outside [0,1], so only the formula's value
    // (1/100)^3 / (27 * 3^2 * 4^2 * M), M = 100: 1/388800000000
    String[] d = run("bounds", "distancing", "--agents", "3");
    assertThat(results(d[1])).contains("POTENTIAL state-potential-only no-markov-claim", "PHIMAX not-applicable",
        "MISMATCH exact 100", "MISMATCHBOUND 200", "VISITATIONFLOOR exact 1/200", "INPGFORMULA m-exact 1/388800000000",
        "INPGSTEP not-applicable");
  }

  @Test
  void largeGamesFallBackToTheProvenBounds() {
    // routing with 7 agents: 128 states > 64, so M and c are the proven bounds:
    // 1/((1-gamma) rho_min) = 1/((1/100)(1/128)) = 12800 and (1-gamma)/|S| = 1/12800.
    String[] r = run("bounds", "routing", "--agents", "7");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(results(r[1])).contains("STATES 128", "MISMATCH bound 12800", "VISITATIONFLOOR bound 1/12800");
    assertThat(r[1]).contains("128 states x 128 joint actions (limit: 262144 state-joint-action pairs and 64 states)");
  }

  @Test
  void boundsDigitsAndJson(@TempDir Path dir) {
    Path game = coordination(dir, "1/2", "1", "1/2");
    assertThat(results(run("bounds", game.toString(), "--digits", "3")[1])).contains(
        "PMDSTEPEUCLID phimax-exact 1/64 0.0156", "INPGSTEP m-exact 1/3456 0.000289");
    String[] j = run("bounds", game.toString(), "--json");
    assertThat(j[0]).as(j[2]).isEqualTo("0");
    JsonNode doc = Json.parse(j[1], "out");
    assertThat(doc.get("format").textValue()).isEqualTo("mpgref-results/1");
    assertThat(doc.get("kind").textValue()).isEqualTo("bounds");
    JsonNode euclid = null;
    JsonNode inpg = null;
    for (JsonNode c : doc.get("constants")) {
      if (c.get("tag").textValue().equals("PMDSTEPEUCLID")) {
        euclid = c;
      }
      if (c.get("tag").textValue().equals("INPGSTEP")) {
        inpg = c;
      }
    }
    assertThat(euclid).isNotNull();
    assertThat(ExactNumbers.read(euclid.get("value"), "v")).isEqualTo(BigFraction.of(1, 64));
    assertThat(euclid.get("source").textValue()).startsWith("Alatur, Barakat, He");
    assertThat(inpg).isNotNull();
    assertThat(inpg.get("qualifiers").get(0).textValue()).isEqualTo("m-exact");
  }

  @Test
  void badInputGivesExitTwoAndOneLine(@TempDir Path dir) {
    Path out = dir.resolve("run.json");
    List<String[]> cases = List.of(
        // no --eta, and the game declares no potential
        new String[] {"learn", CommandsTest.GAME, "--algorithm", "pmd-euclid", "--iterations", "3", "--out",
            out.toString()},
        // no --eta for an algorithm without a default step
        new String[] {"learn", CommandsTest.GAME, "--algorithm", "ipg", "--iterations", "3", "--out", out.toString()},
        new String[] {"learn", CommandsTest.GAME, "--algorithm", "pmd-mirror", "--eta", "1", "--iterations", "3",
            "--out", out.toString()},
        new String[] {"learn", CommandsTest.GAME, "--algorithm", "pmd-kl", "--eta", "1", "--exact", "--iterations",
            "3", "--out", out.toString()},
        // distancing declares only state potentials
        new String[] {"learn", "distancing", "--agents", "3", "--algorithm", "pmd-kl", "--iterations", "3", "--out",
            out.toString()},
        new String[] {"bounds", CommandsTest.GAME, "--expensive", "sometimes"},
        new String[] {"bounds", dir.resolve("missing.json").toString()},
        new String[] {"bounds"});
    List<String> expected = List.of("--eta is required for pmd-euclid here: two-state-two-agent", "--eta is required"
        + " for ipg", "--algorithm pmd-mirror is unknown; known: ipg, q-ascent, inpg, pmd-euclid, pmd-kl",
        "KL PMD uses exp and cannot run exactly", "--eta is required for pmd-kl here: distancing(N=3",
        "--expensive sometimes is unknown", "no such file", "GAME");
    for (int k = 0; k < cases.size(); k++) {
      String[] r = run(cases.get(k));
      String what = String.join(" ", cases.get(k));
      assertThat(r[0]).as(what).isEqualTo("2");
      assertThat(r[1]).as(what).isEmpty();
      assertThat(r[2]).as(what).startsWith("mpgref: ").endsWith("\n").contains(expected.get(k));
      assertThat(r[2].strip()).as(what).doesNotContain("\n").doesNotContain("Exception");
      assertThat(Files.exists(out)).as(what).isFalse();
    }
    assertThat(run(cases.get(0))[2]).contains("declares no stage potential, so the seed's step"
        + " (1-gamma)/(4 phi_max sum_i |A_i|) is undefined");
  }

  @Test
  void exactEuclideanPmdStaysOnTheSimplexAndMatchesPolicyMirrorDescent(@TempDir Path dir) {
    // the note's §2: eta_E = 1/32 and pi^1 = (65/128, 63/128) for both agents
    Path game = coordination(dir, "0", "2", "1");
    Path out = dir.resolve("run.json");
    String[] r = run("learn", game.toString(), "--algorithm", "pmd-euclid", "--exact", "--iterations", "6", "--out",
        out.toString());
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    List<String> l = results(r[1]);
    assertThat(l.get(0)).isEqualTo("ETA pmd-euclidean 1/32");
    assertThat(l).contains("ITERATIONS 6", "STOPPED iterations", "CERTIFIED true", "OUT " + out);
    JsonNode doc = Json.parse(read(out), "run");
    assertThat(doc.get("numbers").textValue()).isEqualTo("exact");
    assertThat(doc.get("run").get("etaRule").textValue()).isEqualTo("pmd-euclidean");
    assertThat(ExactNumbers.read(doc.get("run").get("phiMax"), "phiMax")).isEqualTo(BigFraction.of(2));
    List<Policy> history = PolicyHistoryFormat.read(doc, GameFormat.read(Json.parse(read(game), "g"), "g"), "run");
    assertThat(history).hasSize(7);
    for (Policy p : history) {
      for (int i = 0; i < p.agentCount(); i++) {
        BigFraction sum = BigFraction.ZERO;
        for (int a = 0; a < p.actionCount(i); a++) {
          // six steps at 1/32 from uniform on this game stay interior (the reader already checked the simplex)
          assertThat(p.prob(i, 0, a).signum()).isPositive();
          sum = sum.add(p.prob(i, 0, a));
        }
        assertThat(sum).isEqualTo(BigFraction.ONE);
      }
    }
    assertThat(history.get(1).prob(0, 0, 0)).isEqualTo(BigFraction.of(65, 128));
    assertThat(history.get(1).prob(1, 0, 1)).isEqualTo(BigFraction.of(63, 128));
    MarkovGame fromFile = GameFormat.read(Json.parse(read(game), "g"), "g");
    List<ExactIterate> direct = PolicyMirrorDescent.runExactEuclidean(fromFile, Policy.uniform(fromFile),
        BigFraction.of(1, 32), 6, 10000).iterates();
    assertThat(direct).hasSize(7);
    for (int t = 0; t < direct.size(); t++) {
      assertThat(history.get(t)).as("t = %d", t).isEqualTo(direct.get(t).policy());
    }
    assertThat(l).contains("NASHGAP " + ExactNumbers.format(direct.get(6).nashGap().orElseThrow(), 0));
  }

  @Test
  void klPmdRunsInDoubleWithTheRoundedDownSeedStep(@TempDir Path dir) {
    // gamma = 0: eta_KL = 1/(4 sqrt 2) = sqrt(2)/8 in [2^-3, 2^-2): floor(sqrt(2) 2^52)/2^55 (pmd-phi-max-and-steps.md §4)
    Path game = coordination(dir, "0", "2", "1");
    Path out = dir.resolve("kl.json");
    String[] r = run("learn", game.toString(), "--algorithm", "pmd-kl", "--iterations", "5", "--stop-l1", "0",
        "--out", out.toString());
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    BigFraction eta = BigFraction.of(sqrt2Mantissa(), BigInteger.ONE.shiftLeft(55));
    List<String> l = results(r[1]);
    assertThat(l.get(0)).isEqualTo("ETA pmd-kl-rounded-down " + ExactNumbers.format(eta, 0));
    MarkovGame g = GameFormat.read(Json.parse(read(game), "g"), "g");
    JsonNode doc = Json.parse(read(out), "run");
    assertThat(doc.get("numbers").textValue()).isEqualTo("floating");
    assertThat(ExactNumbers.read(doc.get("run").get("etaSeedSquared"), "sq")).isEqualTo(BigFraction.of(1, 32));
    List<DoublePolicy> history = PolicyHistoryFormat.readDouble(doc, g, "run");
    List<DoublePolicy> direct = PolicyMirrorDescent.runDouble(g.toDouble(), Policy.uniform(g).toDouble(),
        Algorithm.PMD_KL, eta.doubleValue(), 5);
    assertThat(history).hasSize(6);
    for (int t = 0; t < 6; t++) {
      for (int i = 0; i < 2; i++) {
        for (int a = 0; a < 2; a++) {
          assertThat(history.get(t).prob(i, 0, a)).isEqualTo(direct.get(t).prob(i, 0, a));
        }
      }
    }
    // the final iterate is scored exactly, as for the other double algorithms
    NashGap gap = NashGap.of(g, Policy.ofDoublePolicy(direct.get(5)));
    assertThat(l).contains("NASHGAP " + ExactNumbers.format(gap.nashGap(), 0), "CERTIFIED true");
    // a given --eta is used as given
    String[] given = run("learn", game.toString(), "--algorithm", "pmd-euclid", "--eta", "1/2", "--iterations", "1",
        "--out", out.toString());
    assertThat(results(given[1]).get(0)).isEqualTo("ETA given 1/2");
  }

  @Test
  void boundsHasHelpWithExitCodes() {
    String[] r = run("bounds", "--help");
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1]).contains("Usage: mpgref bounds").contains("Exit codes:").contains("--expensive");
    assertThat(run("--help")[1]).contains("bounds");
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
