package dev.nnc.compiler.syntax;

import dev.nnc.compiler.diag.Code;
import dev.nnc.compiler.diag.Diagnostic;
import dev.nnc.compiler.diag.Diagnostics;
import dev.nnc.compiler.source.SourceFile;
import dev.nnc.compiler.source.Span;
import dev.nnc.grammar.NNLexer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Turns ANTLR's syntax errors into diagnostics in the user's words: "expected `)`, found `{`" rather
 * than rule and token names. One error per line: recovery after the first mistake on a line tends
 * to produce echoes of it.
 */
final class SyntaxErrors extends BaseErrorListener {
  private final SourceFile file;
  private final Diagnostics diagnostics;
  private final Set<Integer> linesReported = new HashSet<>();

  SyntaxErrors(SourceFile file, Diagnostics diagnostics) {
    this.file = file;
    this.diagnostics = diagnostics;
  }

  private CommonTokenStream tokens;

  int count() {
    return linesReported.size();
  }

  /** The tokens being parsed, to find the bracket an error leaves open. */
  void watch(CommonTokenStream tokens) {
    this.tokens = tokens;
  }

  /**
   * Reports every character the lexer could not use, where it stands, before parsing: otherwise the
   * parser reports the token before it, which points at the wrong place.
   */
  void reportBadCharacters(CommonTokenStream all) {
    all.fill();
    for (Token token : all.getTokens()) {
      if (token.getType() == NNLexer.BAD_CHAR && linesReported.add(token.getLine())) {
        diagnostics.report(badCharacter(new Span(file, token.getStartIndex(), token.getStopIndex() + 1), token.getText()));
      }
    }
  }

  @Override
  public void syntaxError(
      Recognizer<?, ?> recognizer, Object offending, int line, int column, String msg, RecognitionException e) {
    if (!linesReported.add(line)) {
      return;
    }
    Token token = offending instanceof Token t ? t : null;
    Span span = spanOf(token, line, column);
    if (token != null && token.getType() == NNLexer.BAD_CHAR) {
      diagnostics.report(badCharacter(span, token.getText()));
      return;
    }
    String found = token == null ? "end of line" : describe(token);
    IntervalSet expectedTokens = recognizer instanceof Parser parser ? parser.getExpectedTokens() : new IntervalSet();
    if (token != null && isOpener(token.getType()) && reportInside(token)) {
      return;
    }
    Token opener = token == null ? null : unclosedOpener(token);
    if (opener != null) {
      String close = closerOf(opener.getType());
      diagnostics.report(Diagnostic.at(Code.NN0001, span,
              "expected `" + close + "` to close the `" + opener.getText() + "` on line " + opener.getLine() + ", found " + found)
          .label(new Span(file, opener.getStartIndex(), opener.getStopIndex() + 1), "opened here"));
      return;
    }
    String expected = expected(expectedTokens);
    diagnostics.report(Diagnostic.at(Code.NN0001, span,
        expected == null ? "unexpected " + found : "expected " + expected + ", found " + found));
  }

  private static Diagnostic badCharacter(Span span, String text) {
    if (text.equals("\"")) {
      return Diagnostic.at(Code.NN0002, span, "unterminated string")
          .note("this string is not closed")
          .help("close the string with `\"` on the same line");
    }
    return Diagnostic.at(Code.NN0002, span, "unexpected character `" + text + "`");
  }

  /**
   * The innermost bracket still open before {@code at}, when the error is that it is never closed:
   * the token at the error is a closer of another kind, a statement keyword, or the end of the file.
   */
  private Token unclosedOpener(Token at) {
    if (tokens == null || !(at.getType() == Token.EOF || isCloser(at.getType()) || startsStatement(at.getType()))) {
      return null;
    }
    Deque<Token> open = new ArrayDeque<>();
    for (Token t : tokens.get(0, Math.max(0, at.getTokenIndex() - 1))) {
      if (t.getType() == NNLexer.LPAREN || t.getType() == NNLexer.LBRACK || t.getType() == NNLexer.LBRACE) {
        open.push(t);
      } else if (isCloser(t.getType()) && !open.isEmpty()) {
        open.pop();
      }
    }
    if (open.isEmpty() || closerOf(open.peek().getType()).equals(at.getText())) {
      return null;
    }
    Token top = open.peek();
    // An open `{` before a statement keyword is a normal block: only brackets inside expressions count there.
    return top.getType() == NNLexer.LBRACE && at.getType() != Token.EOF ? null : top;
  }

  /**
   * ANTLR reports a broken bracketed list at its opening bracket. Look inside for the real mistake: a
   * bracket that is never closed, or two arguments with no comma between them.
   */
  private boolean reportInside(Token opener) {
    if (tokens == null) {
      return false;
    }
    List<Token> after = tokens.get(opener.getTokenIndex() + 1, tokens.size() - 1);
    int depth = 0;
    Token previous = opener;
    for (Token t : after) {
      if (depth == 0 && isCloser(t.getType())) {
        if (!closerOf(opener.getType()).equals(t.getText())) {
          break;
        }
        return false;
      }
      if (depth == 0 && endsOperand(previous.getType()) && startsOperand(t.getType())) {
        diagnostics.report(Diagnostic.at(Code.NN0001, spanOf(t, t.getLine(), t.getCharPositionInLine()),
                "expected `,` or `" + closerOf(opener.getType()) + "`, found " + describe(t))
            .help("separate arguments with `,`"));
        return true;
      }
      depth += isOpener(t.getType()) ? 1 : isCloser(t.getType()) ? -1 : 0;
      previous = t;
    }
    Span at = new Span(file, opener.getStartIndex(), opener.getStopIndex() + 1);
    diagnostics.report(Diagnostic.at(Code.NN0001, at, "this `" + opener.getText() + "` is never closed")
        .help("add `" + closerOf(opener.getType()) + "` where the list ends"));
    return true;
  }

  private static boolean isOpener(int type) {
    return type == NNLexer.LPAREN || type == NNLexer.LBRACK;
  }

  private static boolean endsOperand(int type) {
    return type == NNLexer.IDENT || type == NNLexer.INT || type == NNLexer.FLOAT || type == NNLexer.STRING
        || type == NNLexer.RPAREN || type == NNLexer.RBRACK;
  }

  private static boolean startsOperand(int type) {
    return type == NNLexer.IDENT || type == NNLexer.INT || type == NNLexer.FLOAT || type == NNLexer.STRING;
  }

  private static boolean isCloser(int type) {
    return type == NNLexer.RPAREN || type == NNLexer.RBRACK || type == NNLexer.RBRACE;
  }

  private static boolean startsStatement(int type) {
    return type == NNLexer.INPUT || type == NNLexer.OUTPUT || type == NNLexer.LET || type == NNLexer.PARAM
        || type == NNLexer.MODEL || type == NNLexer.DATA || type == NNLexer.TRAIN;
  }

  private static String closerOf(int openerType) {
    return openerType == NNLexer.LPAREN ? ")" : openerType == NNLexer.LBRACK ? "]" : "}";
  }

  private Span spanOf(Token token, int line, int column) {
    if (token != null && token.getType() != Token.EOF && token.getStartIndex() >= 0) {
      return new Span(file, token.getStartIndex(), token.getStopIndex() + 1);
    }
    int offset = token != null && token.getStartIndex() >= 0 ? token.getStartIndex() : file.text().length();
    return new Span(file, offset, offset);
  }

  private static String describe(Token token) {
    if (token.getType() == Token.EOF) {
      return "end of file";
    }
    return "`" + token.getText() + "`";
  }

  /** A short list of what could come next, or null when it is too long to help. */
  private static String expected(IntervalSet set) {
    List<Integer> types = set.toList();
    if (types.contains(NNLexer.IDENT) && types.contains(NNLexer.INT) && types.size() > 6) {
      return "an expression";
    }
    if (types.isEmpty() || types.size() > 5) {
      return null;
    }
    return types.stream().map(SyntaxErrors::tokenName).distinct().collect(Collectors.joining(" or "));
  }

  private static String tokenName(int type) {
    return switch (type) {
      case NNLexer.IDENT, NNLexer.STEP_WORDS, NNLexer.SIZE_UNIT -> "a name";
      case NNLexer.INT, NNLexer.FLOAT -> "a number";
      case NNLexer.STRING -> "a string";
      case Token.EOF -> "end of file";
      default -> {
        String literal = NNLexer.VOCABULARY.getLiteralName(type);
        yield literal == null ? NNLexer.VOCABULARY.getDisplayName(type) : "`" + literal.replace("'", "") + "`";
      }
    };
  }
}
