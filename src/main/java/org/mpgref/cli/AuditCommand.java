package org.mpgref.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.mpgref.audit.DistancingAudit;
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
    List<DistancingAudit.RunSummary> runs =
        new DistancingAudit(agents, maxIterations, trials, seed, exact).run(c.out, c.err);
    return runs.stream().allMatch(r -> r.finalGap().verify()) ? 0 : 1;
  }
}
