package org.mpgref.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.io.Json;
import org.mpgref.io.ResultsFormat;
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
    Evaluation ev = Evaluation.of(g, pi);
    String text;
    if (output.json) {
      text = Json.write(ResultsFormat.evaluation(ev, digits));
    } else {
      text = lines(ev, digits).toString();
    }
    Main.context().out.print(text);
    Main.context().out.flush();
    return 0;
  }

  static Tagged lines(Evaluation ev, int digits) {
    MarkovGame g = ev.game();
    Tagged t = new Tagged(digits);
    for (int i = 0; i < g.agentCount(); i++) {
      for (int s = 0; s < g.stateCount(); s++) {
        t.line("V", g.agentLabel(i), g.stateLabel(s), ev.value(i, s));
      }
    }
    for (int i = 0; i < g.agentCount(); i++) {
      t.line("VRHO", g.agentLabel(i), ev.valueAtInitial(i));
    }
    for (int i = 0; i < g.agentCount(); i++) {
      for (int s = 0; s < g.stateCount(); s++) {
        for (int a = 0; a < g.actionCount(i); a++) {
          t.line("QBAR", g.agentLabel(i), g.stateLabel(s), g.actionLabel(i, a), ev.qBar(i, s, a));
        }
      }
    }
    for (int i = 0; i < g.agentCount(); i++) {
      for (int s = 0; s < g.stateCount(); s++) {
        for (int a = 0; a < g.actionCount(i); a++) {
          t.line("ADV", g.agentLabel(i), g.stateLabel(s), g.actionLabel(i, a), ev.advantage(i, s, a));
        }
      }
    }
    for (int s = 0; s < g.stateCount(); s++) {
      t.line("D", g.stateLabel(s), ev.visitation(s));
    }
    Optional<BigFraction[]> phi = ev.potential();
    if (phi.isPresent()) {
      BigFraction total = BigFraction.ZERO;
      for (int s = 0; s < g.stateCount(); s++) {
        t.line("PHI", g.stateLabel(s), phi.get()[s]);
        total = total.add(g.initial(s).multiply(phi.get()[s]));
      }
      t.line("PHIRHO", total);
    }
    return t;
  }
}
