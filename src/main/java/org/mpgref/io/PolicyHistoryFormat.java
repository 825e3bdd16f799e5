package org.mpgref.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.mpgref.game.DoublePolicy;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;

/**
 * The joint policy history format {@value #FORMAT}: the iterates π^0..π^T of a learning run (ours, from
 * {@code mpgref learn}, or someone else's, for an audit), each in the "policy" form of {@link PolicyFormat}.
 *
 * <pre>
 *   {"format": "mpgref-policy-history/1", "game": "optional name", "numbers": "exact" | "floating",
 *    "run": {optional object describing the run, e.g. algorithm and eta; not interpreted},
 *    "policies": [ π^0, π^1, ... ],                               (at least one)
 *    "records": [ {optional per-iterate object, one per policy; not interpreted} ]}
 * </pre>
 *
 * {@code "numbers"} (default {@code "exact"}) says how to read the policies: {@code exact} rows must sum to exactly 1;
 * {@code floating} rows (a double learner's output) must sum to 1 within 10^−9 and {@link #read} puts each on the
 * simplex exactly with {@link Policy#ofDoublePolicy} (exact dyadic values, largest entry of each row corrected; the
 * L1 change per row is |1 − Σ_a x_a|, see specs/policy.md). {@code run} and {@code records} are informational: their
 * shape is checked (an object; an array of objects as long as {@code policies}), their content is not read.
 */
public final class PolicyHistoryFormat {
  /** The format tag. */
  public static final String FORMAT = "mpgref-policy-history/1";

  private static final List<String> FIELDS =
      List.of("format", "comment", "game", "numbers", "run", "policies", "records");

  private PolicyHistoryFormat() {}

  /**
   * Reads a history from characters.
   *
   * @param in the characters (not closed)
   * @param game the game
   * @param source the input's name for errors
   * @return the iterates as exact policies
   * @throws FormatException naming the entry for every malformed input
   */
  public static List<Policy> read(Reader in, MarkovGame game, String source) {
    return read(Json.parse(in, source), game, source);
  }

  /**
   * Reads a history as exact policies (floating histories are put on the simplex exactly, see the class comment).
   *
   * @param root the document (parsed by {@link Json})
   * @param game the game
   * @param source the input's name for errors
   * @return π^0..π^T
   * @throws FormatException naming the entry ({@code policies[t][i][s]...}) for every malformed input
   */
  public static List<Policy> read(JsonNode root, MarkovGame game, String source) {
    Doc d = new Doc(source);
    JsonNode policies = header(d, root);
    boolean floating = floating(d, root);
    List<Policy> out = new ArrayList<>();
    for (int t = 0; t < policies.size(); t++) {
      String e = "policies[" + t + "]";
      if (floating) {
        DoublePolicy p = PolicyFormat.readDoublePolicy(d, policies.get(t), game, e);
        try {
          out.add(Policy.ofDoublePolicy(p));
        } catch (InvalidGameException ex) {
          throw d.error(e, Doc.message(ex));
        }
      } else {
        out.add(PolicyFormat.readPolicy(d, policies.get(t), game, e));
      }
    }
    return out;
  }

  /**
   * Reads a history as double policies (exact histories are rounded to the nearest doubles).
   *
   * @param root the document (parsed by {@link Json})
   * @param game the game
   * @param source the input's name for errors
   * @return π^0..π^T
   * @throws FormatException naming the entry for every malformed input
   */
  public static List<DoublePolicy> readDouble(JsonNode root, MarkovGame game, String source) {
    Doc d = new Doc(source);
    JsonNode policies = header(d, root);
    floating(d, root);
    List<DoublePolicy> out = new ArrayList<>();
    for (int t = 0; t < policies.size(); t++) {
      out.add(PolicyFormat.readDoublePolicy(d, policies.get(t), game, "policies[" + t + "]"));
    }
    return out;
  }

  private static JsonNode header(Doc d, JsonNode root) {
    d.requireFormat(root, FORMAT);
    d.allowOnly(root, "", FIELDS);
    PolicyFormat.header(d, root);
    JsonNode policies = d.nonEmptyArray(d.required(root, "policies", "policies"), "policies");
    @Nullable JsonNode run = root.get("run");
    if (run != null) {
      d.object(run, "run");
    }
    @Nullable JsonNode records = root.get("records");
    if (records != null) {
      d.array(records, "records", policies.size());
      for (int t = 0; t < records.size(); t++) {
        d.object(records.get(t), "records[" + t + "]");
      }
    }
    return policies;
  }

  private static boolean floating(Doc d, JsonNode root) {
    @Nullable JsonNode numbers = root.get("numbers");
    if (numbers == null) {
      return false;
    }
    String v = d.string(numbers, "numbers");
    if ("exact".equals(v)) {
      return false;
    }
    if ("floating".equals(v)) {
      return true;
    }
    throw d.error("numbers", "is " + ExactNumbers.quote(v) + "; expected \"exact\" or \"floating\"");
  }

  /**
   * Writes an exact history ({@code "numbers": "exact"}).
   *
   * @param policies π^0..π^T (at least one)
   * @param game their game (name)
   * @param digits 0 for exact numbers only; otherwise annotated numbers
   * @return the document; callers may add {@code run} and {@code records}
   * @throws IllegalArgumentException if the list is empty
   */
  public static ObjectNode write(List<Policy> policies, MarkovGame game, int digits) {
    if (policies.isEmpty()) {
      throw new IllegalArgumentException("a policy history needs at least one policy");
    }
    ObjectNode root = start(game, "exact");
    ArrayNode arr = root.putArray("policies");
    for (Policy p : policies) {
      arr.add(PolicyFormat.policyArray(p, digits));
    }
    return root;
  }

  /**
   * Writes a floating history ({@code "numbers": "floating"}; each probability as {@link Double#toString}).
   *
   * @param policies π^0..π^T (at least one)
   * @param game their game (name)
   * @return the document; callers may add {@code run} and {@code records}
   * @throws IllegalArgumentException if the list is empty
   */
  public static ObjectNode writeDouble(List<DoublePolicy> policies, MarkovGame game) {
    if (policies.isEmpty()) {
      throw new IllegalArgumentException("a policy history needs at least one policy");
    }
    ObjectNode root = start(game, "floating");
    ArrayNode arr = root.putArray("policies");
    for (DoublePolicy p : policies) {
      arr.add(PolicyFormat.policyArray(p));
    }
    return root;
  }

  private static ObjectNode start(MarkovGame game, String numbers) {
    ObjectNode root = Json.nodes().objectNode();
    root.put("format", FORMAT);
    root.put("game", game.name());
    root.put("numbers", numbers);
    return root;
  }
}
