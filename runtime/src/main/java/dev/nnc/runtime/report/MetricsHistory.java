package dev.nnc.runtime.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of {@code metrics.csv} read back: its columns after {@code epoch} and each epoch's values.
 * The report reads the file rather than the run's results, so a resumed run's report shows the
 * epochs before the resume too.
 */
public record MetricsHistory(List<String> columns, List<double[]> rows) {
  public static MetricsHistory read(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    List<String> header = Arrays.asList(lines.get(0).split(","));
    List<double[]> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      rows.add(Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray());
    }
    return new MetricsHistory(List.copyOf(header.subList(1, header.size())), List.copyOf(rows));
  }

  /** Column {@code name} over the epochs, or null when the file has no such column. */
  double[] series(String name) {
    int column = columns.indexOf(name);
    return column < 0 ? null : rows.stream().mapToDouble(row -> row[column + 1]).toArray();
  }

  /** The epoch column (from 0). */
  double[] epochs() {
    return rows.stream().mapToDouble(row -> row[0]).toArray();
  }
}
