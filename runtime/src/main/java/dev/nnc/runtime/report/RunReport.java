package dev.nnc.runtime.report;

import dev.nnc.runtime.train.JobDescription;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code report.html} in a run's log directory: the run's figures, the curves of every value of
 * {@code metrics.csv} (pictures by JFreeChart, embedded as base64 PNG), the model's layer table,
 * the confusion matrix of a classifier on its validation data, and the job's settings — one file
 * that reads offline.
 */
public final class RunReport {
  public static final String FILE_NAME = "report.html";
  private static final String VALIDATION_PREFIX = "val_";

  private final StringBuilder html = new StringBuilder();

  private RunReport() {}

  /**
   * Writes the report of job {@code job} to {@code logDir}, from the {@code metrics.csv} there;
   * {@code facts} are the run's own figures (seed, steps, wall time, ...), in order.
   */
  public static Path write(Path logDir, String job, Map<String, String> facts, JobDescription description,
      Optional<ConfusionMatrix> confusion) throws IOException {
    MetricsHistory history = MetricsHistory.read(logDir.resolve("metrics.csv"));
    RunReport report = new RunReport();
    report.head(job);
    report.table("Run", facts);
    report.curves(history);
    report.summary(description.modelSummary());
    description.classifier().ifPresent(c -> report.confusion(c, confusion));
    if (!description.settings().isEmpty()) {
      report.table("Settings, as written", description.settings());
    }
    report.html.append("</body>\n</html>\n");
    Path file = logDir.resolve(FILE_NAME);
    Path partial = logDir.resolve(FILE_NAME + ".partial");
    Files.writeString(partial, report.html);
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return file;
  }

  private void head(String job) {
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(escape(job)).append(" — nnc training report</title>\n<style>\n")
        .append("body { font-family: sans-serif; margin: 2em auto; max-width: 60em; color: #222; }\n")
        .append("table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: 0.2em 0.6em; }\n")
        .append("th { background: #f4f4f4; text-align: left; } td.count { text-align: right; }\n")
        .append("pre { background: #f8f8f8; padding: 1em; overflow-x: auto; }\n")
        .append("</style>\n</head>\n<body>\n<h1>").append(escape(job)).append("</h1>\n");
  }

  private void table(String title, Map<String, String> rows) {
    html.append("<h2>").append(escape(title)).append("</h2>\n<table>\n");
    rows.forEach((key, value) -> html.append("<tr><th>").append(escape(key)).append("</th><td>")
        .append(escape(value)).append("</td></tr>\n"));
    html.append("</table>\n");
  }

  /** One chart per value, training and validation together, as TensorBoard overlays them. */
  private void curves(MetricsHistory history) {
    html.append("<h2>Curves</h2>\n");
    if (history.rows().isEmpty()) {
      html.append("<p>No epoch ended, so there is nothing to draw.</p>\n");
      return;
    }
    for (String name : trainingValues(history.columns())) {
      String png = Charts.curves(name, history.epochs(), history.series(name),
          history.series(VALIDATION_PREFIX + name));
      html.append("<figure class=\"curve\"><img alt=\"").append(escape(name)).append(" by epoch\" width=\"")
          .append(Charts.WIDTH).append("\" height=\"").append(Charts.HEIGHT)
          .append("\" src=\"data:image/png;base64,").append(png).append("\"></figure>\n");
    }
  }

  private static List<String> trainingValues(List<String> columns) {
    List<String> names = new ArrayList<>();
    for (String column : columns) {
      if (!column.startsWith(VALIDATION_PREFIX)) {
        names.add(column);
      }
    }
    return names;
  }

  private void summary(String table) {
    html.append("<h2>Model</h2>\n");
    if (table.isEmpty()) {
      html.append("<p>This run was started without the compiler (a generated job's <code>main</code>), which"
          + " alone knows the layer table; <code>nnc summary</code> prints it.</p>\n");
    } else {
      html.append("<pre class=\"summary\">").append(escape(table)).append("</pre>\n");
    }
  }

  private void confusion(JobDescription.Classifier classifier, Optional<ConfusionMatrix> matrix) {
    html.append("<h2>Confusion matrix</h2>\n");
    if (matrix.isEmpty()) {
      html.append("<p>The job has no validation data to count on.</p>\n");
      return;
    }
    ConfusionMatrix m = matrix.get();
    html.append(String.format(Locale.ROOT, "<p>Output <code>%s</code> (arg-max) against <code>%s</code> on the"
            + " %,d validation records, with the final weights: %,d right, accuracy %.4f. Rows are the true"
            + " classes, columns the predicted ones.</p>\n",
        escape(classifier.output()), escape(classifier.label()), m.total(), m.correct(),
        m.total() == 0 ? 0.0 : (double) m.correct() / m.total()));
    html.append("<table class=\"confusion\">\n<tr><th>true \\ predicted</th>");
    for (int c = 0; c < m.classes(); c++) {
      html.append("<th>").append(c).append("</th>");
    }
    html.append("</tr>\n");
    long max = Math.max(1, m.max());
    for (int truth = 0; truth < m.classes(); truth++) {
      html.append("<tr><th>").append(truth).append("</th>");
      for (int predicted = 0; predicted < m.classes(); predicted++) {
        long count = m.count(truth, predicted);
        // Darker for more records, so the diagonal and the common confusions stand out.
        html.append(String.format(Locale.ROOT, "<td class=\"count\" style=\"background: rgba(%s, %.2f)\">%d</td>",
            truth == predicted ? "46, 125, 50" : "198, 40, 40", 0.6 * count / max, count));
      }
      html.append("</tr>\n");
    }
    html.append("</table>\n");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
