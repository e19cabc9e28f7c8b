package dev.nnc.runtime.distributed;

import java.time.Duration;

/**
 * How long a worker waits before it gives up on the others, so that a dead or unreachable worker
 * stops the cluster with an error instead of a hang.
 *
 * @param startup how long the workers may take to come up: all servers reachable and the weights
 *     broadcast (TensorFlow's servers start in 1.4 to 4.7 s on two cores, and the JVMs at different times)
 * @param step how long one collective (an all-reduce of a step's gradients) may wait for the others
 */
public record ClusterTimeouts(Duration startup, Duration step) {
  public static final ClusterTimeouts DEFAULT = new ClusterTimeouts(Duration.ofSeconds(120), Duration.ofSeconds(30));

  public ClusterTimeouts {
    if (startup.isNegative() || startup.isZero() || step.isNegative() || step.isZero()) {
      throw new IllegalArgumentException("timeouts must be positive, not " + startup + " and " + step);
    }
  }

  /** {@link #step} in whole seconds, at least 1, as a collective op's {@code timeout_seconds} takes it. */
  float stepSeconds() {
    return Math.max(1, step.toSeconds());
  }

  float startupSeconds() {
    return Math.max(1, startup.toSeconds());
  }
}
