package org.mpgref.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.mpgref.game.DoublePolicy;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.numbers.Rationals;

/**
 * The policy file format {@value #FORMAT}: a product policy π_i(a|s), per agent, per state, a distribution over the
 * agent's actions (specs/formats.md, specs/formats/policy.schema.json).
 *
 * <pre>
 *   {"format": "mpgref-policy/1", "game": "optional informational name",
 *    "policy": [ per agent i: [ per state s: [π_i(a|s) per action a] ] ]}
 * </pre>
 *
 * Each of the three levels may instead be an object keyed by labels (agent labels, state labels, action labels of
 * the game): {@code "policy": {"row": {"s0": {"U": "1/2", "D": "1/2"}, ...}, ...}}. An object must name every label of
 * its level exactly once; arrays are in index order. Labels and indices can be mixed across levels.
 *
 * <p>Exact reading ({@link #read}) requires every entry ≥ 0 and every row to sum to exactly 1. Floating reading
 * ({@link #readDouble}, for {@code nash-gap --certify} and foreign learners' outputs) converts each number to the
 * nearest double (decimal text via {@link Double#parseDouble}, {@code p/q} via {@link BigFraction#doubleValue()})
 * and requires entries ≥ 0 and the exact sum of the written numbers within 10^−9 of 1.
 */
public final class PolicyFormat {
  /** The format tag. */
  public static final String FORMAT = "mpgref-policy/1";
  /** Tolerance of a floating row's sum. */
  public static final BigFraction FLOATING_TOLERANCE = BigFraction.of(1, 1_000_000_000);

  private static final List<String> FIELDS = List.of("format", "comment", "game", "policy");

  private PolicyFormat() {}

  /**
   * Reads an exact policy document from characters.
   *
   * @param in the characters (not closed)
   * @param game the game the policy is for (shapes and labels)
   * @param source the input's name for errors
   * @return the policy
   * @throws FormatException naming the entry for every malformed input
   */
  public static Policy read(Reader in, MarkovGame game, String source) {
    return read(Json.parse(in, source), game, source);
  }

  /**
   * Reads an exact policy.
   *
   * @param root the document (parsed by {@link Json})
   * @param game the game the policy is for
   * @param source the input's name for errors
   * @return the policy
   * @throws FormatException naming the entry: wrong format tag, missing or unknown field, wrong number of agents,
   *     states or actions, unknown or missing label, a negative entry, a row not summing to exactly 1, a malformed
   *     number
   */
  public static Policy read(JsonNode root, MarkovGame game, String source) {
    Doc d = new Doc(source);
    d.requireFormat(root, FORMAT);
    d.allowOnly(root, "", FIELDS);
    header(d, root);
    return readPolicy(d, d.required(root, "policy", "policy"), game, "policy");
  }

  static void header(Doc d, JsonNode root) {
    GameFormat.comment(d, root);
    @Nullable JsonNode g = root.get("game");
    if (g != null) {
      d.string(g, "game");
    }
  }

  /** Reads the value of a "policy" field exactly. */
  static Policy readPolicy(Doc d, JsonNode node, MarkovGame game, String entry) {
    int n = game.agentCount();
    BigFraction[][][] p = new BigFraction[n][game.stateCount()][];
    for (int i = 0; i < n; i++) {
      for (int s = 0; s < game.stateCount(); s++) {
        JsonNode rowNode = rowNode(d, node, game, i, s, entry);
        String e = path(node, game, i, s, entry);
        BigFraction[] row = new BigFraction[game.actionCount(i)];
        for (int a = 0; a < row.length; a++) {
          row[a] = d.probability(cell(d, rowNode, game, i, a, e), cellPath(rowNode, game, i, a, e));
        }
        d.requireSumOne(row, e, "pi_" + i + "(.|s=" + s + ")");
        p[i][s] = row;
      }
    }
    try {
      return Policy.of(p);
    } catch (InvalidGameException ex) {
      throw d.error(entry, Doc.message(ex));
    }
  }

  /** Reads the value of a "policy" field as floating numbers. */
  static DoublePolicy readDoublePolicy(Doc d, JsonNode node, MarkovGame game, String entry) {
    int n = game.agentCount();
    double[][][] p = new double[game.stateCount()][n][];
    for (int i = 0; i < n; i++) {
      for (int s = 0; s < game.stateCount(); s++) {
        JsonNode rowNode = rowNode(d, node, game, i, s, entry);
        String e = path(node, game, i, s, entry);
        double[] row = new double[game.actionCount(i)];
        BigFraction sum = BigFraction.ZERO;
        for (int a = 0; a < row.length; a++) {
          JsonNode c = cell(d, rowNode, game, i, a, e);
          String ce = cellPath(rowNode, game, i, a, e);
          BigFraction x = d.probability(c, ce);
          sum = sum.add(x);
          row[a] = toDouble(d, c, x, ce);
        }
        if (Rationals.compare(sum.subtract(BigFraction.ONE).abs(), FLOATING_TOLERANCE) > 0) {
          throw d.error(e, "pi_" + i + "(.|s=" + s + ") sums to " + ExactNumbers.decimal(sum, 17)
              + "; a floating row must sum to 1 within 1e-9");
        }
        p[s][i] = row;
      }
    }
    try {
      return DoublePolicy.ofStateMajor(p);
    } catch (InvalidGameException ex) {
      throw d.error(entry, Doc.message(ex));
    }
  }

  private static double toDouble(Doc d, JsonNode node, BigFraction exact, String entry) {
    String text = null;
    if (node.isIntegralNumber()) {
      text = node.bigIntegerValue().toString();
    } else if (node.isBigDecimal()) {
      text = node.decimalValue().toString();
    } else if (node.isTextual() && !node.textValue().contains("/")) {
      text = node.textValue();
    }
    double x = text != null ? Double.parseDouble(text) : exact.doubleValue();
    if (!Double.isFinite(x)) {
      throw d.error(entry, "is too large for a double");
    }
    return x;
  }

  private static JsonNode rowNode(Doc d, JsonNode node, MarkovGame game, int i, int s, String entry) {
    JsonNode agent = level(d, node, entry, game.agentCount(), k -> game.agentLabel(k), i, "agent");
    String ae = entry + key(node, game.agentLabel(i), i);
    return level(d, agent, ae, game.stateCount(), k -> game.stateLabel(k), s, "state");
  }

  private static String path(JsonNode node, MarkovGame game, int i, int s, String entry) {
    String ae = entry + key(node, game.agentLabel(i), i);
    @Nullable JsonNode agent = node.isArray() ? node.get(i) : node.get(game.agentLabel(i));
    return ae + key(agent == null ? node : agent, game.stateLabel(s), s);
  }

  private static JsonNode cell(Doc d, JsonNode row, MarkovGame game, int i, int a, String entry) {
    return level(d, row, entry, game.actionCount(i), k -> game.actionLabel(i, k), a, "action");
  }

  private static String cellPath(JsonNode row, MarkovGame game, int i, int a, String entry) {
    return entry + key(row, game.actionLabel(i, a), a);
  }

  private static String key(JsonNode container, String label, int index) {
    return container.isObject() ? "." + label : "[" + index + "]";
  }

  /**
   * One level of the nested policy: an array of {@code size} entries (index order) or an object keyed by exactly
   * the {@code size} labels. Checks the whole level on first visit of index 0, then returns entry {@code index}.
   */
  private static JsonNode level(Doc d, JsonNode node, String entry, int size,
      java.util.function.IntFunction<String> label, int index, String what) {
    if (node.isArray()) {
      if (node.size() != size) {
        throw d.error(entry, "has " + node.size() + " entries; the game has " + size + " " + what
            + (size == 1 ? "" : "s") + " here");
      }
      return node.get(index);
    }
    if (node.isObject()) {
      if (index == 0) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
          String k = it.next();
          boolean known = false;
          for (int j = 0; j < size && !known; j++) {
            known = label.apply(j).equals(k);
          }
          if (!known) {
            throw d.error(entry + "." + k, "is not a label of an " + what + " here");
          }
        }
      }
      @Nullable JsonNode v = node.get(label.apply(index));
      if (v == null) {
        throw d.error(entry + "." + label.apply(index), "missing; an object must name every " + what + " label");
      }
      return v;
    }
    throw d.error(entry, "is " + ExactNumbers.describe(node) + "; expected an array or an object keyed by " + what
        + " labels");
  }

  /**
   * Reads a floating policy (for {@code nash-gap --certify}).
   *
   * @param root the document (parsed by {@link Json})
   * @param game the game
   * @param source the input's name for errors
   * @return the double policy
   * @throws FormatException naming the entry as {@link #read}, with rows required to sum to 1 within 10^−9
   */
  public static DoublePolicy readDouble(JsonNode root, MarkovGame game, String source) {
    Doc d = new Doc(source);
    d.requireFormat(root, FORMAT);
    d.allowOnly(root, "", FIELDS);
    header(d, root);
    return readDoublePolicy(d, d.required(root, "policy", "policy"), game, "policy");
  }

  /**
   * Writes an exact policy: arrays in index order.
   *
   * @param p the policy
   * @param game its game (name)
   * @param digits 0 for exact numbers only; otherwise annotated numbers with this many significant digits
   * @return the document
   */
  public static ObjectNode write(Policy p, MarkovGame game, int digits) {
    ObjectNode root = Json.nodes().objectNode();
    root.put("format", FORMAT);
    root.put("game", game.name());
    root.set("policy", policyArray(p, digits));
    return root;
  }

  static ArrayNode policyArray(Policy p, int digits) {
    ArrayNode agents = Json.nodes().arrayNode();
    for (int i = 0; i < p.agentCount(); i++) {
      ArrayNode states = agents.addArray();
      for (int s = 0; s < p.stateCount(); s++) {
        ArrayNode row = states.addArray();
        for (int a = 0; a < p.actionCount(i); a++) {
          row.add(ExactNumbers.toJson(p.prob(i, s, a), digits));
        }
      }
    }
    return agents;
  }

  static ArrayNode policyArray(DoublePolicy p) {
    ArrayNode agents = Json.nodes().arrayNode();
    for (int i = 0; i < p.agentCount(); i++) {
      ArrayNode states = agents.addArray();
      for (int s = 0; s < p.stateCount(); s++) {
        ArrayNode row = states.addArray();
        for (int a = 0; a < p.actionCount(i); a++) {
          // Double.toString round-trips; written as a JSON number (exact decimal of the shortest repr)
          row.add(new BigDecimal(Double.toString(p.prob(i, s, a))));
        }
      }
    }
    return agents;
  }

  /**
   * Writes a floating policy (each probability as the JSON number {@link Double#toString} gives, which reads back
   * to the same double with {@link #readDouble}).
   *
   * @param p the policy
   * @param game its game (name)
   * @return the document
   */
  public static ObjectNode writeDouble(DoublePolicy p, MarkovGame game) {
    ObjectNode root = Json.nodes().objectNode();
    root.put("format", FORMAT);
    root.put("game", game.name());
    root.set("policy", policyArray(p));
    return root;
  }
}
