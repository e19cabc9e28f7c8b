package dev.nnc.compiler.syntax;

import dev.nnc.compiler.diag.Code;
import dev.nnc.compiler.diag.Diagnostic;
import dev.nnc.compiler.diag.Diagnostics;
import dev.nnc.compiler.source.SourceFile;
import dev.nnc.compiler.source.Span;
import dev.nnc.grammar.NNLexer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.BaseErrorListener;
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

  int count() {
    return linesReported.size();
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
    String expected = recognizer instanceof Parser parser ? expected(parser.getExpectedTokens()) : null;
    Diagnostic d = Diagnostic.at(Code.NN0001, span,
        expected == null ? "unexpected " + found : "expected " + expected + ", found " + found);
    diagnostics.report(d);
  }

  private static Diagnostic badCharacter(Span span, String text) {
    Diagnostic d = Diagnostic.at(Code.NN0002, span, "unexpected character `" + text + "`");
    if (text.equals("\"")) {
      return d.note("this string is not closed").help("close the string with `\"` on the same line");
    }
    return d;
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
