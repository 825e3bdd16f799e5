package org.mpgref.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;
import org.apache.commons.numbers.fraction.BigFraction;
import org.mpgref.game.JointActions;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;
import org.mpgref.game.TabularMarkovGame;
import org.mpgref.io.GameFormat;
import org.mpgref.io.Json;
import org.mpgref.io.PolicyFormat;

/** Request lines and games for the server tests. */
final class ServerRequests {
  private ServerRequests() {}

  static String load(Object id, MarkovGame game) {
    ObjectNode req = Json.nodes().objectNode();
    req.put("id", String.valueOf(id));
    req.put("op", "load");
    req.set("game", GameFormat.write(game));
    return Json.writeLine(req);
  }

  static String ask(Object id, String op, String game, MarkovGame g, Policy policy) {
    ObjectNode req = Json.nodes().objectNode();
    req.put("id", String.valueOf(id));
    req.put("op", op);
    req.put("game", game);
    req.set("policy", PolicyFormat.write(policy, g, 0));
    return Json.writeLine(req);
  }

  /**
   * A game where every agent gets agent 0's reward of {@code base} (identical interest, not declared): an MPG, so that
   * check-potential finds no counterexample and runs every trial.
   */
  static TabularMarkovGame identicalInterest(MarkovGame base) {
    int n = base.agentCount();
    int[] counts = new int[n];
    for (int i = 0; i < n; i++) {
      counts[i] = base.actionCount(i);
    }
    int states = base.stateCount();
    int joint = JointActions.countDense(counts, states);
    BigFraction[] rho = new BigFraction[states];
    BigFraction[][][] r = new BigFraction[states][joint][n];
    BigFraction[][][] p = new BigFraction[states][joint][states];
    int[] a = new int[n];
    for (int s = 0; s < states; s++) {
      rho[s] = base.initial(s);
      for (int j = 0; j < joint; j++) {
        JointActions.decode(counts, j, a);
        for (int i = 0; i < n; i++) {
          r[s][j][i] = base.reward(0, s, a);
        }
        for (int t = 0; t < states; t++) {
          p[s][j][t] = base.transition(s, a, t);
        }
      }
    }
    return TabularMarkovGame.of("identical", counts, base.discount(), rho, r, p);
  }

  /**
   * A load request for a dense table with N agents of 2 actions and S states whose entries are distinct fractions of
   * 5-digit integers (the costly case for memory), written directly as text.
   */
  static String denseLoad(Object id, int states, int agents, long seed) {
    Random rnd = new Random(seed);
    StringBuilder b = new StringBuilder(1 << 20);
    b.append("{\"id\":\"").append(id).append("\",\"op\":\"load\",\"game\":");
    b.append("{\"format\":\"mpgref-game/1\",\"name\":\"dense\",\"agents\":[");
    for (int i = 0; i < agents; i++) {
      b.append(i > 0 ? "," : "").append("{\"actions\":[\"a\",\"b\"]}");
    }
    b.append("],\"states\":[");
    for (int s = 0; s < states; s++) {
      b.append(s > 0 ? "," : "").append("\"s").append(s).append('"');
    }
    b.append("],\"gamma\":\"1/2\",\"rho\":[");
    for (int s = 0; s < states; s++) {
      b.append(s > 0 ? "," : "").append(s == 0 ? "1" : "0");
    }
    b.append("],\"jointActionOrder\":\"agent0-fastest\",\"rewards\":[");
    int joint = 1 << agents;
    for (int s = 0; s < states; s++) {
      b.append(s > 0 ? "," : "").append('[');
      for (int k = 0; k < joint * agents; k++) {
        b.append(k > 0 ? "," : "").append('"').append(10000 + rnd.nextInt(90000)).append('/')
            .append(10000 + rnd.nextInt(90000)).append('"');
      }
      b.append(']');
    }
    b.append("],\"transitions\":[");
    for (int s = 0; s < states; s++) {
      b.append(s > 0 ? "," : "").append('[');
      for (int j = 0; j < joint; j++) {
        b.append(j > 0 ? "," : "").append('[');
        long[] w = new long[states];
        long total = 0;
        for (int t = 0; t < states; t++) {
          w[t] = 1 + rnd.nextInt(99999);
          total += w[t];
        }
        for (int t = 0; t < states; t++) {
          b.append(t > 0 ? "," : "").append('"').append(w[t]).append('/').append(total).append('"');
        }
        b.append(']');
      }
      b.append(']');
    }
    b.append("]}}");
    return b.toString();
  }
}
