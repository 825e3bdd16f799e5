package org.mpgref.cli;

import java.util.concurrent.Callable;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.mpgref.catalog.Catalog;
import org.mpgref.game.MarkovGame;
import org.mpgref.io.Json;
import org.mpgref.io.ResultsFormat;
import org.mpgref.potential.PotentialCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mpgref check-potential GAME}: MPG certificate or exact counterexample. */
@Command(name = "check-potential", mixinStandardHelpOptions = true,
    description = {"Certify a Markov potential game, or find an exact counterexample to the MPG identity.",
        "Lines: MPG certified|not-an-mpg|no-counterexample | CYCLESUM agentI agentJ state value |"
            + " VERIFIED true|false | # plain-words description"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {Main.EXIT_OK, Main.EXIT_FAILED, Main.EXIT_BAD_INPUT, Main.EXIT_INTERNAL})
final class CheckPotentialCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "GAME", description = "catalog game (distancing, routing,"
      + " potential-states-not-mpg, zero-sum-state-mpg), a game file, or - for stdin")
  String game = "";

  @Option(names = "--agents", paramLabel = "N", description = "N for distancing or routing (default 3)")
  @Nullable Integer agents;

  @Option(names = "--trials", paramLabel = "K", defaultValue = "20", description = "random 4-cycles to try (default"
      + " 20)")
  int trials = 20;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "seed of the search (default 1)")
  long seed = 1;

  @Mixin
  OutputOptions output = new OutputOptions();

  @Mixin LimitOptions limits = new LimitOptions();

  @Override
  public Integer call() {
    int digits = output.digits();
    if (trials < 0) {
      throw new IllegalArgumentException("--trials must be >= 0");
    }
    @Nullable Integer n = agents;
    if (n == null && Catalog.contains(game) && Catalog.takesAgents(game)) {
      n = 3;
    }
    MarkovGame g = Inputs.game(game, n);
    PotentialCheck.Result r = PotentialCheck.check(g, trials, seed);
    boolean ok = true;
    String text;
    if (r instanceof PotentialCheck.NotAnMpg) {
      ok = ((PotentialCheck.NotAnMpg) r).counterexample().verify();
    }
    if (output.json) {
      text = Json.write(ResultsFormat.potentialCheck(r, g, digits));
    } else {
      Tagged t = new Tagged(digits);
      if (r instanceof PotentialCheck.Certified) {
        t.line("MPG", "certified");
      } else if (r instanceof PotentialCheck.NotAnMpg) {
        PotentialCheck.Counterexample c = ((PotentialCheck.NotAnMpg) r).counterexample();
        t.line("MPG", "not-an-mpg");
        t.line("CYCLESUM", g.agentLabel(c.agentI()), g.agentLabel(c.agentJ()), g.stateLabel(c.state()),
            c.cycleSum());
        t.line("VERIFIED", ok);
      } else {
        t.line("MPG", "no-counterexample");
      }
      t.comment(g.name());
      t.comment(r.describe().stripTrailing());
      text = t.toString();
    }
    Main.context().out.print(text);
    Main.context().out.flush();
    return ok ? 0 : 1;
  }
}
