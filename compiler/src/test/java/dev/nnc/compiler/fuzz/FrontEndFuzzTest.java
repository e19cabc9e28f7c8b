package dev.nnc.compiler.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the front end with Jazzer. Under plain {@code mvn verify} (regression
 * mode) each target runs the inputs kept in {@code FrontEndFuzzTestInputs/<target>/} (crashes found
 * earlier and interesting inputs) as ordinary tests; then each target fuzzes for a short while (the
 * profile {@code short-fuzz} of this module's pom). With {@code JAZZER_FUZZ=1} one target fuzzes,
 * starting from {@link FuzzSeeds}; RELIABILITY.md has the commands and the figures.
 *
 * <p>A finding is any exception or error out of {@link FrontEnd#run}, or an input that takes longer
 * than the {@link Timeout} (libFuzzer's per-input timeout while fuzzing).
 */
class FrontEndFuzzTest {
  /**
   * Fuzzing mode: start the generated corpus (where libFuzzer reads and writes) from the seeds. It
   * is where Jazzer puts it: {@code .cifuzz-corpus/<class>/<method>} under the module, or under
   * {@code jazzer.internal.basedir} where that is set (the short run of {@code mvn verify} sets it to
   * {@code target/fuzz}).
   */
  @BeforeAll
  static void seedTheGeneratedCorpus() throws IOException {
    String fuzz = System.getenv("JAZZER_FUZZ");
    if (fuzz == null || fuzz.isEmpty()) {
      return;
    }
    Path base = Path.of(System.getProperty("jazzer.internal.basedir", ""));
    for (String target : new String[] {"frontEnd", "emittedJavaCompiles"}) {
      Path corpus = base.resolve(".cifuzz-corpus").resolve(FrontEndFuzzTest.class.getName()).resolve(target);
      Files.createDirectories(corpus);
      for (Path seed : FuzzSeeds.all()) {
        String name = "seed-" + seed.toString().replaceAll("[^A-Za-z0-9_.-]", "_");
        Files.copy(seed, corpus.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /** Parse, check, render and emit: fast enough for millions of inputs. */
  @FuzzTest(maxDuration = "2h")
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void frontEnd(byte[] input) {
    FrontEnd.run("fuzz/input.nn", new String(input, StandardCharsets.UTF_8), false);
  }

  /** As {@link #frontEnd}, and the Java of every program that checks clean must compile. */
  @FuzzTest(maxDuration = "2h")
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void emittedJavaCompiles(byte[] input) {
    FrontEnd.run("fuzz/input.nn", new String(input, StandardCharsets.UTF_8), true);
  }
}
