package dev.nnc.runtime.data;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Loads a UTF-8 text for a character model. The vocabulary is the text's distinct characters in
 * code-point order, and each character becomes its index there. Record {@code i} holds
 * {@code chars: int[seq]}, the characters from {@code i * seq}, and {@code next: int[seq]}, the same
 * window one character later — what a model predicting the next character learns from. Windows
 * follow each other without overlap, so every character but the first is predicted once per epoch.
 */
public final class Text {
  private Text() {}

  public static Dataset load(Path file, int seq) {
    if (seq <= 0) {
      throw new IllegalArgumentException("seq must be positive, got " + seq);
    }
    int[] codePoints = decode(file).codePoints().toArray();
    int records = (codePoints.length - 1) / seq;
    if (records == 0) {
      throw new DataException(String.format(Locale.ROOT,
          "%s: expected at least %,d characters for one record of seq %d (and the character after"
              + " it), found %,d", file, seq + 1, seq, codePoints.length));
    }
    List<Integer> vocabulary = vocabulary(codePoints);
    int[] ids = new int[codePoints.length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = Collections.binarySearch(vocabulary, codePoints[i]);
    }
    int[] chars = new int[records * seq];
    int[] next = new int[records * seq];
    System.arraycopy(ids, 0, chars, 0, chars.length);
    System.arraycopy(ids, 1, next, 0, next.length);
    List<String> words = vocabulary.stream().map(Character::toString).toList();
    Table table = Table.empty(records)
        .with(Field.ints("chars", seq), new Values.Ints(chars))
        .with(Field.ints("next", seq), new Values.Ints(next))
        .withVocabulary("chars", words)
        .withVocabulary("next", words);
    return new Dataset(table);
  }

  /** The vocabulary of {@code file}, its distinct characters in code-point order: the compiler counts them. */
  public static List<String> vocabulary(Path file) {
    return vocabulary(decode(file).codePoints().toArray()).stream().map(Character::toString).toList();
  }

  private static List<Integer> vocabulary(int[] codePoints) {
    return new ArrayList<>(new TreeSet<>(Arrays.stream(codePoints).boxed().toList()));
  }

  /**
   * The file's contents as text: strictly decoded UTF-8 (gzip-compressed or not), a
   * {@link DataException} naming the file and the offset of the first bad byte otherwise. The word
   * sources read their files through it too.
   */
  public static String contents(Path file) {
    return decode(file);
  }

  private static String decode(Path file) {
    byte[] bytes = DataFiles.read(file, DataFiles.WHOLE_FILE);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    // UTF-8 never decodes to more chars than it has bytes.
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw new DataException(String.format(Locale.ROOT,
          "%s: expected UTF-8 text, found a byte that is not UTF-8 at offset %,d", file, in.position()));
    }
    decoder.flush(out);
    return out.flip().toString();
  }
}
