package org.mpgref.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checked-in conformance vectors (specs/vectors) recompute identically, and regenerating them with the documented
 * seed gives the same bytes (so the set is reproducible by `mpgref vectors generate specs/vectors`).
 */
class ConformanceVectorsTest {
  private static final Path VECTORS = Path.of("specs", "vectors");

  @Test
  void everyCheckedInVectorRecomputesIdentically() throws Exception {
    assertThat(ConformanceVectors.count(VECTORS)).isGreaterThanOrEqualTo(18);
    List<String> problems = ConformanceVectors.check(VECTORS);
    assertThat(problems).isEmpty();
  }

  @Test
  void regeneratingWithTheDocumentedSeedGivesTheSameFiles(@TempDir Path tmp) throws Exception {
    List<Path> files = ConformanceVectors.generate(tmp, ConformanceVectors.DEFAULT_SEED);
    assertThat(files).hasSize(ConformanceVectors.count(VECTORS));
    for (Path f : files) {
      assertThat(Files.readString(f)).as(f.getFileName().toString())
          .isEqualTo(Files.readString(VECTORS.resolve(f.getFileName())));
    }
  }

  @Test
  void aTamperedVectorIsReported(@TempDir Path tmp) throws Exception {
    List<Path> files = ConformanceVectors.generate(tmp, ConformanceVectors.DEFAULT_SEED);
    Path f = files.get(files.size() - 1);
    String text = Files.readString(f);
    int at = text.indexOf("\"valueAtRho\"");
    int q = text.indexOf('"', text.indexOf('[', at) + 1);
    String tampered = text.substring(0, q + 1) + "1" + text.substring(q + 1);
    Files.writeString(f, tampered);
    assertThat(ConformanceVectors.check(tmp)).anyMatch(p -> p.contains(f.getFileName().toString()));
  }
}
