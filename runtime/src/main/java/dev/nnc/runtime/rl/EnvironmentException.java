package dev.nnc.runtime.rl;

/** An environment that cannot be made or that broke its contract, for a reason its message tells the user. */
public class EnvironmentException extends RuntimeException {
  public EnvironmentException(String message) {
    super(message);
  }

  public EnvironmentException(String message, Throwable cause) {
    super(message, cause);
  }
}
