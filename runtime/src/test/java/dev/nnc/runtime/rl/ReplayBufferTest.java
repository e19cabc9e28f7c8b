package dev.nnc.runtime.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ReplayBufferTest {
  /** Transition i: state (i, -i), action i % 3, reward i / 10, next state (i + 1, -i - 1), done every 7th. */
  private static void addNumbered(ReplayBuffer buffer, int i) {
    buffer.add(new float[] {i, -i}, i % 3, i / 10f, new float[] {i + 1, -i - 1}, i % 7 == 0);
  }

  @Test
  void aBatchHoldsWholeTransitionsFlat() {
    ReplayBuffer buffer = new ReplayBuffer(100, 2, 1);
    for (int i = 0; i < 50; i++) {
      addNumbered(buffer, i);
    }
    ReplayBuffer.Batch batch = buffer.sample(32);
    for (int r = 0; r < 32; r++) {
      int i = (int) batch.state[2 * r];
      assertTrue(i >= 0 && i < 50);
      assertEquals(-i, batch.state[2 * r + 1]);
      assertEquals(i % 3, batch.action[r]);
      assertEquals(i / 10f, batch.reward[r]);
      assertEquals(i + 1, batch.nextState[2 * r]);
      assertEquals(-i - 1, batch.nextState[2 * r + 1]);
      assertEquals(i % 7 == 0 ? 1f : 0f, batch.done[r]);
    }
  }

  @Test
  void theRingKeepsTheLastCapacityTransitions() {
    ReplayBuffer buffer = new ReplayBuffer(10, 2, 2);
    for (int i = 0; i < 25; i++) {
      addNumbered(buffer, i);
    }
    assertEquals(10, buffer.size());
    ReplayBuffer.Batch batch = buffer.sample(1000);
    int[] counts = new int[25];
    for (int r = 0; r < batch.size; r++) {
      counts[(int) batch.state[2 * r]]++;
    }
    for (int i = 0; i < 25; i++) {
      if (i < 15) {
        assertEquals(0, counts[i], "transition " + i + " was overwritten");
      } else {
        // Uniform: each of the 10 is drawn about 100 times in 1000 (the standard deviation is 9.5).
        assertEquals(100, counts[i], 40, "transition " + i);
      }
    }
  }

  @Test
  void theSameSeedDrawsTheSameBatches() {
    ReplayBuffer a = new ReplayBuffer(64, 2, 5);
    ReplayBuffer b = new ReplayBuffer(64, 2, 5);
    for (int i = 0; i < 64; i++) {
      addNumbered(a, i);
      addNumbered(b, i);
    }
    assertArrayEquals(a.sample(16).state, b.sample(16).state);
  }

  @Test
  void aSavedBufferResumesExactly() throws IOException {
    ReplayBuffer original = new ReplayBuffer(30, 2, 8);
    for (int i = 0; i < 47; i++) {
      addNumbered(original, i);
    }
    original.sample(5);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    original.writeTo(new DataOutputStream(bytes));
    ReplayBuffer resumed = new ReplayBuffer(30, 2, 999);
    resumed.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    assertEquals(original.size(), resumed.size());
    for (int round = 0; round < 3; round++) {
      // Adding goes on at the same place of the ring, and sampling with the same draws.
      addNumbered(original, 100 + round);
      addNumbered(resumed, 100 + round);
      ReplayBuffer.Batch a = original.sample(20);
      ReplayBuffer.Batch b = resumed.sample(20);
      assertArrayEquals(a.state, b.state);
      assertArrayEquals(a.action, b.action);
      assertArrayEquals(a.reward, b.reward);
      assertArrayEquals(a.nextState, b.nextState);
      assertArrayEquals(a.done, b.done);
    }
  }

  @Test
  void aBufferOfOtherSizesIsNotRestored() throws IOException {
    ReplayBuffer original = new ReplayBuffer(30, 2, 8);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    original.writeTo(new DataOutputStream(bytes));
    ReplayBuffer other = new ReplayBuffer(40, 2, 8);
    IOException e = assertThrows(IOException.class,
        () -> other.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
    assertEquals("the saved replay buffer holds 30 observations of 2 numbers, this one 40 of 2", e.getMessage());
  }

  @Test
  void sampleAnEmptyBufferOrAMismatchedTransitionIsAnError() {
    ReplayBuffer buffer = new ReplayBuffer(10, 2, 1);
    assertThrows(IllegalStateException.class, () -> buffer.sample(1));
    assertThrows(IllegalArgumentException.class,
        () -> buffer.add(new float[3], 0, 0, new float[3], false));
  }
}
