package org.mpgref.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.evaluation.NashGap;
import org.mpgref.game.InvalidGameException;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.io.GameFormat;
import org.mpgref.io.Json;
import org.mpgref.io.PolicyFormat;
import org.mpgref.io.ResultsFormat;
import org.mpgref.potential.PotentialCheck;

/**
 * The JSON-lines oracle server ({@code mpgref serve}): reads one JSON request per line and writes one JSON response
 * per line, flushed, so that a test suite in another language keeps one process open and asks many questions without
 * a JVM start per question. Games are loaded once and referred to by an id. A bad request gets an error response
 * naming the field; the server keeps serving. Protocol: specs/server.md.
 *
 * <pre>
 *   {"id":1,"op":"load","game":{...mpgref-game/1...}}                 → {"id":1,"ok":true,"game":"g1",...}
 *   {"id":2,"op":"eval","game":"g1","policy":{...},"digits":0}        → {"id":2,"ok":true,"result":{...mpgref-results/1...}}
 *   {"id":3,"op":"nash-gap","game":"g1","policy":{...}}               → best responses, gaps, NashConv, certificate
 *   {"id":4,"op":"best-response","game":"g1","policy":{...}}          → same as nash-gap
 *   {"id":5,"op":"check-potential","game":"g1","trials":20,"seed":1}  → certified / counterexample / none found
 *   {"id":6,"op":"unload","game":"g1"}   {"id":7,"op":"ping"}   {"id":8,"op":"shutdown"}
 *   error: {"id":...,"ok":false,"error":"<field>: <rule broken>"}
 * </pre>
 */
public final class OracleServer {
  private final Map<String, MarkovGame> games = new HashMap<>();
  private int nextId = 1;

  /** Creates a server with no games loaded. */
  public OracleServer() {}

  /**
   * Serves until end of input or a shutdown request.
   *
   * @param in requests, one JSON object per line (blank lines are skipped)
   * @param out responses, one JSON object per line, flushed after each
   * @throws IOException if reading the input fails
   */
  public void serve(BufferedReader in, PrintStream out) throws IOException {
    int lineNumber = 0;
    String line;
    while ((line = in.readLine()) != null) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      ObjectNode response = handle(line, lineNumber);
      out.println(response.toString());
      out.flush();
      if (response.path("shutdown").asBoolean(false)) {
        return;
      }
    }
  }

  /**
   * Answers one request line.
   *
   * @param line the request text
   * @param lineNumber its line number (for errors)
   * @return the response object
   */
  public ObjectNode handle(String line, int lineNumber) {
    ObjectNode response = JsonNodeFactory.instance.objectNode();
    @Nullable JsonNode id = null;
    try {
      JsonNode req = Json.parse(new StringReader(line), "request line " + lineNumber);
      if (!req.isObject()) {
        throw new InvalidGameException("request line " + lineNumber + ": a request must be a JSON object");
      }
      id = req.get("id");
      if (id != null) {
        response.set("id", id);
      }
      String op = text(req, "op");
      switch (op) {
        case "load": {
          JsonNode g = field(req, "game");
          MarkovGame game = GameFormat.read(g, "game");
          String key = "g" + nextId++;
          games.put(key, game);
          response.put("ok", true);
          response.put("game", key);
          response.put("name", game.name());
          response.put("agents", game.agentCount());
          response.put("states", game.stateCount());
          var actions = response.putArray("actions");
          for (int i = 0; i < game.agentCount(); i++) {
            actions.add(game.actionCount(i));
          }
          break;
        }
        case "eval": {
          MarkovGame game = game(req);
          Policy p = PolicyFormat.read(field(req, "policy"), game, "policy");
          response.put("ok", true);
          response.set("result", ResultsFormat.evaluation(Evaluation.of(game, p), digits(req)));
          break;
        }
        case "nash-gap":
        case "best-response": {
          MarkovGame game = game(req);
          Policy p = PolicyFormat.read(field(req, "policy"), game, "policy");
          response.put("ok", true);
          response.set("result", ResultsFormat.nashGap(NashGap.of(game, p), digits(req)));
          break;
        }
        case "check-potential": {
          MarkovGame game = game(req);
          int trials = req.path("trials").asInt(20);
          long seed = req.path("seed").asLong(1);
          if (trials < 0) {
            throw new InvalidGameException("trials: must be >= 0");
          }
          response.put("ok", true);
          response.set("result", ResultsFormat.potentialCheck(PotentialCheck.check(game, trials, seed), digits(req)));
          break;
        }
        case "unload": {
          String key = text(req, "game");
          if (games.remove(key) == null) {
            throw new InvalidGameException("game: no game '" + key + "' is loaded");
          }
          response.put("ok", true);
          break;
        }
        case "ping":
          response.put("ok", true);
          break;
        case "shutdown":
          response.put("ok", true);
          response.put("shutdown", true);
          break;
        default:
          throw new InvalidGameException("op: '" + op + "' is unknown; known: load, eval, nash-gap, best-response,"
              + " check-potential, unload, ping, shutdown");
      }
    } catch (IllegalArgumentException | ArithmeticException e) { // InvalidGameException and FormatException included
      response.removeAll();
      if (id != null) {
        response.set("id", id);
      }
      response.put("ok", false);
      response.put("error", oneLine(e.getMessage()));
    } catch (RuntimeException e) {
      response.removeAll();
      if (id != null) {
        response.set("id", id);
      }
      response.put("ok", false);
      response.put("error", "internal error: " + oneLine(e.toString()));
    }
    return response;
  }

  private MarkovGame game(JsonNode req) {
    String key = text(req, "game");
    MarkovGame g = games.get(key);
    if (g == null) {
      throw new InvalidGameException("game: no game '" + key + "' is loaded; send {\"op\":\"load\",...} first");
    }
    return g;
  }

  private static JsonNode field(JsonNode req, String name) {
    JsonNode v = req.get(name);
    if (v == null || v.isNull()) {
      throw new InvalidGameException(name + ": missing");
    }
    return v;
  }

  private static String text(JsonNode req, String name) {
    JsonNode v = field(req, name);
    if (!v.isTextual()) {
      throw new InvalidGameException(name + ": must be a string");
    }
    return v.asText();
  }

  private static int digits(JsonNode req) {
    JsonNode d = req.get("digits");
    if (d == null) {
      return 0;
    }
    if (!d.canConvertToInt() || !d.isIntegralNumber() || d.asInt() < 0 || d.asInt() > 1000) {
      throw new InvalidGameException("digits: must be an integer in 0..1000");
    }
    return d.asInt();
  }

  private static String oneLine(@Nullable String s) {
    return s == null ? "(no message)" : s.replace('\n', ' ').replace('\r', ' ');
  }
}
