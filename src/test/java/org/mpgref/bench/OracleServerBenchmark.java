package org.mpgref.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.TimeUnit;
import org.mpgref.catalog.RandomTabularGame;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.io.GameFormat;
import org.mpgref.io.Json;
import org.mpgref.io.PolicyFormat;
import org.mpgref.server.OracleServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 3's goal: one {@code eval} round trip on a 2-state, 3-agent game under 5 ms with no JVM start per request.
 * This measures the server's own part (parse the request line, read the policy exactly, evaluate exactly, write the
 * response line), including the hand-off to the server's worker thread that enforces the request's time limit and
 * limits; examples/oracle_client.py measures the full round trip through the process pipes from Python.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OracleServerBenchmark {
  private OracleServer server = new OracleServer();
  private String evalLine = "";

  /** Loads the game of conformance vector 09 (2 states, 3 agents, 2 actions) and prepares one eval request. */
  @Setup
  public void setUp() {
    MarkovGame game = RandomTabularGame.of(20261122L + 100 + 5, 2, 3, 2);
    Policy policy = RandomTabularGame.policy(game, 20261122L + 200 + 5);
    server = new OracleServer();
    ObjectNode load = Json.nodes().objectNode();
    load.put("op", "load");
    load.set("game", GameFormat.write(game));
    server.handle(Json.write(load), 1);
    ObjectNode eval = Json.nodes().objectNode();
    eval.put("id", 2);
    eval.put("op", "eval");
    eval.put("game", "g1");
    eval.set("policy", PolicyFormat.write(policy, game, 0));
    evalLine = Json.write(eval);
  }

  /** Stops the server's worker thread. */
  @TearDown
  public void tearDown() {
    server.close();
  }

  /**
   * One request line in, one response line out.
   *
   * @return the response text
   */
  @Benchmark
  public String evalRoundTrip() {
    return server.handle(evalLine, 2).toString();
  }
}
