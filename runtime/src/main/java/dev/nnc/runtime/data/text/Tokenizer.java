package dev.nnc.runtime.data.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts text into tokens, the one rule every word source shares (LANGUAGE.md §6.1). With {@link
 * Unit#WORDS} a token is a run of letters, digits, apostrophes and hyphens (and the combining
 * marks of decomposed accented letters), and every other
 * character that is not white space is a token of its own, so {@code "don't stop."} gives {@code
 * don't}, {@code stop}, {@code .}. With {@link Unit#CHARS} every character is a token, spaces
 * included (a translation's spaces are part of it). {@code lower} folds case first.
 */
public record Tokenizer(Unit unit, boolean lower) {
  /** What one token is: a word or a single character (a code point). */
  public enum Unit {
    WORDS,
    CHARS
  }

  /** Receives each token of a text and the index of the character it starts at. */
  public interface Sink {
    void token(String token, int start);
  }

  public Tokenizer {
    java.util.Objects.requireNonNull(unit, "unit");
  }

  /** The tokenizer of {@code words(...)}: words, case folded. */
  public static Tokenizer words() {
    return new Tokenizer(Unit.WORDS, true);
  }

  /** The tokens of {@code text}, in order. */
  public List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    scan(text, (token, start) -> tokens.add(token));
    return tokens;
  }

  /** Hands each token of {@code text} to {@code sink}; the index is into {@code text}. */
  public void scan(String text, Sink sink) {
    // Folding case first keeps indices right only where folding keeps the length; when it does not
    // (a rare letter such as 'İ'), tokens are cut from the original and folded one by one.
    String folded = lower ? text.toLowerCase(Locale.ROOT) : text;
    boolean foldEach = folded.length() != text.length();
    String source = foldEach ? text : folded;
    int i = 0;
    int n = source.length();
    while (i < n) {
      int c = source.codePointAt(i);
      int width = Character.charCount(c);
      if (unit == Unit.CHARS) {
        sink.token(token(source, i, i + width, foldEach), i);
        i += width;
      } else if (Character.isWhitespace(c)) {
        i += width;
      } else if (inWord(c)) {
        int start = i;
        i += width;
        while (i < n && inWord(source.codePointAt(i))) {
          i += Character.charCount(source.codePointAt(i));
        }
        sink.token(token(source, start, i, foldEach), start);
      } else {
        sink.token(token(source, i, i + width, foldEach), i);
        i += width;
      }
    }
  }

  private static String token(String source, int from, int to, boolean fold) {
    String token = source.substring(from, to);
    return fold ? token.toLowerCase(Locale.ROOT) : token;
  }

  private static boolean inWord(int c) {
    return Character.isLetterOrDigit(c) || c == '\'' || c == '\u2019' || c == '-'
        || Character.getType(c) == Character.NON_SPACING_MARK;
  }
}
