package dev.nnc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** Picks the job a command runs: the one named with --job, or the file's only job of that kind. */
final class JobChoice {
  private JobChoice() {}

  /** The job to run among {@code names} (jobs of {@code kind}); null after printing why there is none. */
  static String choose(Path file, String kind, List<String> names, String job, PrintWriter err) {
    if (job != null) {
      if (!names.contains(job)) {
        err.println("error: " + file + " has no " + kind + " job " + job + (names.isEmpty() ? "" : "; it has " + String.join(", ", names)));
        return null;
      }
      return job;
    }
    if (names.size() == 1) {
      return names.get(0);
    }
    err.println(names.isEmpty()
        ? "error: " + file + " has no " + kind + " job"
        : "error: " + file + " has several " + kind + " jobs; choose one with --job (" + String.join(", ", names) + ")");
    return null;
  }
}
