package org.mpgref.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.mpgref.audit.DistancingAudit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mpgref audit distancing}: the exact audit of the distancing-game experiments. */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = "Audit a paper's experiment exactly. Targets: distancing (Leonardos et al. 2022; Fox et al. 2022;"
        + " Ding et al. 2022).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {Main.EXIT_OK, Main.EXIT_FAILED, Main.EXIT_BAD_INPUT, Main.EXIT_INTERNAL})
final class AuditCommand implements Callable<Integer> {
  @Parameters(index = "0", defaultValue = "distancing", description = "what to audit: distancing (default)")
  String target = "distancing";

  @Option(names = "--agents", defaultValue = "8", description = "N (published: 8)")
  int agents = 8;

  @Option(names = "--max-iterations", defaultValue = "1000", description = "T_max per run (published: 1000)")
  int maxIterations = 1000;

  @Option(names = "--trials", defaultValue = "10", description = "trials of check-potential per game")
  int trials = 10;

  @Option(names = "--seed", defaultValue = "1", description = "seed of check-potential")
  long seed = 1;

  @Option(names = "--exact", description = "print every exact value as a full p/q")
  boolean exact;

  @Override
  public Integer call() {
    if (!"distancing".equals(target)) {
      throw new IllegalArgumentException("audit target '" + target + "' is unknown; known: distancing");
    }
    if (agents < 2 || agents > 64) {
      throw new IllegalArgumentException("--agents " + agents + " is outside 2..64");
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("--max-iterations must be >= 1");
    }
    Main.Context c = Main.context();
    List<DistancingAudit.RunSummary> runs =
        new DistancingAudit(agents, maxIterations, trials, seed, exact).run(c.out, c.err);
    return runs.stream().allMatch(r -> r.finalGap().verify()) ? 0 : 1;
  }
}
