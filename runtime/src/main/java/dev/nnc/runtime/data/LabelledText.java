package dev.nnc.runtime.data;

import dev.nnc.runtime.data.text.TextLines;
import dev.nnc.runtime.data.text.TokenCounts;
import dev.nnc.runtime.data.text.Tokenizer;
import dev.nnc.runtime.data.text.Vocabulary;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code labelled_text(path, seq, tokens, separator, vocab)}: one record a line, a label, the
 * separator, a text. {@code tokens: int[seq]} holds the text's ids, cut to the first {@code seq} or
 * padded with {@code <pad>} at the end (the rule {@code pairs} follows too); {@code label: int} is
 * the label's place among the file's distinct labels, sorted, which are its vocabulary (so {@code
 * dataset.vocabulary("label")} names the classes). Labels are trimmed of surrounding white space.
 */
public final class LabelledText {
  public static final String TOKENS = "tokens";
  public static final String LABEL = "label";

  private LabelledText() {}

  public static Dataset load(Path file, int seq, Tokenizer tokenizer, String separator,
      Vocabulary.Options options) {
    Sequences.requirePositive("seq", seq);
    TextLines lines = TextLines.read(file);
    if (lines.size() == 0) {
      throw new DataException(file + ": expected lines of a label, the separator "
          + TextLines.shown(separator) + " and a text, found no lines");
    }
    List<String> classes = lines.labels(separator);
    List<String> labels = lines.part(TextLines.Part.BEFORE, separator);
    TokenCounts counts = TokenCounts.of(lines.part(TextLines.Part.AFTER, separator), tokenizer);
    Vocabulary vocabulary = Vocabulary.of(counts.counts(), options, lines.where(TextLines.Part.AFTER));
    TokenCounts.Runs runs = counts.runs(vocabulary, false);
    int n = lines.size();
    int[] tokens = new int[n * seq];
    int[] label = new int[n];
    for (int i = 0; i < n; i++) {
      Sequences.put(tokens, i, seq, runs.of(i));
      label[i] = java.util.Collections.binarySearch(classes, labels.get(i).strip());
    }
    return new Dataset(Table.empty(n)
        .with(Field.ints(TOKENS, seq), new Values.Ints(tokens))
        .with(Field.ints(LABEL), new Values.Ints(label))
        .withVocabulary(TOKENS, vocabulary.words())
        .withVocabulary(LABEL, classes));
  }
}
