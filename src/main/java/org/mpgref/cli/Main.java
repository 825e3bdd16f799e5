package org.mpgref.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.mpgref.audit.DistancingAudit;
import org.mpgref.catalog.DistancingGame;
import org.mpgref.catalog.RoutingGame;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.MarkovGame;
import org.mpgref.potential.PotentialCheck;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code mpgref} command line. Exit codes: 0 success; 1 a check failed (e.g. a certificate did not verify);
 * 2 bad input or parameters (one-line message on stderr, no stack trace); 3 internal error.
 */
@Command(name = "mpgref", mixinStandardHelpOptions = true, version = "mpgref 0.1.0",
    description = "Exact reference implementation of independent learning in Markov potential games.",
    subcommands = {Main.Audit.class, Main.CheckPotential.class})
public final class Main implements Callable<Integer> {
  private Main() {}

  @Override
  public Integer call() {
    CommandLine.usage(this, System.out);
    return 0;
  }

  /**
   * Runs the command line.
   *
   * @param args arguments
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the command line with the given streams (used by tests).
   *
   * @param args arguments
   * @param out results
   * @param err progress and errors
   * @return the exit code
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(new java.io.PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    cl.setErr(new java.io.PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      if (ex instanceof InvalidGameException || ex instanceof IllegalArgumentException) {
        err.println("mpgref: " + ex.getMessage());
        return 2;
      }
      err.println("mpgref: internal error: " + ex);
      return 3;
    });
    cl.setParameterExceptionHandler((ex, a) -> {
      err.println("mpgref: " + ex.getMessage());
      return 2;
    });
    Streams.OUT = out;
    Streams.ERR = err;
    return cl.execute(args);
  }

  /** The streams of the current run. */
  static final class Streams {
    static PrintStream OUT = System.out;
    static PrintStream ERR = System.err;

    private Streams() {}
  }

  /** {@code mpgref audit distancing}. */
  @Command(name = "audit", mixinStandardHelpOptions = true,
      description = "Audit a paper's experiment exactly. Targets: distancing (Leonardos et al. 2022; Fox et al. 2022;"
          + " Ding et al. 2022).")
  static final class Audit implements Callable<Integer> {
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
      java.util.List<DistancingAudit.RunSummary> runs =
          new DistancingAudit(agents, maxIterations, trials, seed, exact).run(Streams.OUT, Streams.ERR);
      return runs.stream().allMatch(r -> r.finalGap().verify()) ? 0 : 1;
    }
  }

  /** {@code mpgref check-potential GAME}. */
  @Command(name = "check-potential", mixinStandardHelpOptions = true,
      description = "Certify a Markov potential game, or find an exact counterexample to the MPG identity.")
  static final class CheckPotential implements Callable<Integer> {
    @Parameters(index = "0", description = "catalog game: distancing or routing")
    String game = "";

    @Option(names = "--agents", defaultValue = "3", description = "N")
    int agents = 3;

    @Option(names = "--trials", defaultValue = "20", description = "K, random 4-cycles to try")
    int trials = 20;

    @Option(names = "--seed", defaultValue = "1", description = "seed")
    long seed = 1;

    @Override
    public Integer call() {
      MarkovGame g;
      switch (game) {
        case "distancing":
          g = DistancingGame.of(DistancingGame.published(agents));
          break;
        case "routing":
          g = RoutingGame.published(agents);
          break;
        default:
          throw new IllegalArgumentException("game '" + game + "' is unknown; known: distancing, routing");
      }
      if (trials < 0) {
        throw new IllegalArgumentException("--trials must be >= 0");
      }
      PotentialCheck.Result r = PotentialCheck.check(g, trials, seed);
      Streams.OUT.println(g.name());
      Streams.OUT.println(r.describe());
      return 0;
    }
  }
}
