package dev.nnc.runtime.data;

/** A problem with the user's data (a missing file, a bad format, a wrong shape), for the user. */
public class DataException extends RuntimeException {
  public DataException(String message) {
    super(message);
  }

  public DataException(String message, Throwable cause) {
    super(message, cause);
  }
}
