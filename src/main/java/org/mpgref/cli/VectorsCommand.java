package org.mpgref.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mpgref.conformance.ConformanceVectors;
import org.checkerframework.checker.nullness.qual.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mpgref vectors generate|check DIR}: the conformance vectors (specs/vectors/README.md). */
@Command(name = "vectors", mixinStandardHelpOptions = true,
    description = {"Generate or check the conformance vectors.",
        "generate DIR: write the vector set (deterministic for a seed; the checked-in set: --seed 20261122).",
        "check DIR: recompute every vector and print one line per difference; VECTORS <n> OK when all agree."})
final class VectorsCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "ACTION", description = "generate or check")
  String action = "";

  @Parameters(index = "1", paramLabel = "DIR", description = "the directory (e.g. specs/vectors)")
  String dir = "";

  @Option(names = "--seed", paramLabel = "S", defaultValue = "20261122", description = "seed for generate (default"
      + " 20261122, the checked-in set)")
  long seed = ConformanceVectors.DEFAULT_SEED;

  @Mixin
  LimitOptions limits = new LimitOptions();

  @Spec
  @Nullable CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Main.Context c = Main.context();
    CommandSpec sp = spec;
    if (sp != null) {
      Params.requires(sp, "--seed", "generate".equals(action), "generate (check recomputes the vectors' own seeds)");
    }
    Path d = Path.of(dir);
    switch (action) {
      case "generate": {
        List<Path> files = ConformanceVectors.generate(d, seed);
        c.out.println("VECTORS " + files.size() + " written to " + org.mpgref.io.Text.escape(d.toString()));
        return 0;
      }
      case "check": {
        if (!d.toFile().isDirectory()) {
          throw new IllegalArgumentException(dir + ": not a directory");
        }
        List<String> problems = ConformanceVectors.check(d);
        for (String p : problems) {
          c.out.println("DIFFERS " + org.mpgref.io.Text.escape(p));
        }
        if (problems.isEmpty()) {
          c.out.println("VECTORS " + ConformanceVectors.count(d) + " OK");
          return 0;
        }
        return 1;
      }
      default:
        throw new IllegalArgumentException("vectors: action '" + action + "' is unknown; use generate or check");
    }
  }
}
