package org.mpgref.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.mpgref.audit.DistancingAudit;
import org.mpgref.audit.DistancingReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mpgref audit distancing}: the exact audit of the distancing-game experiments. */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = "Audit a paper's experiment exactly. Targets: distancing (Leonardos et al. 2022; Fox et al. 2022;"
        + " Ding et al. 2022).")
final class AuditCommand implements Callable<Integer> {
  @Parameters(index = "0", defaultValue = "distancing", description = "what to audit: distancing (default)")
  String target = "distancing";

  /** Largest --max-iterations (each run keeps its double iterates, about 1 kB each for N = 8). */
  static final int MAX_ITERATIONS = 100_000;

  /** Largest --trials. */
  static final int MAX_TRIALS = 1_000_000;

  @Option(names = "--agents", paramLabel = "N", defaultValue = "8", converter = Params.Positive.class,
      description = "N in 2..64 (published: 8)")
  int agents = 8;

  @Option(names = "--max-iterations", paramLabel = "T", defaultValue = "1000", converter = Params.Positive.class,
      description = "T_max per run, 1.." + MAX_ITERATIONS + " (published: 1000)")
  int maxIterations = 1000;

  @Option(names = "--trials", paramLabel = "K", defaultValue = "10", converter = Params.Positive.class,
      description = "trials of check-potential per game, 1.." + MAX_TRIALS + " (default 10)")
  int trials = 10;

  @Option(names = "--seed", defaultValue = "1", description = "seed of check-potential")
  long seed = 1;

  @Option(names = "--exact", description = "print every exact value as a full p/q")
  boolean exact;

  @Option(names = "--report", paramLabel = "DIR", description = "also write DIR/" + DistancingReport.MARKDOWN
      + " and DIR/" + DistancingReport.FIGURE + " (exact Nash gap per iteration, log scale); DIR is created if"
      + " missing; stdout is unchanged")
  @Nullable Path report;

  @Option(names = "--force", description = "with --report: overwrite existing report files")
  boolean force;

  /** The default of --report-every. */
  static final int REPORT_EVERY = 10;

  @Option(names = "--report-every", paramLabel = "K", converter = Params.Positive.class,
      description = "with --report: after the exact gap first reaches 1e-6, score every K-th iterate (and the last)"
          + " for the figure, 1.." + DistancingAudit.MAX_STRIDE + " (default " + REPORT_EVERY + "; 1 = every one)")
  @Nullable Integer reportEvery;

  @Mixin
  LimitOptions limits = new LimitOptions();

  @Override
  public Integer call() {
    if (!"distancing".equals(target)) {
      throw new IllegalArgumentException("audit target '" + target + "' is unknown; known: distancing");
    }
    Params.range("--agents", agents, 2, 64);
    Params.range("--max-iterations", maxIterations, 1, MAX_ITERATIONS);
    Params.range("--trials", trials, 1, MAX_TRIALS);
    Main.Context c = Main.context();
    DistancingAudit audit = new DistancingAudit(agents, maxIterations, trials, seed, exact);
    Path dir = report;
    if (dir == null) {
      if (force || reportEvery != null) {
        throw new IllegalArgumentException((force ? "--force" : "--report-every") + " needs --report DIR");
      }
      return verdict(audit.run(c.out, c.err));
    }
    int every = reportEvery == null ? REPORT_EVERY : reportEvery;
    Params.range("--report-every", every, 1, DistancingAudit.MAX_STRIDE);
    DistancingReport.prepare(dir, force);
    System.setProperty("java.awt.headless", "true");
    TeePrintStream tee = new TeePrintStream(c.out);
    DistancingAudit.Traced traced = audit.runTraced(tee, c.err, every);
    tee.flush();
    String command = "mpgref audit distancing --agents " + agents + " --max-iterations " + maxIterations
        + " --trials " + trials + " --seed " + seed + (exact ? " --exact" : "") + " --report " + dir
        + " --report-every " + every;
    c.err.println("[audit] writing " + dir.resolve(DistancingReport.FIGURE) + " and "
        + dir.resolve(DistancingReport.MARKDOWN) + " ...");
    DistancingReport.write(dir, force, command, tee.text(), traced);
    return verdict(traced.runs());
  }

  private static int verdict(List<DistancingAudit.RunSummary> runs) {
    return runs.stream().allMatch(r -> r.finalGap().verify()) ? 0 : 1;
  }
}
