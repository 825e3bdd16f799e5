package org.mpgref.cli;

import java.util.concurrent.Callable;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.io.Results;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mpgref eval GAME POLICY}: V, V(ρ), Q̄, Ā, d and Φ of a policy, exactly. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = {"Evaluate a product policy exactly: V_i(s), V_i(rho), Qbar_i(s,a), Abar_i(s,a), d_rho(s) and, if"
        + " the game declares a stage potential, Phi(s) and Phi(rho).",
        "Lines: V agent state value | VRHO agent value | QBAR agent state action value |"
            + " ADV agent state action value | D state value | PHI state value | PHIRHO value"},
    exitCodeList = {Main.EXIT_OK, Main.EXIT_BAD_INPUT, Main.EXIT_INTERNAL, Main.EXIT_STOPPED})
final class EvalCommand implements Callable<Integer> {
  @Mixin
  GameAndPolicy input = new GameAndPolicy();


  @Mixin
  LimitOptions limits = new LimitOptions();

  @Mixin
  OutputOptions output = new OutputOptions();

  @Override
  public Integer call() {
    int digits = output.digits();
    MarkovGame g = input.game.load();
    Policy pi = input.policy(g);
    output.print(Results.evaluation(Evaluation.of(g, pi)), digits);
    return 0;
  }
}
