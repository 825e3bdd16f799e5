package org.mpgref.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.mpgref.evaluation.BestResponse;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.io.Result;
import org.mpgref.io.Results;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mpgref best-response GAME POLICY [--agent i]}: exact best responses with their certificate. */
@Command(name = "best-response", mixinStandardHelpOptions = true,
    description = {"Exact best response of each agent (or one) to the others' policies, by exact policy iteration,"
        + " with its Bellman-optimality certificate re-checked exactly.",
        "Lines: BR agent state action | VSTAR agent state value | CERTIFIED true|false"})
final class BestResponseCommand implements Callable<Integer> {
  @Mixin
  GameAndPolicy input = new GameAndPolicy();

  @Option(names = "--agent", paramLabel = "i", converter = Params.NonNegative.class,
      description = "only agent i, an index in 0..N-1")
  @Nullable Integer agent;


  @Mixin
  LimitOptions limits = new LimitOptions();

  @Mixin
  OutputOptions output = new OutputOptions();

  @Override
  public Integer call() {
    int digits = output.digits();
    MarkovGame g = input.game.load();
    Integer only = agent;
    if (only != null && (only < 0 || only >= g.agentCount())) {
      throw new IllegalArgumentException("--agent " + only + " is outside 0.." + (g.agentCount() - 1));
    }
    Policy pi = input.policy(g);
    Evaluation ev = Evaluation.of(g, pi);
    List<BestResponse> brs = new ArrayList<>();
    for (int i = 0; i < g.agentCount(); i++) {
      if (only == null || only == i) {
        brs.add(BestResponse.of(ev, i));
      }
    }
    Result r = Results.bestResponse(ev, brs);
    output.print(r, digits);
    return r.holds("certificateVerified") ? 0 : 1;
  }
}
