package dev.nnc.cli;

import static dev.nnc.cli.CliTest.nnc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nnc play}: the random baseline, its picture, and what it refuses. */
class PlayCommandTest {
  private static final Pattern LINE =
      Pattern.compile("mean (-?[0-9.]+), min (-?[0-9.]+), max (-?[0-9.]+) over (\\d+) episodes?\\R");

  @TempDir Path dir;

  @Test
  void theRandomCartPoleBaselineIsAboutTwentyTwo() {
    CliTest.Run run = nnc("play", "--env", "cartpole", "--random", "--episodes", "1000");
    assertEquals(0, run.status(), run.err());
    Matcher m = LINE.matcher(run.out());
    assertTrue(m.matches(), run.out());
    assertEquals(22.2, Double.parseDouble(m.group(1)), 1.3);
    assertTrue(Integer.parseInt(m.group(2)) >= 8 && Integer.parseInt(m.group(3)) <= 500, run.out());
    assertEquals("1000", m.group(4));
    assertEquals(run.out(), nnc("play", "--env", "cartpole", "--random", "--episodes", "1000").out(), "seeded");
    assertTrue(!run.out().equals(nnc("play", "--env", "cartpole", "--random", "--episodes", "1000", "--seed", "1").out()));
  }

  @Test
  void gifDrawsTheFirstEpisode() throws Exception {
    Path gif = dir.resolve("episode.gif");
    CliTest.Run run = nnc("play", "--env", "mountain_car", "--random", "--episodes", "1", "--gif", gif.toString());
    assertEquals(0, run.status(), run.err());
    assertEquals("mean -200.00, min -200, max -200 over 1 episode" + System.lineSeparator(), run.out());
    ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
    try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
      reader.setInput(in);
      assertEquals(201, reader.getNumImages(true), "the start and each of the 200 steps");
    } finally {
      reader.dispose();
    }
    assertTrue(Files.size(gif) > 0);
  }

  /** A file's job with {@code env:} names the environment: here MountainCar's, whose random episodes all last 200 steps. */
  @Test
  void aJobNamesTheEnvironment() throws Exception {
    Path source = Files.writeString(dir.resolve("car.nn"), """
        model QNet {
          input state: float[2]
          output q = state -> dense(3)
        }
        train car {
          env: mountain_car()
          let q = QNet()
          act: argmax(q(state))
          replay: 100
          batch: 8
          steps: 100
          step {
            minimize q: mse(pick(q(state), action), reward) with sgd()
          }
        }
        """);
    CliTest.Run run = nnc("play", source.toString(), "--random", "--episodes", "2");
    assertEquals(0, run.status(), run.err());
    assertEquals("mean -200.00, min -200, max -200 over 2 episodes" + System.lineSeparator(), run.out());
    CliTest.Run both = nnc("play", source.toString(), "--env", "cartpole", "--random");
    assertEquals(2, both.status());
    assertTrue(both.err().startsWith("error: say which environment"), both.err());
  }

  @Test
  void aModelDirectoryThatHoldsNoExportIsAnError() {
    Path missing = dir.resolve("nothing");
    CliTest.Run run = nnc("play", "--env", "cartpole", "--model", missing.toString());
    assertEquals(1, run.status());
    assertTrue(run.err().startsWith("error: " + missing + ": no such directory"), run.err());
  }

  @Test
  void anUnknownEnvironmentOrNoWayToActIsAUsageError() {
    CliTest.Run unknown = nnc("play", "--env", "pendulum", "--random");
    assertEquals(2, unknown.status());
    assertTrue(unknown.err().startsWith("error: there is no environment 'pendulum'; the environments are acrobot,"
        + " cartpole, mountain_car"), unknown.err());
    CliTest.Run noPolicy = nnc("play", "--env", "cartpole");
    assertEquals(2, noPolicy.status());
    assertTrue(noPolicy.err().startsWith("error: say how to act: --random, or --model DIR"), noPolicy.err());
    assertEquals(2, nnc("play", "--env", "cartpole", "--random", "--model", dir.toString()).status(), "not both");
    assertEquals(2, nnc("play", "--env", "cartpole", "--random", "--episodes", "0").status());
  }
}
