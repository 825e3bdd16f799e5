package org.mpgref.audit;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mpgref.io.FormatException;
import org.mpgref.report.LogPlot;
import org.mpgref.report.MarkdownReport;

/**
 * The report of {@code mpgref audit distancing --report DIR}: DIR/{@value #MARKDOWN} (the command, the setting, the
 * figures of every section of the printed audit, verbatim, the verdict lines, and the figure with its caption) and
 * DIR/{@value #FIGURE} (the exact Nash gap max_i gap_i(ρ) per iteration for IPG, projected Q-ascent and INPG, log y).
 * The gaps are the exact rationals of {@link DistancingAudit.GapTrace}, converted to double for display only.
 * See specs/audit-distancing.md ("--report").
 */
public final class DistancingReport {
  /** The Markdown file's name in DIR. */
  public static final String MARKDOWN = "report.md";
  /** The figure's name in DIR. */
  public static final String FIGURE = "nash-gap.png";

  private static final String COMPARE = "How this compares with the published claims";

  private DistancingReport() {}

  /**
   * Checks the report directory before the audit runs, and creates it (with its parents) if missing, so that a bad
   * DIR fails at once and not after the audit.
   *
   * @param dir the report directory
   * @param force whether existing report files may be overwritten
   * @throws IllegalArgumentException with a one-line message naming the path if DIR is not a directory, cannot be
   *     created or written, or (without force) already holds {@value #MARKDOWN} or {@value #FIGURE}
   */
  public static void prepare(Path dir, boolean force) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IllegalArgumentException(dir + ": cannot write the report there: it is not a directory");
    }
    try {
      Files.createDirectories(dir);
    } catch (FileAlreadyExistsException e) {
      throw new IllegalArgumentException(dir + ": cannot write the report there: " + e.getMessage()
          + " is not a directory");
    } catch (IOException e) {
      throw new IllegalArgumentException(dir + ": cannot create the report directory: "
          + FormatException.oneLine(e.toString()));
    }
    if (!Files.isWritable(dir)) {
      throw new IllegalArgumentException(dir + ": cannot write the report there: permission denied");
    }
    for (String name : List.of(MARKDOWN, FIGURE)) {
      Path f = dir.resolve(name);
      if (Files.isDirectory(f)) {
        throw new IllegalArgumentException(f + ": cannot write the report: it is a directory");
      }
      if (!force && Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
        throw new IllegalArgumentException(f + ": exists; pass --force to overwrite it");
      }
    }
  }

  /**
   * Writes the report: first the figure, then the Markdown that links it (so a report.md is never without its
   * figure); each file atomically.
   *
   * @param dir the report directory (checked by {@link #prepare} first)
   * @param force whether existing report files may be overwritten
   * @param command the command line, for the report's first paragraph
   * @param auditText what the audit printed on stdout
   * @param traced the audit's results with the exact gap traces
   * @throws IllegalArgumentException with a one-line message naming the path if a file cannot be written, or if
   *     {@link #prepare} refuses DIR
   */
  public static void write(Path dir, boolean force, String command, String auditText,
      DistancingAudit.Traced traced) {
    prepare(dir, force);
    figure(traced).writePng(dir.resolve(FIGURE));
    markdown(command, auditText, traced).write(dir.resolve(MARKDOWN));
  }

  /**
   * The figure: one series per run, x = iteration t, y = exact Nash gap as double.
   *
   * @param traced the audit's results with the exact gap traces
   * @return the plot (800×500)
   */
  public static LogPlot figure(DistancingAudit.Traced traced) {
    LogPlot plot = LogPlot.of("Distancing game: exact Nash gap per iteration", "iteration t",
        "exact Nash gap max_i gap_i(rho)");
    for (DistancingAudit.GapTrace tr : traced.traces()) {
      double[] x = new double[tr.iterations().size()];
      double[] y = new double[x.length];
      for (int k = 0; k < x.length; k++) {
        x[k] = tr.iterations().get(k);
        y[k] = tr.gaps().get(k).doubleValue();
      }
      plot = plot.withSeries(tr.algorithm().label() + ", eta = " + tr.eta(), x, y);
    }
    return plot;
  }

  /**
   * The figure's caption: what is drawn, from what, and which iterates were scored.
   *
   * @param traced the audit's results with the exact gap traces
   * @return one paragraph of text
   */
  public static String caption(DistancingAudit.Traced traced) {
    StringBuilder b = new StringBuilder("Exact Nash gap max_i gap_i(rho) of each scored iterate: the double iterate"
        + " is put exactly on the simplex (Policy.ofDoublePolicy) and its gap computed in rationals; the plot shows"
        + " it converted to double, on a log axis. Scored:");
    List<DistancingAudit.GapTrace> traces = traced.traces();
    for (int k = 0; k < traces.size(); k++) {
      DistancingAudit.GapTrace tr = traces.get(k);
      int last = tr.iterations().get(tr.iterations().size() - 1);
      b.append(k == 0 ? " " : "; ").append(tr.algorithm().label()).append(": every iterate t = 0..")
          .append(tr.everyUntil());
      if (tr.everyUntil() < last) {
        b.append(tr.stride() == 1 ? ", then every iterate" : ", then every " + tr.stride() + "th")
            .append(" up to t = ").append(last);
      }
    }
    b.append(". Every iterate is scored until its exact gap is <= 1e-6 (as the audit does)");
    b.append(traces.isEmpty() || traces.get(0).stride() == 1 ? "; after that too (--report-every 1)."
        : "; after that a subsample (--report-every) and the last iterate, since each exact gap costs milliseconds.");
    return b.toString();
  }

  /**
   * The Markdown document.
   *
   * @param command the command line
   * @param auditText what the audit printed on stdout ("\n" or the platform's line separator)
   * @param traced the audit's results with the exact gap traces
   * @return the document
   */
  public static MarkdownReport markdown(String command, String auditText, DistancingAudit.Traced traced) {
    List<String> lines = List.of(auditText.replace("\r\n", "\n").split("\n", -1));
    MarkdownReport md = MarkdownReport.empty().heading(1, "mpgref audit distancing")
        .paragraph("Command: `" + command.replace("`", "'") + "`. Below: the setting, the figure, and every"
            + " section the audit printed, verbatim; the verdicts at the end.");
    List<String> section = new ArrayList<>();
    String title = "Setting";
    boolean figureDone = false;
    for (String line : lines) {
      if (line.startsWith("== ") && line.endsWith(" ==") && line.length() > 6) {
        md = section(md, title, section);
        if (!figureDone) {
          md = md.heading(2, "Exact Nash gap per iteration").image("Exact Nash gap per iteration", FIGURE)
              .paragraph(MarkdownReport.escape(caption(traced)));
          figureDone = true;
        }
        title = line.substring(3, line.length() - 3);
        section = new ArrayList<>();
      } else if (!(line.isEmpty() && section.isEmpty()) && !line.equals("mpgref audit distancing")) {
        section.add(line);
      }
    }
    return section(md, title, section);
  }

  private static MarkdownReport section(MarkdownReport md, String title, List<String> lines) {
    List<String> body = new ArrayList<>(lines);
    while (!body.isEmpty() && body.get(body.size() - 1).isBlank()) {
      body.remove(body.size() - 1);
    }
    if (body.isEmpty()) {
      return md;
    }
    MarkdownReport m = md.heading(2, title);
    if (title.equals(COMPARE)) {
      for (String line : body) {
        if (!line.isBlank()) {
          m = m.paragraph(MarkdownReport.escape(line));
        }
      }
      return m;
    }
    return m.preformatted(String.join("\n", body));
  }
}
