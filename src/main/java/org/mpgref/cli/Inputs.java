package org.mpgref.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.mpgref.catalog.Catalog;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.io.FormatException;
import org.mpgref.io.GameFormat;
import org.mpgref.io.Json;
import org.mpgref.io.PolicyFormat;

/**
 * How commands get their inputs: a game is a catalog name ({@code distancing}, {@code routing}; {@code --agents N}
 * picks N) or a file, a policy is a file or the word {@code uniform}; {@code -} reads stdin (once per command). Files
 * are read as strict UTF-8 JSON ({@link Json}); every failure is a one-line {@link FormatException} naming the file.
 * Every input (file, stdin, pipe; JSON or {@code .nfg}) is read under the current {@code Limits}: at most
 * {@code --max-input-bytes} + 1 bytes are read before it is refused, and every number is refused beyond
 * {@code --max-digits} before it is built (specs/formats.md, "Limits on input").
 */
final class Inputs {
  /** The name of stdin in messages. */
  static final String STDIN = "<stdin>";

  /** A reader of a game file format other than mpgref-game/1 JSON, chosen by file extension. */
  interface GameReader {
    /**
     * @param in the bytes
     * @param source the input's name for errors
     * @return the game
     */
    MarkovGame read(InputStream in, String source);
  }

  /**
   * Game readers by lower-case file extension (without the dot). Everything else, and stdin, is read as
   * mpgref-game/1 JSON. {@code .nfg}: a Gambit strategic-form game, read exactly as a one-state game with γ = 0
   * (values are expected payoffs; specs/nfg.md).
   */
  static final Map<String, GameReader> GAME_READERS =
      Map.of("nfg", (in, source) -> org.mpgref.io.nfg.NfgReader.read(in, source).toMarkovGame());

  private Inputs() {}

  /**
   * Loads a game.
   *
   * @param arg a catalog name, a file or "-"
   * @param agents N for a catalog game (null: the catalog's default); must be null for a file
   * @return the game
   */
  static MarkovGame game(String arg, @Nullable Integer agents) {
    if (Catalog.contains(arg)) {
      return Catalog.published(arg, agents);
    }
    if (agents != null) {
      throw new IllegalArgumentException("--agents applies to catalog games (" + String.join(", ", Catalog.names())
          + "), not to the file " + arg);
    }
    String ext = extension(arg);
    @Nullable GameReader reader = GAME_READERS.get(ext);
    if (reader != null) {
      try (InputStream in = open(arg)) {
        return reader.read(in, sourceName(arg));
      } catch (IOException e) {
        throw new FormatException(sourceName(arg), "input", "cannot be read: " + e.getMessage());
      }
    }
    return GameFormat.read(json(arg), sourceName(arg));
  }

  /**
   * Loads an exact policy.
   *
   * @param arg a file, "-" or "uniform"
   * @param game its game
   * @return the policy
   */
  static Policy policy(String arg, MarkovGame game) {
    if ("uniform".equals(arg)) {
      return Policy.uniform(game);
    }
    return PolicyFormat.read(json(arg), game, sourceName(arg));
  }

  /**
   * Parses a JSON document from a file or stdin.
   *
   * @param arg a file or "-"
   * @return the document
   */
  static JsonNode json(String arg) {
    try (InputStream in = open(arg)) {
      return Json.parse(in, sourceName(arg));
    } catch (IOException e) {
      throw new FormatException(sourceName(arg), "input", "cannot be read: " + e.getMessage());
    }
  }

  static String sourceName(String arg) {
    return "-".equals(arg) ? STDIN : arg;
  }

  private static String extension(String arg) {
    int dot = arg.lastIndexOf('.');
    return dot < 0 ? "" : arg.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static InputStream open(String arg) {
    if ("-".equals(arg)) {
      Main.Context c = Main.context();
      if (c.stdinUsed) {
        throw new IllegalArgumentException("stdin (-) can be given only once per command");
      }
      c.stdinUsed = true;
      return new java.io.FilterInputStream(c.in) {
        @Override
        public void close() {
          // stdin stays open
        }
      };
    }
    Path p = Path.of(arg);
    if (Files.isDirectory(p)) {
      throw new FormatException(arg, "input", "is a directory; expected a file");
    }
    try {
      return Files.newInputStream(p);
    } catch (NoSuchFileException e) {
      throw new FormatException(arg, "input", "no such file");
    } catch (AccessDeniedException e) {
      throw new FormatException(arg, "input", "cannot be read: permission denied");
    } catch (IOException e) {
      throw new FormatException(arg, "input", "cannot be read: " + e.getMessage());
    }
  }
}
