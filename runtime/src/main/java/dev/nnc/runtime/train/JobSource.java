package dev.nnc.runtime.train;

import java.util.Objects;

/** The {@code .nn} file a job was compiled from: its name (no directories) and its whole text. */
public record JobSource(String name, String text) {
  public JobSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
  }
}
