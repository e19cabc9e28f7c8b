package dev.nnc.runtime.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint's acting state: a resumed DQN or REINFORCE run acts and learns from the same data. */
class ActingStateTest {
  @TempDir Path dir;

  /** Acts {@code steps} times epsilon-greedily on Q-values that are the observation's first two numbers. */
  private static void act(ActingState s, long from, int steps) {
    for (long i = from; i < from + steps; i++) {
      float[] obs = s.rollout().observation();
      Transition t = s.rollout().act(s.act().choose(new float[] {obs[0], obs[1]}, i));
      if (s.replay() != null) {
        s.replay().add(t);
      }
      if (s.episodes() != null) {
        s.episodes().add(t);
      }
    }
  }

  private static ActingState dqn(long seed) {
    return new ActingState(new Rollout(Environments.cartpole(), seed), new EpsilonGreedy(1, 0.05, 1000, seed),
        new ReplayBuffer(500, 4, seed), null);
  }

  @Test
  void aResumedDqnRunDrawsTheSameBatches() throws IOException {
    ActingState original = dqn(3);
    act(original, 0, 777);
    Path file = dir.resolve(ActingState.FILE_NAME);
    original.save(file);
    ActingState resumed = dqn(3);
    resumed.restore(file);
    act(original, 777, 300);
    act(resumed, 777, 300);
    assertArrayEquals(original.replay().sample(32).state, resumed.replay().sample(32).state);
    assertEquals(original.rollout().stats().meanReturn(), resumed.rollout().stats().meanReturn());
    assertEquals(original.act().randomState(), resumed.act().randomState());
  }

  @Test
  void aResumedPolicyGradientRunGathersTheSameEpisodes() throws IOException {
    ActingState original = new ActingState(new Rollout(Environments.acrobot(), 5), new SoftmaxSample(5), null,
        new EpisodeBuffer(6));
    act(original, 0, 620); // one episode finished (500 steps at most), the next under way
    Path file = dir.resolve(ActingState.FILE_NAME);
    original.save(file);
    ActingState resumed = new ActingState(new Rollout(Environments.acrobot(), 5), new SoftmaxSample(0), null,
        new EpisodeBuffer(6));
    resumed.restore(file);
    act(original, 620, 500);
    act(resumed, 620, 500);
    EpisodeBuffer.Batch a = original.episodes().take(0.99);
    EpisodeBuffer.Batch b = resumed.episodes().take(0.99);
    assertTrue(a.size() > 0);
    assertArrayEquals(a.state(), b.state());
    assertArrayEquals(a.action(), b.action());
    assertArrayEquals(a.returns(), b.returns());
  }

  @Test
  void aCheckpointOfAnotherKindOfJobOrACutFileIsRefused() throws IOException {
    ActingState original = dqn(1);
    act(original, 0, 50);
    Path file = dir.resolve(ActingState.FILE_NAME);
    original.save(file);
    ActingState noReplay = new ActingState(new Rollout(Environments.cartpole(), 1), new EpsilonGreedy(1, 0.05, 1000, 1),
        null, new EpisodeBuffer(4));
    IOException e = assertThrows(IOException.class, () -> noReplay.restore(file));
    assertEquals(file + " holds a replay buffer, but this job has no replay:", e.getMessage());
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 10));
    IOException cut = assertThrows(IOException.class, () -> dqn(1).restore(file));
    assertEquals(file + " is cut short", cut.getMessage());
  }
}
