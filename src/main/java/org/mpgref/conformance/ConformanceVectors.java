package org.mpgref.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mpgref.catalog.DistancingGame;
import org.mpgref.catalog.RandomTabularGame;
import org.mpgref.catalog.RoutingGame;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.evaluation.NashGap;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.io.GameFormat;
import org.mpgref.io.Json;
import org.mpgref.io.OutputFiles;
import org.mpgref.io.PolicyFormat;
import org.mpgref.io.Results;
import org.mpgref.io.ResultsFormat;

/**
 * Conformance vectors ({@value #FORMAT}): games with policies and their exact expected results, for other
 * implementations to test themselves against. Each vector is one JSON file holding a game ({@code mpgref-game/1}),
 * a policy ({@code mpgref-policy/1}), and the expected {@code evaluation} and {@code nashGap}
 * ({@code mpgref-results/1}), all exact. {@link #generate} writes the set deterministically from a seed;
 * {@link #check} recomputes every vector and reports each difference. See specs/vectors/README.md.
 */
public final class ConformanceVectors {
  /** The vector file format tag. */
  public static final String FORMAT = "mpgref-vector/1";
  /** The seed of the checked-in set in specs/vectors. */
  public static final long DEFAULT_SEED = 20261122L;

  private ConformanceVectors() {}

  /** One vector: its name, game and policy. */
  private record Spec(String name, MarkovGame game, Policy policy) {}

  private static List<Spec> specs(long seed) {
    List<Spec> out = new ArrayList<>();
    MarkovGame d2 = DistancingGame.of(DistancingGame.published(2));
    MarkovGame d3 = DistancingGame.of(DistancingGame.published(3));
    MarkovGame r2 = RoutingGame.published(2);
    MarkovGame r3 = RoutingGame.published(3);
    out.add(new Spec("catalog-distancing-n2-uniform", d2, Policy.uniform(d2)));
    out.add(new Spec("catalog-distancing-n3-random", d3, RandomTabularGame.policy(d3, seed + 1)));
    out.add(new Spec("catalog-routing-n2-uniform", r2, Policy.uniform(r2)));
    out.add(new Spec("catalog-routing-n3-random", r3, RandomTabularGame.policy(r3, seed + 2)));
    int[][] sizes = {{1, 2, 2}, {1, 3, 3}, {1, 4, 2}, {2, 2, 2}, {2, 2, 3}, {2, 3, 2}, {2, 4, 2}, {3, 2, 4}, {3, 3, 3},
        {4, 2, 2}, {4, 3, 2}, {4, 4, 2}, {2, 2, 4}, {3, 4, 3}};
    for (int k = 0; k < sizes.length; k++) {
      int s = sizes[k][0];
      int n = sizes[k][1];
      int a = sizes[k][2];
      MarkovGame g = RandomTabularGame.of(seed + 100 + k, s, n, a);
      out.add(new Spec(String.format("random-%02d-s%d-n%d-a%d", k, s, n, a), g,
          RandomTabularGame.policy(g, seed + 200 + k)));
    }
    return out;
  }

  /**
   * Builds one vector's JSON.
   *
   * @param name the vector's name
   * @param game the game
   * @param policy the policy
   * @return the vector object
   */
  public static ObjectNode vector(String name, MarkovGame game, Policy policy) {
    ObjectNode v = Json.nodes().objectNode();
    v.put("format", FORMAT);
    v.put("name", name);
    v.set("game", GameFormat.write(game));
    v.set("policy", PolicyFormat.write(policy, game, 0));
    Evaluation ev = Evaluation.of(game, policy);
    v.set("evaluation", ResultsFormat.json(Results.evaluation(ev), 0));
    v.set("nashGap", ResultsFormat.json(Results.nashGap(NashGap.of(ev)), 0));
    return v;
  }

  /**
   * Writes the vector set into a directory (created if missing), one file per vector, each written atomically.
   *
   * @param dir the directory
   * @param seed the seed (the checked-in set uses {@link #DEFAULT_SEED})
   * @return the files written
   * @throws IOException if the directory cannot be created
   */
  public static List<Path> generate(Path dir, long seed) throws IOException {
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    List<Spec> specs = specs(seed);
    for (int k = 0; k < specs.size(); k++) {
      Spec s = specs.get(k);
      Path file = dir.resolve(String.format("%02d-%s.json", k, s.name()));
      OutputFiles.writeAtomically(file, Json.write(vector(s.name(), s.game(), s.policy())) + "\n");
      written.add(file);
    }
    return written;
  }

  /**
   * Recomputes every {@code *.json} vector in a directory from its game and policy and compares the results exactly
   * (as JSON trees; every number is an exact p/q string).
   *
   * @param dir the directory
   * @return one line per difference (empty if every vector recomputes identically), and the count checked first
   * @throws IOException if the directory cannot be listed
   * @throws InvalidGameException if a vector file is malformed (one-line message naming the file and entry)
   */
  public static List<String> check(Path dir) throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
      ds.forEach(files::add);
    }
    files.sort(java.util.Comparator.naturalOrder());
    List<String> problems = new ArrayList<>();
    if (files.isEmpty()) {
      problems.add(dir + ": no vectors (*.json) found");
    }
    for (Path f : files) {
      String source = String.valueOf(f.getFileName());
      JsonNode root;
      try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
        root = Json.parse(r, source);
      }
      if (!FORMAT.equals(root.path("format").asText())) {
        problems.add(source + ": format is not " + FORMAT);
        continue;
      }
      MarkovGame game = GameFormat.read(root.path("game"), source + ": game");
      Policy policy = PolicyFormat.read(root.path("policy"), game, source + ": policy");
      Evaluation ev = Evaluation.of(game, policy);
      if (!same(ResultsFormat.json(Results.evaluation(ev), 0), root.path("evaluation"))) {
        problems.add(source + ": evaluation differs from the recomputed one");
      }
      if (!same(ResultsFormat.json(Results.nashGap(NashGap.of(ev)), 0), root.path("nashGap"))) {
        problems.add(source + ": nashGap differs from the recomputed one");
      }
    }
    return problems;
  }

  /** Equal as canonical JSON text (JSON integers compare by value whatever node type the parser chose). */
  private static boolean same(JsonNode a, JsonNode b) {
    return Json.write(a).equals(Json.write(b));
  }

  /**
   * @param dir the directory
   * @return the number of vector files in it
   * @throws IOException if it cannot be listed
   */
  public static int count(Path dir) throws IOException {
    int n = 0;
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
      for (Path p : ds) {
        n++;
      }
    }
    return n;
  }
}
