package dev.nnc.compiler.source;

/** A range of a source file, by character offsets: {@code start} inclusive, {@code end} exclusive. */
public record Span(SourceFile file, int start, int end) {
  public int line() {
    return file.line(start);
  }

  public int column() {
    return file.column(start);
  }

  /** The smallest span covering both. */
  public Span to(Span other) {
    return new Span(file, Math.min(start, other.start), Math.max(end, other.end));
  }

  public String text() {
    return file.text().substring(start, end);
  }

  @Override
  public String toString() {
    return file.name() + ":" + line() + ":" + column();
  }
}
