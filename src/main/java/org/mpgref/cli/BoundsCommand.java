package org.mpgref.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.mpgref.game.MarkovGame;
import org.mpgref.io.Results;
import org.mpgref.theory.TheoryBounds;
import org.mpgref.theory.TheoryBounds.Expensive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mpgref bounds GAME}: the theory constants of a game ("bounds as code", computed by
 * {@link TheoryBounds#of}; this command only renders them), one tagged line each, exact, each followed by a comment
 * line with its source. Constants that a theorem does not cover for this game are printed as {@code not-applicable}
 * with the reason; expensive exact constants are replaced by their proven bounds beyond the size guard
 * ({@link org.mpgref.theory.SizeGuard}), and the line says which.
 */
@Command(name = "bounds", mixinStandardHelpOptions = true,
    description = {"The theory constants of a game, exact: gamma, N, sum_i |A_i|, A_max, rho_min, the reward range"
        + " and half-span R; whether the declared potential is a verified Markov potential; the mismatch coefficient"
        + " M (exact, or the proven bound 1/((1-gamma) min rho)); Fox et al.'s Theorem 3.1 INPG step bound (needs"
        + " rewards in [0,1]); phi_max and Alatur et al.'s PMD steps eta_E, eta_KL; the monotone-potential steps of"
        + " IPG and projected Q-ascent; the visitation floor c and the Nash-regret step limit eta_0 of projected"
        + " Q-ascent.",
        "Each line is TAG [qualifiers] value, followed by '# TAG source: ...' and, where needed, '# TAG note: ...'."
            + " A constant a theorem does not cover prints 'not-applicable', one that is skipped 'not-computed',"
            + " a step without limit 'unbounded'. phi_max, the exact M and the exact visitation floor need policy"
            + " iteration over the joint actions: beyond " + Bounds.MAX_POLICY_ITERATION_PAIRS + " state-joint-action"
            + " pairs or " + Bounds.MAX_POLICY_ITERATION_STATES + " states (--expensive auto) their proven bounds are"
            + " printed instead (qualifier 'bound').",
        "Lines: GAMMA | AGENTS | STATES | ACTIONSUM | ACTIONMAX | RHOMIN | REWARDMIN | REWARDMAX | REWARDHALFSPAN |"
            + " POTENTIAL | MISMATCH | MISMATCHBOUND | INPGFORMULA | INPGSTEP | PHIMAX | PMDSTEPEUCLID | PMDSTEPKLSQUARED |"
            + " PMDSTEPKL | PHIHALFSPAN | IPGSTEPNONDECREASING | IPGSTEPASCENT | QASCENTSTEPNONDECREASING |"
            + " VISITATIONFLOOR | NASHREGRETSTEP (specs/cli.md)"})
final class BoundsCommand implements Callable<Integer> {
  @Mixin
  GameArgument input = new GameArgument();


  @Mixin
  LimitOptions limits = new LimitOptions();

  @Option(names = "--expensive", paramLabel = "WHEN", defaultValue = "auto", description = "auto (default): compute"
      + " phi_max, the exact M and the exact visitation floor only within the size guard, else print their proven"
      + " bounds; always: compute them whatever the size; never: proven bounds only")
  String expensive = "auto";

  @Mixin
  OutputOptions output = new OutputOptions();

  static Expensive expensive(String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "auto":
        return Expensive.AUTO;
      case "always":
        return Expensive.ALWAYS;
      case "never":
        return Expensive.NEVER;
      default:
        throw new IllegalArgumentException("--expensive " + text + " is unknown; known: auto, always, never");
    }
  }

  @Override
  public Integer call() {
    int digits = output.digits();
    Expensive mode = expensive(expensive);
    MarkovGame g = input.load();
    TheoryBounds bounds = TheoryBounds.of(g, mode);
    output.print(Results.bounds(bounds, g), digits);
    return 0;
  }
}
