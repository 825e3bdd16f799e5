package org.mpgref.cli;

import java.util.concurrent.Callable;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.mpgref.evaluation.NashGap;
import org.mpgref.game.DoublePolicy;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.game.PolicyRounding;
import org.mpgref.io.PolicyFormat;
import org.mpgref.io.Result;
import org.mpgref.io.Results;
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
    Result r = rounded != null ? Results.certifiedNashGap(gaps, rounded) : Results.nashGap(gaps);
    output.print(r, digits);
    return r.holds("certificateVerified") ? 0 : 1;
  }
}
