package dev.nnc.runtime.train;

import dev.nnc.runtime.data.Batch;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;

/**
 * Gathers the batches of one pass on a background thread, a few ahead of the training loop, so that
 * copying records overlaps with the session's work. A batch from {@link #next} may be read until the
 * following call to {@code next}, which hands its arrays back for a later batch to reuse: a step
 * wraps the batch in tensors, runs and closes them before the loop asks for the next batch, so the
 * arrays are never refilled while a step still reads them (today's tensors copy the arrays anyway,
 * but a feed that wrapped them in place would stay correct). Reuse keeps a pass to a few batches'
 * worth of arrays instead of a new set per step.
 */
final class Prefetcher implements Iterator<Batch>, AutoCloseable {
  private static final int AHEAD = 3;

  private sealed interface Item {}

  private record Next(Batch batch) implements Item {}

  private record End() implements Item {}

  private record Failed(Throwable error) implements Item {}

  private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(AHEAD);
  private final Thread thread;
  private Item head;
  /** The batch handed out last, released when the next one is asked for. */
  private Batch current;

  /** Starts gathering; {@code source} is called on the background thread. */
  Prefetcher(Supplier<Iterator<Batch>> source) {
    thread = new Thread(() -> produce(source), "nnc-batches");
    thread.setDaemon(true);
    thread.start();
  }

  private void produce(Supplier<Iterator<Batch>> source) {
    try {
      try {
        Iterator<Batch> batches = source.get();
        while (batches.hasNext()) {
          queue.put(new Next(batches.next()));
        }
        queue.put(new End());
      } catch (RuntimeException | Error e) {
        // Whatever ends this thread must reach the consumer, or it would wait forever.
        queue.put(new Failed(e));
      }
    } catch (InterruptedException e) {
      // Closed before the pass ended: nobody waits for the rest.
    }
  }

  @Override
  public boolean hasNext() {
    if (head == null) {
      head = take();
    }
    if (head instanceof Failed failed) {
      if (failed.error() instanceof Error error) {
        throw error;
      }
      throw (RuntimeException) failed.error();
    }
    return head instanceof Next;
  }

  @Override
  public Batch next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    if (current != null) {
      current.release();
    }
    current = ((Next) head).batch();
    head = null;
    return current;
  }

  private Item take() {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TrainException("interrupted while waiting for the next batch", e);
    }
  }

  @Override
  public void close() {
    thread.interrupt();
  }
}
