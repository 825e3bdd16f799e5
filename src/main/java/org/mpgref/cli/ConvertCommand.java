package org.mpgref.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.mpgref.game.MarkovGame;
import org.mpgref.io.GameFormat;
import org.mpgref.io.Json;
import org.mpgref.io.OutputFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mpgref convert IN --to json|table}: a game in another form. */
@Command(name = "convert", mixinStandardHelpOptions = true,
    description = {"Write a game (catalog name, game file or - for stdin) in another form:",
        "  json   mpgref-game/1 in canonical form (a catalog game stays a catalog reference)",
        "  table  mpgref-game/1 as an explicit table (every joint action enumerated; refused above the dense size"
            + " limit)"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {Main.EXIT_OK, Main.EXIT_BAD_INPUT, Main.EXIT_INTERNAL})
final class ConvertCommand implements Callable<Integer> {
  /** A target form of {@code convert}. */
  interface Target {
    /**
     * @param game the game
     * @return the whole output text
     */
    String write(MarkovGame game);
  }

  /**
   * Targets by name. Hook for other formats (e.g. {@code nfg} via org.mpgref.io.nfg): add an entry here.
   */
  static final Map<String, Target> TARGETS = targets();

  private static Map<String, Target> targets() {
    Map<String, Target> m = new LinkedHashMap<>();
    m.put("json", g -> Json.write(GameFormat.write(g)));
    m.put("table", g -> Json.write(GameFormat.writeTable(g)));
    return m;
  }

  @Parameters(index = "0", paramLabel = "IN", description = "catalog name, game file, or - for stdin")
  String in = "";

  @Option(names = "--to", paramLabel = "FORM", required = true, description = "json or table")
  String to = "";

  @Option(names = "--out", paramLabel = "FILE", description = "write here (atomically) instead of stdout")
  @Nullable String out;

  @Option(names = "--agents", paramLabel = "N", description = "N for a catalog game (default: published)")
  @Nullable Integer agents;

  @Override
  public Integer call() {
    @Nullable Target target = TARGETS.get(to);
    if (target == null) {
      throw new IllegalArgumentException("--to " + to + " is unknown; known: " + String.join(", ", TARGETS.keySet()));
    }
    MarkovGame g = Inputs.game(in, agents);
    String text = target.write(g);
    String file = out;
    if (file == null || "-".equals(file)) {
      Main.context().out.print(text);
      Main.context().out.flush();
    } else {
      OutputFiles.writeAtomically(Path.of(file), text);
    }
    return 0;
  }
}
