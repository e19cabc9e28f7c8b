package dev.nnc.runtime.data;

import dev.nnc.runtime.data.text.TextLines;
import dev.nnc.runtime.data.text.TokenCounts;
import dev.nnc.runtime.data.text.Tokenizer;
import dev.nnc.runtime.data.text.Vocabulary;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code words(path, seq, vocab, min_count, lower)}: a word-level language model's records, as
 * {@link Text} makes for characters. The file's tokens, each line followed by {@code <end>} (as
 * PyTorch's word language model ends every line with {@code <eos>}, so a sampled text can stop at
 * the end of a sentence), words outside the vocabulary as {@code <unk>}; record {@code i} holds
 * {@code tokens: int[seq]}, the ids from {@code i * seq}, and {@code next: int[seq]}, the same
 * window one token later. Windows follow each other without overlap.
 */
public final class Words {
  public static final String TOKENS = "tokens";
  public static final String NEXT = "next";

  private Words() {}

  public static Dataset load(Path file, int seq, Vocabulary.Options options, boolean lower) {
    Sequences.requirePositive("seq", seq);
    TokenCounts counts = TokenCounts.of(TextLines.read(file).lines(), new Tokenizer(Tokenizer.Unit.WORDS, lower));
    Vocabulary vocabulary = Vocabulary.of(counts.counts(), options, file.toString());
    int[] stream = stream(counts.runs(vocabulary, false));
    int records = (stream.length - 1) / seq;
    if (records == 0) {
      throw new DataException(String.format(Locale.ROOT,
          "%s: expected at least %,d tokens for one record of seq %d (the <end> of each line counted,"
              + " and the token after the window), found %,d", file, seq + 1, seq, stream.length));
    }
    return windows(stream, records, seq, vocabulary);
  }

  /** The runs of ids one after another, {@code <end>} after each. */
  private static int[] stream(TokenCounts.Runs runs) {
    int[] out = new int[runs.ids().length + runs.texts()];
    int n = 0;
    for (int k = 0; k < runs.texts(); k++) {
      int length = runs.starts()[k + 1] - runs.starts()[k];
      System.arraycopy(runs.ids(), runs.starts()[k], out, n, length);
      n += length;
      out[n++] = Vocabulary.END;
    }
    return out;
  }

  private static Dataset windows(int[] stream, int records, int seq, Vocabulary vocabulary) {
    int[] tokens = new int[records * seq];
    int[] next = new int[records * seq];
    System.arraycopy(stream, 0, tokens, 0, tokens.length);
    System.arraycopy(stream, 1, next, 0, next.length);
    return new Dataset(Table.empty(records)
        .with(Field.ints(TOKENS, seq), new Values.Ints(tokens))
        .with(Field.ints(NEXT, seq), new Values.Ints(next))
        .withVocabulary(TOKENS, vocabulary.words())
        .withVocabulary(NEXT, vocabulary.words()));
  }
}
