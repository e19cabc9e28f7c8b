package dev.nnc.runtime.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Exploration, returns and the episode buffer of a policy-gradient job. */
class LearningPiecesTest {
  @Test
  void epsilonFallsLinearlyThenStays() {
    EpsilonGreedy e = new EpsilonGreedy(1.0, 0.05, 10_000, 1);
    assertEquals(1.0, e.epsilon(0));
    assertEquals(0.525, e.epsilon(5_000), 1e-12);
    assertEquals(0.05, e.epsilon(10_000));
    assertEquals(0.05, e.epsilon(1_000_000));
  }

  @Test
  void epsilonGreedyExploresAtTheRateOfEpsilon() {
    float[] q = {0.1f, 0.9f, 0.3f, 0.2f};
    EpsilonGreedy e = new EpsilonGreedy(0.4, 0.4, 0, 3);
    int[] counts = new int[4];
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      counts[e.choose(q, i)]++;
    }
    // The best action: 0.6 greedy plus its quarter of the 0.4 random; the others 0.1 each.
    assertEquals(0.7, counts[1] / (double) n, 0.015);
    assertEquals(0.1, counts[0] / (double) n, 0.01);
    EpsilonGreedy greedy = new EpsilonGreedy(0, 0, 0, 3);
    for (int i = 0; i < 100; i++) {
      assertEquals(1, greedy.choose(q, i));
    }
  }

  @Test
  void explorationResumesWithTheSameDraws() {
    EpsilonGreedy a = new EpsilonGreedy(1.0, 0.1, 100, 7);
    float[] q = {0, 1, 2};
    for (int i = 0; i < 37; i++) {
      a.choose(q, i);
    }
    EpsilonGreedy b = new EpsilonGreedy(1.0, 0.1, 100, 0);
    b.restoreRandomState(a.randomState());
    for (int i = 37; i < 200; i++) {
      assertEquals(a.choose(q, i), b.choose(q, i));
    }
  }

  @Test
  void sampleDrawsFromTheSoftmax() {
    SoftmaxSample s = new SoftmaxSample(4);
    float[] logits = {0f, (float) Math.log(3), 1000f - 1000f};
    int[] counts = new int[3];
    int n = 50_000;
    for (int i = 0; i < n; i++) {
      counts[s.choose(logits, i)]++;
    }
    // softmax(0, ln 3, 0) = (0.2, 0.6, 0.2)
    assertEquals(0.6, counts[1] / (double) n, 0.01);
    assertEquals(0.2, counts[0] / (double) n, 0.01);
    assertEquals(1, new SoftmaxSample(1).choose(new float[] {-1e30f, 5000f}, 0), "large logits do not overflow");
  }

  @Test
  void argmaxTakesTheFirstOfEquals() {
    assertEquals(1, ActionChoice.argmax(new float[] {0, 2, 2, 1}));
    assertEquals(2, new Greedy().choose(new float[] {-3, -2, -1}, 0));
  }

  @Test
  void returnsAreDiscountedToEachEpisodesEnd() {
    float[] rewards = {1, 1, 1, 2, 3};
    boolean[] ends = {false, false, true, false, true};
    // First episode: 1 + .5(1 + .5·1) = 1.75, 1.5, 1; second: 2 + .5·3 = 3.5, 3.
    assertArrayEquals(new float[] {1.75f, 1.5f, 1f, 3.5f, 3f}, DiscountedReturns.of(rewards, ends, 0.5));
    assertArrayEquals(new float[] {3, 2, 1}, DiscountedReturns.of(new float[] {1, 1, 1}, 1.0));
  }

  @Test
  void theEpisodeBufferHandsOverFinishedEpisodesAndKeepsTheOneUnderWay() {
    EpisodeBuffer buffer = new EpisodeBuffer(1);
    add(buffer, 1, false);
    add(buffer, 1, true);
    add(buffer, 5, false);
    assertEquals(1, buffer.finishedEpisodes());
    EpisodeBuffer.Batch batch = buffer.take(0.9);
    assertEquals(2, batch.size());
    assertArrayEquals(new float[] {1.9f, 1f}, batch.returns());
    assertArrayEquals(new float[] {0, 1}, batch.done());
    assertEquals(0, buffer.finishedEpisodes());
    add(buffer, 7, true);
    EpisodeBuffer.Batch next = buffer.take(0.9);
    assertArrayEquals(new float[] {5 + 0.9f * 7, 7}, next.returns(), 1e-5f);
    assertArrayEquals(new float[] {5, 7}, next.reward());
  }

  @Test
  void theEpisodeBufferGrowsPastItsFirstArrays() {
    EpisodeBuffer buffer = new EpisodeBuffer(1);
    for (int i = 0; i < 2000; i++) {
      add(buffer, i, i == 1999);
    }
    EpisodeBuffer.Batch batch = buffer.take(1.0);
    assertEquals(2000, batch.size());
    assertEquals(1999f, batch.state()[1999]);
  }

  private static void add(EpisodeBuffer buffer, float reward, boolean terminated) {
    buffer.add(new Transition(new float[] {reward}, 0, reward, new float[] {reward}, terminated, false));
  }
}
