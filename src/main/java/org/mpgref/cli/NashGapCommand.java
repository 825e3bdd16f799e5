package org.mpgref.cli;

import java.util.concurrent.Callable;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.mpgref.evaluation.NashGap;
import org.mpgref.game.DoublePolicy;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.game.PolicyRounding;
import org.mpgref.io.Json;
import org.mpgref.io.PolicyFormat;
import org.mpgref.io.ResultsFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

/** {@code mpgref nash-gap GAME POLICY [--certify]}: exact Nash gaps, optionally of a rounded floating policy. */
@Command(name = "nash-gap", mixinStandardHelpOptions = true,
    description = {"Exact Nash gaps gap_i(s) = V_i*(s) - V_i(s), gap_i(rho), the Nash gap max_i gap_i(rho) and"
        + " NashConv sum_i gap_i(rho), with every best response's certificate re-checked exactly.",
        "With --certify the policy may be floating (rows sum to 1 within 1e-9): each row is rounded to the grid"
            + " 10^-K (K = --round-digits) and put exactly on the simplex (largest entry adjusted), and the exact"
            + " gaps of that rounded policy are reported with its exact L1 distance from the input.",
        "Lines: [ROUNDED K | L1 distance] BR agent state action | GAP agent state value | GAPRHO agent value |"
            + " NASHGAP value | NASHCONV value | MAXSTATEGAP value | CERTIFIED true|false"})
final class NashGapCommand implements Callable<Integer> {
  @Mixin
  GameAndPolicy input = new GameAndPolicy();

  @Option(names = "--certify", description = "read POLICY as floating, round it onto the simplex and certify the"
      + " rounded policy's exact gap")
  boolean certify;

  @Option(names = "--round-digits", paramLabel = "K", defaultValue = "6", converter = Params.Positive.class,
      description = "only with --certify: round to multiples of 10^-K, K in 1.." + PolicyRounding.MAX_DIGITS
          + " (default 6)")
  int roundDigits = 6;

  @Spec
  @Nullable CommandSpec spec;


  @Mixin
  LimitOptions limits = new LimitOptions();

  @Mixin
  OutputOptions output = new OutputOptions();

  @Override
  public Integer call() {
    int digits = output.digits();
    CommandSpec sp = spec;
    if (sp != null) {
      Params.requires(sp, "--round-digits", certify, "--certify");
    }
    Params.range("--round-digits", roundDigits, 1, PolicyRounding.MAX_DIGITS);
    MarkovGame g = input.game.load();
    PolicyRounding.@Nullable Rounded rounded = null;
    Policy pi;
    if (certify) {
      DoublePolicy floating = "uniform".equals(input.policy) ? Policy.uniform(g).toDouble()
          : PolicyFormat.readDouble(Inputs.json(input.policy), g, Inputs.sourceName(input.policy));
      rounded = PolicyRounding.toDecimalGrid(floating, roundDigits);
      pi = rounded.policy();
    } else {
      pi = input.policy(g);
    }
    NashGap gaps = NashGap.of(g, pi);
    boolean ok = gaps.verify();
    String text;
    if (output.json) {
      text = Json.write(rounded != null ? ResultsFormat.certifiedNashGap(gaps, rounded, digits)
          : ResultsFormat.nashGap(gaps, digits));
    } else {
      Tagged t = new Tagged(digits);
      if (rounded != null) {
        t.line("ROUNDED", rounded.decimalDigits());
        t.line("L1", rounded.l1Distance());
      }
      for (int i = 0; i < g.agentCount(); i++) {
        for (int s = 0; s < g.stateCount(); s++) {
          t.line("BR", g.agentLabel(i), g.stateLabel(s), g.actionLabel(i, gaps.bestResponse(i).action(s)));
        }
      }
      for (int i = 0; i < g.agentCount(); i++) {
        for (int s = 0; s < g.stateCount(); s++) {
          t.line("GAP", g.agentLabel(i), g.stateLabel(s), gaps.gap(i, s));
        }
      }
      for (int i = 0; i < g.agentCount(); i++) {
        t.line("GAPRHO", g.agentLabel(i), gaps.gapAtInitial(i));
      }
      t.line("NASHGAP", gaps.nashGap());
      t.line("NASHCONV", gaps.nashConv());
      t.line("MAXSTATEGAP", gaps.maxStateGap());
      t.line("CERTIFIED", ok);
      text = t.toString();
    }
    Main.context().out.print(text);
    Main.context().out.flush();
    return ok ? 0 : 1;
  }
}
