package org.mpgref.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.mpgref.game.MarkovGame;
import org.mpgref.io.GameFormat;
import org.mpgref.io.Json;
import org.mpgref.io.nfg.NfgExport;
import org.mpgref.io.OutputFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

/** {@code mpgref convert IN --to json|table|nfg}: a game in another form. */
@Command(name = "convert", mixinStandardHelpOptions = true,
    description = {"Write a game (catalog name, game file or - for stdin) in another form:",
        "  json   mpgref-game/1 in canonical form (a catalog game stays a catalog reference)",
        "  table  mpgref-game/1 as an explicit table (every joint action enumerated; refused above the dense size"
            + " limit)",
        "  nfg    Gambit strategic form (payoff version) of one state's stage game (--state S when |S| > 1)"},
    exitCodeList = {Main.EXIT_OK, Main.EXIT_BAD_INPUT, Main.EXIT_INTERNAL, Main.EXIT_STOPPED})
final class ConvertCommand implements Callable<Integer> {
  /** A target form of {@code convert}. */
  interface Target {
    /**
     * @param game the game
     * @param state the state to export for one-state forms (index or label), or null
     * @return the whole output text
     */
    String write(MarkovGame game, @Nullable String state);
  }

  /**
   * Targets by name. Hook for other formats (e.g. {@code nfg} via org.mpgref.io.nfg): add an entry here.
   */
  static final Map<String, Target> TARGETS = targets();

  private static Map<String, Target> targets() {
    Map<String, Target> m = new LinkedHashMap<>();
    m.put("json", (g, s) -> Json.write(GameFormat.write(g)));
    m.put("table", (g, s) -> Json.write(GameFormat.writeTable(g)));
    m.put("nfg", (g, s) -> s == null ? NfgExport.payoffText(g) : NfgExport.payoffText(g, stateIndex(g, s)));
    return m;
  }

  @Mixin
  GameArgument input = new GameArgument();

  @Option(names = "--to", paramLabel = "FORM", required = true, description = "json, table or nfg")
  String to = "";

  @Option(names = "--out", paramLabel = "FILE", converter = Params.OutFile.class, description = "write here instead"
      + " of stdout (checked writable before any work, written atomically; - for stdout)")
  @Nullable String out;


  @Mixin
  LimitOptions limits = new LimitOptions();

  @Option(names = "--state", paramLabel = "S", description = "for --to nfg: the state whose stage game is exported"
      + " (index or label; required when the game has more than one state)")
  @Nullable String state;

  @Spec
  @Nullable CommandSpec spec;

  private static int stateIndex(MarkovGame g, String s) {
    for (int k = 0; k < g.stateCount(); k++) {
      if (g.stateLabel(k).equals(s)) {
        return k;
      }
    }
    try {
      int k = Integer.parseInt(s);
      if (k >= 0 && k < g.stateCount()) {
        return k;
      }
    } catch (NumberFormatException e) {
      // fall through to the error below
    }
    throw new IllegalArgumentException("--state " + s + " is neither a state label nor an index in 0.."
        + (g.stateCount() - 1));
  }

  @Override
  public Integer call() {
    @Nullable Target target = TARGETS.get(to);
    if (target == null) {
      throw new IllegalArgumentException("--to " + to + " is unknown; known: " + String.join(", ", TARGETS.keySet()));
    }
    CommandSpec sp = spec;
    if (sp != null) {
      Params.requires(sp, "--state", "nfg".equals(to), "--to nfg");
    }
    MarkovGame g = input.load();
    if ("nfg".equals(to) && state == null && g.stateCount() > 1) {
      throw new IllegalArgumentException("--to nfg exports one state's stage game: give --state S (an index in 0.."
          + (g.stateCount() - 1) + " or a state label); " + g.name() + " has " + g.stateCount() + " states");
    }
    String text = target.write(g, state);
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
