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
import java.util.function.IntConsumer;
import org.apache.commons.numbers.fraction.BigFraction;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.mpgref.dynamics.Algorithm;
import org.mpgref.dynamics.DoubleDynamics;
import org.mpgref.dynamics.ExactDynamics;
import org.mpgref.dynamics.ExactIterate;
import org.mpgref.dynamics.Iterate;
import org.mpgref.dynamics.Listener;
import org.mpgref.dynamics.Run;
import org.mpgref.dynamics.Stop;
import org.mpgref.evaluation.NashGap;
import org.mpgref.catalog.CatalogGame;
import org.mpgref.game.DoubleMarkovGame;
import org.mpgref.game.DoublePolicy;
import org.mpgref.game.DoubleTwinCheck;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.numbers.Rationals;
import org.mpgref.io.ExactNumbers;
import org.mpgref.io.Json;
import org.mpgref.io.OutputFiles;
import org.mpgref.io.PolicyHistoryFormat;
import org.mpgref.io.Results;
import org.mpgref.limits.CancelledException;
import org.mpgref.limits.Limits;
import org.mpgref.theory.PhiMax;
import org.mpgref.theory.StepSizeBounds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mpgref learn GAME --algorithm A [--eta X] --iterations T --out FILE}: run a dynamics, write the trajectory.
 * The policy-mirror-descent algorithms ({@code pmd-euclid}, {@code pmd-kl}; Alatur et al., seed 001) take the seed's
 * step by default (η_E = (1−γ)/(4 φ_max Σ_i|A_i|), η_KL = (1−γ)/(2 φ_max √N), φ_max exact), for a game whose declared
 * stage potential is verified to be a Markov potential.
 */
@Command(name = "learn", mixinStandardHelpOptions = true,
    description = {"Run an independent learning dynamics with exact-model gradients from the uniform policy and"
        + " write the trajectory (mpgref-policy-history/1 with per-iteration records) to --out.",
        "Algorithms: ipg (Leonardos et al. 2022), q-ascent (projected Q-ascent, Ding et al. 2022), inpg (Fox et al."
            + " 2022; double only), pmd-euclid and pmd-kl (independent policy mirror descent, Alatur et al. 2024,"
            + " seed 001: Euclidean = projected Q-ascent per state, KL = pi <- pi exp(eta Qbar) normalised; KL double"
            + " only). Without --exact the run is in double and stops early when the L1 change falls below --stop-l1;"
            + " with --exact (ipg, q-ascent, pmd-euclid) every iterate is an exact rational policy.",
        "--eta is required except for pmd-euclid and pmd-kl, whose default is the seed's step eta_E = (1-gamma)/(4"
            + " phi_max sum_i |A_i|) resp. eta_KL = (1-gamma)/(2 phi_max sqrt(N)) with phi_max exact (needs a declared"
            + " stage potential that is verified to be a Markov potential). A double run uses the largest double <="
            + " the default step; an irrational eta_KL is rounded down to a 53-bit rational.",
        "Lines: ETA given|pmd-euclidean|pmd-kl|pmd-euclidean-rounded-down|pmd-kl-rounded-down value | ITERATIONS t |"
            + " STOPPED iterations|l1|fixed-point|size|time | NASHGAP value | NASHCONV value | CERTIFIED true|false |"
            + " OUT file  (the final iterate's exact gaps; a double iterate is first put exactly on the simplex)"})
final class LearnCommand implements Callable<Integer> {
  /** Largest number of iterations accepted. */
  static final int MAX_ITERATIONS = 1_000_000;

  /**
   * Largest number of numbers a trajectory may hold, (T+1)·(Σ_i |S|·|A_i| + N + 3): the whole trajectory is kept in
   * memory and written as one JSON document (measured: 4.4·10^6 numbers, 58,000 distancing iterates, 1.2 GB and 15 s
   * to write; 2·10^6, 26,000 of them, 0.9 GB and 7.5 s; 10^6, 13,332 of them, 0.7 GB and 4.8 s).
   */
  static final long MAX_TRAJECTORY_NUMBERS = 1_000_000L;

  @Mixin
  GameArgument input = new GameArgument();


  @Option(names = "--algorithm", paramLabel = "A", required = true, description = "ipg, q-ascent, inpg, pmd-euclid"
      + " or pmd-kl")
  String algorithm = "";

  @Option(names = "--eta", paramLabel = "X", description = "step size > 0, read exactly (e.g. 1e-4, 1/10000);"
      + " required except for pmd-euclid and pmd-kl (default: the seed's step)")
  @Nullable String eta;

  @Option(names = "--iterations", paramLabel = "T", required = true, converter = Params.NonNegative.class,
      description = "largest number of steps, 0.." + MAX_ITERATIONS)
  int iterations;

  @Option(names = "--exact", description = "run exactly (ipg, q-ascent, pmd-euclid only)")
  boolean exact;

  @Option(names = "--stop-l1", paramLabel = "X", defaultValue = "1e-15", description = "double runs only: stop when"
      + " (1/N) sum_i |pi_i^t - pi_i^(t-1)|_1 < X, X >= 0 (default 1e-15, the authors' rule)")
  String stopL1 = "1e-15";

  @Option(names = "--max-denominator-digits", paramLabel = "D", defaultValue = "10000",
      converter = Params.Positive.class, description = "with --exact: stop, before computing it, at the first iterate"
      + " whose denominators or whose evaluation's denominators would exceed D >= 1 decimal digits (default 10000;"
      + " STOPPED size)")
  int maxDenominatorDigits = 10000;

  @Option(names = "--out", paramLabel = "FILE", required = true, converter = Params.OutFile.class,
      description = "trajectory file, checked writable before the run and written atomically at its end; - for"
      + " stdout, which then carries only the trajectory")
  String out = "";


  @Option(names = "--start", paramLabel = "POLICY", description = "start the dynamics from this policy"
      + " (mpgref-policy/1, exact as eval's POLICY; - for stdin) instead of the uniform policy; a double run starts"
      + " from its nearest doubles; inpg and pmd-kl need every entry > 0")
  @Nullable String start;

  @Mixin
  LimitOptions limits = new LimitOptions();

  @Spec
  @Nullable CommandSpec spec;

  @Mixin
  OutputOptions output = new OutputOptions();

  /**
   * The step of a run and where it comes from.
   *
   * @param value the step η the run uses, exact (for a double run with a given --eta: the nearest double is used)
   * @param rule given, pmd-euclidean, pmd-kl, pmd-euclidean-rounded-down or pmd-kl-rounded-down
   * @param details what goes into the trajectory's {@code run} object besides eta (empty for a given step)
   */
  record Step(BigFraction value, String rule, ObjectNode details) {}

  /**
   * The seed's default step of a policy-mirror-descent run (Alatur et al., seed 001), from the exact φ_max of the
   * game's declared stage potential, which must be verified to be a Markov potential.
   *
   * @param g the game
   * @param map {@link Algorithm#PMD_EUCLIDEAN} or {@link Algorithm#PMD_KL}
   * @param inDouble whether the run is in double (then the step is the largest double ≤ the seed's step)
   * @return the step
   * @throws IllegalArgumentException (one line naming --eta) if the seed's step is not defined for the game
   */
  static Step defaultStep(MarkovGame g, Algorithm map, boolean inDouble) {
    String formula = map == Algorithm.PMD_EUCLIDEAN ? "(1-gamma)/(4 phi_max sum_i |A_i|)"
        : "(1-gamma)/(2 phi_max sqrt(N))";
    String need = "--eta is required for " + map.cliName() + " here: ";
    String unused = ", so the seed's step " + formula + " is undefined";
    @Nullable String why = Bounds.potentialProblem(g);
    if (why != null) {
      throw new IllegalArgumentException(need + why + unused);
    }
    @Nullable String tooLarge = Bounds.policyIterationTooLarge(g);
    if (tooLarge != null) {
      throw new IllegalArgumentException(need + "computing phi_max exactly needs policy iteration over " + tooLarge
          + ", too large; give the step explicitly (mpgref bounds prints the proven bounds)");
    }
    PhiMax.Result phi = PhiMax.of(g).orElseThrow(() -> new IllegalStateException("potential vanished"));
    if (phi.phiMax().signum() == 0) {
      throw new IllegalArgumentException(need + g.name() + ": the declared potential is identically 0 (phi_max = 0)"
          + unused);
    }
    ObjectNode details = Json.nodes().objectNode();
    details.set("phiMax", ExactNumbers.toJson(phi.phiMax(), 0));
    BigFraction seed;
    boolean exactSeed;
    String name;
    if (map == Algorithm.PMD_EUCLIDEAN) {
      seed = StepSizeBounds.pmdEuclidean(g, phi.phiMax());
      exactSeed = true;
      name = "pmd-euclidean";
      details.put("etaSource", StepSizeBounds.PMD_EUCLIDEAN);
      details.set("etaSeed", ExactNumbers.toJson(seed, 0));
    } else {
      StepSizeBounds.SquareRoot root = StepSizeBounds.pmdKl(g, phi.phiMax());
      seed = root.value();
      exactSeed = root.exact();
      name = "pmd-kl";
      details.put("etaSource", StepSizeBounds.PMD_KL);
      details.set("etaSeedSquared", ExactNumbers.toJson(StepSizeBounds.pmdKlSquared(g, phi.phiMax()), 0));
    }
    BigFraction used = inDouble ? largestDoubleAtMost(seed) : seed;
    boolean rounded = !exactSeed || Rationals.compare(used, seed) < 0;
    return new Step(used, rounded ? name + "-rounded-down" : name, details);
  }

  /**
   * The largest double ≤ x, as an exact rational.
   *
   * @param x a positive rational
   * @return the double, exactly
   */
  static BigFraction largestDoubleAtMost(BigFraction x) {
    double d = x.doubleValue();
    if (Rationals.compare(BigFraction.from(d), x) > 0) {
      d = Math.nextDown(d);
    }
    return BigFraction.from(d);
  }

  @Override
  @SuppressWarnings("try")
  public Integer call() {
    CommandSpec sp = requireNonNull(spec);
    int digits = output.digits();
    Algorithm alg = Algorithm.ofName(algorithm);
    String label = alg.label();
    Params.range("--iterations", iterations, 0, MAX_ITERATIONS);
    if (exact && !alg.isRational()) {
      throw new IllegalArgumentException(label + " uses exp and cannot run exactly; drop --exact");
    }
    Params.requires(sp, "--max-denominator-digits", exact, "--exact");
    Params.refuses(sp, "--stop-l1", exact, "with --exact (an exact run stops only at an exact fixed point, at"
        + " --iterations or at --max-denominator-digits)");
    boolean toStdout = "-".equals(out);
    Params.refuses(sp, "--json", toStdout, "with --out - (stdout then carries only the trajectory)");
    Params.refuses(sp, "--digits", toStdout, "with --out - (stdout then carries only the trajectory)");
    String noExact = alg.isRational() ? "use --exact" : "there is no exact " + label + " (it uses exp)";
    @Nullable String givenEta = eta;
    @Nullable BigFraction given = null;
    if (givenEta != null) {
      given = ExactNumbers.parse(givenEta, "--eta");
      if (given.signum() <= 0) {
        throw new IllegalArgumentException("--eta " + givenEta + " must be > 0");
      }
      @Nullable String twin = exact ? null : DoubleTwinCheck.probability(given);
      if (twin != null) {
        throw new IllegalArgumentException("--eta " + givenEta + " has no double twin: its value "
            + twin.substring(2) + "; " + noExact);
      }
    } else if (!alg.isMirrorDescent()) {
      throw new IllegalArgumentException("--eta is required for " + algorithm.toLowerCase(Locale.ROOT)
          + " (only pmd-euclid and pmd-kl have a default step)");
    }
    BigFraction stop = ExactNumbers.parse(stopL1, "--stop-l1");
    if (stop.signum() < 0) {
      throw new IllegalArgumentException("--stop-l1 " + stopL1 + " must be >= 0");
    }
    @Nullable String stopTwin = exact ? null : DoubleTwinCheck.probability(stop);
    if (stopTwin != null) {
      throw new IllegalArgumentException("--stop-l1 " + stopL1 + " has no double twin: its value "
          + stopTwin.substring(2));
    }
    @Nullable BigFraction givenStep = given;
    try (Limits.Scope scope = Limits.current().withMaxDenominatorDigits(maxDenominatorDigits).install()) {
      return work(digits, alg, givenStep, stop, noExact);
    }
  }

  private Integer work(int digits, Algorithm alg, @Nullable BigFraction given, BigFraction stop, String noExact) {
    MarkovGame g = input.load();
    if (!exact) {
      Optional<String> twin = DoubleTwinCheck.problem(g instanceof CatalogGame ? ((CatalogGame) g).game() : g);
      if (twin.isPresent()) {
        throw new IllegalArgumentException(Inputs.sourceName(input.game) + ": " + twin.get() + ", so the game has no double twin; "
            + noExact);
      }
    }
    long perIterate = g.agentCount() + 3L;
    for (int i = 0; i < g.agentCount(); i++) {
      perIterate += (long) g.stateCount() * g.actionCount(i);
    }
    double numbers = (iterations + 1.0) * perIterate;
    if (numbers > MAX_TRAJECTORY_NUMBERS) {
      throw new IllegalArgumentException("--iterations " + iterations + ": the trajectory would hold about "
          + Limits.sci(numbers) + " numbers (" + perIterate + " per iterate), above the limit of "
          + Limits.sci(MAX_TRAJECTORY_NUMBERS) + "; use at most --iterations "
          + Math.max(0, MAX_TRAJECTORY_NUMBERS / perIterate - 1));
    }
    Step chosen = given != null ? new Step(given, "given", Json.nodes().objectNode())
        : defaultStep(g, alg, !exact);
    BigFraction step = chosen.value();
    if (!exact && step.doubleValue() == 0) {
      throw new IllegalArgumentException("the default step " + chosen.rule() + " = "
          + DoubleTwinCheck.magnitude(step) + " underflows to 0 in double; " + noExact);
    }
    Policy startPolicy = startPolicy(g, alg);
    Main.Context c = Main.context();
    int every = Math.max(1, iterations / 10);
    ArrayNode records = Json.nodes().arrayNode();
    IntConsumer progress = t -> {
      if (t % every == 0) {
        c.err.println("[learn] iteration " + t + "/" + iterations);
      }
    };
    ObjectNode history;
    String stoppedBy;
    Policy last;
    int lastT;
    @Nullable CancelledException cancelled = null;
    if (exact) {
      List<ExactIterate> done = new ArrayList<>();
      java.util.function.Consumer<ExactIterate> sink = it -> {
        done.add(it);
        if (it.t() > 0) {
          progress.accept(it.t());
        }
      };
      @Nullable Run<ExactIterate> run = null;
      try {
        run = ExactDynamics.run(g, startPolicy, alg, step, iterations, maxDenominatorDigits, sink);
      } catch (CancelledException e) {
        cancelled = e;
      }
      if (done.isEmpty()) {
        throw cancelled != null ? new LimitOptions.Stopped(limits.stoppedMessage("no iterate was completed; nothing"
            + " was written")) : new IllegalStateException("no iterate");
      }
      List<Policy> policies = new ArrayList<>();
      for (ExactIterate it : done) {
        policies.add(it.policy());
        ObjectNode r = records.addObject();
        r.put("t", it.t());
        ArrayNode v = r.putArray("valueAtRho");
        for (BigFraction x : it.values()) {
          v.add(ExactNumbers.toJson(x, 0));
        }
        r.set("nashGap", exactOrNull(it.nashGap()));
        r.set("potential", exactOrNull(it.potential()));
        r.set("l1Change", exactOrNull(it.l1Change()));
      }
      history = PolicyHistoryFormat.write(policies, g, 0);
      ExactIterate end = done.get(done.size() - 1);
      last = end.policy();
      lastT = end.t();
      if (run != null && run.stoppedBySize()) {
        c.err.println("[learn] stopped by --max-denominator-digits: " + run.stopReason());
      }
      stoppedBy = cancelled != null ? "time" : requireNonNull(run).stop().map(Stop::kind).orElse(Stop.ITERATIONS);
    } else {
      double stopD = stop.doubleValue();
      List<Iterate> its = new ArrayList<>();
      @Nullable Run<Iterate> run = null;
      try {
        DoubleMarkovGame dg = g.toDouble();
        DoublePolicy first = start == null ? DoublePolicy.uniform(dg) : startPolicy.toDouble();
        run = DoubleDynamics.run(dg, alg.doubleRule(step.doubleValue()), first, iterations, stopD,
            Listener.of(its::add, progress));
      } catch (CancelledException e) {
        cancelled = e;
      }
      if (its.isEmpty()) {
        throw cancelled != null ? new LimitOptions.Stopped(limits.stoppedMessage("no iterate was completed; nothing"
            + " was written")) : new IllegalStateException("no iterate");
      }
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
      stoppedBy = cancelled != null ? "time" : requireNonNull(run).stop().map(Stop::kind).orElse(Stop.ITERATIONS);
    }
    ObjectNode run = Json.nodes().objectNode();
    run.put("algorithm", algorithm.toLowerCase(Locale.ROOT));
    run.put("label", alg.label());
    run.put("source", alg.source());
    run.set("eta", ExactNumbers.toJson(step, 0));
    run.put("etaRule", chosen.rule());
    run.setAll(chosen.details());
    run.put("maxIterations", iterations);
    run.put("exact", exact);
    if (!exact) {
      run.set("stopL1", ExactNumbers.toJson(stop, 0));
    } else {
      run.put("maxDenominatorDigits", maxDenominatorDigits);
    }
    @Nullable String from = start;
    if (from == null) {
      run.put("start", "uniform");
    } else {
      run.put("start", "policy");
      run.put("startFile", Inputs.sourceName(from));
    }
    run.put("stoppedBy", stoppedBy);
    history.set("run", run);
    history.set("records", records);
    if (cancelled != null) {
      // the deadline passed: keep the certified iterates (the interrupt is cleared so that the file can be written)
      LimitOptions.clearInterrupt();
      String file = Json.write(history);
      if ("-".equals(out)) {
        c.out.print(file);
        c.out.flush();
      } else {
        OutputFiles.writeAtomically(Path.of(out), file);
      }
      throw new LimitOptions.Stopped(limits.stoppedMessage("wrote iterations 0.." + lastT + " to "
          + ("-".equals(out) ? "stdout" : out) + " (stoppedBy time); no final gaps were computed"));
    }
    NashGap finalGaps = NashGap.of(g, last);
    boolean ok = finalGaps.verify();
    String file = Json.write(history);
    if ("-".equals(out)) {
      c.out.print(file);
      c.out.flush();
      return ok ? 0 : 1;
    }
    OutputFiles.writeAtomically(Path.of(out), file);
    output.print(Results.learn(g.name(), chosen.rule(), step, lastT, stoppedBy, finalGaps, ok, out), digits);
    return ok ? 0 : 1;
  }

  /**
   * The start policy: uniform without {@code --start}, else the given policy, which must fit the game; the softmax
   * rules (inpg, pmd-kl) keep finite logits θ = log π, so their start must have every entry &gt; 0 (in a double run,
   * also after rounding to double).
   */
  private Policy startPolicy(MarkovGame g, Algorithm alg) {
    @Nullable String from = start;
    if (from == null) {
      return Policy.uniform(g);
    }
    Policy p;
    try {
      p = Inputs.policy(from, g);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--start: " + e.getMessage(), e);
    }
    if (alg == Algorithm.INPG || alg == Algorithm.PMD_KL) {
      DoublePolicy d = p.toDouble();
      for (int i = 0; i < g.agentCount(); i++) {
        for (int s = 0; s < g.stateCount(); s++) {
          for (int a = 0; a < g.actionCount(i); a++) {
            if (!(d.prob(i, s, a) > 0)) {
              throw new IllegalArgumentException("--start " + Inputs.sourceName(from) + ": " + alg.cliName()
                  + " keeps finite logits theta = log pi, so every start entry must be > 0 (in double), but agent "
                  + g.agentLabel(i) + ", state " + g.stateLabel(s) + ", action " + g.actionLabel(i, a) + " has "
                  + (p.prob(i, s, a).signum() == 0 ? "0" : "a probability that rounds to 0 in double"));
            }
          }
        }
      }
    }
    return p;
  }

  private static <T> T requireNonNull(@Nullable T x) {
    if (x == null) {
      throw new IllegalStateException("unexpected null");
    }
    return x;
  }

  private static JsonNode exactOrNull(Optional<BigFraction> x) {
    return x.isPresent() ? ExactNumbers.toJson(x.get(), 0) : Json.nodes().nullNode();
  }

  private static JsonNode doubleOrNull(double x) {
    return Double.isFinite(x) ? Json.nodes().numberNode(new BigDecimal(Double.toString(x)))
        : Json.nodes().nullNode();
  }
}
