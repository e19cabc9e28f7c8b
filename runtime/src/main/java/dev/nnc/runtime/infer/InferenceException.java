package dev.nnc.runtime.infer;

/**
 * A problem with an exported model or what it is asked to predict: a missing directory, an input of
 * the wrong size, a file that cannot be read. The message is written for the user.
 */
public final class InferenceException extends RuntimeException {
  public InferenceException(String message) {
    super(message);
  }

  public InferenceException(String message, Throwable cause) {
    super(message, cause);
  }
}
