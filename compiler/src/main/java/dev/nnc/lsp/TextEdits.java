package dev.nnc.lsp;

import dev.nnc.compiler.source.SourceFile;
import java.util.List;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * Incremental synchronisation: a document's text after the changes of one {@code didChange}, applied
 * in order, each replacing its range (the whole text when it has none). A range past the end of a
 * line or of the text is clamped to it, as editors that race with the server may send.
 */
final class TextEdits {
  private TextEdits() {}

  static String apply(String text, List<TextDocumentContentChangeEvent> changes) {
    String current = text;
    for (TextDocumentContentChangeEvent change : changes) {
      if (change.getRange() == null) {
        current = change.getText();
        continue;
      }
      SourceFile file = new SourceFile("", current);
      int start = Positions.offset(file, change.getRange().getStart());
      int end = Math.max(start, Positions.offset(file, change.getRange().getEnd()));
      current = current.substring(0, start) + change.getText() + current.substring(end);
    }
    return current;
  }
}
