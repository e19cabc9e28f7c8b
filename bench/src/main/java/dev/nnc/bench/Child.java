package dev.nnc.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a trial in a fresh JVM, so that every measurement starts alike (no JIT or TensorFlow state
 * carried over) and its peak RSS is its own. Extra JVM options for the trials (a JFR recording, say)
 * come from the environment variable {@code BENCH_TRIAL_JVM_OPTS}.
 */
final class Child {
  private Child() {}

  /** The class path of the nnc benchmarks: this JVM's. */
  static String nncClassPath() {
    return System.getProperty("java.class.path");
  }

  /** The class path of the Deeplearning4j module, built by {@code bench/run}. */
  static String dl4jClassPath() throws IOException {
    Path target = Path.of("bench", "dl4j", "target");
    Path deps = target.resolve("classpath.txt");
    if (!Files.exists(deps)) {
      throw new IllegalStateException(deps + " is missing: build with `bench/run` (mvn -Pbench -pl bench/dl4j package)");
    }
    return target.resolve("classes") + ":" + Files.readString(deps).trim();
  }

  static Map<String, String> run(String classPath, String mainClass, List<String> args, long timeoutSeconds)
      throws IOException, InterruptedException {
    return run(classPath, mainClass, args, Map.of(), timeoutSeconds);
  }

  static Map<String, String> run(String classPath, String mainClass, List<String> args,
      Map<String, String> env, long timeoutSeconds) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    String extra = System.getenv("BENCH_TRIAL_JVM_OPTS");
    if (extra != null && !extra.isBlank()) {
      command.addAll(List.of(extra.trim().split("\\s+")));
    }
    command.addAll(List.of("-cp", classPath, mainClass));
    command.addAll(args);
    Path log = Files.createTempFile("nnc-bench-trial-", ".log");
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().putIfAbsent("TF_CPP_MIN_LOG_LEVEL", "2");
      builder.environment().putAll(env);
      Process process = builder.start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(mainClass + " " + args + " ran past " + timeoutSeconds + " s");
      }
      return result(mainClass, args, process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static Map<String, String> result(String mainClass, List<String> args, int exit, String text) {
    Map<String, String> result = Results.parse(text);
    if (exit != 0 || result == null) {
      throw new IllegalStateException(mainClass + " " + args + " failed (exit " + exit + "):\n" + text);
    }
    return result;
  }
}
