package org.mpgref.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.game.DoubleMarkovGame;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.game.StageExpectation;
import org.mpgref.game.StagePotential;

/**
 * A game built by {@link Catalog#of}: the catalog game itself (every {@link MarkovGame} method delegates to it) plus
 * the catalog name and the complete parameters it was built from, defaults filled in, so that a file can refer to it
 * as {@code {"catalog": {"name": ..., "parameters": ...}}} and be rebuilt identically. Immutable.
 */
public final class CatalogGame implements MarkovGame {
  private final String catalogName;
  private final Map<String, Object> parameters;
  private final MarkovGame game;

  CatalogGame(String catalogName, Map<String, Object> parameters, MarkovGame game) {
    this.catalogName = catalogName;
    this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    this.game = game;
  }

  /**
   * @return the catalog name, e.g. {@code distancing}
   */
  public String catalogName() {
    return catalogName;
  }

  /**
   * The complete parameters in the catalog's documented order ({@link Catalog#parameters}): values are
   * {@link Integer} ({@link Catalog.Kind#INTEGER}), {@link BigFraction} ({@link Catalog.Kind#RATIONAL}) or an
   * unmodifiable {@code List<BigFraction>} ({@link Catalog.Kind#RATIONAL_LIST}).
   *
   * @return an unmodifiable map
   */
  public Map<String, Object> parameters() {
    return parameters;
  }

  /**
   * @return the underlying game (e.g. an {@code AnonymousMarkovGame} or a {@link RoutingGame})
   */
  public MarkovGame game() {
    return game;
  }

  @Override
  public int agentCount() {
    return game.agentCount();
  }

  @Override
  public int stateCount() {
    return game.stateCount();
  }

  @Override
  public int actionCount(int agent) {
    return game.actionCount(agent);
  }

  @Override
  public BigFraction discount() {
    return game.discount();
  }

  @Override
  public BigFraction initial(int state) {
    return game.initial(state);
  }

  @Override
  public StageExpectation expect(int state, Policy policy) {
    return game.expect(state, policy);
  }

  @Override
  public double expectationWork(Policy policy) {
    return game.expectationWork(policy);
  }

  @Override
  public BigFraction reward(int agent, int state, int[] jointAction) {
    return game.reward(agent, state, jointAction);
  }

  @Override
  public BigFraction transition(int state, int[] jointAction, int next) {
    return game.transition(state, jointAction, next);
  }

  @Override
  public Optional<StagePotential> potential() {
    return game.potential();
  }

  @Override
  public String name() {
    return game.name();
  }

  @Override
  public DoubleMarkovGame toDouble() {
    return game.toDouble();
  }

  @Override
  public String agentLabel(int agent) {
    return game.agentLabel(agent);
  }

  @Override
  public String actionLabel(int agent, int action) {
    return game.actionLabel(agent, action);
  }

  @Override
  public String stateLabel(int state) {
    return game.stateLabel(state);
  }
}
