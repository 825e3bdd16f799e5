package org.mpgref.server;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.mpgref.catalog.CatalogGame;
import org.mpgref.dynamics.Algorithm;
import org.mpgref.evaluation.Evaluation;
import org.mpgref.evaluation.NashGap;
import org.mpgref.game.AnonymousMarkovGame;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.io.FormatException;
import org.mpgref.io.GameFormat;
import org.mpgref.io.Json;
import org.mpgref.io.PolicyFormat;
import org.mpgref.io.Result;
import org.mpgref.io.Results;
import org.mpgref.io.ResultsFormat;
import org.mpgref.limits.CancelledException;
import org.mpgref.limits.LimitExceededException;
import org.mpgref.limits.Limits;
import org.mpgref.potential.PotentialCheck;
import org.mpgref.server.Params.RequestException;
import org.mpgref.theory.TheoryBounds;

/**
 * The JSON-lines oracle server ({@code mpgref serve}): reads one JSON request per line and writes one JSON response
 * per line, flushed, so that a test suite in another language keeps one process open and asks many questions without
 * a JVM start per question. Games are loaded once and referred to by an id. Protocol, fields, limits: specs/server.md.
 *
 * <pre>
 *   {"id":1,"op":"load","game":{...mpgref-game/1...}}                 → {"id":1,"ok":true,"game":"g1",...}
 *   {"id":2,"op":"eval","game":"g1","policy":{...},"digits":0}        → {"id":2,"ok":true,"result":{...mpgref-results/1...}}
 *   {"id":3,"op":"nash-gap","game":"g1","policy":{...}}               → best responses, gaps, NashConv, certificate
 *   {"id":4,"op":"best-response","game":"g1","policy":{...}}          → same as nash-gap
 *   {"id":5,"op":"check-potential","game":"g1","trials":20,"seed":1}  → certified / counterexample / none found
 *   {"id":9,"op":"bounds","game":"g1","expensive":"auto"}            → the theory constants, as bounds --json
 *   {"id":10,"op":"algorithms"}   → the learning dynamics of dynamics.Algorithm: name, label, source, exact
 *   {"id":6,"op":"unload","game":"g1"}   {"id":7,"op":"ping"}   {"id":8,"op":"shutdown"}
 *   error: {"id":...,"ok":false,"error":"&lt;field&gt;: &lt;rule broken&gt;"}
 * </pre>
 *
 * <p>Every request is bounded before it is computed: its line by {@code --max-input-bytes} (longer lines are skipped
 * unread), its fields by strict types and ranges ({@link Params}), a load by the memory budget of loaded games
 * ({@link GameSize}), its work by the installed {@link Limits}, its time by interrupting the {@link Worker} thread.
 * A request that fails for any reason, {@link OutOfMemoryError} included, gets {@code {"ok": false, "error": ...}}
 * and the server keeps serving; stdout carries only response lines, stderr at most one line per internal failure.
 */
public final class OracleServer implements AutoCloseable {
  /** Most requests that passed their time limit, did not stop and may still run, before new work is refused. */
  static final int MAX_ABANDONED = 2;

  private static final List<String> OPS =
      List.of("load", "eval", "nash-gap", "best-response", "check-potential", "bounds", "algorithms", "unload", "ping",
          "shutdown");
  private static final List<String> LIMIT_FIELDS = List.of("maxSeconds", "maxWork", "maxDigits");
  private static final byte[] OUT_OF_MEMORY_LINE =
      "{\"ok\":false,\"error\":\"server: out of memory while answering; the request was dropped\"}"
          .getBytes(StandardCharsets.US_ASCII);

  private static final ObjectWriter WRITER =
      Json.mapper().writer().with(JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());

  private final ServerConfig config;
  private final PrintStream err;
  private final Map<String, Loaded> games = new LinkedHashMap<>();
  private final List<Worker> abandoned = new ArrayList<>();
  private long loadedBytes;
  private int nextId = 1;
  private int workers;
  private Worker worker;

  /** A loaded game and its estimated retained size. */
  private record Loaded(MarkovGame game, long bytes) {}

  /** Creates a server with the default limits ({@link ServerConfig#defaults()}) and stderr for diagnostics. */
  public OracleServer() {
    this(ServerConfig.defaults(), System.err);
  }

  /**
   * Creates a server with no games loaded.
   *
   * @param config its limits
   * @param err where one line per internal failure (out of memory, abandoned request, internal error) goes
   */
  public OracleServer(ServerConfig config, PrintStream err) {
    this.config = config;
    this.err = err;
    this.worker = new Worker(++workers);
  }

  /**
   * @return the limits of this server
   */
  public ServerConfig config() {
    return config;
  }

  /**
   * Serves until end of input or a shutdown request, then {@linkplain #close() closes}.
   *
   * @param in requests, one JSON object per line in UTF-8 (blank lines are skipped)
   * @param out responses, one JSON object per line (ASCII, non-ASCII escaped), flushed after each
   * @throws IOException if reading the input fails
   */
  public void serve(InputStream in, PrintStream out) throws IOException {
    long maxLine = Math.min(config.limits().maxInputBytes(), Integer.MAX_VALUE - 16);
    RequestReader reader = new RequestReader(in, (int) maxLine);
    int lineNumber = 0;
    try {
      while (true) {
        boolean shutdown = false;
        try {
          RequestReader.@Nullable Line line = reader.next();
          if (line == null) {
            return;
          }
          lineNumber++;
          ObjectNode response;
          if (line.oversized()) {
            response = error(null, String.valueOf(new LimitExceededException("request line " + lineNumber, line.bytes() + " bytes",
                maxLine + " bytes", "--max-input-bytes").getMessage()) + "; the line was skipped");
          } else if (line.noMemory()) {
            response = error(null, "request line " + lineNumber + ": out of memory while reading its " + line.bytes()
                + "+ bytes; the line was skipped");
            err.println("mpgref serve: out of memory while reading request line " + lineNumber);
          } else if (line.badUtf8()) {
            response = error(null, "request line " + lineNumber + ": is not valid UTF-8");
          } else if (line.text().isBlank()) {
            continue;
          } else {
            response = handle(line.text(), line.bytes(), lineNumber);
          }
          shutdown = response.path("shutdown").asBoolean(false);
          out.println(WRITER.writeValueAsString(response));
        } catch (OutOfMemoryError e) {
          out.write(OUT_OF_MEMORY_LINE);
          out.println();
          err.println("mpgref serve: out of memory outside a request (request line " + lineNumber + ")");
        }
        out.flush();
        if (shutdown) {
          return;
        }
      }
    } finally {
      close();
    }
  }

  /**
   * Answers one request line (as {@link #serve} does for each line).
   *
   * @param line the request text
   * @param lineNumber its line number (for errors)
   * @return the response object
   */
  public ObjectNode handle(String line, int lineNumber) {
    return handle(line, line.length(), lineNumber);
  }

  private ObjectNode handle(String line, long lineBytes, int lineNumber) {
    @Nullable JsonNode id = null;
    String op = "request";
    Limits limits = config.limits();
    try {
      JsonNode req = Json.parse(line, "request line " + lineNumber);
      if (!req.isObject()) {
        throw new RequestException("request line " + lineNumber + ": a request must be a JSON object, got "
            + Params.show(req));
      }
      id = Params.id(req);
      Params p = new Params(req);
      op = p.string("op", 40);
      if (!OPS.contains(op)) {
        throw new RequestException("op: must be one of " + String.join(", ", OPS) + ", got "
            + Params.show(req.get("op")));
      }
      ObjectNode response = start(id);
      switch (op) {
        case "ping":
          p.allowOnly(op, List.of("id", "op"));
          response.put("games", games.size());
          response.put("loadedBytes", loadedBytes);
          return response;
        case "algorithms": {
          p.allowOnly(op, List.of("id", "op"));
          ArrayNode list = response.putArray("algorithms");
          for (Algorithm a : Algorithm.values()) {
            ObjectNode entry = list.addObject();
            entry.put("name", a.cliName());
            entry.put("label", a.label());
            entry.put("source", a.source());
            entry.put("exact", a.isRational());
            entry.put("mirrorDescent", a.isMirrorDescent());
          }
          return response;
        }
        case "shutdown":
          p.allowOnly(op, List.of("id", "op"));
          response.put("shutdown", true);
          return response;
        case "unload": {
          p.allowOnly(op, List.of("id", "op", "game"));
          String key = p.string("game", 100);
          Loaded removed = games.remove(key);
          if (removed == null) {
            throw new RequestException("game: no game " + Params.show(req.get("game")) + " is loaded; loaded: "
                + (games.isEmpty() ? "none" : String.join(", ", games.keySet())));
          }
          loadedBytes -= removed.bytes();
          response.put("freedBytes", removed.bytes());
          response.put("loadedBytes", loadedBytes);
          return response;
        }
        case "load":
          p.allowOnly(op, fields("game"));
          limits = limits(p);
          return load(p, lineBytes, limits, seconds(p), response);
        case "eval":
        case "nash-gap":
        case "best-response": {
          p.allowOnly(op, fields("game", "policy", "digits"));
          MarkovGame game = game(p);
          JsonNode policyDoc = p.object("policy", "an mpgref-policy/1 document");
          int digits = (int) p.integer("digits", 0, 1000, 0);
          limits = limits(p);
          boolean eval = op.equals("eval");
          ObjectNode result = run(limits, seconds(p), () -> {
            Policy policy = PolicyFormat.read(policyDoc, game, "policy");
            return ResultsFormat.json(eval ? Results.evaluation(Evaluation.of(game, policy))
                : Results.nashGap(NashGap.of(game, policy)), digits);
          });
          response.set("result", result);
          return response;
        }
        case "bounds": {
          p.allowOnly(op, fields("game", "expensive", "digits"));
          MarkovGame game = game(p);
          String when = p.has("expensive") ? p.string("expensive", 20) : "auto";
          TheoryBounds.Expensive mode = switch (when) {
            case "auto" -> TheoryBounds.Expensive.AUTO;
            case "always" -> TheoryBounds.Expensive.ALWAYS;
            case "never" -> TheoryBounds.Expensive.NEVER;
            default -> throw new RequestException("expensive: must be one of auto, always, never, got "
                + Params.show(req.get("expensive")));
          };
          int digits = (int) p.integer("digits", 0, 1000, 0);
          limits = limits(p);
          ObjectNode result = run(limits, seconds(p), () -> ResultsFormat.json(Results.bounds(TheoryBounds.of(game, mode),
              game), digits));
          response.set("result", result);
          return response;
        }
        default: { // check-potential
          p.allowOnly(op, fields("game", "trials", "seed", "digits"));
          MarkovGame game = game(p);
          int trials = (int) p.integer("trials", 1, config.maxTrials(), 20);
          long seed = p.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE, 1);
          int digits = (int) p.integer("digits", 0, 1000, 0);
          limits = limits(p);
          requireCheckWork(game, trials, limits);
          ObjectNode result = run(limits, seconds(p),
              () -> ResultsFormat.json(Results.potentialCheck(PotentialCheck.check(game, trials, seed), game)
                  .withHeader(Result.Header.bare("potential-check")), digits));
          response.set("result", result);
          return response;
        }
      }
    } catch (LimitExceededException e) {
      String m = String.valueOf(e.getMessage());
      if (limits.maxWork() < config.limits().maxWork() && e.limitName().equals("--max-work")) {
        m += " (this request lowered it with maxWork)";
      } else if (limits.maxNumberDigits() < config.limits().maxNumberDigits() && e.limitName().equals("--max-digits")) {
        m += " (this request lowered it with maxDigits)";
      }
      return error(id, m);
    } catch (IllegalArgumentException | ArithmeticException e) { // InvalidGameException, FormatException included
      return error(id, String.valueOf(e.getMessage()));
    } catch (CancelledException e) {
      return error(id, op + ": " + e.getMessage());
    } catch (OutOfMemoryError e) {
      err.println("mpgref serve: out of memory in request line " + lineNumber + " (" + op + "); the server continues");
      return error(id, op + ": out of memory (heap " + GameSize.mb(Runtime.getRuntime().maxMemory())
          + " MB; loaded games use about " + GameSize.mb(loadedBytes) + " MB); the request was dropped and the server"
          + " keeps serving; unload games, ask for less, or give the JVM more memory (-Xmx)");
    } catch (RuntimeException | StackOverflowError e) {
      err.println("mpgref serve: internal error in request line " + lineNumber + ": " + FormatException.oneLine(
          e.toString()));
      return error(id, "internal error: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
  }

  private ObjectNode load(Params p, long lineBytes, Limits limits, double seconds, ObjectNode response) {
    JsonNode doc = p.object("game", "an mpgref-game/1 document");
    @Nullable Long before = GameSize.fromDocument(doc, lineBytes);
    if (before != null) {
      requireBudget(before);
    }
    MarkovGame game = run(limits, seconds, () -> GameFormat.read(doc, "game"));
    long bytes = GameSize.of(game, lineBytes);
    requireBudget(bytes);
    String key = "g" + nextId++;
    games.put(key, new Loaded(game, bytes));
    loadedBytes += bytes;
    response.put("game", key);
    response.put("name", game.name());
    response.put("agents", game.agentCount());
    response.put("states", game.stateCount());
    var actions = response.putArray("actions");
    for (int i = 0; i < game.agentCount(); i++) {
      actions.add(game.actionCount(i));
    }
    response.put("estimatedBytes", bytes);
    response.put("loadedBytes", loadedBytes);
    return response;
  }

  private void requireBudget(long bytes) {
    if (bytes > config.maxLoadedBytes() - loadedBytes) {
      throw new RequestException("game: needs about " + GameSize.mb(bytes) + " MB; loaded games use "
          + GameSize.mb(loadedBytes) + " MB of the " + GameSize.mb(config.maxLoadedBytes()) + " MB budget; unload a"
          + " game or raise --max-loaded-bytes");
    }
  }

  /**
   * The server's own work estimate of a check-potential run, a lower bound of what the core computes: each trial
   * evaluates 4 policies exactly, and each evaluation takes at least the stage expectations, S × J × (N + S)
   * products (J = joint actions of a table, K × count vectors of an anonymous game). The core's estimate of each
   * evaluation applies as well.
   */
  @SuppressWarnings("try") // the scope only installs the limits
  private static void requireCheckWork(MarkovGame game, int trials, Limits limits) {
    MarkovGame inner = game instanceof CatalogGame ? ((CatalogGame) game).game() : game;
    double joint;
    if (inner instanceof AnonymousMarkovGame) {
      joint = (double) ((AnonymousMarkovGame) inner).countVectorCount() * inner.actionCount(0);
    } else {
      joint = 1;
      for (int i = 0; i < inner.agentCount(); i++) {
        joint *= inner.actionCount(i);
      }
    }
    double s = game.stateCount();
    double work = 4.0 * trials * s * joint * (game.agentCount() + s);
    try (Limits.Scope scope = limits.install()) {
      Limits.requireWork("check-potential (" + trials + " trials x 4 exact evaluations of " + game.stateCount()
          + " states x " + Limits.sci(joint) + " joint actions)", work);
    }
  }

  private <T> T run(Limits limits, double seconds, java.util.concurrent.Callable<T> work) {
    pruneAbandoned();
    if (abandoned.size() >= MAX_ABANDONED) {
      throw new RequestException("server: " + abandoned.size() + " earlier requests passed their time limit and are"
          + " still running; new computations are refused until they stop (ping, unload and shutdown still work)");
    }
    CompletableFuture<T> f = worker.submit(limits, work);
    try {
      try {
        return f.get((long) Math.ceil(seconds * 1e9), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        worker.interrupt();
        try {
          return f.get((long) Math.ceil(config.graceSeconds() * 1e9), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e2) {
          worker.retire();
          abandoned.add(worker);
          worker = new Worker(++workers);
          err.println("mpgref serve: a request did not stop within " + config.graceSeconds() + " s of its time"
              + " limit; abandoned it and continue on a fresh worker thread");
          throw new CancelledException("stopped: the time limit of " + seconds + " s ran out (raise it with"
              + " --request-seconds or the request's maxSeconds) and the computation did not stop within the grace"
              + " period of " + config.graceSeconds() + " s; it was abandoned");
        } catch (ExecutionException e2) {
          if (e2.getCause() instanceof CancelledException) {
            throw new CancelledException("stopped: the time limit of " + seconds + " s ran out (raise it with"
                + " --request-seconds or the request's maxSeconds)");
          }
          throw rethrow(e2);
        }
      } catch (ExecutionException e) {
        throw rethrow(e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancelledException("stopped: the server was interrupted");
    }
  }

  private static RuntimeException rethrow(ExecutionException e) {
    Throwable c = e.getCause();
    if (c instanceof RuntimeException) {
      throw (RuntimeException) c;
    }
    if (c instanceof Error) {
      throw (Error) c;
    }
    throw new IllegalStateException(String.valueOf(c), c);
  }

  private void pruneAbandoned() {
    abandoned.removeIf(w -> !w.alive());
  }

  private MarkovGame game(Params p) {
    String key = p.string("game", 100);
    Loaded g = games.get(key);
    if (g == null) {
      throw new RequestException("game: no game " + Params.show(Json.nodes().textNode(key)) + " is loaded; send"
          + " {\"op\":\"load\",...} first");
    }
    return g.game();
  }

  private static List<String> fields(String... own) {
    List<String> all = new ArrayList<>(List.of("id", "op"));
    all.addAll(List.of(own));
    all.addAll(LIMIT_FIELDS);
    return all;
  }

  private Limits limits(Params p) {
    Limits base = config.limits();
    long work = p.integer("maxWork", 1, base.maxWork(), base.maxWork());
    int digits = (int) p.integer("maxDigits", 1, base.maxNumberDigits(), base.maxNumberDigits());
    return base.withMaxWork(work).withMaxNumberDigits(digits);
  }

  private double seconds(Params p) {
    double max = config.requestSeconds();
    String shown = java.math.BigDecimal.valueOf(max).stripTrailingZeros().toPlainString();
    return p.positive("maxSeconds", max, shown + " (the server's --request-seconds)", max);
  }

  private static ObjectNode start(@Nullable JsonNode id) {
    ObjectNode r = JsonNodeFactory.instance.objectNode();
    if (id != null) {
      r.set("id", id);
    }
    r.put("ok", true);
    return r;
  }

  private static ObjectNode error(@Nullable JsonNode id, String message) {
    ObjectNode r = JsonNodeFactory.instance.objectNode();
    if (id != null) {
      r.set("id", id);
    }
    r.put("ok", false);
    r.put("error", FormatException.oneLine(message));
    return r;
  }

  /** Retires the worker thread (an idle worker ends at once). */
  @Override
  public void close() {
    worker.retire();
  }
}
