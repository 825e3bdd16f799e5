package org.mpgref.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * The results format {@value #FORMAT}: a {@link Result} as one JSON document (specs/formats.md,
 * specs/formats/results.schema.json), the JSON rendering of the results model (the tagged-lines rendering is
 * {@code org.mpgref.cli.Tagged#result}). Every document has {@code "format"}, {@code "kind"} ({@code evaluation},
 * {@code best-response}, {@code nash-gap}, {@code potential-check}, {@code bounds}, {@code learn}) and, where the
 * header has them, {@code "game"}, {@code "agents"} (labels and action labels) and {@code "states"} (labels), so that
 * index-shaped arrays can be read against labels; then the members of the result's items ({@link ResultItem}).
 * Index shapes are those of the Java API: {@code [i][s]}, {@code [i][s][a]}, {@code [s]}. Numbers are written by
 * {@link ExactNumbers#toJson}: exact ({@code "22/15"}, or a JSON integer), plus a correctly rounded decimal with
 * {@code digits > 0} (annotated numbers {@code {"exact": "22/15", "decimal": "1.46667"}}). Output only: mpgref
 * reads no results documents. What each command's document holds: {@link Results}.
 */
public final class ResultsFormat {
  /** The format tag. */
  public static final String FORMAT = "mpgref-results/1";

  private ResultsFormat() {}

  /**
   * The JSON document of a result: the header, then the members of the items in their order (or in
   * {@link Result#jsonOrder} when given); printed-only items and fields add nothing.
   *
   * @param r the result
   * @param digits 0 for exact numbers only, else significant digits of the added decimals
   * @return the document
   * @throws IllegalStateException if a given JSON order does not list the top-level members exactly
   */
  public static ObjectNode json(Result r, int digits) {
    ObjectNode root = Json.nodes().objectNode();
    Result.Header h = r.header();
    root.put("format", FORMAT);
    root.put("kind", h.kind());
    h.game().ifPresent(name -> root.put("game", name));
    h.agents().ifPresent(agents -> {
      ArrayNode arr = root.putArray("agents");
      for (Result.Agent a : agents) {
        ObjectNode o = arr.addObject();
        o.put("label", a.label());
        ArrayNode acts = o.putArray("actions");
        a.actions().forEach(acts::add);
      }
      ArrayNode states = root.putArray("states");
      h.states().forEach(states::add);
    });
    ObjectNode body = Json.nodes().objectNode();
    for (ResultItem item : r.items()) {
      add(body, item, digits);
    }
    if (r.jsonOrder().isEmpty()) {
      root.setAll(body);
      return root;
    }
    List<String> members = new ArrayList<>();
    body.fieldNames().forEachRemaining(members::add);
    if (!new HashSet<>(members).equals(new HashSet<>(r.jsonOrder())) || members.size() != r.jsonOrder().size()) {
      throw new IllegalStateException(h.kind() + ": the JSON order " + r.jsonOrder() + " does not list the members "
          + members);
    }
    for (String k : r.jsonOrder()) {
      root.set(k, body.get(k));
    }
    return root;
  }

  /**
   * The JSON of one value.
   *
   * @param v the value
   * @param digits 0 for exact numbers only, else significant digits of the added decimal
   * @return the node
   */
  public static JsonNode value(ResultValue v, int digits) {
    if (v instanceof ResultValue.Exact x) {
      return ExactNumbers.toJson(x.value(), digits);
    } else if (v instanceof ResultValue.Count n) {
      return Json.nodes().numberNode(n.value());
    } else if (v instanceof ResultValue.Flag b) {
      return Json.nodes().booleanNode(b.value());
    } else if (v instanceof ResultValue.Word w) {
      return Json.nodes().textNode(w.value());
    }
    return Json.nodes().nullNode();
  }

  private static void add(ObjectNode body, ResultItem item, int digits) {
    if (item instanceof ResultItem.Line l) {
      for (ResultItem.Field f : l.fields()) {
        f.key().ifPresent(k -> put(body, List.of(k.split("/")), List.of(new ResultItem.Cell(List.of(), List.of(),
            f.value())), 0, digits));
      }
    } else if (item instanceof ResultItem.Table t) {
      t.key().ifPresent(k -> put(body, List.of(k.split("/")), t.cells(), 0, digits));
    } else if (item instanceof ResultItem.Entries e) {
      body.set(e.key(), entries(e.entries(), digits));
    }
  }

  /**
   * Puts cells under a key path: the last segment holds the cells (their axes from {@code depth} on) as nested
   * arrays, or the value of the single cell when no axis is left; {@code *} splits the cells by the axis at
   * {@code depth} into one object per element; other segments are (shared) nested objects.
   */
  private static void put(ObjectNode obj, List<String> path, List<ResultItem.Cell> cells, int depth, int digits) {
    String seg = path.get(0);
    if (path.size() == 1) {
      obj.set(seg, nested(cells, depth, digits));
    } else if (path.get(1).equals("*")) {
      ArrayNode arr = obj.has(seg) ? (ArrayNode) obj.get(seg) : obj.putArray(seg);
      List<List<ResultItem.Cell>> groups = groups(cells, depth);
      for (int k = 0; k < groups.size(); k++) {
        ObjectNode o = k < arr.size() ? (ObjectNode) arr.get(k) : arr.addObject();
        put(o, path.subList(2, path.size()), groups.get(k), depth + 1, digits);
      }
    } else {
      ObjectNode child = obj.has(seg) ? (ObjectNode) obj.get(seg) : obj.putObject(seg);
      put(child, path.subList(1, path.size()), cells, depth, digits);
    }
  }

  private static JsonNode nested(List<ResultItem.Cell> cells, int depth, int digits) {
    if (depth == cells.get(0).index().size()) {
      return value(cells.get(0).value(), digits);
    }
    ArrayNode arr = Json.nodes().arrayNode();
    for (List<ResultItem.Cell> g : groups(cells, depth)) {
      arr.add(nested(g, depth + 1, digits));
    }
    return arr;
  }

  /** The runs of consecutive cells with the same index at {@code depth} (row-major order makes them contiguous). */
  private static List<List<ResultItem.Cell>> groups(List<ResultItem.Cell> cells, int depth) {
    List<List<ResultItem.Cell>> groups = new ArrayList<>();
    int start = 0;
    for (int k = 1; k <= cells.size(); k++) {
      if (k == cells.size() || !cells.get(k).index().get(depth).equals(cells.get(start).index().get(depth))) {
        groups.add(cells.subList(start, k));
        start = k;
      }
    }
    return groups;
  }

  /**
   * The JSON of a list of constants: one object per entry, in order, with {@code tag}, {@code qualifiers} (array of
   * strings), either {@code value} (exact, {@link ExactNumbers#toJson}) or {@code status} (the entry's text), and,
   * where present, {@code source} and {@code note}.
   */
  private static ArrayNode entries(List<ResultItem.Entry> entries, int digits) {
    ArrayNode arr = Json.nodes().arrayNode();
    for (ResultItem.Entry e : entries) {
      ObjectNode o = arr.addObject();
      o.put("tag", e.tag());
      ArrayNode q = o.putArray("qualifiers");
      e.qualifiers().forEach(q::add);
      Optional<BigFraction> v = e.exact();
      if (v.isPresent()) {
        o.set("value", ExactNumbers.toJson(v.get(), digits));
      } else {
        o.put("status", e.text().orElse(""));
      }
      e.source().ifPresent(x -> o.put("source", x));
      e.note().ifPresent(x -> o.put("note", x));
    }
    return arr;
  }
}
