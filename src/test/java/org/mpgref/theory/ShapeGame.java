package org.mpgref.theory;

import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.game.DoubleMarkovGame;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.game.StageExpectation;
import org.mpgref.game.StagePotential;

/**
 * A game of which only the shape is known (states, action counts, γ = 1/2, ρ uniform) and, optionally, a declared
 * identical-interest potential that claims to verify: enough for the size guards and for every constant of
 * {@link TheoryBounds} that does not enumerate joint actions. Rewards, transitions and φ are never read by those
 * paths; reading them fails the test.
 */
final class ShapeGame implements MarkovGame {
  private final int states;
  private final int[] counts;
  private final boolean verifiedPotential;

  private ShapeGame(int states, int[] counts, boolean verifiedPotential) {
    this.states = states;
    this.counts = counts.clone();
    this.verifiedPotential = verifiedPotential;
  }

  /** A shape without a declared potential. */
  static ShapeGame of(int states, int... counts) {
    return new ShapeGame(states, counts, false);
  }

  /** A shape whose declared identical-interest potential reports no violation. */
  static ShapeGame withVerifiedPotential(int states, int... counts) {
    return new ShapeGame(states, counts, true);
  }

  @Override
  public int agentCount() {
    return counts.length;
  }

  @Override
  public int stateCount() {
    return states;
  }

  @Override
  public int actionCount(int agent) {
    return counts[agent];
  }

  @Override
  public BigFraction discount() {
    return BigFraction.of(1, 2);
  }

  @Override
  public BigFraction initial(int state) {
    return BigFraction.of(1, states);
  }

  @Override
  public StageExpectation expect(int state, Policy policy) {
    throw new UnsupportedOperationException("shape only");
  }

  @Override
  public BigFraction reward(int agent, int state, int[] jointAction) {
    throw new UnsupportedOperationException("shape only");
  }

  @Override
  public BigFraction transition(int state, int[] jointAction, int next) {
    throw new UnsupportedOperationException("shape only");
  }

  @Override
  public Optional<StagePotential> potential() {
    if (!verifiedPotential) {
      return Optional.empty();
    }
    return Optional.of(new StagePotential() {
      @Override
      public Condition condition() {
        return Condition.IDENTICAL_INTEREST;
      }

      @Override
      public Optional<String> findViolation() {
        return Optional.empty();
      }

      @Override
      public BigFraction phi(int state, int[] jointAction) {
        throw new UnsupportedOperationException("shape only");
      }

      @Override
      public BigFraction expectedPhi(int state, Policy policy) {
        throw new UnsupportedOperationException("shape only");
      }

      @Override
      public double expectedPhi(int state, double[][] policyAtState) {
        throw new UnsupportedOperationException("shape only");
      }
    });
  }

  @Override
  public String name() {
    return "shape";
  }

  @Override
  public DoubleMarkovGame toDouble() {
    throw new UnsupportedOperationException("shape only");
  }
}
