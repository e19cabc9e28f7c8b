package dev.nnc.bench;

import dev.nnc.runtime.data.Csv;
import dev.nnc.runtime.data.CsvColumns;
import dev.nnc.runtime.data.CsvField;
import dev.nnc.runtime.data.Dataset;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Peak RSS of loading a large CSV file as a train job's {@code csv(...)} source does: {@code CsvMemory MB}
 * writes {@code /tmp/nnc-csv-MB.csv} (a header, then rows of eight floats and an int label) unless it is
 * there, loads it, and prints the records, the time and the process's peak RSS ({@code VmHWM}). Run in
 * a JVM of its own, so the peak is the load's. The file is never committed: it is made in /tmp.
 */
public final class CsvMemory {
  private static final int FEATURES = 8;

  private CsvMemory() {}

  public static void main(String[] args) throws IOException {
    long megabytes = Long.parseLong(args[0]);
    Path file = Path.of("/tmp", "nnc-csv-" + megabytes + ".csv");
    if (!Files.exists(file)) {
      write(file, megabytes << 20);
    }
    long start = System.nanoTime();
    Dataset data = Csv.load(file, true, CsvField.floats("x", CsvColumns.range(0, FEATURES)),
        CsvField.ints("y", CsvColumns.column(FEATURES)));
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "csv %s: %,d bytes, %,d records, loaded in %.1f s; peak RSS %s; heap max %,d MiB%n",
        file, Files.size(file), data.size(), seconds, peakRss(), Runtime.getRuntime().maxMemory() >> 20);
  }

  private static void write(Path file, long bytes) throws IOException {
    Random random = new Random(1);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      StringBuilder header = new StringBuilder();
      for (int i = 0; i < FEATURES; i++) {
        header.append('x').append(i).append(',');
      }
      out.write(header.append("y\n").toString());
      long written = header.length();
      StringBuilder row = new StringBuilder();
      while (written < bytes) {
        row.setLength(0);
        for (int i = 0; i < FEATURES; i++) {
          String digits = Integer.toString(100_000 + random.nextInt(100_000));
          row.append("0.").append(digits, 1, 6).append(',');
        }
        row.append(random.nextInt(10)).append('\n');
        out.write(row.toString());
        written += row.length();
      }
    }
  }

  private static String peakRss() throws IOException {
    return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
        .map(l -> l.substring("VmHWM:".length()).strip()).findFirst().orElse("unknown");
  }
}
