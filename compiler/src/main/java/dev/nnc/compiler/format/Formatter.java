package dev.nnc.compiler.format;

import static dev.nnc.grammar.NNLexer.*;

import dev.nnc.compiler.diag.Diagnostics;
import dev.nnc.compiler.source.SourceFile;
import dev.nnc.compiler.syntax.Parser;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * {@code nnc fmt}: the one canonical layout of a {@code .nn} file. It works on tokens, not the tree,
 * because comments are not in the tree: it keeps every token and comment in order and where the user
 * broke lines (blank lines at most one, none after an opening or before a closing brace), and
 * rewrites only the spaces: two per level of nesting at a line's start (two more for a line that
 * continues a statement, such as {@code -> stage} or {@code | map(...)}), and between tokens as
 * {@link Spacing} says. A line longer than {@value #WIDTH} characters with a pipeline at its own
 * level is broken before each {@code ->}, one stage per line.
 */
public final class Formatter {
  static final int WIDTH = 100;
  private static final String INDENT = "  ";

  /** Tokens that end a line whose statement continues on the next. */
  private static final Set<Integer> CONTINUED_AFTER = Set.of(ARROW, BAR, COMMA, ASSIGN, PLUS_ASSIGN, MINUS_ASSIGN,
      COLON, PLUS, MINUS, STAR, SLASH, PERCENT, AT, POW, EQ, NE, LT, LE, GT, GE, AND, OR, NOT, DOTDOT);

  /** Tokens that start a line continuing the statement before (a leading minus may be a number). */
  private static final Set<Integer> CONTINUES = Set.of(ARROW, BAR, ELSE, PLUS, STAR, SLASH, PERCENT, AT, POW, EQ, NE,
      LT, LE, GT, GE, AND, OR, DOT, DOTDOT, ASSIGN);

  private Formatter() {}

  /** The formatted text, or null (with the syntax errors in {@code diagnostics}) when it does not parse. */
  public static String format(SourceFile file, Diagnostics diagnostics) {
    if (Parser.parse(file, diagnostics) == null) {
      return null;
    }
    List<Line> lines = new Formatter().lines(Pieces.of(file.text()));
    StringBuilder out = new StringBuilder();
    for (Line line : lines) {
      for (Line part : line.splitPipeline()) {
        out.append(part.render()).append('\n');
      }
    }
    return out.toString();
  }

  /** An open bracket: its kind, the indentation of the line that opened it, and whether it holds records. */
  private record Open(int type, int indent, boolean records) {}

  private final Deque<Open> open = new ArrayDeque<>();

  private List<Line> lines(List<Piece> pieces) {
    List<Line> lines = new ArrayList<>();
    Line line = null;
    Piece previousToken = null;
    for (Piece piece : pieces) {
      if (line == null || piece.breaksBefore() > 0) {
        boolean blank = piece.breaksBefore() > 1 && line != null && !line.endsWith(LBRACE) && !piece.is(RBRACE);
        if (blank) {
          lines.add(Line.BLANK);
        }
        line = startLine(piece, previousToken);
        lines.add(line);
      }
      boolean records = !open.isEmpty() && open.peek().records() && open.peek().type() == LBRACE;
      line.add(piece, records);
      if (!piece.isComment()) {
        track(piece, previousToken, line.indent);
        previousToken = piece;
      }
    }
    indentCommentLines(lines);
    return lines;
  }

  private Line startLine(Piece first, Piece previousToken) {
    if (first.is(RBRACE) || first.is(RPAREN) || first.is(RBRACK)) {
      int indent = open.isEmpty() ? 0 : open.peek().indent();
      return new Line(indent, indent);
    }
    int base = open.isEmpty() ? 0 : open.peek().indent() + 1;
    boolean statementLevel = open.isEmpty() || open.peek().type() == LBRACE;
    boolean continues = statementLevel && previousToken != null && !first.isComment()
        && (CONTINUES.contains(first.type()) || CONTINUED_AFTER.contains(previousToken.type()));
    return new Line(continues ? base + 1 : base, base);
  }

  private void track(Piece token, Piece previousToken, int lineIndent) {
    int t = token.type();
    if (t == LBRACE || t == LPAREN || t == LBRACK) {
      // Brackets opened on one line indent the lines inside them by one level, not one each.
      boolean records = t == LBRACE && previousToken != null && previousToken.is(RECORDS);
      open.push(new Open(t, lineIndent, records));
    } else if ((t == RBRACE || t == RPAREN || t == RBRACK) && !open.isEmpty()) {
      open.pop();
    }
  }

  /** A comment on a line of its own is indented as the code line after it. */
  private static void indentCommentLines(List<Line> lines) {
    int next = 0;
    for (int i = lines.size() - 1; i >= 0; i--) {
      Line line = lines.get(i);
      if (line == Line.BLANK) {
        continue;
      }
      if (line.onlyComments()) {
        line.indent = next;
      } else {
        next = line.startsWithCloser() ? line.indent + 1 : line.indent;
      }
    }
  }

  /** One output line: its indentation in levels and its pieces, with the spaces between them decided. */
  private static final class Line {
    static final Line BLANK = new Line(0, 0);

    int indent;
    /** The indentation this line would have if it did not continue a statement. */
    final int base;
    final List<Piece> pieces = new ArrayList<>();
    final List<Boolean> spaceBefore = new ArrayList<>();
    boolean previousUnary;

    Line(int indent, int base) {
      this.indent = indent;
      this.base = base;
    }

    void add(Piece piece, boolean inRecords) {
      Piece previous = pieces.isEmpty() ? null : pieces.get(pieces.size() - 1);
      boolean space = previous != null
          && (piece.isComment() || previous.isComment() || Spacing.between(previous, piece, previousUnary));
      pieces.add(piece);
      spaceBefore.add(space);
      previousUnary = piece.is(MINUS) && Spacing.unaryMinus(previous, inRecords);
    }

    boolean endsWith(int type) {
      return !pieces.isEmpty() && pieces.get(pieces.size() - 1).is(type);
    }

    boolean onlyComments() {
      return !pieces.isEmpty() && pieces.stream().allMatch(Piece::isComment);
    }

    boolean startsWithCloser() {
      Piece first = pieces.get(0);
      return first.is(RBRACE) || first.is(RPAREN) || first.is(RBRACK);
    }

    String render() {
      if (pieces.isEmpty()) {
        return "";
      }
      StringBuilder text = new StringBuilder(INDENT.repeat(indent));
      for (int i = 0; i < pieces.size(); i++) {
        Piece piece = pieces.get(i);
        if (spaceBefore.get(i)) {
          // A comment after code on its line is set off by two spaces.
          text.append(piece.kind() == Piece.Kind.LINE_COMMENT ? "  " : " ");
        }
        text.append(piece.text());
      }
      return text.toString();
    }

    /** This line, or, when it is too long, its parts broken before each {@code ->} at its own level. */
    List<Line> splitPipeline() {
      if (render().length() <= WIDTH) {
        return List.of(this);
      }
      List<Line> parts = new ArrayList<>();
      Line part = new Line(indent, base);
      int depth = 0;
      for (int i = 0; i < pieces.size(); i++) {
        Piece piece = pieces.get(i);
        if (piece.is(ARROW) && depth == 0 && i > 0) {
          parts.add(part);
          part = new Line(base + 1, base);
          part.pieces.add(piece);
          part.spaceBefore.add(false);
          continue;
        }
        part.pieces.add(piece);
        part.spaceBefore.add(spaceBefore.get(i));
        depth += opens(piece) ? 1 : closes(piece) ? -1 : 0;
        if (depth < 0) {
          return List.of(this);
        }
      }
      parts.add(part);
      return parts;
    }

    private static boolean opens(Piece p) {
      return p.is(LPAREN) || p.is(LBRACK) || p.is(LBRACE);
    }

    private static boolean closes(Piece p) {
      return p.is(RPAREN) || p.is(RBRACK) || p.is(RBRACE);
    }
  }
}
