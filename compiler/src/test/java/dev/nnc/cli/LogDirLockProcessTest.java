package dev.nnc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run per log directory, across processes: while {@code nnc train} runs in a JVM of its own,
 * another {@code nnc train} (with or without {@code --resume}) on its log directory stops at once,
 * naming the holder's pid; once the holder is SIGKILLed, the lock is gone with it and the next run
 * proceeds.
 */
class LogDirLockProcessTest {
  /** Long enough to be killed while it trains: 20,000 epochs of 2 steps, a checkpoint every 50. */
  private static final String JOB = """
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
        epochs: 20000
        checkpoint: every(50 steps), keep: 2
        seed: 3
      }
      """;

  @TempDir Path dir;

  @Test
  @Timeout(120)
  void aSecondRunStopsWhileTheFirstHoldsTheLogDirectoryAndProceedsOnceItIsKilled() throws Exception {
    Path source = Files.writeString(dir.resolve("xor.nn"), JOB);
    Path logDir = dir.resolve("log");
    Process holder = train(source, logDir);
    try {
      // Training is under way once the first checkpoint is there, the lock taken long before.
      while (!Files.isDirectory(logDir.resolve("checkpoints").resolve("ckpt-50"))) {
        assertTrue(holder.isAlive(), () -> "the first run ended: " + read(dir.resolve("holder.log")));
        Thread.sleep(20);
      }
      for (List<String> extra : List.of(List.<String>of(), List.of("--resume"), List.of("--fresh"))) {
        CliTest.Run second = nnc(source, logDir, extra.toArray(String[]::new));
        assertEquals(1, second.status(), second.err());
        assertEquals("error: job xor: " + logDir + " is in use by another run (pid " + holder.pid() + ", job xor, started ",
            second.err().substring(0, second.err().indexOf("started ") + "started ".length()), second.err());
        assertTrue(second.err().strip().endsWith("wait for it to end, or give this run a log directory of its own with --log-dir"),
            second.err());
      }
    } finally {
      holder.destroyForcibly();  // SIGKILL: the lock dies with the process
      holder.waitFor();
    }
    long newest = newestCheckpoint(logDir);
    // 2 steps an epoch: 25 epochs more are 50 steps, one checkpoint more.
    CliTest.Run next = nnc(source, logDir, "--resume", "--epochs", Long.toString(newest / 2 + 25));
    assertEquals(0, next.status(), next.err());
    assertEquals(newest + 50, newestCheckpoint(logDir));
  }

  private static long newestCheckpoint(Path logDir) throws IOException {
    try (var names = Files.list(logDir.resolve("checkpoints"))) {
      return names.map(p -> p.getFileName().toString()).filter(n -> n.matches("ckpt-\\d+"))
          .mapToLong(n -> Long.parseLong(n.substring("ckpt-".length()))).max().orElse(0);
    }
  }

  private Process train(Path source, Path logDir) throws IOException {
    return NncJvm.start(NncJvm.command("train", source.toString(), "--log-dir", logDir.toString(), "--progress", "lines"),
        ProcessBuilder.Redirect.to(dir.resolve("holder.log").toFile()));
  }

  /** {@code nnc train} in this JVM: its lock is a process's own, so the other JVM's holds against it. */
  private static CliTest.Run nnc(Path source, Path logDir, String... extra) {
    List<String> args = new ArrayList<>(List.of("train", source.toString(), "--log-dir", logDir.toString(),
        "--progress", "lines"));
    args.addAll(List.of(extra));
    return CliTest.nnc(args.toArray(String[]::new));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "(" + e.getMessage() + ")";
    }
  }
}
