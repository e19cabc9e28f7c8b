package dev.nnc.runtime.distributed;

/**
 * Something about a cluster that the user can fix or must know: a malformed cluster description, a
 * port in use, a worker that died or cannot be reached. The message says which file or worker and
 * what is wrong; it is meant to be printed as it is, without a stack trace.
 */
public final class ClusterException extends RuntimeException {
  public ClusterException(String message) {
    super(message);
  }

  public ClusterException(String message, Throwable cause) {
    super(message, cause);
  }
}
