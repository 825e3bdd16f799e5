package org.mpgref.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No seed is reused by two properties: every {@code Seeds.property} and {@code Seeds.announce} call in the test sources
 * names a literal default seed, and no two calls share a seed or a property name.
 */
class SeedsTest {
  private static final Pattern CALL = Pattern.compile("Seeds\\s*\\.\\s*(?:property|announce)\\s*\\(");
  private static final Pattern LITERAL =
      Pattern.compile("\\G\\s*\"([^\"]+)\"\\s*,\\s*(-?[0-9][0-9_]*)[lL]?\\s*[,)]");

  /** The announced seeds, by scanning src/test/java at test time. */
  @Test
  void noTwoPropertiesShareADefaultSeedOrAName() throws IOException {
    Path root = Path.of("src", "test", "java");
    assertThat(root).isDirectory();
    Map<Long, List<String>> bySeed = new TreeMap<>();
    Map<String, List<String>> byName = new TreeMap<>();
    List<String> notLiteral = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> !p.getFileName().toString().equals("SeedsTest.java") && !p.getFileName().toString().equals("Seeds.java"))
          .sorted().toList();
    }
    for (Path f : files) {
      String src = Files.readString(f, StandardCharsets.UTF_8);
      Matcher call = CALL.matcher(src);
      while (call.find()) {
        String where = root.relativize(f) + ":" + (1 + src.substring(0, call.start()).chars().filter(c -> c == '\n').count());
        Matcher lit = LITERAL.matcher(src);
        if (!lit.find(call.end())) {
          notLiteral.add(where);
          continue;
        }
        long seed = Long.parseLong(lit.group(2).replace("_", ""));
        bySeed.computeIfAbsent(seed, k -> new ArrayList<>()).add(lit.group(1) + " at " + where);
        byName.computeIfAbsent(lit.group(1), k -> new ArrayList<>()).add(where);
      }
    }
    assertThat(bySeed).as("announced seeds").hasSizeGreaterThan(50);
    assertThat(notLiteral).as("calls without a literal name and seed").isEmpty();
    assertThat(bySeed.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Object::toString).toList())
        .as("seeds used by more than one property").isEmpty();
    assertThat(byName.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Object::toString).toList())
        .as("property names used more than once").isEmpty();
  }
}
