package org.mpgref.cli;

import java.util.concurrent.Callable;
import org.mpgref.game.MarkovGame;
import org.mpgref.io.Json;
import org.mpgref.io.ResultsFormat;
import org.mpgref.potential.PotentialCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mpgref check-potential GAME}: MPG certificate or exact counterexample. */
@Command(name = "check-potential", mixinStandardHelpOptions = true,
    description = {"Certify a Markov potential game, or find an exact counterexample to the MPG identity.",
        "Lines: MPG certified|not-an-mpg|no-counterexample | DEVIATORS count agents | TRIALS run informative |"
            + " CYCLESUM agentI agentJ state value | VERIFIED true|false | # plain-words description",
        "The deviating pair is drawn among the agents with at least two actions (DEVIATORS); a trial is informative"
            + " when both deviations change the deviating agent's policy."})
final class CheckPotentialCommand implements Callable<Integer> {
  @Mixin
  GameArgument input = new GameArgument();


  @Option(names = "--trials", paramLabel = "K", defaultValue = "20", description = "random 4-cycles to try, 1.."
      + PotentialCheck.MAX_TRIALS + " (default 20)")
  int trials = 20;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "seed of the search (default 1)")
  long seed = 1;

  @Mixin
  OutputOptions output = new OutputOptions();

  @Mixin LimitOptions limits = new LimitOptions();

  @Override
  public Integer call() {
    int digits = output.digits();
    if (trials < 1 || trials > PotentialCheck.MAX_TRIALS) {
      throw new IllegalArgumentException("--trials: " + trials + " must be between 1 and "
          + PotentialCheck.MAX_TRIALS);
    }
    MarkovGame g = input.load(3);
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
      int deviators = PotentialCheck.deviatingAgents(g).length;
      if (r instanceof PotentialCheck.Certified) {
        t.line("MPG", "certified");
        t.line("DEVIATORS", deviators, g.agentCount());
      } else if (r instanceof PotentialCheck.NotAnMpg) {
        PotentialCheck.NotAnMpg m = (PotentialCheck.NotAnMpg) r;
        PotentialCheck.Counterexample c = m.counterexample();
        t.line("MPG", "not-an-mpg");
        t.line("DEVIATORS", deviators, g.agentCount());
        t.line("TRIALS", m.search().trialsRun(), m.search().informative());
        t.line("CYCLESUM", g.agentLabel(c.agentI()), g.agentLabel(c.agentJ()), g.stateLabel(c.state()),
            c.cycleSum());
        t.line("VERIFIED", ok);
      } else {
        PotentialCheck.NoCounterexample m = (PotentialCheck.NoCounterexample) r;
        t.line("MPG", "no-counterexample");
        t.line("DEVIATORS", deviators, g.agentCount());
        t.line("TRIALS", m.search().trialsRun(), m.search().informative());
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
