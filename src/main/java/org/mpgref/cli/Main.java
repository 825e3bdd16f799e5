package org.mpgref.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.mpgref.game.InvalidGameException;
import org.mpgref.io.FormatException;
import org.mpgref.limits.CancelledException;
import org.mpgref.limits.Limits;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/**
 * The {@code mpgref} command line (specs/cli.md). Commands: {@code eval}, {@code best-response}, {@code nash-gap},
 * {@code check-potential}, {@code learn}, {@code bounds}, {@code convert}, {@code audit}, {@code serve},
 * {@code vectors}; {@code --help} on each. Results go to
 * stdout as tagged lines (one result per line, Gambit style) or, with {@code --json}, as an mpgref-results/1
 * document; progress goes to stderr. Any file argument may be {@code -} for stdin (at most one per command).
 *
 * <p>Exit codes: 0 success; 1 a check failed (a certificate did not verify); 2 bad input or parameters (one line on
 * stderr naming the entry and the rule it breaks, no stack trace, nothing on stdout, no output file); 3 internal
 * error; 4 stopped by {@code --max-seconds} (one line on stderr, {@code "stopped after X s (--max-seconds): ..."};
 * what was certified before the deadline is kept: {@code learn} writes the completed iterates, {@code audit} has
 * printed the completed sections, the other commands print nothing).
 */
@Command(name = "mpgref", mixinStandardHelpOptions = true, version = "mpgref 0.1.0", scope = ScopeType.INHERIT,
    description = "Exact reference implementation of independent learning in Markov potential games.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {Main.EXIT_OK, Main.EXIT_FAILED, Main.EXIT_BAD_INPUT, Main.EXIT_INTERNAL, Main.EXIT_STOPPED},
    subcommands = {EvalCommand.class, BestResponseCommand.class, NashGapCommand.class, CheckPotentialCommand.class,
        LearnCommand.class, BoundsCommand.class, ConvertCommand.class, AuditCommand.class, ServeCommand.class,
        VectorsCommand.class})
public final class Main implements Callable<Integer> {
  /** Exit code 0, for --help. */
  static final String EXIT_OK = "0:success";
  /** Exit code 1, for --help. */
  static final String EXIT_FAILED = "1:a check failed (a certificate did not verify)";
  /** Exit code 2, for --help. */
  static final String EXIT_BAD_INPUT = "2:bad input or parameters (one line on stderr; nothing on stdout, no file)";
  /** Exit code 3, for --help. */
  static final String EXIT_INTERNAL = "3:internal error";
  /** Exit code 4, for --help. */
  static final String EXIT_STOPPED = "4:stopped by --max-seconds (one line on stderr; what was certified is kept)";
  /** The exit code of a run stopped by --max-seconds. */
  static final int STOPPED = 4;

  private static final ThreadLocal<@Nullable Context> CONTEXT = new ThreadLocal<>();

  private Main() {}

  @Override
  public Integer call() {
    CommandLine.usage(this, context().out);
    return 0;
  }

  /**
   * Runs the command line and exits with its code.
   *
   * @param args arguments
   */
  public static void main(String[] args) {
    System.exit(run(args, System.in, System.out, System.err));
  }

  /**
   * Runs the command line with the given streams and stdin = {@link System#in}.
   *
   * @param args arguments
   * @param out results
   * @param err progress and errors
   * @return the exit code (0 success, 1 check failed, 2 bad input, 3 internal error, 4 stopped by --max-seconds)
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, System.in, out, err);
  }

  /**
   * Runs the command line with the given streams (used by tests and embedders).
   *
   * @param args arguments
   * @param in what a file argument {@code -} reads
   * @param out results
   * @param err progress and errors
   * @return the exit code (0 success, 1 check failed, 2 bad input, 3 internal error, 4 stopped by --max-seconds)
   */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    cl.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      if (ex instanceof LimitOptions.Stopped) {
        err.println("mpgref: " + FormatException.oneLine(String.valueOf(ex.getMessage())));
        return STOPPED;
      }
      if (ex instanceof CancelledException) {
        err.println("mpgref: " + FormatException.oneLine(String.valueOf(ex.getMessage())));
        return STOPPED;
      }
      if (ex instanceof InvalidGameException || ex instanceof IllegalArgumentException) {
        err.println("mpgref: " + FormatException.oneLine(String.valueOf(ex.getMessage())));
        return 2;
      }
      err.println("mpgref: internal error: " + FormatException.oneLine(ex.toString()));
      return 3;
    });
    cl.setParameterExceptionHandler((ex, a) -> {
      err.println("mpgref: " + FormatException.oneLine(String.valueOf(ex.getMessage())));
      return 2;
    });
    cl.setExecutionStrategy(parseResult -> {
      CommandLine.ParseResult last = parseResult;
      while (last.hasSubcommand()) {
        last = last.subcommand();
      }
      @Nullable LimitOptions limits = LimitOptions.of(last.commandSpec());
      if (limits == null) {
        return new CommandLine.RunLast().execute(parseResult);
      }
      try {
        String name = last.commandSpec().name();
        String kept = "audit".equals(name) ? "the lines printed so far are complete; the rest was not computed"
            : "learn".equals(name) ? "no iterate was completed; nothing was written" : "nothing was printed";
        return limits.run(Limits.DEFAULT, kept, () -> new CommandLine.RunLast().execute(parseResult));
      } catch (CommandLine.ParameterException | CommandLine.ExecutionException e) {
        throw e;
      } catch (LimitOptions.Stopped e) {
        throw new CommandLine.ExecutionException(last.commandSpec().commandLine(), "stopped", e);
      } catch (Exception e) {
        throw new CommandLine.ExecutionException(last.commandSpec().commandLine(), "failed", e);
      }
    });
    @Nullable Context previous = CONTEXT.get();
    CONTEXT.set(new Context(in, out, err));
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError e) {
      err.println("mpgref: internal error: out of memory");
      return 3;
    } finally {
      if (previous == null) {
        CONTEXT.remove();
      } else {
        CONTEXT.set(previous);
      }
    }
  }

  /**
   * The streams of the current run (on this thread); outside {@link #run}, the process's own streams.
   *
   * @return the context
   */
  static Context context() {
    @Nullable Context c = CONTEXT.get();
    if (c == null) {
      return new Context(System.in, System.out, System.err);
    }
    return c;
  }

  /** The streams of one run, and whether stdin was used already. */
  static final class Context {
    final InputStream in;
    final PrintStream out;
    final PrintStream err;
    boolean stdinUsed;

    Context(InputStream in, PrintStream out, PrintStream err) {
      this.in = in;
      this.out = out;
      this.err = err;
    }
  }
}
