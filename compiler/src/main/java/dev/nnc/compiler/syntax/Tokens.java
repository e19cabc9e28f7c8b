package dev.nnc.compiler.syntax;

import dev.nnc.grammar.NNLexer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;

/**
 * The tokens of a text as the language's lexer reads it, for tools that work on tokens rather than
 * on the tree ({@code nnc fmt}). Errors are not reported here: a text is lexed for layout only
 * after it parsed. Token types are the lexer's constants ({@code NNLexer.LBRACE}).
 */
public final class Tokens {
  /** One token: its type, its text and where it starts and ends (inclusive) in the text. */
  public record Token(int type, String text, int start, int stop) {}

  private Tokens() {}

  public static List<Token> of(String text) {
    NNLexer lexer = new NNLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    List<Token> tokens = new ArrayList<>();
    for (org.antlr.v4.runtime.Token t : lexer.getAllTokens()) {
      tokens.add(new Token(t.getType(), t.getText(), t.getStartIndex(), t.getStopIndex()));
    }
    return tokens;
  }
}
