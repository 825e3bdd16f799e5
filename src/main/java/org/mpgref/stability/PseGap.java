package org.mpgref.stability;

import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.evaluation.NashGap;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.game.StageRange;
import org.mpgref.numbers.Rationals;
import org.mpgref.performative.InducedGame;
import org.mpgref.performative.PerformativeGame;

/**
 * The PSE gap of a product policy π in a performative game (Sahitaj et al., AISTATS 2025, arXiv 2504.20593, ε-PSE;
 * ../shared/reference/performative.md §1.10): the Nash gap of π in the game G(π) that π itself induces,
 *
 * <pre>
 *   gap_i(s) = max_{π_i'} V_{i,π}^{(π_i',π_−i)}(s) − V_{i,π}^{π}(s)     per agent and state (G(π)'s values)
 *   gap_i(ρ) = Σ_s ρ(s) gap_i(s)                 PSE gap = max_i gap_i(ρ)
 * </pre>
 *
 * π is an ε-PSE iff the PSE gap is ≤ ε, and performatively stable iff it is 0. Index shapes [i][s]; units those of V
 * (discounted reward).
 *
 * <p>Computed by {@link NashGap} on the induced rational game Ĝ = {@link InducedGame#game()}. When
 * {@link InducedGame#isExact()} every gap is exact. Otherwise, with δ_r and δ_P the induced game's proven reward and
 * L1 transition error bounds, every gap is enclosed in [max(0, ĝ − 2ε_i), ĝ + 2ε_i] around Ĝ's gap ĝ, where
 *
 * <pre>
 *   ε_i = (δ_r + γ · δ_P · B_i / 2) / (1 − γ),    B_i = (max_{s,a} r̂_i(s,a) − min_{s,a} r̂_i(s,a)) / (1 − γ)
 * </pre>
 *
 * bounds |V_i^μ − V̂_i^μ| for every policy μ = (σ_i, π_−i) (simulation lemma; B_i bounds span(V̂_i^μ); proof in
 * proofs-notes/performative-perturbation.md), hence also |V_i^* − V̂_i^*|, so each gap moves by at most 2ε_i. The
 * reward range enumerates Ĝ's joint actions ({@link StageRange#ofReward}) and is only computed for inexact games.
 * Immutable; {@link #verify()} re-derives everything from the performative game.
 */
public final class PseGap {
  private final PerformativeGame game;
  private final Policy policy;
  private final InducedGame induced;
  private final NashGap nash;
  private final BigFraction[] valueError; // ε_i

  private PseGap(PerformativeGame game, Policy policy, InducedGame induced, NashGap nash, BigFraction[] valueError) {
    this.game = game;
    this.policy = policy;
    this.induced = induced;
    this.nash = nash;
    this.valueError = valueError;
  }

  /**
   * Builds G(π) with {@link PerformativeGame#induce} and computes every agent's best response in it.
   *
   * @param game the performative game
   * @param policy π, deployed and played
   * @return the PSE gaps of π
   * @throws org.mpgref.game.InvalidGameException if π does not have the game's shape, or (inexact games only) Ĝ's
   *     joint-action table is too large to enumerate for the reward range
   */
  public static PseGap of(PerformativeGame game, Policy policy) {
    InducedGame induced = game.induce(policy);
    NashGap nash = NashGap.of(induced.game(), policy);
    return new PseGap(game, policy, induced, nash, valueErrors(induced));
  }

  /** ε_i = (δ_r + γ δ_P B_i/2)/(1 − γ) per agent, 0 for an exact induced game (no enumeration then). */
  private static BigFraction[] valueErrors(InducedGame induced) {
    MarkovGame g = induced.game();
    BigFraction[] eps = new BigFraction[g.agentCount()];
    if (induced.isExact()) {
      java.util.Arrays.fill(eps, BigFraction.ZERO);
      return eps;
    }
    BigFraction gamma = g.discount();
    BigFraction oneMinus = BigFraction.ONE.subtract(gamma);
    for (int i = 0; i < eps.length; i++) {
      StageRange range = StageRange.ofReward(g, i);
      BigFraction span = range.max().subtract(range.min()).divide(oneMinus);
      eps[i] = induced.rewardError().add(gamma.multiply(induced.transitionError()).multiply(span).divide(2))
          .divide(oneMinus);
    }
    return eps;
  }

  /**
   * @return the performative game
   */
  public PerformativeGame game() {
    return game;
  }

  /**
   * @return π
   */
  public Policy policy() {
    return policy;
  }

  /**
   * @return the induced game Ĝ with its error bounds
   */
  public InducedGame induced() {
    return induced;
  }

  /**
   * @return the Nash gaps of π in Ĝ (exactly the PSE gaps when {@link #isExact()}), with their best responses
   */
  public NashGap inducedNashGap() {
    return nash;
  }

  /**
   * @return true iff Ĝ = G(π), so every gap is a point
   */
  public boolean isExact() {
    return induced.isExact();
  }

  /**
   * ε_i, the proven bound on |V_i^μ(s) − V̂_i^μ(s)| for every state s and every policy μ = (σ_i, π_−i) (value units);
   * 0 when exact.
   *
   * @param agent i
   * @return ε_i ≥ 0
   * @throws IndexOutOfBoundsException if i is not an agent
   */
  public BigFraction valueError(int agent) {
    return valueError[agent];
  }

  /**
   * @param agent i
   * @param state s
   * @return an enclosure of gap_i(s), exact when {@link #isExact()}
   * @throws IndexOutOfBoundsException if i or s is out of range
   */
  public GapEnclosure gap(int agent, int state) {
    return GapEnclosure.around(nash.gap(agent, state), valueError[agent].multiply(2));
  }

  /**
   * @param agent i
   * @return an enclosure of gap_i(ρ) (ρ is the same in G(π) and Ĝ), exact when {@link #isExact()}
   * @throws IndexOutOfBoundsException if i is not an agent
   */
  public GapEnclosure gapAtInitial(int agent) {
    return GapEnclosure.around(nash.gapAtInitial(agent), valueError[agent].multiply(2));
  }

  /**
   * @return an enclosure of the PSE gap max_i gap_i(ρ), exact when {@link #isExact()}
   */
  public GapEnclosure pseGap() {
    GapEnclosure m = gapAtInitial(0);
    for (int i = 1; i < valueError.length; i++) {
      m = m.max(gapAtInitial(i));
    }
    return m;
  }

  /**
   * @return an enclosure of max_{i,s} gap_i(s) (zero iff π is performatively stable from every start state)
   */
  public GapEnclosure maxStateGap() {
    GapEnclosure m = gap(0, 0);
    for (int i = 0; i < valueError.length; i++) {
      for (int s = 0; s < induced.game().stateCount(); s++) {
        m = m.max(gap(i, s));
      }
    }
    return m;
  }

  /**
   * The certificate: re-derives the gaps from scratch and compares exactly. Rebuilds G(π) with
   * {@link PerformativeGame#induce}, checks that its error bounds equal the stored ones, recomputes the Nash gaps of π
   * in it and the value errors ε_i, re-checks every best response's Bellman-optimality certificate (old and new) and
   * requires every gap_i(s) and every V_i^π(s) to be equal.
   *
   * @return true iff everything agrees
   */
  public boolean verify() {
    InducedGame again = game.induce(policy);
    if (Rationals.compare(again.rewardError(), induced.rewardError()) != 0
        || Rationals.compare(again.transitionError(), induced.transitionError()) != 0) {
      return false;
    }
    NashGap fresh = NashGap.of(again.game(), policy);
    if (!fresh.verify() || !nash.verify()) {
      return false;
    }
    BigFraction[] eps = valueErrors(again);
    MarkovGame g = again.game();
    if (g.agentCount() != valueError.length || g.stateCount() != induced.game().stateCount()) {
      return false;
    }
    for (int i = 0; i < valueError.length; i++) {
      if (Rationals.compare(eps[i], valueError[i]) != 0) {
        return false;
      }
      for (int s = 0; s < g.stateCount(); s++) {
        if (Rationals.compare(fresh.gap(i, s), nash.gap(i, s)) != 0
            || Rationals.compare(fresh.evaluation().value(i, s), nash.evaluation().value(i, s)) != 0) {
          return false;
        }
      }
    }
    return true;
  }
}
