package dev.nnc.runtime.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class RolloutTest {
  @Test
  void episodesFollowOneAnotherAndAreCounted() {
    Rollout rollout = new Rollout(Environments.cartpole(), 1);
    Rng policy = new Rng(9);
    int ended = 0;
    double returns = 0;
    double episodeReturn = 0;
    for (int i = 0; i < 5000; i++) {
      float[] before = rollout.observation();
      Transition t = rollout.act(policy.nextInt(2));
      assertArrayEquals(before, t.state());
      episodeReturn += t.reward();
      if (t.ended()) {
        ended++;
        returns += episodeReturn;
        episodeReturn = 0;
        assertFalse(java.util.Arrays.equals(t.nextState(), rollout.observation()), "the next episode began");
      } else {
        assertArrayEquals(t.nextState(), rollout.observation());
      }
    }
    assertEquals(ended, rollout.stats().finished());
    assertEquals(ended, rollout.episode());
    assertEquals(5000, rollout.steps());
    assertTrue(ended > EpisodeStats.WINDOW);
  }

  @Test
  void aResumedRolloutContinuesExactlyMidEpisode() throws IOException {
    Rollout original = new Rollout(Environments.acrobot(), 77);
    Rng policy = new Rng(3);
    for (int i = 0; i < 1234; i++) {
      original.act(policy.nextInt(3));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    original.writeTo(new DataOutputStream(bytes));
    Rollout resumed = new Rollout(Environments.acrobot(), 77);
    resumed.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    assertArrayEquals(original.observation(), resumed.observation());
    assertEquals(original.steps(), resumed.steps());
    Rng policyCopy = new Rng(policy.state());
    for (int i = 0; i < 2000; i++) {
      Transition a = original.act(policy.nextInt(3));
      Transition b = resumed.act(policyCopy.nextInt(3));
      assertArrayEquals(a.nextState(), b.nextState());
      assertEquals(a.reward(), b.reward());
    }
    assertEquals(original.stats().meanReturn(), resumed.stats().meanReturn());
    assertEquals(original.stats().finished(), resumed.stats().finished());
  }

  @Test
  void anEnvironmentThatIgnoresItsSeedCannotBeResumed() throws IOException {
    Rollout rollout = new Rollout(new FlakyEnvironment(), 1);
    rollout.act(0);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    rollout.writeTo(new DataOutputStream(bytes));
    Rollout resumed = new Rollout(new FlakyEnvironment(), 1);
    EnvironmentException e = assertThrows(EnvironmentException.class,
        () -> resumed.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
    assertTrue(e.getMessage().contains("gave other observations for the same seed and actions"), e.getMessage());
  }

  @Test
  void anObservationOfAnotherSizeThanDeclaredIsAnError() {
    Environment wrong = new Environment() {
      @Override public int[] observationShape() { return new int[] {2, 3}; }
      @Override public int actions() { return 2; }
      @Override public float[] reset(long seed) { return new float[5]; }
      @Override public Step step(int action) { return new Step(new float[6], 0, false, false); }
    };
    EnvironmentException e = assertThrows(EnvironmentException.class, () -> new Rollout(wrong, 1));
    assertTrue(e.getMessage().endsWith(" observes float[2, 3] (6 numbers), but reset gave 5"), e.getMessage());
  }

  @Test
  void episodeStatisticsAreMeansOverTheLastHundredEpisodes() {
    EpisodeStats stats = new EpisodeStats();
    assertTrue(Double.isNaN(stats.meanReturn()));
    for (int i = 1; i <= 150; i++) {
      stats.add(i, 2 * i);
    }
    // Episodes 51 to 150: their mean return is 100.5, their mean length 201.
    assertEquals(100.5, stats.meanReturn(), 1e-12);
    assertEquals(201, stats.meanLength(), 1e-12);
    assertEquals(150, stats.finished());
  }
}
