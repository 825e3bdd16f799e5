package org.mpgref.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.mpgref.io.SameGame.assertSameGame;
import static org.mpgref.io.SameGame.assertSamePolicy;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.numbers.fraction.BigFraction;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.mpgref.catalog.CatalogGame;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.JointActions;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.testkit.RandomGames;
import org.mpgref.testkit.Seeds;

/**
 * Issue 3 part 6, the mutation property: valid game and policy documents written from random games
 * ({@link RandomGames}) are mutated at random (delete a character, duplicate a token, change a digit, swap two values,
 * drop a field, change the format tag, truncate, replace a number by an edge case such as "1/0", "NaN", 1e400, null),
 * one to three times. Every mutated text must be either
 *
 * <ul>
 *   <li>refused with a {@link FormatException} (or {@link InvalidGameException}) whose message is one non-empty
 *       line, or
 *   <li>read as a game (policy) that is exactly what the mutated text says: every label, count and number of the
 *       parsed object equals the corresponding token of the mutated document read on its own (an independent walk
 *       of the JSON tree, numbers through {@link ExactNumbers}), and writing it and reading it back gives an
 *       identical object.
 * </ul>
 *
 * Any other exception fails the test with the mutated text. Both outcomes are counted and must both occur, so the
 * property is not vacuous.
 */
class MutationPropertyTest {
  private static final Pattern TOKEN =
      Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|-?[0-9][0-9.eE+-]*|[{}\\[\\]:,]|true|false|null");
  private static final String[] EDGE = {"-1", "\"1/0\"", "\"NaN\"", "1e400", "\"0.1\"", "0", "\"-0\"", "1.5",
      "\"+1\"", "null", "true", "\"1e-3\"", "\"1/3\"", "{}", "[]", "\"\"", "1e-400", "\"2/2\"", "99999999999999999999"};
  private static final String[] TAGS = {"mpgref-game/2", "mpgref-policy/1", "mpgref-game/1 ", "MPGREF-GAME/1", "",
      "mpgref-policy-history/1", "mpgref-game/10"};

  private static final AtomicInteger ACCEPTED = new AtomicInteger();
  private static final AtomicInteger REFUSED = new AtomicInteger();

  // ------------------------------------------------------------------------------------------------- mutations

  static String mutate(String text, UniformRandomProvider r) {
    int kind = r.nextInt(8);
    switch (kind) {
      case 0: { // delete a character
        if (text.isEmpty()) {
          return text;
        }
        int at = r.nextInt(text.length());
        return text.substring(0, at) + text.substring(at + 1);
      }
      case 1: { // duplicate a token
        List<int[]> tokens = tokens(text);
        if (tokens.isEmpty()) {
          return text;
        }
        int[] t = tokens.get(r.nextInt(tokens.size()));
        String sep = r.nextBoolean() ? "" : " ";
        return text.substring(0, t[1]) + sep + text.substring(t[0], t[1]) + text.substring(t[1]);
      }
      case 2: { // change a digit
        List<Integer> digits = new ArrayList<>();
        for (int k = 0; k < text.length(); k++) {
          if (Character.isDigit(text.charAt(k))) {
            digits.add(k);
          }
        }
        if (digits.isEmpty()) {
          return text;
        }
        int at = digits.get(r.nextInt(digits.size()));
        char c = (char) ('0' + (text.charAt(at) - '0' + 1 + r.nextInt(9)) % 10);
        return text.substring(0, at) + c + text.substring(at + 1);
      }
      case 3: // swap two values
        return onTree(text, r, MutationPropertyTest::swapValues);
      case 4: // drop a field
        return onTree(text, r, MutationPropertyTest::dropField);
      case 5: { // change the format tag
        String tag = TAGS[r.nextInt(TAGS.length)];
        Matcher m = Pattern.compile("\"format\": \"[^\"]*\"").matcher(text);
        return m.find() ? text.substring(0, m.start()) + "\"format\": \"" + tag + "\"" + text.substring(m.end())
            : text;
      }
      case 6: // truncate
        return text.substring(0, r.nextInt(text.length() + 1));
      default: // replace a value by an edge case
        return onTree(text, r, (root, rr) -> replaceLeaf(root, rr, EDGE[rr.nextInt(EDGE.length)]));
    }
  }

  private static List<int[]> tokens(String text) {
    List<int[]> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      out.add(new int[] {m.start(), m.end()});
    }
    return out;
  }

  private interface TreeMutation {
    void apply(JsonNode root, UniformRandomProvider r);
  }

  /** Applies a tree mutation when the text is JSON; otherwise leaves it (it is refused anyway). */
  private static String onTree(String text, UniformRandomProvider r, TreeMutation m) {
    JsonNode root;
    try {
      root = Json.parse(text, "m");
    } catch (FormatException e) {
      return text;
    }
    m.apply(root, r);
    return Json.write(root);
  }

  /** Leaves (numbers, strings, booleans, nulls) with their parent container and key/index. */
  private record Leaf(JsonNode parent, String key, int index) {
    JsonNode get() {
      return parent.isObject() ? parent.get(key) : parent.get(index);
    }

    void set(JsonNode v) {
      if (parent.isObject()) {
        ((ObjectNode) parent).set(key, v);
      } else {
        ((ArrayNode) parent).set(index, v);
      }
    }
  }

  private static void leaves(JsonNode node, List<Leaf> out) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isContainerNode()) {
          leaves(e.getValue(), out);
        } else {
          out.add(new Leaf(node, e.getKey(), -1));
        }
      }
    } else if (node.isArray()) {
      for (int k = 0; k < node.size(); k++) {
        if (node.get(k).isContainerNode()) {
          leaves(node.get(k), out);
        } else {
          out.add(new Leaf(node, "", k));
        }
      }
    }
  }

  private static void swapValues(JsonNode root, UniformRandomProvider r) {
    List<Leaf> ls = new ArrayList<>();
    leaves(root, ls);
    if (ls.size() < 2) {
      return;
    }
    Leaf a = ls.get(r.nextInt(ls.size()));
    Leaf b = ls.get(r.nextInt(ls.size()));
    JsonNode va = a.get();
    a.set(b.get());
    b.set(va);
  }

  private static void replaceLeaf(JsonNode root, UniformRandomProvider r, String replacement) {
    List<Leaf> ls = new ArrayList<>();
    leaves(root, ls);
    if (ls.isEmpty()) {
      return;
    }
    ls.get(r.nextInt(ls.size())).set(Json.parse(replacement, "edge"));
  }

  private static void dropField(JsonNode root, UniformRandomProvider r) {
    List<ObjectNode> objects = new ArrayList<>();
    collectObjects(root, objects);
    objects.removeIf(o -> o.isEmpty());
    if (objects.isEmpty()) {
      return;
    }
    ObjectNode o = objects.get(r.nextInt(objects.size()));
    List<String> names = new ArrayList<>();
    o.fieldNames().forEachRemaining(names::add);
    o.remove(names.get(r.nextInt(names.size())));
  }

  private static void collectObjects(JsonNode node, List<ObjectNode> out) {
    if (node.isObject()) {
      out.add((ObjectNode) node);
    }
    for (JsonNode child : node) {
      collectObjects(child, out);
    }
  }

  // ------------------------------------------------------------------------------------------------- oracles

  private static void assertOneLine(RuntimeException e, String text) {
    assertThat(e.getMessage()).as("message of a refusal of%n%s", text).isNotBlank().doesNotContain("\n")
        .doesNotContain("\r");
  }

  private static BigFraction num(JsonNode n) {
    return ExactNumbers.read(n, "oracle");
  }

  /** Every label, size and number of the parsed game equals what the document says. */
  static void assertGameIsTheDocument(MarkovGame g, JsonNode doc) {
    if (doc.has("catalog")) {
      assertThat(g).isInstanceOf(CatalogGame.class);
      CatalogGame c = (CatalogGame) g;
      assertThat(c.catalogName()).isEqualTo(doc.get("catalog").get("name").textValue());
      JsonNode params = doc.get("catalog").get("parameters");
      if (params != null) {
        for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext();) {
          Map.Entry<String, JsonNode> e = it.next();
          Object v = c.parameters().get(e.getKey());
          if (e.getValue().isArray()) {
            List<BigFraction> expected = new ArrayList<>();
            e.getValue().forEach(x -> expected.add(num(x)));
            assertThat(v).isEqualTo(expected);
          } else if (v instanceof Integer) {
            assertThat(BigFraction.of((Integer) v)).isEqualTo(num(e.getValue()));
          } else {
            assertThat(v).isEqualTo(num(e.getValue()));
          }
        }
      }
      return;
    }
    JsonNode agents = doc.get("agents");
    int n = agents.size();
    assertThat(g.agentCount()).isEqualTo(n);
    int[] counts = new int[n];
    for (int i = 0; i < n; i++) {
      JsonNode a = agents.get(i);
      assertThat(g.agentLabel(i)).isEqualTo(a.has("label") ? a.get("label").textValue() : Integer.toString(i));
      counts[i] = a.get("actions").size();
      assertThat(g.actionCount(i)).isEqualTo(counts[i]);
      for (int k = 0; k < counts[i]; k++) {
        assertThat(g.actionLabel(i, k)).isEqualTo(a.get("actions").get(k).textValue());
      }
    }
    JsonNode states = doc.get("states");
    int ns = states.size();
    assertThat(g.stateCount()).isEqualTo(ns);
    for (int s = 0; s < ns; s++) {
      assertThat(g.stateLabel(s)).isEqualTo(states.get(s).textValue());
      assertThat(g.initial(s)).isEqualTo(num(doc.get("rho").get(s)));
    }
    assertThat(g.name()).isEqualTo(doc.has("name") ? doc.get("name").textValue() : "unnamed");
    assertThat(g.discount()).isEqualTo(num(doc.get("gamma")));
    int joint = JointActions.countDense(counts, ns);
    int[] a = new int[n];
    for (int s = 0; s < ns; s++) {
      JsonNode r = doc.get("rewards").get(s);
      JsonNode t = doc.get("transitions").get(s);
      for (int j = 0; j < joint; j++) {
        JointActions.decode(counts, j, a);
        for (int i = 0; i < n; i++) {
          JsonNode cell = r.get(0).isArray() ? r.get(j).get(i) : r.get(j * n + i);
          assertThat(g.reward(i, s, a)).isEqualTo(num(cell));
        }
        for (int u = 0; u < ns; u++) {
          BigFraction expected;
          if (t.isArray()) {
            expected = num(t.get(j).get(u));
          } else if (t.has("next")) {
            JsonNode ref = t.get("next").get(j);
            int target = ref.isTextual() ? indexOf(states, ref.textValue()) : ref.intValue();
            expected = target == u ? BigFraction.ONE : BigFraction.ZERO;
          } else {
            expected = num(t.get("actionIndependent").get(u));
          }
          assertThat(g.transition(s, a, u)).isEqualTo(expected);
        }
        if (doc.has("potential")) {
          assertThat(g.potential().orElseThrow().phi(s, a)).isEqualTo(num(doc.get("potential").get("phi").get(s)
              .get(j)));
        }
      }
    }
    assertThat(g.potential().isPresent()).isEqualTo(doc.has("potential"));
    if (doc.has("potential")) {
      assertThat(GameFormat.conditionName(g.potential().orElseThrow().condition()))
          .isEqualTo(doc.get("potential").get("condition").textValue());
    }
  }

  private static int indexOf(JsonNode labels, String label) {
    for (int k = 0; k < labels.size(); k++) {
      if (labels.get(k).textValue().equals(label)) {
        return k;
      }
    }
    throw new AssertionError("no state label " + label);
  }

  static void checkGameText(String text) {
    MarkovGame g;
    try {
      g = GameFormat.read(new StringReader(text), "m.json");
    } catch (InvalidGameException e) {
      assertOneLine(e, text);
      REFUSED.incrementAndGet();
      return;
    } catch (RuntimeException e) {
      throw new AssertionError("unexpected " + e + " reading the mutated game\n" + text, e);
    }
    ACCEPTED.incrementAndGet();
    assertGameIsTheDocument(g, Json.parse(text, "m.json"));
    MarkovGame back = GameFormat.read(Json.parse(Json.write(GameFormat.write(g)), "rt"), "rt");
    assertSameGame(back, g);
  }

  static void checkPolicyText(String text, MarkovGame game) {
    Policy p;
    try {
      p = PolicyFormat.read(new StringReader(text), game, "m.json");
    } catch (InvalidGameException e) {
      assertOneLine(e, text);
      REFUSED.incrementAndGet();
      return;
    } catch (RuntimeException e) {
      throw new AssertionError("unexpected " + e + " reading the mutated policy\n" + text, e);
    }
    ACCEPTED.incrementAndGet();
    JsonNode doc = Json.parse(text, "m.json").get("policy");
    for (int i = 0; i < game.agentCount(); i++) {
      JsonNode ai = doc.isArray() ? doc.get(i) : doc.get(game.agentLabel(i));
      for (int s = 0; s < game.stateCount(); s++) {
        JsonNode row = ai.isArray() ? ai.get(s) : ai.get(game.stateLabel(s));
        for (int a = 0; a < game.actionCount(i); a++) {
          JsonNode cell = row.isArray() ? row.get(a) : row.get(game.actionLabel(i, a));
          assertThat(p.prob(i, s, a)).as("pi_%d(%d|%d) of%n%s", i, a, s, text).isEqualTo(num(cell));
        }
      }
    }
    assertSamePolicy(PolicyFormat.read(Json.parse(Json.write(PolicyFormat.write(p, game, 0)), "rt"), game, "rt"), p);
  }

  @Test
  void mutatedGamesAreReadExactlyAsWrittenOrRefusedWithOneLine() {
    ACCEPTED.set(0);
    REFUSED.set(0);
    Seeds.property("gameMutations", 3401L, 1500)
        .forAll(integers().between(1, 3), integers().between(1, 3), integers().between(2, 3), longs().all())
        .checkAssert((states, agents, actions, seed) -> {
          TabularMarkovGame game = RandomGames.anyGame(states, agents, actions, seed);
          UniformRandomProvider r = RandomGames.rng(seed ^ 0x5DEECE66DL);
          String text = Json.write(GameFormat.write(game));
          int times = 1 + r.nextInt(3);
          for (int k = 0; k < times; k++) {
            text = mutate(text, r);
          }
          checkGameText(text);
        });
    System.out.println("gameMutations: " + ACCEPTED.get() + " read exactly, " + REFUSED.get() + " refused");
    assertThat(ACCEPTED.get()).as("mutants read").isPositive();
    assertThat(REFUSED.get()).as("mutants refused").isPositive();
  }

  @Test
  void mutatedCatalogReferencesAreReadExactlyOrRefused() {
    ACCEPTED.set(0);
    REFUSED.set(0);
    String base = "{\"format\": \"mpgref-game/1\", \"catalog\": {\"name\": \"distancing\", \"parameters\": {"
        + "\"agents\": 2, \"weights\": [1, 2], \"penalty\": \"100\", \"safeThreshold\": \"1\","
        + " \"distancingThreshold\": \"1/2\", \"gamma\": \"0.9\", \"rho\": [\"1/2\", \"1/2\"]}}}";
    Seeds.property("catalogMutations", 3402L, 300).forAll(longs().all()).checkAssert(seed -> {
      UniformRandomProvider r = RandomGames.rng(seed);
      String text = mutate(base, r);
      checkGameText(text);
    });
    System.out.println("catalogMutations: " + ACCEPTED.get() + " read exactly, " + REFUSED.get() + " refused");
    assertThat(ACCEPTED.get()).isPositive();
    assertThat(REFUSED.get()).isPositive();
  }

  @Test
  void mutatedPoliciesAreReadExactlyAsWrittenOrRefusedWithOneLine() {
    ACCEPTED.set(0);
    REFUSED.set(0);
    Seeds.property("policyMutations", 3403L, 1000)
        .forAll(integers().between(1, 3), integers().between(1, 3), integers().between(2, 4), longs().all())
        .checkAssert((states, agents, actions, seed) -> {
          TabularMarkovGame game = RandomGames.game(states, agents, actions, seed);
          UniformRandomProvider r = RandomGames.rng(seed ^ 0x2545F4914F6CDD1DL);
          Policy pi = RandomGames.mixedOrPurePolicy(game, r);
          String text = Json.write(PolicyFormat.write(pi, game, r.nextInt(4) == 0 ? 4 : 0));
          int times = 1 + r.nextInt(3);
          for (int k = 0; k < times; k++) {
            text = mutate(text, r);
          }
          checkPolicyText(text, game);
        });
    System.out.println("policyMutations: " + ACCEPTED.get() + " read exactly, " + REFUSED.get() + " refused");
    assertThat(ACCEPTED.get()).isPositive();
    assertThat(REFUSED.get()).isPositive();
  }

  @Test
  void unmutatedDocumentsAreAccepted() {
    REFUSED.set(0);
    for (long seed = 0; seed < 20; seed++) {
      TabularMarkovGame game = RandomGames.anyGame(2, 2, 2, seed);
      checkGameText(Json.write(GameFormat.write(game)));
    }
    if (REFUSED.get() != 0) {
      fail("a valid document was refused");
    }
  }
}
