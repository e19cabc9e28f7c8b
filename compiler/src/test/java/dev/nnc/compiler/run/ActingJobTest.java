package dev.nnc.compiler.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.compiler.Compilation;
import dev.nnc.compiler.diag.HumanRenderer;
import dev.nnc.compiler.source.SourceFile;
import dev.nnc.runtime.train.EpochResult;
import dev.nnc.runtime.train.TrainOptions;
import dev.nnc.runtime.train.TrainResult;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs with {@code env:} (LANGUAGE.md §7.5) end to end, on small Q-networks: one clock of
 * environment steps (a row per 1,000), the same seed giving the same run, the warm-up and
 * {@code learn_every} deciding when the step learns, and {@code sync} copying or averaging weights.
 */
class ActingJobTest {
  private static final String QNET = """
      model QNet(actions: int) {
        input state: float[OBS]
        output q = state -> dense(16) -> relu -> dense(actions)
      }
      """;

  @TempDir Path dir;

  private TrainResult train(String env, int observation, String settings, String sync, long seed) throws Exception {
    return train(env, observation, settings, sync, TrainOptions.builder().seed(seed)
        .logDir(dir.resolve("log-" + System.nanoTime())));
  }

  private TrainResult train(String env, int observation, String settings, String sync, TrainOptions.Builder options)
      throws Exception {
    String text = QNET.replace("OBS", Integer.toString(observation)) + """
        train dqn {
          env: ENV
          let q = QNet(actions: ACTIONS)
          let target = QNet(actions: ACTIONS)
          SETTINGS
          batch: 16
          step {
            let y = reward + 0.99 * (1 - done) * max(target(next_state), axis: -1)
            let loss = huber(pick(q(state), action), stop_gradient(y))
            minimize q: loss with adam(lr: 1e-3)
            report loss, gap: mean(abs(q(state) - target(state)))
          }
          SYNC
        }
        """.replace("ENV", env).replace("ACTIONS", env.startsWith("cartpole") ? "2" : "3")
        .replace("SETTINGS", settings).replace("SYNC", sync);
    Path source = Files.writeString(dir.resolve("dqn.nn"), text);
    Compilation c = Compilation.of(new SourceFile(source.toString(), text), List.of());
    assertTrue(c.succeeded(), () -> c.diagnostics().stream().map(HumanRenderer::render).collect(Collectors.joining("\n")));
    return JobRunner.run(c.program(), "dqn", List.of(), options.out(new PrintStream(OutputStream.nullOutputStream())).build());
  }

  private static List<Map<String, Double>> rows(TrainResult result) {
    return result.epochs().stream().map(EpochResult::values).toList();
  }

  @Test
  void theSameSeedGivesTheSameRunAndAnotherSeedAnother() throws Exception {
    String settings = "act: epsilon_greedy(q(state), from: 1.0, to: 0.1, over: 1000 steps)\n"
        + "replay: 500\nwarmup: 200 steps\nsteps: 2000\nlearn_every: 4\nupdates: 2";
    TrainResult first = train("cartpole()", 4, settings, "every(50 steps) { sync target: q }", 7);
    TrainResult again = train("cartpole()", 4, settings, "every(50 steps) { sync target: q }", 7);
    TrainResult other = train("cartpole()", 4, settings, "every(50 steps) { sync target: q }", 8);
    assertEquals(2, first.epochs().size(), "a row per 1,000 environment steps");
    assertEquals(rows(first), rows(again));
    assertNotEquals(rows(first), rows(other));
    Map<String, Double> row = first.epochs().get(0).values();
    assertEquals(List.of("episode_return", "episode_length", "epsilon", "loss", "gap"), List.copyOf(row.keySet()));
    // Epsilon falls linearly over 1,000 steps: 1 - 0.9 * 999 / 1000 at the first row's last step.
    assertEquals(1 - 0.9 * 999 / 1000, row.get("epsilon"), 1e-9);
    assertEquals(0.1, first.last().value("epsilon"), 1e-9);
  }

  /**
   * Stopped after 1,300 steps and resumed from its checkpoint at 1,000, a run goes on exactly as one
   * that never stopped: the episode under way, exploration's draws and the replay buffer come back
   * with the weights.
   */
  @Test
  void aResumedRunEndsExactlyAsAnUninterruptedOne() throws Exception {
    String settings = "act: epsilon_greedy(q(state), from: 1.0, to: 0.1, over: 1500 steps)\n"
        + "replay: 800\nwarmup: 300 steps\nsteps: 2500\nlearn_every: 2\ncheckpoint: every(500 steps)";
    String sync = "every(50 steps) { sync target: q }";
    Path straight = dir.resolve("straight");
    Path stopped = dir.resolve("stopped");
    TrainResult whole = train("cartpole()", 4, settings, sync, TrainOptions.builder().logDir(straight));
    train("cartpole()", 4, settings, sync, TrainOptions.builder().logDir(stopped).maxSteps(1300));
    TrainResult resumed = train("cartpole()", 4, settings, sync, TrainOptions.builder().logDir(stopped).resume(true));
    assertEquals(whole.stepLosses().subList(1000, 2500), resumed.stepLosses());
    assertEquals(Files.readString(straight.resolve("metrics.csv")), Files.readString(stopped.resolve("metrics.csv")));
  }

  @Test
  void nothingIsLearnedDuringTheWarmUp() throws Exception {
    TrainResult result = train("mountain_car()", 2, "act: argmax(q(state))\nreplay: 2000\nwarmup: 1000 steps\nsteps: 2000",
        "every(100 steps) { sync target: q }", 1);
    assertEquals(0.0, result.epochs().get(0).value("loss"), "no update in the first 1,000 steps");
    assertTrue(result.last().value("loss") > 0, "updates after the warm-up");
    // MountainCar-v0: -1 a step, cut off after 200 steps.
    double length = result.last().value("episode_length");
    assertTrue(length > 0 && length <= 200, "episode_length " + length);
    assertEquals(-length, result.last().value("episode_return"), 1e-9);
  }

  @Test
  void syncMakesTheTargetTheModelAndTauMovesItPartWay() throws Exception {
    String settings = "act: sample(q(state))\nreplay: 1000\nwarmup: 100 steps\nsteps: 600";
    // Synced after every step, the target is q as it was before the latest update; moved half the
    // way, a few updates behind; never synced, another network altogether.
    double synced = train("cartpole()", 4, settings, "every(1 steps) { sync target: q }", 3).last().value("gap");
    double polyak = train("cartpole()", 4, settings, "every(1 steps) { sync target: q, tau: 0.5 }", 3).last().value("gap");
    double never = train("cartpole()", 4, settings, "", 3).last().value("gap");
    assertTrue(synced < polyak && polyak < never, "gaps: synced " + synced + ", tau 0.5 " + polyak + ", never " + never);
  }
}
