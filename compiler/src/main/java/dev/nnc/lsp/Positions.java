package dev.nnc.lsp;

import dev.nnc.compiler.source.SourceFile;
import dev.nnc.compiler.source.Span;
import java.net.URI;
import java.nio.file.Path;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Between the compiler's places (files named by path, 1-based lines and columns) and the protocol's
 * (documents named by URI, 0-based lines and UTF-16 characters, which Java's string offsets already are).
 */
final class Positions {
  private static final LibraryFiles LIBRARY = LibraryFiles.inTemporaryDirectory();

  private Positions() {}

  static Range range(Span span) {
    SourceFile file = span.file();
    return new Range(position(file, span.start()), position(file, span.end()));
  }

  static Location location(Span span) {
    return new Location(uri(span.file()), range(span));
  }

  static int offset(SourceFile file, Position position) {
    return file.offset(position.getLine() + 1, position.getCharacter() + 1);
  }

  /**
   * The file name the compiler gets for a document: its path for a {@code file:} URI, so that
   * {@code import "blocks.nn"} and data files are found beside it; the URI itself otherwise.
   */
  static String fileName(String uri) {
    URI parsed = URI.create(uri);
    return "file".equals(parsed.getScheme()) ? Path.of(parsed).toString() : uri;
  }

  /**
   * The URI of a file the compiler read: a path, a class-path resource of the standard library (a
   * copy of it, when it is in a jar: see {@link LibraryFiles}), or a URI.
   */
  static String uri(SourceFile file) {
    String name = file.name();
    if (name.matches("[a-zA-Z][a-zA-Z0-9+.-]+:.*")) {
      return name;
    }
    var resource = Positions.class.getClassLoader().getResource(name);
    if (resource != null && !Path.of(name).isAbsolute()) {
      if (resource.getProtocol().equals("jar")) {
        return LIBRARY.fileFor(resource, Path.of(name).getFileName().toString())
            .map(copy -> copy.toUri().toString()).orElse(resource.toString());
      }
      return resource.toString();
    }
    return Path.of(name).toAbsolutePath().toUri().toString();
  }

  private static Position position(SourceFile file, int offset) {
    return new Position(file.line(offset) - 1, file.column(offset) - 1);
  }
}
