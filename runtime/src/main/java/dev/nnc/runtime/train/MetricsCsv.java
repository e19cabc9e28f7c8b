package dev.nnc.runtime.train;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * {@code metrics.csv} in Keras CSVLogger's layout: {@code epoch} (from 0) and one column per value;
 * rows are flushed as epochs end, so the file can be followed while training runs.
 */
final class MetricsCsv implements AutoCloseable {
  static final String FILE_NAME = "metrics.csv";

  private final Path file;
  private final List<String> columns;
  private final BufferedWriter writer;

  private MetricsCsv(Path file, List<String> columns, BufferedWriter writer) {
    this.file = file;
    this.columns = columns;
    this.writer = writer;
  }

  /** Starts {@code dir/metrics.csv} afresh with its header. */
  static MetricsCsv create(Path dir, List<String> columns) {
    Path file = dir.resolve(FILE_NAME);
    try {
      Files.createDirectories(dir);
      MetricsCsv csv = new MetricsCsv(file, List.copyOf(columns), Files.newBufferedWriter(file));
      csv.writeLine("epoch," + String.join(",", columns));
      return csv;
    } catch (IOException e) {
      throw cannotWrite(file, e);
    }
  }

  /**
   * Goes on with {@code dir/metrics.csv} from {@code saved}, the copy a checkpoint took: rows that
   * the stopped run wrote after the checkpoint give way to the resumed run's.
   */
  static MetricsCsv resume(Path dir, List<String> columns, Path saved) {
    Path file = dir.resolve(FILE_NAME);
    try {
      Files.copy(saved, file, StandardCopyOption.REPLACE_EXISTING);
      return new MetricsCsv(file, List.copyOf(columns),
          Files.newBufferedWriter(file, StandardOpenOption.APPEND));
    } catch (IOException e) {
      throw cannotWrite(file, e);
    }
  }

  /** Copies the rows so far to {@code target}; each row is flushed as it is written. */
  void copyTo(Path target) throws IOException {
    Files.copy(file, target);
  }

  void append(int epoch, Map<String, Double> values) {
    StringBuilder line = new StringBuilder().append(epoch);
    for (String column : columns) {
      line.append(',').append(values.get(column));
    }
    try {
      writeLine(line.toString());
    } catch (IOException e) {
      throw cannotWrite(file, e);
    }
  }

  private void writeLine(String line) throws IOException {
    writer.write(line);
    writer.newLine();
    writer.flush();
  }

  @Override
  public void close() {
    try {
      writer.close();
    } catch (IOException e) {
      throw cannotWrite(file, e);
    }
  }

  private static TrainException cannotWrite(Path file, IOException e) {
    return new TrainException("cannot write " + file + ": " + e.getMessage(), e);
  }
}
