package dev.nnc.compiler.format;

import dev.nnc.compiler.syntax.Tokens;
import dev.nnc.grammar.NNLexer;
import java.util.ArrayList;
import java.util.List;

/**
 * Source text to {@link Piece}s. The lexer drops line and block comments, so they are recovered from
 * the text between tokens, which (in a file that parses) holds nothing but white space and comments.
 */
final class Pieces {
  private Pieces() {}

  static List<Piece> of(String text) {
    List<Piece> pieces = new ArrayList<>();
    int pos = 0;
    for (Tokens.Token token : Tokens.of(text)) {
      int breaks = gap(text, pos, token.start(), pieces);
      Piece.Kind kind = token.type() == NNLexer.DOC_COMMENT ? Piece.Kind.LINE_COMMENT : Piece.Kind.TOKEN;
      pieces.add(new Piece(kind, token.type(), token.text(), breaks));
      pos = token.stop() + 1;
    }
    gap(text, pos, text.length(), pieces);
    return pieces;
  }

  /** Adds the comments between {@code from} and {@code to}; returns the line breaks after the last. */
  private static int gap(String text, int from, int to, List<Piece> pieces) {
    int breaks = 0;
    int i = from;
    while (i < to) {
      char c = text.charAt(i);
      if (c == '\n') {
        breaks++;
        i++;
      } else if (text.startsWith("//", i)) {
        int end = text.indexOf('\n', i);
        end = end < 0 || end > to ? to : end;
        pieces.add(new Piece(Piece.Kind.LINE_COMMENT, 0, text.substring(i, end).stripTrailing(), breaks));
        breaks = 0;
        i = end;
      } else if (text.startsWith("/*", i)) {
        int end = text.indexOf("*/", i + 2) + 2;
        pieces.add(new Piece(Piece.Kind.BLOCK_COMMENT, 0, text.substring(i, end), breaks));
        breaks = 0;
        i = end;
      } else {
        i++;
      }
    }
    return breaks;
  }
}
