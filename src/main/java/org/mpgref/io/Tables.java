package org.mpgref.io;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.mpgref.game.MarkovGame;
import org.mpgref.game.Policy;

/**
 * The index shapes of the tables of a {@link Result}, with the game's labels: {@code [s]}, {@code [i]},
 * {@code [i][s]}, {@code [i][s][a]} and {@code [s][a]} (one agent), each cell labelled by the agent's, state's and
 * action's labels, in row-major order ({@link ResultItem.Table}).
 */
public final class Tables {
  private Tables() {}

  /**
   * The axes and cells of a table.
   *
   * @param axes the axis names, outermost first
   * @param cells the cells, in row-major order
   */
  public record Cells(List<String> axes, List<ResultItem.Cell> cells) {
    /**
     * @param axes the axes (copied)
     * @param cells the cells (copied)
     */
    public Cells {
      axes = List.copyOf(axes);
      cells = List.copyOf(cells);
    }
  }

  /** A value indexed by (agent i, state s). */
  @FunctionalInterface
  public interface AgentState {
    /**
     * @param i the agent (its index in the game)
     * @param s the state
     * @return the value at (i, s)
     */
    ResultValue at(int i, int s);
  }

  /** A value indexed by (agent i, state s, action a of agent i). */
  @FunctionalInterface
  public interface AgentStateAction {
    /**
     * @param i the agent (its index in the game)
     * @param s the state
     * @param a the action of agent i
     * @return the value at (i, s, a)
     */
    ResultValue at(int i, int s, int a);
  }

  /**
   * @param g the game
   * @return the agents 0..N−1
   */
  public static int[] allAgents(MarkovGame g) {
    int[] all = new int[g.agentCount()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    return all;
  }

  private static ResultItem.Cell cell(ResultValue v, List<Integer> index, List<String> labels) {
    return new ResultItem.Cell(index, labels, v);
  }

  /**
   * A table over {@code [s]}.
   *
   * @param g the game
   * @param f the value at state s
   * @return the table
   */
  public static Cells states(MarkovGame g, IntFunction<ResultValue> f) {
    List<ResultItem.Cell> cells = new ArrayList<>();
    for (int s = 0; s < g.stateCount(); s++) {
      cells.add(cell(f.apply(s), List.of(s), List.of(g.stateLabel(s))));
    }
    return new Cells(List.of("state"), cells);
  }

  /**
   * A table over {@code [i]}, i running over the given agents (position k holds agent {@code agents[k]}).
   *
   * @param g the game
   * @param agents the agents reported, in order
   * @param f the value of agent i (its index in the game)
   * @return the table
   */
  public static Cells agents(MarkovGame g, int[] agents, IntFunction<ResultValue> f) {
    List<ResultItem.Cell> cells = new ArrayList<>();
    for (int k = 0; k < agents.length; k++) {
      cells.add(cell(f.apply(agents[k]), List.of(k), List.of(g.agentLabel(agents[k]))));
    }
    return new Cells(List.of("agent"), cells);
  }

  /**
   * A table over {@code [i][s]}, i running over the given agents.
   *
   * @param g the game
   * @param agents the agents reported, in order
   * @param f the value at (i, s)
   * @return the table
   */
  public static Cells agentsStates(MarkovGame g, int[] agents, AgentState f) {
    List<ResultItem.Cell> cells = new ArrayList<>();
    for (int k = 0; k < agents.length; k++) {
      int i = agents[k];
      for (int s = 0; s < g.stateCount(); s++) {
        cells.add(cell(f.at(i, s), List.of(k, s), List.of(g.agentLabel(i), g.stateLabel(s))));
      }
    }
    return new Cells(List.of("agent", "state"), cells);
  }

  /**
   * A table over {@code [i][s][a]} for every agent (ragged: agent i has |A_i| actions).
   *
   * @param g the game
   * @param f the value at (i, s, a)
   * @return the table
   */
  public static Cells agentsStatesActions(MarkovGame g, AgentStateAction f) {
    List<ResultItem.Cell> cells = new ArrayList<>();
    for (int i = 0; i < g.agentCount(); i++) {
      for (int s = 0; s < g.stateCount(); s++) {
        for (int a = 0; a < g.actionCount(i); a++) {
          cells.add(cell(f.at(i, s, a), List.of(i, s, a), List.of(g.agentLabel(i), g.stateLabel(s),
              g.actionLabel(i, a))));
        }
      }
    }
    return new Cells(List.of("agent", "state", "action"), cells);
  }

  /**
   * A policy π_i(a|s) as a table over {@code [i][s][a]} (exact).
   *
   * @param g the game
   * @param p the policy
   * @return the table
   */
  public static Cells policy(MarkovGame g, Policy p) {
    return agentsStatesActions(g, (i, s, a) -> ResultValue.exact(p.prob(i, s, a)));
  }

  /**
   * One agent's part of a policy, π_i(a|s), as a table over {@code [s][a]} (exact).
   *
   * @param g the game
   * @param p the policy
   * @param i the agent
   * @return the table
   */
  public static Cells agentPolicy(MarkovGame g, Policy p, int i) {
    List<ResultItem.Cell> cells = new ArrayList<>();
    for (int s = 0; s < g.stateCount(); s++) {
      for (int a = 0; a < g.actionCount(i); a++) {
        cells.add(cell(ResultValue.exact(p.prob(i, s, a)), List.of(s, a), List.of(g.stateLabel(s),
            g.actionLabel(i, a))));
      }
    }
    return new Cells(List.of("state", "action"), cells);
  }
}
