package org.mpgref.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.mpgref.limits.CancelledException;
import org.mpgref.limits.Limits;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The limit options of every command that reads input or computes (specs/cli.md, specs/limits.md): {@code
 * --max-input-bytes}, {@code --max-digits}, {@code --max-work} (installed as the thread's {@link Limits} for the
 * command's work), and {@code --max-seconds}, a wall-clock limit enforced by a watchdog that interrupts the working
 * thread at the deadline; the core's long loops then throw {@link CancelledException} ({@code
 * org.mpgref.limits.Cancellation}), which {@link #run} turns into {@link Stopped} (exit code 4).
 */
final class LimitOptions {
  @Option(names = "--max-input-bytes", paramLabel = "B", converter = Params.PositiveLong.class,
      description = "largest input document in bytes, >= 1 (default 16777216 = 16 MiB)")
  @Nullable Long maxInputBytes;

  @Option(names = "--max-digits", paramLabel = "D", converter = Params.Positive.class,
      description = "largest numerator or denominator of an input number in decimal digits, >= 1 (default 10000)")
  @Nullable Integer maxDigits;

  @Option(names = "--max-work", paramLabel = "W", converter = Params.PositiveLong.class,
      description = "largest estimated work of one computation in work units, >= 1, e.g. 5e8 (default 500000000, about"
          + " 10 s)")
  @Nullable Long maxWork;

  @Option(names = "--max-seconds", paramLabel = "X", converter = Params.Seconds.class,
      description = "stop after X seconds of wall-clock time (0 < X <= 604800; default: no limit) with exit code 4"
          + " and what was certified so far")
  @Nullable Double maxSeconds;

  /**
   * @param base the limits to start from (e.g. with a command's own --max-denominator-digits)
   * @return base with the values of the given options
   */
  Limits limits(Limits base) {
    Limits l = base;
    @Nullable Long b = maxInputBytes;
    if (b != null) {
      l = l.withMaxInputBytes(b);
    }
    @Nullable Integer d = maxDigits;
    if (d != null) {
      l = l.withMaxNumberDigits(d);
    }
    @Nullable Long w = maxWork;
    if (w != null) {
      l = l.withMaxWork(w);
    }
    return l;
  }

  /**
   * @return --max-seconds as given (e.g. {@code "1"} or {@code "0.5"}), for messages
   */
  String secondsText() {
    @Nullable Double s = maxSeconds;
    if (s == null) {
      return "";
    }
    String t = String.format(Locale.ROOT, "%.3f", s).replaceAll("0+$", "");
    return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
  }

  /**
   * The one-line message of a run stopped by the time limit.
   *
   * @param what what was kept, e.g. {@code "wrote iterations 0..57 to out.json"}
   * @return {@code "stopped after X s (--max-seconds): what"}
   */
  String stoppedMessage(String what) {
    return "stopped after " + secondsText() + " s (--max-seconds): " + what;
  }

  /**
   * Runs a command's work with these limits installed and, with --max-seconds, under the watchdog ({@link Main}
   * does this for every command that has these options, so a command never installs them itself). On return the
   * thread's interrupt flag is clear and the watchdog is gone.
   *
   * @param base the limits the options modify
   * @param kept what a stopped run keeps, for the message (e.g. {@code "nothing was printed"})
   * @param work the work; its result is the exit code
   * @return the exit code
   * @throws Stopped if the work was cancelled by the time limit (directly or as the cause of a picocli execution
   *     exception, which is then rethrown with a {@link Stopped} cause)
   * @throws Exception whatever the work throws
   */
  @SuppressWarnings("try")
  int run(Limits base, String kept, Callable<Integer> work) throws Exception {
    try (Limits.Scope scope = limits(base).install(); Watchdog dog = Watchdog.start(maxSeconds)) {
      try {
        return work.call();
      } catch (CancelledException e) {
        throw dog.fired() ? new Stopped(stoppedMessage(kept)) : e;
      } catch (CommandLine.ExecutionException e) {
        if (e.getCause() instanceof CancelledException && dog.fired()) {
          throw new CommandLine.ExecutionException(e.getCommandLine(), "stopped",
              new Stopped(stoppedMessage(kept)));
        }
        throw e;
      }
    } finally {
      // a deadline that passed just as the work finished must not leak into the caller
      Thread.interrupted();
    }
  }

  /**
   * The limit options of a command, if it has them as a mixin.
   *
   * @param spec the command
   * @return its LimitOptions, or null
   */
  static @Nullable LimitOptions of(CommandSpec spec) {
    for (CommandSpec m : spec.mixins().values()) {
      Object o = m.userObject();
      if (o instanceof LimitOptions) {
        return (LimitOptions) o;
      }
    }
    return null;
  }

  /**
   * Whether the current thread has been interrupted by the watchdog (the work was cancelled) and clears the flag, so
   * that what was certified so far can be written (file channels refuse to write on an interrupted thread).
   *
   * @return whether the time limit ran out
   */
  static boolean clearInterrupt() {
    return Thread.interrupted();
  }

  /** A run stopped by {@code --max-seconds}: exit code 4, one stderr line. */
  static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stopped(String message) {
      super(message);
    }
  }

  /** Interrupts the thread that started it once the deadline passes, unless closed first. */
  static final class Watchdog implements AutoCloseable {
    private final @Nullable Thread timer;
    private final Object lock = new Object();
    private boolean done;
    private boolean fired;

    private Watchdog(@Nullable Double seconds) {
      if (seconds == null) {
        timer = null;
        return;
      }
      Thread worker = Thread.currentThread();
      long deadline = System.nanoTime() + (long) (seconds * 1e9);
      Thread t = new Thread(() -> {
        try {
          long left;
          while ((left = deadline - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, left / 1_000_000), (int) Math.min(999_999, Math.max(0, left % 1_000_000)));
          }
        } catch (InterruptedException e) {
          return;
        }
        synchronized (lock) {
          if (!done) {
            fired = true;
            worker.interrupt();
          }
        }
      }, "mpgref-max-seconds");
      t.setDaemon(true);
      timer = t;
      t.start();
    }

    static Watchdog start(@Nullable Double seconds) {
      return new Watchdog(seconds);
    }

    boolean fired() {
      synchronized (lock) {
        return fired;
      }
    }

    @Override
    public void close() {
      synchronized (lock) {
        done = true;
      }
      @Nullable Thread t = timer;
      if (t != null) {
        t.interrupt();
      }
    }
  }
}
