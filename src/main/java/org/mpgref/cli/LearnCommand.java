package org.mpgref.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.commons.numbers.fraction.BigFraction;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.mpgref.dynamics.Algorithm;
import org.mpgref.dynamics.DoubleDynamics;
import org.mpgref.dynamics.ExactDynamics;
import org.mpgref.dynamics.ExactIterate;
import org.mpgref.dynamics.Iterate;
import org.mpgref.evaluation.NashGap;
import org.mpgref.game.DoublePolicy;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.io.ExactNumbers;
import org.mpgref.io.Json;
import org.mpgref.io.OutputFiles;
import org.mpgref.io.PolicyHistoryFormat;
import org.mpgref.io.ResultsFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mpgref learn GAME --algorithm A --eta X --iterations T --out FILE}: run a dynamics, write the trajectory. */
@Command(name = "learn", mixinStandardHelpOptions = true,
    description = {"Run an independent learning dynamics with exact-model gradients from the uniform policy and"
        + " write the trajectory (mpgref-policy-history/1 with per-iteration records) to --out.",
        "Algorithms: ipg (Leonardos et al. 2022), q-ascent (projected Q-ascent, Ding et al. 2022), inpg (Fox et al."
            + " 2022; double only). Without --exact the run is in double and stops early when the L1 change falls"
            + " below --stop-l1; with --exact (ipg, q-ascent) every iterate is an exact rational policy.",
        "Lines: ITERATIONS t | STOPPED iterations|l1|fixed-point|size | NASHGAP value | NASHCONV value |"
            + " CERTIFIED true|false | OUT file  (the final iterate's exact gaps; a double iterate is first put"
            + " exactly on the simplex)"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {Main.EXIT_OK, Main.EXIT_FAILED, Main.EXIT_BAD_INPUT, Main.EXIT_INTERNAL})
final class LearnCommand implements Callable<Integer> {
  /** Largest number of iterations accepted. */
  static final int MAX_ITERATIONS = 1_000_000;

  @Parameters(index = "0", paramLabel = "GAME", description = "game file, - for stdin, or a catalog name")
  String game = "";

  @Option(names = "--algorithm", paramLabel = "A", required = true, description = "ipg, q-ascent or inpg")
  String algorithm = "";

  @Option(names = "--eta", paramLabel = "X", required = true, description = "step size > 0, read exactly (e.g."
      + " 1e-4, 1/10000)")
  String eta = "";

  @Option(names = "--iterations", paramLabel = "T", required = true, description = "largest number of steps")
  int iterations;

  @Option(names = "--exact", description = "run exactly (ipg, q-ascent only)")
  boolean exact;

  @Option(names = "--stop-l1", paramLabel = "X", defaultValue = "1e-15", description = "double runs: stop when"
      + " (1/N) sum_i |pi_i^t - pi_i^(t-1)|_1 < X (default 1e-15, the authors' rule)")
  String stopL1 = "1e-15";

  @Option(names = "--max-denominator-digits", paramLabel = "D", defaultValue = "10000", description = "exact runs:"
      + " stop when a denominator exceeds D digits (default 10000)")
  int maxDenominatorDigits = 10000;

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "trajectory file (written"
      + " atomically; - for stdout, which then carries only the trajectory)")
  String out = "";

  @Option(names = "--agents", paramLabel = "N", description = "N for a catalog game (default: published)")
  @Nullable Integer agents;

  @Mixin
  OutputOptions output = new OutputOptions();

  static Algorithm algorithm(String name) {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "ipg":
        return Algorithm.IPG;
      case "q-ascent":
        return Algorithm.PROJECTED_Q_ASCENT;
      case "inpg":
        return Algorithm.INPG;
      default:
        throw new IllegalArgumentException("--algorithm " + name + " is unknown; known: ipg, q-ascent, inpg");
    }
  }

  @Override
  public Integer call() {
    int digits = output.digits();
    Algorithm alg = algorithm(algorithm);
    BigFraction step = ExactNumbers.parse(eta, "--eta");
    if (step.signum() <= 0) {
      throw new IllegalArgumentException("--eta " + eta + " must be > 0");
    }
    if (iterations < 0 || iterations > MAX_ITERATIONS) {
      throw new IllegalArgumentException("--iterations " + iterations + " is outside 0.." + MAX_ITERATIONS);
    }
    if (exact && !alg.isRational()) {
      throw new IllegalArgumentException(alg.label() + " uses exp and cannot run exactly; drop --exact");
    }
    if (maxDenominatorDigits < 1) {
      throw new IllegalArgumentException("--max-denominator-digits must be >= 1");
    }
    BigFraction stop = ExactNumbers.parse(stopL1, "--stop-l1");
    if (stop.signum() < 0) {
      throw new IllegalArgumentException("--stop-l1 " + stopL1 + " must be >= 0");
    }
    MarkovGame g = Inputs.game(game, agents);
    Main.Context c = Main.context();
    int every = Math.max(1, iterations / 10);
    ObjectNode history;
    ArrayNode records = Json.nodes().arrayNode();
    String stoppedBy;
    Policy last;
    int lastT;
    if (exact) {
      ExactDynamics.Run run = ExactDynamics.run(g, Policy.uniform(g), alg, step, iterations, maxDenominatorDigits);
      List<Policy> policies = new ArrayList<>();
      for (ExactIterate it : run.iterates()) {
        policies.add(it.policy());
        ObjectNode r = records.addObject();
        r.put("t", it.t());
        ArrayNode v = r.putArray("valueAtRho");
        for (BigFraction x : it.values()) {
          v.add(ExactNumbers.toJson(x, 0));
        }
        r.set("nashGap", ExactNumbers.toJson(it.nashGap(), 0));
        r.set("potential", exactOrNull(it.potential()));
        r.set("l1Change", exactOrNull(it.l1Change()));
      }
      history = PolicyHistoryFormat.write(policies, g, 0);
      ExactIterate end = run.iterates().get(run.iterates().size() - 1);
      last = end.policy();
      lastT = end.t();
      stoppedBy = run.stoppedBySize() ? "size"
          : end.l1Change().map(l -> l.signum() == 0).orElse(false) ? "fixed-point" : "iterations";
    } else {
      double stopD = stop.doubleValue();
      List<Iterate> its = DoubleDynamics.run(g.toDouble(), alg, step.doubleValue(), iterations, stopD, t -> {
        if (t % every == 0) {
          c.err.println("[learn] iteration " + t + "/" + iterations);
        }
      });
      List<DoublePolicy> policies = new ArrayList<>();
      for (Iterate it : its) {
        policies.add(it.policy());
        ObjectNode r = records.addObject();
        r.put("t", it.t());
        ArrayNode v = r.putArray("valueAtRho");
        for (double x : it.values()) {
          v.add(doubleOrNull(x));
        }
        r.set("nashGap", doubleOrNull(it.nashGap()));
        r.set("potential", doubleOrNull(it.potential()));
        r.set("l1Change", doubleOrNull(it.l1Change()));
      }
      history = PolicyHistoryFormat.writeDouble(policies, g);
      Iterate end = its.get(its.size() - 1);
      last = Policy.ofDoublePolicy(end.policy());
      lastT = end.t();
      stoppedBy = end.l1Change() < stopD ? "l1" : "iterations";
    }
    ObjectNode run = Json.nodes().objectNode();
    run.put("algorithm", algorithm.toLowerCase(Locale.ROOT));
    run.put("label", alg.label());
    run.put("source", alg.source());
    run.set("eta", ExactNumbers.toJson(step, 0));
    run.put("maxIterations", iterations);
    run.put("exact", exact);
    if (!exact) {
      run.set("stopL1", ExactNumbers.toJson(stop, 0));
    } else {
      run.put("maxDenominatorDigits", maxDenominatorDigits);
    }
    run.put("start", "uniform");
    run.put("stoppedBy", stoppedBy);
    history.set("run", run);
    history.set("records", records);
    NashGap finalGaps = NashGap.of(g, last);
    boolean ok = finalGaps.verify();
    String file = Json.write(history);
    if ("-".equals(out)) {
      c.out.print(file);
      c.out.flush();
      return ok ? 0 : 1;
    }
    OutputFiles.writeAtomically(Path.of(out), file);
    String text;
    if (output.json) {
      ObjectNode summary = Json.nodes().objectNode();
      summary.put("format", ResultsFormat.FORMAT);
      summary.put("kind", "learn");
      summary.put("game", g.name());
      summary.put("iterations", lastT);
      summary.put("stoppedBy", stoppedBy);
      summary.set("nashGap", ExactNumbers.toJson(finalGaps.nashGap(), digits));
      summary.set("nashConv", ExactNumbers.toJson(finalGaps.nashConv(), digits));
      summary.put("certificateVerified", ok);
      summary.put("out", out);
      text = Json.write(summary);
    } else {
      Tagged t = new Tagged(digits);
      t.line("ITERATIONS", lastT);
      t.line("STOPPED", stoppedBy);
      t.line("NASHGAP", finalGaps.nashGap());
      t.line("NASHCONV", finalGaps.nashConv());
      t.line("CERTIFIED", ok);
      t.line("OUT", out);
      text = t.toString();
    }
    c.out.print(text);
    c.out.flush();
    return ok ? 0 : 1;
  }

  private static JsonNode exactOrNull(Optional<BigFraction> x) {
    return x.isPresent() ? ExactNumbers.toJson(x.get(), 0) : Json.nodes().nullNode();
  }

  private static JsonNode doubleOrNull(double x) {
    return Double.isFinite(x) ? Json.nodes().numberNode(new BigDecimal(Double.toString(x)))
        : Json.nodes().nullNode();
  }
}
