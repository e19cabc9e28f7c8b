package dev.nnc.compiler.diag;

public enum Severity {
  ERROR,
  WARNING;

  public String label() {
    return name().toLowerCase();
  }
}
