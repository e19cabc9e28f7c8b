package dev.nnc.runtime.data;

import dev.nnc.runtime.data.text.TextLines;
import dev.nnc.runtime.data.text.TokenCounts;
import dev.nnc.runtime.data.text.Tokenizer;
import dev.nnc.runtime.data.text.Vocabulary;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code pairs(path, tokens, source_seq, target_seq, separator, vocab, truncate)}: one pair of
 * sequences a line, a source, the separator and a target (the Tatoeba/Anki files of the Keras
 * seq2seq examples, or {@code 535+61\t596}). Source and target have vocabularies of their own.
 * Record fields, each padded with {@code <pad>} at the end:
 * {@code source: int[source_seq]}; {@code target_in: int[target_seq]}, {@code <start>} then the
 * target, what a decoder is fed under teacher forcing; {@code target: int[target_seq]}, the target
 * then {@code <end>}, what it must predict at each position. A line without the separator, or a
 * side with more tokens than fit, is a {@link DataException} at its place in the file, unless
 * {@code truncate} cuts it (the target cut before {@code <end>}, which always stays).
 */
public final class Pairs {
  public static final String SOURCE = "source";
  public static final String TARGET_IN = "target_in";
  public static final String TARGET = "target";

  private Pairs() {}

  /** The options of a {@code pairs} source, as LANGUAGE.md §6.1 lists them. */
  public record Options(Tokenizer tokenizer, int sourceSeq, int targetSeq, String separator,
      Vocabulary.Options vocabulary, boolean truncate) {
    public Options {
      Sequences.requirePositive("source_seq", sourceSeq);
      if (targetSeq < 2) {
        throw new IllegalArgumentException("target_seq must be at least 2 (<start> or <end> and one"
            + " token), got " + targetSeq);
      }
      if (separator.isEmpty()) {
        throw new IllegalArgumentException("the separator must not be empty");
      }
    }
  }

  public static Dataset load(Path file, Options options) {
    TextLines lines = TextLines.read(file);
    if (lines.size() == 0) {
      throw new DataException(file + ": expected lines of a source, the separator "
          + TextLines.shown(options.separator()) + " and a target, found no lines");
    }
    List<String> sources = lines.part(TextLines.Part.BEFORE, options.separator());
    List<String> targets = lines.part(TextLines.Part.AFTER, options.separator());
    Tokenizer tokenizer = options.tokenizer();
    TokenCounts sourceCounts = TokenCounts.of(sources, tokenizer);
    TokenCounts targetCounts = TokenCounts.of(targets, tokenizer);
    Vocabulary sourceVocabulary =
        Vocabulary.of(sourceCounts.counts(), options.vocabulary(), lines.where(TextLines.Part.BEFORE));
    Vocabulary targetVocabulary =
        Vocabulary.of(targetCounts.counts(), options.vocabulary(), lines.where(TextLines.Part.AFTER));
    TokenCounts.Runs sourceRuns = sourceCounts.runs(sourceVocabulary, false);
    TokenCounts.Runs targetRuns = targetCounts.runs(targetVocabulary, false);

    int n = lines.size();
    int sourceSeq = options.sourceSeq();
    int targetSeq = options.targetSeq();
    int[] source = new int[n * sourceSeq];
    int[] targetIn = new int[n * targetSeq];
    int[] target = new int[n * targetSeq];
    for (int i = 0; i < n; i++) {
      int[] s = sourceRuns.of(i);
      int[] t = targetRuns.of(i);
      if (!options.truncate()) {
        if (s.length > sourceSeq) {
          throw new DataException(Sequences.tokenAt(lines, i, 0, sources.get(i), tokenizer, sourceSeq)
              + ": the source has " + s.length + " tokens, more than source_seq " + sourceSeq
              + "; give source_seq: " + s.length + " or truncate: true");
        }
        if (t.length > targetSeq - 1) {
          int offset = lines.separatorIndex(i, options.separator()) + options.separator().length();
          throw new DataException(Sequences.tokenAt(lines, i, offset, targets.get(i), tokenizer, targetSeq - 1)
              + ": the target has " + t.length + " tokens, and with <end> more than target_seq "
              + targetSeq + " holds; give target_seq: " + (t.length + 1) + " or truncate: true");
        }
      } else if (t.length > targetSeq - 1) {
        t = Arrays.copyOf(t, targetSeq - 1);
      }
      Sequences.put(source, i, sourceSeq, s);
      Sequences.put(targetIn, i, targetSeq, Sequences.framed(Vocabulary.START, t, -1));
      Sequences.put(target, i, targetSeq, Sequences.framed(-1, t, Vocabulary.END));
    }
    return new Dataset(Table.empty(n)
        .with(Field.ints(SOURCE, sourceSeq), new Values.Ints(source))
        .with(Field.ints(TARGET_IN, targetSeq), new Values.Ints(targetIn))
        .with(Field.ints(TARGET, targetSeq), new Values.Ints(target))
        .withVocabulary(SOURCE, sourceVocabulary.words())
        .withVocabulary(TARGET_IN, targetVocabulary.words())
        .withVocabulary(TARGET, targetVocabulary.words()));
  }
}
