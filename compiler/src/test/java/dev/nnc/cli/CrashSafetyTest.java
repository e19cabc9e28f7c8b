package dev.nnc.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nnc train} killed with SIGKILL at random moments of training, in a JVM of its own, and started again
 * with {@code --resume} each time: training completes, no checkpoint is ever half-written, no saved
 * checkpoint is lost, and the final weights and {@code metrics.csv} equal an uninterrupted run's.
 * The kill times come from a seed printed on failure ({@code -Dnnc.crashSeed=N} replays them).
 *
 * <p>"Never half-written": after every kill, each folder under {@code checkpoints/} named as a
 * checkpoint ({@code ckpt-N}) holds all its files, complete; anything else there is a temporary
 * folder of a write ({@code ckpt-N.partial}) or of a deletion ({@code ckpt-N.deleting}) that was cut
 * short. No resumed run passes over a damaged checkpoint, and the finished run leaves exactly the
 * newest two checkpoints and no temporary folder.
 */
class CrashSafetyTest {
  /** A declarative job: 400 epochs of 2 steps, a checkpoint every 50. */
  private static final String DECLARATIVE = """
      model Xor { input x: float[2]  output y = x -> dense(8) -> tanh -> dense(1) }
      data truth {
        train = records {
          x: float[2], target: float[1]
          [0, 0] [0]
          [0, 1] [1]
          [1, 0] [1]
          [1, 1] [0]
        }
      }
      train xor {
        model: Xor()
        data: truth.train | shuffle(4)
        loss: bce(y, target)
        optimizer: adam(lr: 0.05)
        batch: 2
        epochs: 400
        metrics: [accuracy(y, target)]
        checkpoint: every(50 steps), keep: 2
        seed: 3
      }
      """;
  /** A job with a step, as a GAN's: two models minimized in turn on normal draws, 400 epochs of 2 steps. */
  private static final String STEP = """
      model Gen { input z: float[4]  output x = z -> dense(8) -> relu -> batchnorm -> dense(2) }
      model Disc { input x: float[2]  output logit = x -> dense(8) -> relu -> dense(1) }
      data real {
        train = records {
          x: float[2]
          [0, 1] [1, 0] [1, 1] [0.5, 0.5]
        }
      }
      train gan {
        let g = Gen()
        let d = Disc()
        data: real.train | shuffle(4)
        batch: 2
        epochs: 400
        step {
          let z = normal([4])
          let d_loss = 0.5 * (bce(d(x), 1) + bce(d(g(z)), 0))
          minimize d: d_loss with adam(lr: 0.01, beta1: 0.5)
          minimize g: bce(d(g(z)), 1) with adam(lr: 0.01, beta1: 0.5)
          report d_loss
        }
        checkpoint: every(50 steps), keep: 2
        seed: 3
      }
      """;
  /** The last checkpoint of either job: 400 epochs of 2 steps. */
  private static final String FINAL_CHECKPOINT = "ckpt-800";
  /** What a finished run keeps ({@code keep: 2}). */
  private static final List<String> KEPT = List.of("ckpt-750", FINAL_CHECKPOINT);
  private static final Pattern CHECKPOINT = Pattern.compile("ckpt-\\d+");
  /** The folders of a write or a deletion that a kill cut short; resuming never reads them. */
  private static final Pattern TEMPORARY = Pattern.compile("ckpt-\\d+\\.(partial|deleting)");
  private static final int KILLS = 3;
  /** A kill comes this many milliseconds or fewer after the run's first new checkpoint: within training. */
  private static final int KILL_WINDOW_MS = 1000;

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"declarative", "step"})
  void killedAtRandomAndResumedEndsAsAnUninterruptedRun(String kind) throws Exception {
    Path source = Files.writeString(dir.resolve(kind + ".nn"), kind.equals("step") ? STEP : DECLARATIVE);
    Path reference = dir.resolve("reference");
    Path interrupted = dir.resolve("interrupted");
    // The uninterrupted run in this JVM, which has TensorFlow loaded already: one JVM start fewer.
    StringWriter referenceLog = new StringWriter();
    int status = Nnc.run(new String[] {"train", source.toString(), "--log-dir", reference.toString()},
        new PrintWriter(referenceLog, true), new PrintWriter(referenceLog, true));
    assertEquals(0, status, referenceLog::toString);

    long seed = Long.getLong("nnc.crashSeed", System.nanoTime());
    Random random = new Random(seed);
    String replay = " (kill times from -Dnnc.crashSeed=" + seed + ")";
    List<Long> newestSteps = new ArrayList<>();
    List<String> temporariesSeen = new ArrayList<>();
    int kills = 0;
    int exit = -1;
    while (exit != 0) {
      List<Path> before = checkpoints(interrupted);
      // As a user would: --resume once a whole checkpoint exists (a temporary folder is none).
      boolean resume = before.stream().anyMatch(p -> CHECKPOINT.matcher(p.getFileName().toString()).matches());
      Process run = train(source, interrupted, resume);
      if (kills < KILLS && trainingUnderway(run, interrupted, before)
          && !run.waitFor(random.nextInt(KILL_WINDOW_MS), TimeUnit.MILLISECONDS)) {
        run.destroyForcibly();  // SIGKILL on Linux: no shutdown hook, no finally block runs
        run.waitFor();
        kills++;
        newestSteps.add(requireWholeCheckpoints(interrupted, temporariesSeen, replay));
        continue;
      }
      exit = run.waitFor();
      assertEquals(0, exit, () -> log(interrupted) + replay);
    }
    for (int i = 1; i < newestSteps.size(); i++) {
      assertTrue(newestSteps.get(i) >= newestSteps.get(i - 1), "a checkpoint was lost: " + newestSteps + replay);
    }
    assertTrue(kills > 0, "no run was killed" + replay);
    // The figures RELIABILITY.md quotes: how many kills, and the newest whole checkpoint after each.
    System.out.println("CrashSafetyTest (" + kind + " job): " + kills + " SIGKILLs; newest checkpoint step after each: " + newestSteps
        + "; temporary folders left by the kills: " + temporariesSeen
        + "; resumed runs: " + log(interrupted).lines().filter(l -> l.contains("resum")).count() + replay);
    assertTrue(log(interrupted).lines().noneMatch(l -> l.contains("passing over")),
        () -> "a resumed run met a damaged checkpoint:\n" + log(interrupted) + replay);
    assertEquals(KEPT, checkpoints(interrupted).stream().map(p -> p.getFileName().toString()).toList(),
        "the finished run keeps the newest two checkpoints and no temporary folder" + replay);
    assertEquals(Files.readString(reference.resolve("metrics.csv")), Files.readString(interrupted.resolve("metrics.csv")), replay);
    assertArrayEquals(
        Files.readAllBytes(weights(reference)), Files.readAllBytes(weights(interrupted)),
        "the final weights differ from the uninterrupted run's" + replay);
  }

  /**
   * Waits until {@code run} writes its first checkpoint (JVM start-up and compiling take most of a
   * short run, and a kill then proves little); false if it ends first.
   */
  private static boolean trainingUnderway(Process run, Path logDir, List<Path> before) throws Exception {
    while (run.isAlive()) {
      if (!checkpoints(logDir).equals(before)) {
        return true;
      }
      Thread.sleep(10);
    }
    return false;
  }

  /** {@code nnc train} of {@code source} in a new JVM, logging to {@code logDir}. */
  private static Process train(Path source, Path logDir, boolean resume) throws IOException {
    List<String> command = NncJvm.command("train", source.toString(), "--log-dir", logDir.toString());
    if (resume) {
      command.add("--resume");
    }
    Files.createDirectories(logDir);
    return NncJvm.start(command, ProcessBuilder.Redirect.appendTo(logDir.resolve("nnc.log").toFile()));
  }

  /**
   * Every folder under {@code checkpoints/} is a whole checkpoint or a temporary one (added to
   * {@code temporaries}) that a resumed run ignores; returns the newest whole checkpoint's step (0
   * when there is none yet).
   */
  private static long requireWholeCheckpoints(Path logDir, List<String> temporaries, String replay)
      throws IOException {
    long newest = 0;
    for (Path checkpoint : checkpoints(logDir)) {
      String name = checkpoint.getFileName().toString();
      if (TEMPORARY.matcher(name).matches()) {
        temporaries.add(name);
        continue;
      }
      assertTrue(CHECKPOINT.matcher(name).matches(), "unexpected " + checkpoint + replay);
      for (String file : List.of("variables.index", "metrics.csv", "state.properties")) {
        assertTrue(Files.isRegularFile(checkpoint.resolve(file)), checkpoint + " has no " + file + replay);
      }
      String state = Files.readString(checkpoint.resolve("state.properties"));
      assertTrue(state.contains("nnc.checkpoint=1"), checkpoint + "/state.properties is cut short:\n" + state + replay);
      try (Stream<Path> files = Files.list(checkpoint)) {
        assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("variables.data-")),
            checkpoint + " has no variables.data" + replay);
      }
      newest = Math.max(newest, Long.parseLong(name.substring("ckpt-".length())));
    }
    return newest;
  }

  private static List<Path> checkpoints(Path logDir) throws IOException {
    Path root = logDir.resolve("checkpoints");
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(root)) {
      return children.sorted().toList();
    }
  }

  private static Path weights(Path logDir) throws IOException {
    try (Stream<Path> files = Files.list(logDir.resolve("checkpoints").resolve(FINAL_CHECKPOINT))) {
      return files.filter(f -> f.getFileName().toString().startsWith("variables.data-")).findFirst()
          .orElseThrow(() -> new AssertionError("no weights in " + logDir));
    }
  }

  private static String log(Path logDir) {
    try {
      return Files.readString(logDir.resolve("nnc.log"));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
