package dev.nnc.runtime.distributed;

/**
 * The workers that run collective ops together, and the keys that make the ops of one worker meet
 * their counterparts on the others. TensorFlow matches collectives by group key and instance key
 * alone, so every worker must build its collectives in the same order: the keys are handed out
 * here, one per collective op, counting from 1, and the same program gives the same keys everywhere.
 */
public final class CollectiveGroup {
  private final int size;
  private final int groupKey;
  private final ClusterTimeouts timeouts;
  private int instances;

  /** A group of {@code size} members with key {@code groupKey}; {@code timeouts} bound every collective. */
  public CollectiveGroup(int size, int groupKey, ClusterTimeouts timeouts) {
    if (size < 1) {
      throw new IllegalArgumentException("a collective group has at least one member, not " + size);
    }
    this.size = size;
    this.groupKey = groupKey;
    this.timeouts = timeouts;
  }

  /** The group of all workers of {@code task}'s cluster. */
  public static CollectiveGroup of(ClusterTask task, ClusterTimeouts timeouts) {
    return new CollectiveGroup(task.size(), 1, timeouts);
  }

  public int size() {
    return size;
  }

  int groupKey() {
    return groupKey;
  }

  ClusterTimeouts timeouts() {
    return timeouts;
  }

  /** The instance key of the next collective op built. */
  int nextInstanceKey() {
    return ++instances;
  }
}
