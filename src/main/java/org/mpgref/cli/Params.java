package org.mpgref.cli;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.checkerframework.checker.nullness.qual.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * The shared validation of command-line parameters, applied by picocli while it parses, i.e. before any input is read
 * or any work is done (specs/cli.md, "Parameters"). Each converter refuses a bad value with one line that picocli
 * prefixes with the option's name ({@code Invalid value for option '--trials': -1 is not >= 1}), so every command
 * refuses the same things with the same words:
 *
 * <ul>
 *   <li>{@link Positive}: an integer ≥ 1 (counts: trials, iterations, agents, limits);
 *   <li>{@link NonNegative}: an integer ≥ 0 (digits, seeds-as-counts);
 *   <li>{@link PositiveLong}: a long ≥ 1 (byte and work limits);
 *   <li>{@link Seconds}: a decimal number of seconds, &gt; 0 and ≤ {@link #MAX_SECONDS};
 *   <li>{@link OutFile}: an output file that can be written: {@code -} (stdout, where the command allows it) or a
 *       non-empty path whose parent directory exists and is writable and which is not itself a directory.
 * </ul>
 *
 * Ranges that depend on the command (e.g. {@code --agents 2..64} of {@code audit}) are checked by {@link #range}, and
 * options that do nothing without another one are refused by {@link #requires} / {@link #refuses}, both at the start
 * of the command, before any work.
 */
final class Params {
  /** Largest accepted {@code --max-seconds}: one week. */
  static final long MAX_SECONDS = 7L * 24 * 3600;

  private Params() {}

  /** An integer ≥ 1. */
  static final class Positive implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      int v = parseInt(value);
      if (v < 1) {
        throw new TypeConversionException(value + " is not >= 1");
      }
      return v;
    }
  }

  /** An integer ≥ 0. */
  static final class NonNegative implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      int v = parseInt(value);
      if (v < 0) {
        throw new TypeConversionException(value + " is not >= 0");
      }
      return v;
    }
  }

  /**
   * A long ≥ 1, written as an integer ({@code 500000000}) or, as mpgref prints limits, in scientific notation with an
   * integral value ({@code 5e8}, {@code 1.5e9}); read exactly through {@link java.math.BigDecimal}, never a double.
   */
  static final class PositiveLong implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      long v;
      try {
        String t = value.trim();
        if (t.startsWith("+") || !t.matches("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]{1,3})?")) {
          throw new NumberFormatException(t);
        }
        v = new java.math.BigDecimal(t).longValueExact();
      } catch (NumberFormatException | ArithmeticException e) {
        throw new TypeConversionException("'" + value + "' is not an integer in 1.." + Long.MAX_VALUE
            + " (e.g. 500000000 or 5e8)");
      }
      if (v < 1) {
        throw new TypeConversionException(value + " is not >= 1");
      }
      return v;
    }
  }

  /** A number of seconds: a plain decimal (e.g. {@code 1}, {@code 0.5}), &gt; 0 and ≤ one week. */
  static final class Seconds implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      BigDecimal d;
      try {
        d = new BigDecimal(value.trim());
      } catch (NumberFormatException e) {
        throw new TypeConversionException("'" + value + "' is not a decimal number of seconds");
      }
      if (d.signum() <= 0 || d.compareTo(BigDecimal.valueOf(MAX_SECONDS)) > 0) {
        throw new TypeConversionException(value + " is not in (0, " + MAX_SECONDS + "] seconds");
      }
      if (d.compareTo(new BigDecimal("0.001")) < 0) {
        throw new TypeConversionException(value + " is below the 0.001 s resolution of the watchdog");
      }
      return d.doubleValue();
    }
  }

  /**
   * An output file: {@code -} or a path that can be written now (checked while parsing, so that nothing is computed
   * for an output that cannot be written; the file itself is written atomically at the end, {@code
   * org.mpgref.io.OutputFiles}).
   */
  static final class OutFile implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      @Nullable String problem = outProblem(value);
      if (problem != null) {
        throw new TypeConversionException(problem);
      }
      return value;
    }
  }

  /**
   * Why a path cannot be written as an output file, or null if it can ({@code -} always can).
   *
   * @param value the path as given
   * @return the reason, one line, or null
   */
  static @Nullable String outProblem(String value) {
    if ("-".equals(value)) {
      return null;
    }
    if (value.isBlank()) {
      return "'" + value + "' is empty; give a file name (or - for stdout)";
    }
    Path p;
    try {
      p = Path.of(value).toAbsolutePath();
    } catch (InvalidPathException e) {
      return "'" + value + "' is not a valid path: " + e.getReason();
    }
    @Nullable Path dir = p.getParent();
    @Nullable Path name = p.getFileName();
    if (dir == null || name == null) {
      return "'" + value + "' is not a file name (it has no parent directory)";
    }
    if (Files.isDirectory(p)) {
      return "'" + value + "' is a directory; give a file name";
    }
    if (!Files.exists(dir)) {
      return "'" + value + "': directory " + dir + " does not exist";
    }
    if (!Files.isDirectory(dir)) {
      return "'" + value + "': " + dir + " is not a directory";
    }
    if (!Files.isWritable(dir)) {
      return "'" + value + "': directory " + dir + " is not writable";
    }
    if (Files.exists(p) && !Files.isWritable(p)) {
      return "'" + value + "' exists and is not writable";
    }
    return null;
  }

  /**
   * Refuses a value outside lo..hi.
   *
   * @param option the option, e.g. {@code --agents}
   * @param value its value
   * @param lo smallest accepted
   * @param hi largest accepted
   * @return the value
   * @throws IllegalArgumentException {@code "--agents 65 is outside 2..64"}
   */
  static int range(String option, int value, int lo, int hi) {
    if (value < lo || value > hi) {
      throw new IllegalArgumentException(option + " " + value + " is outside " + lo + ".." + hi);
    }
    return value;
  }

  /**
   * Whether an option was given on the command line (as opposed to taking its default).
   *
   * @param spec the command's spec
   * @param option the option's name
   * @return whether it was given
   */
  static boolean given(CommandSpec spec, String option) {
    CommandLine.ParseResult pr = spec.commandLine().getParseResult();
    return pr != null && pr.hasMatchedOption(option);
  }

  /**
   * Refuses an option given without the condition that gives it an effect.
   *
   * @param spec the command's spec
   * @param option the option, e.g. {@code --round-digits}
   * @param condition whether the option has an effect
   * @param needs what it needs, e.g. {@code "--certify"}
   * @throws ParameterException {@code "--round-digits has no effect without --certify"}
   */
  static void requires(CommandSpec spec, String option, boolean condition, String needs) {
    if (given(spec, option) && !condition) {
      throw new ParameterException(spec.commandLine(), option + " has no effect without " + needs);
    }
  }

  /**
   * Refuses an option given together with something that makes it ineffective.
   *
   * @param spec the command's spec
   * @param option the option
   * @param condition whether the option is ineffective
   * @param why why, e.g. {@code "with --exact (exact runs stop at an exact fixed point)"}
   * @throws ParameterException {@code "--stop-l1 has no effect with --exact (...)"}
   */
  static void refuses(CommandSpec spec, String option, boolean condition, String why) {
    if (given(spec, option) && condition) {
      throw new ParameterException(spec.commandLine(), option + " has no effect " + why);
    }
  }

  private static int parseInt(String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value + "' is not an integer in " + Integer.MIN_VALUE + ".."
          + Integer.MAX_VALUE);
    }
  }
}
