package org.mpgref.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.mpgref.catalog.CatalogGame;
import org.mpgref.catalog.DistancingGame;
import org.mpgref.game.AnonymousMarkovGame;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.TabularMarkovGame;

/**
 * Estimates of the heap a loaded game retains, from its shape only (computed in the server package from the public
 * API: {@code stateCount}, {@code agentCount}, {@code actionCount}, the class of the game and, for anonymous catalog
 * games, the number of count vectors). Calibrated on this machine (Java 17, compressed references; specs/server.md,
 * "Memory budget"):
 *
 * <ul>
 *   <li>dense tables: S·J·(N+S) entries (J = Π|A_i| joint actions; plus S·J for a declared potential), each a
 *       {@code BigFraction} of two small {@code BigInteger}s and its array slot, measured at 172–194 bytes per entry
 *       for distinct 1..12-digit fractions (fewer when entries repeat), plus the lazily built double twin (10–15 bytes
 *       per entry): estimated {@value #TABLE_ENTRY_BYTES} bytes per entry, plus half a byte per character of the
 *       request line for numbers with many digits;</li>
 *   <li>anonymous (count-vector) games such as {@code distancing}: measured 1.5–2.2 kB per count vector and state
 *       (N = 50: 70 MB; N = 120: 1.3 GB); estimated {@value #COUNT_VECTOR_STATE_BYTES} bytes per count vector and
 *       state;</li>
 *   <li>other catalog games (routing, the fixed counterexamples): computed on the fly or tiny, {@value #SMALL_BYTES}
 *       bytes.</li>
 * </ul>
 *
 * The estimates err on the large side, so that the budget keeps the real heap below it.
 */
final class GameSize {
  /** Estimated bytes per dense table entry (exact entry, its slot, and the double twin). */
  static final long TABLE_ENTRY_BYTES = 216;
  /** Estimated bytes per count vector and state of an anonymous game. */
  static final long COUNT_VECTOR_STATE_BYTES = 3000;
  /** Estimated bytes of a game computed on the fly (routing) or a fixed small instance. */
  static final long SMALL_BYTES = 64 * 1024;
  /** Fixed part of every game (labels, names, small arrays). */
  static final long BASE_BYTES = 16 * 1024;

  private GameSize() {}

  /**
   * Estimates a game's retained size from the load request's document, before the game is built: explicit tables
   * from the declared agents' action lists and states, {@code distancing} from its {@code agents} and {@code weights}
   * parameters (defaults 8 and 4 facilities), other catalog games small.
   *
   * @param doc the {@code game} object of a load request
   * @param lineBytes length of the request line, in bytes
   * @return the estimate in bytes, or null if the document's shape cannot be read (then the reader's own error is
   *     reported and the size is estimated after building)
   */
  static @Nullable Long fromDocument(JsonNode doc, long lineBytes) {
    JsonNode cat = doc.get("catalog");
    if (cat != null) {
      if (!cat.isObject() || !"distancing".equals(cat.path("name").textValue())) {
        return SMALL_BYTES + BASE_BYTES;
      }
      JsonNode params = cat.path("parameters");
      JsonNode agentsNode = params.path("agents");
      long agents = 8;
      if (agentsNode.isIntegralNumber() && agentsNode.canConvertToInt() && agentsNode.intValue() >= 1) {
        agents = agentsNode.intValue();
      } else if (!agentsNode.isMissingNode()) {
        return null;
      }
      JsonNode weights = params.path("weights");
      int facilities = weights.isArray() ? weights.size()
          : DistancingGame.published((int) agents).weights().length;
      if (facilities < 1) {
        return null;
      }
      return anonymous(countVectors(agents, facilities), 2) + BASE_BYTES;
    }
    JsonNode agents = doc.get("agents");
    JsonNode states = doc.get("states");
    if (agents == null || !agents.isArray() || agents.size() == 0 || states == null || !states.isArray()) {
      return null;
    }
    double joint = 1;
    for (JsonNode a : agents) {
      JsonNode actions = a.path("actions");
      if (!actions.isArray()) {
        return null;
      }
      joint *= actions.size();
    }
    return table(states.size(), agents.size(), joint, doc.has("potential"), lineBytes);
  }

  /**
   * Estimates a built game's retained size from its shape and class.
   *
   * @param game the game
   * @param lineBytes length of the load request line, in bytes (for many-digit numbers of tables)
   * @return the estimate in bytes
   */
  static long of(MarkovGame game, long lineBytes) {
    MarkovGame inner = game instanceof CatalogGame ? ((CatalogGame) game).game() : game;
    if (inner instanceof AnonymousMarkovGame) {
      return anonymous(((AnonymousMarkovGame) inner).countVectorCount(), inner.stateCount()) + BASE_BYTES;
    }
    if (game instanceof CatalogGame && !(inner instanceof TabularMarkovGame)) {
      return SMALL_BYTES + BASE_BYTES;
    }
    double joint = 1;
    for (int i = 0; i < inner.agentCount(); i++) {
      joint *= inner.actionCount(i);
    }
    return table(inner.stateCount(), inner.agentCount(), joint, inner.potential().isPresent(), lineBytes);
  }

  private static long table(long states, long agents, double joint, boolean potential, long lineBytes) {
    double entries = states * joint * (agents + states + (potential ? 1 : 0));
    return saturate(entries * TABLE_ENTRY_BYTES + lineBytes / 2.0 + BASE_BYTES);
  }

  private static long anonymous(double countVectors, long states) {
    return saturate(countVectors * states * COUNT_VECTOR_STATE_BYTES);
  }

  private static double countVectors(long agents, int facilities) {
    BigInteger r = BigInteger.ONE;
    long n = agents + facilities - 1;
    int k = facilities - 1;
    for (int j = 1; j <= k; j++) {
      r = r.multiply(BigInteger.valueOf(n - k + j)).divide(BigInteger.valueOf(j));
    }
    return r.doubleValue();
  }

  private static long saturate(double bytes) {
    return bytes >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) Math.ceil(bytes);
  }

  /**
   * @param bytes a size
   * @return it in MB (10^6 bytes) with one decimal, e.g. {@code 21.3}
   */
  static String mb(long bytes) {
    return String.format(java.util.Locale.ROOT, "%.1f", bytes / 1e6);
  }
}
