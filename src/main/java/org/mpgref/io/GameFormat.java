package org.mpgref.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.mpgref.catalog.Catalog;
import org.mpgref.catalog.CatalogGame;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.JointActions;
import org.mpgref.game.MarkovGame;
import org.mpgref.numbers.Rationals;
import org.mpgref.game.StagePotential;
import org.mpgref.game.TabularMarkovGame;

/**
 * The game file format {@value #FORMAT} (specs/formats.md, specs/formats/game.schema.json). A game is either an
 * explicit table or a catalog reference:
 *
 * <pre>
 *   {"format": "mpgref-game/1", "name": ..., "agents": [{"label": "row", "actions": ["U", "D"]}, ...],
 *    "states": ["s0", "s1"], "gamma": "1/2", "rho": ["1/2", "1/2"], "jointActionOrder": "agent0-fastest",
 *    "rewards": [ per state: flat [r_0(a^0), .., r_{N-1}(a^0), r_0(a^1), ...]  or  [[r_0, .., r_{N-1}] per joint action] ],
 *    "transitions": [ per state: [[P(s'|s,a) per s'] per joint action]  or  {"next": [s' per joint action]}
 *                                or  {"actionIndependent": [P(s'|s) per s']} ],
 *    "potential": {"condition": "identical-interest" | "state-potential-action-independent-transitions"
 *                  | "state-potential-only", "phi": [ per state: [φ(s,a) per joint action] ]}}   (optional)
 *
 *   {"format": "mpgref-game/1", "catalog": {"name": "distancing", "parameters": {"agents": 3}}}
 * </pre>
 *
 * Joint actions are indexed j = a_0 + |A_0|(a_1 + |A_1|(a_2 + ...)) (agent 0 varies fastest, as
 * {@link JointActions} and Gambit's {@code .nfg}); explicit tables must state it with
 * {@code "jointActionOrder": "agent0-fastest"} (no other value is accepted). The flat reward entry of (j, i) is at
 * position j·N + i. Numbers follow {@link ExactNumbers}. Labels are 1..{@value #MAX_LABEL_LENGTH} printable
 * characters, distinct within their list ("next" refers to states by index (JSON integer) or label (string)).
 *
 * <p>Reading refuses, with a one-line {@link FormatException} naming the entry: a wrong or missing format tag,
 * unknown or missing fields, wrong array lengths, a table above {@link JointActions#MAX_DENSE_ENTRIES} entries
 * (checked from the declared sizes before any table is read), γ ∉ [0,1), a negative probability, a distribution not
 * summing to exactly 1, and every malformed number. A game that reads is exactly the game written.
 */
public final class GameFormat {
  /** The format tag. */
  public static final String FORMAT = "mpgref-game/1";
  /** The only joint-action order: agent 0 varies fastest. */
  public static final String JOINT_ACTION_ORDER = "agent0-fastest";
  /** Longest label, in characters. */
  public static final int MAX_LABEL_LENGTH = 100;
  /** Longest game name, in characters. */
  public static final int MAX_NAME_LENGTH = 1000;

  private static final List<String> TABLE_FIELDS = List.of("format", "name", "comment", "agents", "states", "gamma",
      "rho", "jointActionOrder", "rewards", "transitions", "potential");
  private static final List<String> CATALOG_FIELDS = List.of("format", "comment", "catalog");

  private GameFormat() {}

  /**
   * Reads a game document from characters.
   *
   * @param in the characters (not closed)
   * @param source the input's name for errors
   * @return the game: a {@link TabularMarkovGame} with labels, or a {@link CatalogGame}
   * @throws FormatException naming the source and entry for every malformed input
   */
  public static MarkovGame read(Reader in, String source) {
    return read(Json.parse(in, source), source);
  }

  /**
   * Reads a game from a parsed document.
   *
   * @param root the document (parsed by {@link Json}, so that numbers are exact)
   * @param source the input's name for errors
   * @return the game: a {@link TabularMarkovGame} with labels, or a {@link CatalogGame}
   * @throws FormatException naming the source and entry for every malformed input
   */
  public static MarkovGame read(JsonNode root, String source) {
    Doc d = new Doc(source);
    d.requireFormat(root, FORMAT);
    comment(d, root);
    if (root.has("catalog")) {
      return readCatalog(d, root);
    }
    return readTable(d, root);
  }

  static void comment(Doc d, JsonNode root) {
    @Nullable JsonNode c = root.get("comment");
    if (c != null) {
      d.string(c, "comment");
    }
  }

  private static CatalogGame readCatalog(Doc d, JsonNode root) {
    d.allowOnly(root, "", CATALOG_FIELDS);
    JsonNode cat = d.object(d.required(root, "catalog", "catalog"), "catalog");
    d.allowOnly(cat, "catalog", List.of("name", "parameters"));
    String name = d.string(d.required(cat, "name", "catalog.name"), "catalog.name");
    if (!Catalog.contains(name)) {
      throw d.error("catalog.name", ExactNumbers.quote(name) + " is not a catalog game; known: "
          + String.join(", ", Catalog.names()));
    }
    Map<String, Object> given = new LinkedHashMap<>();
    @Nullable JsonNode params = cat.get("parameters");
    if (params != null) {
      d.object(params, "catalog.parameters");
      List<Catalog.Parameter> spec = Catalog.parameters(name);
      List<String> known = new ArrayList<>();
      spec.forEach(p -> known.add(p.name()));
      d.allowOnly(params, "catalog.parameters", known);
      for (Catalog.Parameter p : spec) {
        @Nullable JsonNode v = params.get(p.name());
        if (v == null) {
          continue;
        }
        String entry = "catalog.parameters." + p.name();
        switch (p.kind()) {
          case INTEGER:
            given.put(p.name(), d.integer(v, entry, Integer.MIN_VALUE, Integer.MAX_VALUE));
            break;
          case RATIONAL:
            given.put(p.name(), d.number(v, entry));
            break;
          default:
            d.array(v, entry);
            List<BigFraction> xs = new ArrayList<>();
            for (int k = 0; k < v.size(); k++) {
              xs.add(d.number(v.get(k), entry + "[" + k + "]"));
            }
            given.put(p.name(), xs);
        }
      }
    }
    try {
      return Catalog.of(name, given);
    } catch (FormatException e) {
      throw e;
    } catch (InvalidGameException e) {
      throw d.error("catalog.parameters", Doc.message(e));
    }
  }

  private static TabularMarkovGame readTable(Doc d, JsonNode root) {
    d.allowOnly(root, "", TABLE_FIELDS);
    String name = "unnamed";
    @Nullable JsonNode nameNode = root.get("name");
    if (nameNode != null) {
      name = d.string(nameNode, "name");
      if (name.length() > MAX_NAME_LENGTH) {
        throw d.error("name", "has " + name.length() + " characters; the limit is " + MAX_NAME_LENGTH);
      }
      d.printable(name, "name", "the game name");
    }
    // agents and their action labels
    JsonNode agentsNode = d.nonEmptyArray(d.required(root, "agents", "agents"), "agents");
    int n = agentsNode.size();
    String[] agentLabels = new String[n];
    String[][] actionLabels = new String[n][];
    int[] counts = new int[n];
    Map<String, Integer> seenAgents = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      String e = "agents[" + i + "]";
      JsonNode a = d.object(agentsNode.get(i), e);
      d.allowOnly(a, e, List.of("label", "actions"));
      @Nullable JsonNode lab = a.get("label");
      agentLabels[i] = lab == null ? Integer.toString(i) : d.label(lab, e + ".label");
      Integer before = seenAgents.put(agentLabels[i], i);
      if (before != null) {
        throw d.error(e + ".label", "label " + ExactNumbers.quote(agentLabels[i]) + " repeats agents[" + before
            + "]; agent labels must be distinct");
      }
      actionLabels[i] = d.labels(d.required(a, "actions", e + ".actions"), e + ".actions");
      counts[i] = actionLabels[i].length;
    }
    String[] stateLabels = d.labels(d.required(root, "states", "states"), "states");
    int states = stateLabels.length;
    // size guard before any table is read or allocated
    int joint;
    try {
      joint = JointActions.countTable(counts, states);
    } catch (InvalidGameException e) {
      throw d.error("agents", Doc.message(e));
    }
    BigFraction gamma = d.number(d.required(root, "gamma", "gamma"), "gamma");
    if (gamma.signum() < 0 || Rationals.compare(gamma, BigFraction.ONE) >= 0) {
      throw d.error("gamma", Rationals.format(gamma) + " is outside [0, 1); the discount must satisfy 0 <= gamma < 1");
    }
    BigFraction[] rho = d.distribution(d.required(root, "rho", "rho"), "rho", states, "rho");
    String order = d.string(d.required(root, "jointActionOrder", "jointActionOrder"), "jointActionOrder");
    if (!JOINT_ACTION_ORDER.equals(order)) {
      throw d.error("jointActionOrder", "is " + ExactNumbers.quote(order) + "; the only order is \""
          + JOINT_ACTION_ORDER + "\" (agent 0 varies fastest)");
    }
    BigFraction[][][] rewards = readRewards(d, d.required(root, "rewards", "rewards"), states, joint, n);
    int[][][] successors = new int[states][][];
    BigFraction[][][] transitions =
        readTransitions(d, d.required(root, "transitions", "transitions"), stateLabels, counts, joint, successors);
    @Nullable JsonNode pot = root.get("potential");
    TabularMarkovGame game;
    try {
      if (pot == null) {
        game = TabularMarkovGame.ofSparse(name, counts, gamma, rho, rewards, successors, transitions, null,
            StagePotential.Condition.STATE_POTENTIAL_ONLY);
      } else {
        d.object(pot, "potential");
        d.allowOnly(pot, "potential", List.of("condition", "phi"));
        StagePotential.Condition condition =
            condition(d, d.string(d.required(pot, "condition", "potential.condition"), "potential.condition"));
        JsonNode phiNode = d.array(d.required(pot, "phi", "potential.phi"), "potential.phi", states);
        BigFraction[][] phi = new BigFraction[states][];
        for (int s = 0; s < states; s++) {
          String e = "potential.phi[" + s + "]";
          JsonNode row = d.array(phiNode.get(s), e, joint);
          phi[s] = new BigFraction[joint];
          for (int j = 0; j < joint; j++) {
            phi[s][j] = d.number(row.get(j), e + "[" + j + "]");
          }
        }
        game = TabularMarkovGame.ofSparse(name, counts, gamma, rho, rewards, successors, transitions, phi, condition);
      }
      return game.withLabels(agentLabels, actionLabels, stateLabels);
    } catch (FormatException e) {
      throw e;
    } catch (InvalidGameException e) {
      throw d.error("(game)", Doc.message(e));
    }
  }

  private static BigFraction[][][] readRewards(Doc d, JsonNode node, int states, int joint, int n) {
    d.array(node, "rewards", states);
    BigFraction[][][] r = new BigFraction[states][joint][n];
    for (int s = 0; s < states; s++) {
      String e = "rewards[" + s + "]";
      JsonNode st = d.array(node.get(s), e);
      boolean nested = st.size() > 0 && st.get(0).isArray();
      if (nested) {
        if (st.size() != joint) {
          throw d.error(e, "has " + st.size() + " rows; expected " + joint + " (one per joint action)");
        }
        for (int j = 0; j < joint; j++) {
          JsonNode row = d.array(st.get(j), e + "[" + j + "]", n);
          for (int i = 0; i < n; i++) {
            r[s][j][i] = d.number(row.get(i), e + "[" + j + "][" + i + "]");
          }
        }
      } else {
        long expected = (long) joint * n;
        if (st.size() != expected) {
          throw d.error(e, "has " + st.size() + " entries; expected " + expected + " = " + joint + " joint actions x "
              + n + " agents (flat, entry j*N+i), or " + joint + " arrays of " + n);
        }
        for (int j = 0; j < joint; j++) {
          for (int i = 0; i < n; i++) {
            int k = j * n + i;
            r[s][j][i] = d.number(st.get(k), e + "[" + k + "]");
          }
        }
      }
    }
    return r;
  }

  /** Reads the transitions as sparse rows: successors into {@code succ} [s][j][k], the probabilities returned. */
  private static BigFraction[][][] readTransitions(Doc d, JsonNode node, String[] stateLabels, int[] counts,
      int joint, int[][][] succ) {
    int states = stateLabels.length;
    d.array(node, "transitions", states);
    BigFraction[][][] p = new BigFraction[states][joint][];
    for (int s = 0; s < states; s++) {
      succ[s] = new int[joint][];
    }
    int[] a = new int[counts.length];
    for (int s = 0; s < states; s++) {
      String e = "transitions[" + s + "]";
      JsonNode st = node.get(s);
      if (st.isObject()) {
        if (st.size() != 1 || !(st.has("next") || st.has("actionIndependent"))) {
          throw d.error(e, "a compact transition table has exactly one field, \"next\" or \"actionIndependent\"");
        }
        if (st.has("next")) {
          JsonNode next = d.array(st.get("next"), e + ".next", joint);
          for (int j = 0; j < joint; j++) {
            int t = stateRef(d, next.get(j), e + ".next[" + j + "]", stateLabels);
            succ[s][j] = new int[] {t};
            p[s][j] = new BigFraction[] {BigFraction.ONE};
          }
        } else {
          BigFraction[] row = d.distribution(st.get("actionIndependent"), e + ".actionIndependent", states,
              "P(.|s=" + s + ")");
          int[] idx = support(row);
          BigFraction[] val = onSupport(row, idx);
          for (int j = 0; j < joint; j++) {
            succ[s][j] = idx;
            p[s][j] = val;
          }
        }
        continue;
      }
      JsonNode rows = d.array(st, e, joint);
      for (int j = 0; j < joint; j++) {
        JointActions.decode(counts, j, a);
        BigFraction[] row = d.distribution(rows.get(j), e + "[" + j + "]", states,
            "P(.|s=" + s + ",a=" + JointActions.format(a) + ")");
        succ[s][j] = support(row);
        p[s][j] = onSupport(row, succ[s][j]);
      }
    }
    return p;
  }

  private static int[] support(BigFraction[] row) {
    int count = 0;
    for (BigFraction x : row) {
      if (x.signum() != 0) {
        count++;
      }
    }
    int[] idx = new int[count];
    count = 0;
    for (int t = 0; t < row.length; t++) {
      if (row[t].signum() != 0) {
        idx[count++] = t;
      }
    }
    return idx;
  }

  private static BigFraction[] onSupport(BigFraction[] row, int[] idx) {
    BigFraction[] v = new BigFraction[idx.length];
    for (int k = 0; k < idx.length; k++) {
      v[k] = row[idx[k]];
    }
    return v;
  }

  private static int stateRef(Doc d, JsonNode ref, String entry, String[] stateLabels) {
    if (ref.isTextual()) {
      for (int t = 0; t < stateLabels.length; t++) {
        if (stateLabels[t].equals(ref.textValue())) {
          return t;
        }
      }
      throw d.error(entry, ExactNumbers.quote(ref.textValue()) + " is not a state label");
    }
    if (!ref.isIntegralNumber()) {
      throw d.error(entry, "is " + ExactNumbers.describe(ref) + "; expected a state index (JSON integer) or label");
    }
    return d.integer(ref, entry, 0, stateLabels.length - 1);
  }

  private static StagePotential.Condition condition(Doc d, String text) {
    for (StagePotential.Condition c : StagePotential.Condition.values()) {
      if (conditionName(c).equals(text)) {
        return c;
      }
    }
    List<String> known = new ArrayList<>();
    for (StagePotential.Condition c : StagePotential.Condition.values()) {
      known.add(conditionName(c));
    }
    throw d.error("potential.condition", ExactNumbers.quote(text) + " is not a condition; known: "
        + String.join(", ", known));
  }

  /**
   * The file name of a potential condition: the enum name in lower case with '-' for '_', e.g.
   * {@code identical-interest}.
   *
   * @param c the condition
   * @return its name in files
   */
  public static String conditionName(StagePotential.Condition c) {
    return c.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /**
   * Writes a game in its canonical form: a catalog reference for a {@link CatalogGame}, otherwise the explicit table
   * ({@link #writeTable}).
   *
   * @param game the game
   * @return the document
   * @throws InvalidGameException if an explicit table would exceed the size guard
   */
  public static ObjectNode write(MarkovGame game) {
    if (game instanceof CatalogGame) {
      CatalogGame c = (CatalogGame) game;
      ObjectNode root = Json.nodes().objectNode();
      root.put("format", FORMAT);
      ObjectNode cat = root.putObject("catalog");
      cat.put("name", c.catalogName());
      ObjectNode params = cat.putObject("parameters");
      for (Map.Entry<String, Object> e : c.parameters().entrySet()) {
        Object v = e.getValue();
        if (v instanceof Integer) {
          params.put(e.getKey(), (Integer) v);
        } else if (v instanceof BigFraction) {
          params.set(e.getKey(), ExactNumbers.toJson((BigFraction) v, 0));
        } else {
          ArrayNode arr = params.putArray(e.getKey());
          for (Object x : (List<?>) v) {
            if (x instanceof BigFraction) {
              arr.add(ExactNumbers.toJson((BigFraction) x, 0));
            }
          }
        }
      }
      return root;
    }
    return writeTable(game);
  }

  /**
   * Writes any game as an explicit table by asking it for every r_i(s,a), P(s'|s,a) and declared φ(s,a): flat
   * rewards; per state, transitions as {@code {"next": ...}} when every row is a point mass, as
   * {@code {"actionIndependent": ...}} when all rows are equal, else full rows.
   *
   * @param game the game
   * @return the document
   * @throws InvalidGameException if the table would exceed {@link JointActions#MAX_DENSE_ENTRIES} (checked first)
   */
  public static ObjectNode writeTable(MarkovGame game) {
    int n = game.agentCount();
    int states = game.stateCount();
    int[] counts = new int[n];
    for (int i = 0; i < n; i++) {
      counts[i] = game.actionCount(i);
    }
    int joint = JointActions.countDense(counts, states);
    ObjectNode root = Json.nodes().objectNode();
    root.put("format", FORMAT);
    root.put("name", game.name());
    ArrayNode agents = root.putArray("agents");
    for (int i = 0; i < n; i++) {
      ObjectNode a = agents.addObject();
      a.put("label", game.agentLabel(i));
      ArrayNode acts = a.putArray("actions");
      for (int k = 0; k < counts[i]; k++) {
        acts.add(game.actionLabel(i, k));
      }
    }
    ArrayNode st = root.putArray("states");
    for (int s = 0; s < states; s++) {
      st.add(game.stateLabel(s));
    }
    root.set("gamma", ExactNumbers.toJson(game.discount(), 0));
    ArrayNode rho = root.putArray("rho");
    for (int s = 0; s < states; s++) {
      rho.add(ExactNumbers.toJson(game.initial(s), 0));
    }
    root.put("jointActionOrder", JOINT_ACTION_ORDER);
    ArrayNode rewards = root.putArray("rewards");
    ArrayNode transitions = root.putArray("transitions");
    int[] a = new int[n];
    for (int s = 0; s < states; s++) {
      ArrayNode r = rewards.addArray();
      BigFraction[][] rows = new BigFraction[joint][states];
      for (int j = 0; j < joint; j++) {
        JointActions.decode(counts, j, a);
        for (int i = 0; i < n; i++) {
          r.add(ExactNumbers.toJson(game.reward(i, s, a), 0));
        }
        for (int t = 0; t < states; t++) {
          rows[j][t] = game.transition(s, a, t);
        }
      }
      transitions.add(transitionsOfState(rows));
    }
    Optional<StagePotential> sp = game.potential();
    if (sp.isPresent()) {
      ObjectNode pot = root.putObject("potential");
      pot.put("condition", conditionName(sp.get().condition()));
      ArrayNode phi = pot.putArray("phi");
      for (int s = 0; s < states; s++) {
        ArrayNode row = phi.addArray();
        for (int j = 0; j < joint; j++) {
          JointActions.decode(counts, j, a);
          row.add(ExactNumbers.toJson(sp.get().phi(s, a), 0));
        }
      }
    }
    return root;
  }

  private static JsonNode transitionsOfState(BigFraction[][] rows) {
    boolean deterministic = true;
    int[] next = new int[rows.length];
    for (int j = 0; j < rows.length && deterministic; j++) {
      next[j] = -1;
      for (int t = 0; t < rows[j].length; t++) {
        if (rows[j][t].equals(BigFraction.ONE)) {
          next[j] = t;
        }
      }
      deterministic = next[j] >= 0;
    }
    if (deterministic) {
      ObjectNode o = Json.nodes().objectNode();
      ArrayNode arr = o.putArray("next");
      for (int t : next) {
        arr.add(t);
      }
      return o;
    }
    boolean same = true;
    for (int j = 1; j < rows.length && same; j++) {
      same = Arrays.equals(rows[j], rows[0]);
    }
    if (same && rows.length > 1) {
      ObjectNode o = Json.nodes().objectNode();
      o.set("actionIndependent", numbers(rows[0]));
      return o;
    }
    ArrayNode all = Json.nodes().arrayNode();
    for (BigFraction[] row : rows) {
      all.add(numbers(row));
    }
    return all;
  }

  static ArrayNode numbers(BigFraction[] xs) {
    ArrayNode arr = Json.nodes().arrayNode();
    for (BigFraction x : xs) {
      arr.add(ExactNumbers.toJson(x, 0));
    }
    return arr;
  }
}
