package org.mpgref.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.numbers.fraction.BigFraction;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.mpgref.game.InvalidGameException;

/**
 * The registry of catalog games by name, with their parameters and published defaults, so that files and the command
 * line can name a game ({@code "catalog": {"name": "distancing", "parameters": {"agents": 3}}}) instead of listing its
 * table. Every parameter is optional; an absent one takes the published value:
 *
 * <pre>
 *   distancing   agents 8 · weights [1, 2, 4, 6] · penalty 100 · safeThreshold agents/2 · distancingThreshold agents/4
 *                · gamma 99/100 · rho [1/2, 1/2]                                 ({@link DistancingGame#published})
 *   routing      agents 8 · units 2 · gamma 99/100                                ({@link RoutingGame#published})
 *   potential-states-not-mpg   no parameters: every state game a potential game, not an MPG
 *                                                                        ({@link PotentialStatesNotMpg#of})
 *   zero-sum-state-mpg         no parameters: an MPG with a zero-sum (matching pennies) state game
 *                                                                        ({@link ZeroSumStateMpg#of})
 * </pre>
 *
 * The thresholds' defaults follow the given {@code agents}. The two counterexample games are fixed instances (their
 * derivations are in {@code proofs-notes/counterexample-*.md}); they take no parameter. Depends on the core only (no file format).
 */
public final class Catalog {
  /** How a parameter's value is written. */
  public enum Kind {
    /** An {@link Integer}. */
    INTEGER,
    /** A {@link BigFraction}. */
    RATIONAL,
    /** A {@code List<BigFraction>}. */
    RATIONAL_LIST
  }

  /**
   * One parameter of a catalog game.
   *
   * @param name its name in files, e.g. {@code safeThreshold}
   * @param kind how its value is written
   * @param description one line, with the published default
   */
  public record Parameter(String name, Kind kind, String description) {}

  /** Largest number of agents accepted by the catalog (the games' own size guards apply as well). */
  public static final int MAX_AGENTS = 1000;

  private static final List<Parameter> DISTANCING = List.of(
      new Parameter("agents", Kind.INTEGER, "N >= 1 (published 8)"),
      new Parameter("weights", Kind.RATIONAL_LIST, "facility weights w_k > 0 (published [1, 2, 4, 6])"),
      new Parameter("penalty", Kind.RATIONAL, "subtracted from every reward in the distancing state (published 100)"),
      new Parameter("safeThreshold", Kind.RATIONAL, "from safe, go to distancing iff a count exceeds it (agents/2)"),
      new Parameter("distancingThreshold", Kind.RATIONAL, "from distancing, stay iff a count exceeds it (agents/4)"),
      new Parameter("gamma", Kind.RATIONAL, "discount (published 99/100)"),
      new Parameter("rho", Kind.RATIONAL_LIST, "initial distribution over (safe, distancing) (published [1/2, 1/2])"));

  private static final List<Parameter> ROUTING = List.of(
      new Parameter("agents", Kind.INTEGER, "N >= 1 (published 8)"),
      new Parameter("units", Kind.INTEGER, "U >= 1 (published 2); U^N <= " + RoutingGame.MAX_STATES + " states"),
      new Parameter("gamma", Kind.RATIONAL, "discount (published 99/100)"));

  /** Catalog name of {@link PotentialStatesNotMpg}. */
  public static final String POTENTIAL_STATES_NOT_MPG = "potential-states-not-mpg";

  /** Catalog name of {@link ZeroSumStateMpg}. */
  public static final String ZERO_SUM_STATE_MPG = "zero-sum-state-mpg";

  private Catalog() {}

  /**
   * @return the catalog names: {@code distancing}, {@code routing}, {@code potential-states-not-mpg},
   *     {@code zero-sum-state-mpg}
   */
  public static List<String> names() {
    return List.of("distancing", "routing", POTENTIAL_STATES_NOT_MPG, ZERO_SUM_STATE_MPG);
  }

  /**
   * Whether a catalog game is sized by a number of agents (the {@code agents} parameter, and {@code --agents} on the
   * command line).
   *
   * @param name a catalog name
   * @return true for {@code distancing} and {@code routing}
   * @throws InvalidGameException if the name is unknown
   */
  public static boolean takesAgents(String name) {
    return parameters(name).stream().anyMatch(p -> p.name().equals("agents"));
  }

  /**
   * Where a catalog game comes from (paper, section; or the derivation of our own constructions).
   *
   * @param name a catalog name
   * @return one line
   * @throws InvalidGameException if the name is unknown
   */
  public static String source(String name) {
    switch (name) {
      case "distancing":
        return DistancingGame.SOURCE;
      case "routing":
        return RoutingGame.SOURCE;
      case POTENTIAL_STATES_NOT_MPG:
        return PotentialStatesNotMpg.SOURCE;
      case ZERO_SUM_STATE_MPG:
        return ZeroSumStateMpg.SOURCE;
      default:
        throw unknown(name);
    }
  }

  /**
   * @param name a catalog name
   * @return whether it is one
   */
  public static boolean contains(String name) {
    return names().contains(name);
  }

  /**
   * The parameters of a catalog game, in their documented order.
   *
   * @param name a catalog name
   * @return the parameters
   * @throws InvalidGameException if the name is unknown
   */
  public static List<Parameter> parameters(String name) {
    switch (name) {
      case "distancing":
        return DISTANCING;
      case "routing":
        return ROUTING;
      case POTENTIAL_STATES_NOT_MPG:
      case ZERO_SUM_STATE_MPG:
        return List.of();
      default:
        throw unknown(name);
    }
  }

  private static InvalidGameException unknown(String name) {
    return new InvalidGameException("catalog game '" + name + "' is unknown; known: " + String.join(", ", names()));
  }

  /**
   * The published game for a given number of agents (or the published number).
   *
   * @param name a catalog name
   * @param agents N, or null for the published default
   * @return the game
   * @throws InvalidGameException if the name is unknown or N is refused
   */
  public static CatalogGame published(String name, @Nullable Integer agents) {
    Map<String, Object> p = new LinkedHashMap<>();
    if (agents != null) {
      p.put("agents", agents);
    }
    return of(name, p);
  }

  /**
   * Builds a catalog game from (some of) its parameters; absent ones take the published defaults.
   *
   * @param name a catalog name
   * @param given parameter values by name: {@link Integer} for {@link Kind#INTEGER}, {@link BigFraction} for
   *     {@link Kind#RATIONAL}, a {@code List<BigFraction>} for {@link Kind#RATIONAL_LIST}
   * @return the game with its complete parameters
   * @throws InvalidGameException naming the parameter if the name is unknown, a parameter is unknown or has the wrong
   *     type, or the game refuses a value (e.g. a weight ≤ 0, γ ∉ [0,1), too many states)
   */
  public static CatalogGame of(String name, Map<String, ?> given) {
    List<Parameter> spec = parameters(name);
    for (String k : given.keySet()) {
      if (spec.stream().noneMatch(p -> p.name().equals(k))) {
        List<String> known = new ArrayList<>();
        spec.forEach(p -> known.add(p.name()));
        throw new InvalidGameException(name + " game: parameter '" + k + "' is unknown; known: "
            + (known.isEmpty() ? "none (a fixed instance)" : String.join(", ", known)));
      }
    }
    if (POTENTIAL_STATES_NOT_MPG.equals(name)) {
      return new CatalogGame(name, Map.of(), PotentialStatesNotMpg.of());
    }
    if (ZERO_SUM_STATE_MPG.equals(name)) {
      return new CatalogGame(name, Map.of(), ZeroSumStateMpg.of());
    }
    int agents = agents(name, given.get("agents"));
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("agents", agents);
    if ("distancing".equals(name)) {
      DistancingGame.Parameters def = DistancingGame.published(agents);
      List<BigFraction> weights = list(name, "weights", given.get("weights"), def.weights());
      BigFraction penalty = rational(name, "penalty", given.get("penalty"), def.penalty());
      BigFraction safe = rational(name, "safeThreshold", given.get("safeThreshold"), def.safeThreshold());
      BigFraction distancing =
          rational(name, "distancingThreshold", given.get("distancingThreshold"), def.distancingThreshold());
      BigFraction gamma = rational(name, "gamma", given.get("gamma"), def.gamma());
      List<BigFraction> rho = list(name, "rho", given.get("rho"), def.rho());
      p.put("weights", weights);
      p.put("penalty", penalty);
      p.put("safeThreshold", safe);
      p.put("distancingThreshold", distancing);
      p.put("gamma", gamma);
      p.put("rho", rho);
      org.mpgref.game.TabularMarkovGame.requireDiscount(gamma);
      DistancingGame.Parameters params = new DistancingGame.Parameters(agents, weights.toArray(new BigFraction[0]),
          penalty, safe, distancing, gamma, rho.toArray(new BigFraction[0]));
      return new CatalogGame(name, p, DistancingGame.of(params));
    }
    int units = integer(name, "units", given.get("units"), 2);
    BigFraction gamma = rational(name, "gamma", given.get("gamma"), BigFraction.of(99, 100));
    p.put("units", units);
    p.put("gamma", gamma);
    return new CatalogGame(name, p, RoutingGame.of(agents, units, gamma));
  }

  private static int agents(String game, @Nullable Object v) {
    int n = integer(game, "agents", v, 8);
    if (n < 1 || n > MAX_AGENTS) {
      throw new InvalidGameException(game + " game: agents = " + n + " is outside 1.." + MAX_AGENTS);
    }
    return n;
  }

  private static int integer(String game, String key, @Nullable Object v, int def) {
    if (v == null) {
      return def;
    }
    if (!(v instanceof Integer)) {
      throw new InvalidGameException(game + " game: parameter '" + key + "' must be an integer");
    }
    return (Integer) v;
  }

  private static BigFraction rational(String game, String key, @Nullable Object v, BigFraction def) {
    if (v == null) {
      return def;
    }
    if (v instanceof Integer) {
      return BigFraction.of((Integer) v);
    }
    if (!(v instanceof BigFraction)) {
      throw new InvalidGameException(game + " game: parameter '" + key + "' must be a rational number");
    }
    return (BigFraction) v;
  }

  private static List<BigFraction> list(String game, String key, @Nullable Object v, BigFraction[] def) {
    if (v == null) {
      return List.of(def);
    }
    if (!(v instanceof List<?>)) {
      throw new InvalidGameException(game + " game: parameter '" + key + "' must be a list of rational numbers");
    }
    List<BigFraction> out = new ArrayList<>();
    for (Object x : (List<?>) v) {
      if (!(x instanceof BigFraction)) {
        throw new InvalidGameException(game + " game: parameter '" + key + "' must be a list of rational numbers");
      }
      out.add((BigFraction) x);
    }
    return List.copyOf(out);
  }
}
