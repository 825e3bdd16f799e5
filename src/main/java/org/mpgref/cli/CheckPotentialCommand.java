package org.mpgref.cli;

import java.util.concurrent.Callable;
import org.mpgref.game.MarkovGame;
import org.mpgref.io.Result;
import org.mpgref.io.Results;
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
    Result result = Results.potentialCheck(r, g);
    output.print(result, digits);
    // a counterexample's exact re-check fails: exit 1 (a certificate and a search without one exit 0)
    String verified = "counterexample/verified";
    return result.member(verified).isPresent() && !result.holds(verified) ? 1 : 0;
  }
}
