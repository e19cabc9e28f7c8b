package dev.nnc.compiler.format;

import static dev.nnc.grammar.NNLexer.*;

import java.util.Set;

/**
 * Whether one space separates two tokens on a line. One space is the rule (around {@code ->}, {@code =},
 * binary operators, after {@code ,} and {@code :}); the exceptions are punctuation: none inside
 * brackets, before {@code , : ; .}, around {@code . ..}, after a unary minus, and between a name and
 * the {@code (} or {@code [} that follows it. Only spaces change, never tokens, so meaning cannot.
 */
final class Spacing {
  private Spacing() {}

  /** Tokens that may be a name, and so be given dimensions ({@code float[2]}) without a space. */
  private static final Set<Integer> NAMES = Set.of(IDENT, STEP_WORDS, SIZE_UNIT, MODEL, DATA, TRAIN, SAMPLE,
      INPUT, OUTPUT, PARAM, STEP, EVERY, REPORT, UPDATE, MINIMIZE, WITH, FROM, REPEAT, SYNC);

  /** Tokens after which an expression starts, so that a following minus is unary. */
  private static final Set<Integer> BEFORE_OPERAND = Set.of(LPAREN, LBRACK, LBRACE, COMMA, COLON, SEMI,
      ASSIGN, PLUS_ASSIGN, MINUS_ASSIGN, ARROW, BAR, PLUS, MINUS, STAR, SLASH, PERCENT, AT, POW, EQ, NE, LT,
      LE, GT, GE, AND, OR, NOT, IF, ELSE, IN, DOTDOT);

  /**
   * Whether a minus is unary: at the start of a line, after a token that an operand must follow, or
   * anywhere in a records body, whose values are numbers one after another.
   */
  static boolean unaryMinus(Piece previous, boolean inRecords) {
    return previous == null || inRecords || previous.isComment() || BEFORE_OPERAND.contains(previous.type());
  }

  /** {@code previousUnary}: the previous token is a unary minus. */
  static boolean between(Piece previous, Piece current, boolean previousUnary) {
    int p = previous.type();
    int c = current.type();
    if (previousUnary || p == LPAREN || p == LBRACK || p == DOT || p == DOTDOT) {
      return false;
    }
    if (c == RPAREN || c == RBRACK || c == COMMA || c == COLON || c == SEMI || c == DOT || c == DOTDOT) {
      return false;
    }
    if (c == RBRACE && p == LBRACE) {
      return false;
    }
    if (c == LBRACK && NAMES.contains(p)) {
      return false;
    }
    // A call: of a name, or of what a call returned.
    if (c == LPAREN && (NAMES.contains(p) || p == RPAREN)) {
      return false;
    }
    return true;
  }
}
