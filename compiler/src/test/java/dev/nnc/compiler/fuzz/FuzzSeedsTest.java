package dev.nnc.compiler.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.compiler.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The fuzzer's seeds as ordinary tests, under their own names (so imports and data files beside
 * them resolve): each goes through the whole front end within a time limit, and the Java of each
 * that checks clean (every sample does) compiles in memory.
 */
class FuzzSeedsTest {
  private static final Duration LIMIT = Duration.ofSeconds(60);

  @Test
  void theSeedsAreEverySampleStdFileAndNegativeTest() {
    List<Path> seeds = FuzzSeeds.all();
    for (String expected : List.of("xor.nn", "vision.nn", "shape_residual_add.nn", "language_tour.nn")) {
      assertTrue(seeds.stream().anyMatch(p -> p.getFileName().toString().equals(expected)), expected + " in " + seeds);
    }
    assertTrue(seeds.size() >= 150, "only " + seeds.size() + " seeds");
  }

  @TestFactory
  Stream<DynamicTest> everySeedGoesThroughTheFrontEnd() {
    return FuzzSeeds.all().stream().map(seed -> DynamicTest.dynamicTest(seed.toString(), () -> {
      String text = read(seed);
      Compilation c = assertTimeoutPreemptively(LIMIT, () -> FrontEnd.run(seed.toString(), text, true));
      if (seed.startsWith(Path.of("..", "samples"))) {
        assertTrue(c.succeeded(), () -> seed + " does not check clean: " + c.diagnostics());
      }
    }));
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
