package org.mpgref.theory;

import java.util.Locale;
import java.util.Optional;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.StagePotential;

/**
 * Whether a game's declared stage potential is a verified Markov potential: the game declares one with a sufficient
 * condition for a Markov potential (identical interest, or state potentials with action-independent transitions;
 * Leonardos et al., ICLR 2022, Prop. 3.2) and its data satisfy it exactly ({@link StagePotential#findViolation}).
 * The theorems of {@code bounds} and the default steps of {@code learn} need it.
 */
public final class PotentialStatus {
  /** Source of the potential status. */
  public static final String SOURCE = "declared by the game, condition checked exactly against its data"
      + " (StagePotential.findViolation); sufficient conditions of Leonardos et al. ICLR 2022, Prop. 3.2";

  private PotentialStatus() {}

  /**
   * Why the game's declared stage potential is not a verified Markov potential, if it is not.
   *
   * @param g the game
   * @return a one-line reason, or empty if the potential is verified
   */
  public static Optional<String> problem(MarkovGame g) {
    Optional<StagePotential> sp = g.potential();
    if (sp.isEmpty()) {
      return Optional.of(g.name() + " declares no stage potential");
    }
    StagePotential p = sp.get();
    if (p.condition() == StagePotential.Condition.STATE_POTENTIAL_ONLY) {
      return Optional.of(g.name() + " declares only state potentials (state-potential-only), not a Markov potential");
    }
    Optional<String> violation = p.findViolation();
    if (violation.isPresent()) {
      return Optional.of(g.name() + ": the declared condition " + conditionName(p.condition()) + " fails: "
          + violation.get());
    }
    return Optional.empty();
  }

  /**
   * The file-format name of a potential condition ({@code identical-interest},
   * {@code state-potential-action-independent-transitions}, {@code state-potential-only}).
   *
   * @param c the condition
   * @return its name
   */
  public static String conditionName(StagePotential.Condition c) {
    return c.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
