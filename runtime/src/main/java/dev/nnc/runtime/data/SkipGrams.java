package dev.nnc.runtime.data;

import dev.nnc.runtime.data.text.TextLines;
import dev.nnc.runtime.data.text.TokenCounts;
import dev.nnc.runtime.data.text.Tokenizer;
import dev.nnc.runtime.data.text.Vocabulary;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * {@code skipgrams(path, window, negatives, vocab, min_count, subsample)}: word2vec's skip-gram
 * pairs with negative sampling, records {@code word: int[1]}, {@code context: int[1]}, {@code
 * is_context: float} as {@code std.text}'s {@code SkipGram} reads them.
 *
 * <p>What one pass of word2vec (Mikolov et al. 2013; its C code and gensim) makes over the file:
 * words outside the vocabulary are left out; each occurrence of word {@code w} is kept with
 * probability {@code min(1, (sqrt(f/t) + 1) t/f)}, {@code f} being {@code w}'s share of the
 * corpus and {@code t} the {@code subsample} threshold (0 keeps every word); each kept word draws
 * a window {@code b} from 1..{@code window} and pairs with every kept word at most {@code b} kept
 * words away in its line (windows never cross a line); each pair labelled 1 comes with {@code
 * negatives} pairs of the same word and a context drawn from the counts raised to 3/4 (never the
 * word itself), labelled 0.
 *
 * <p>An epoch has as many records as such a pass makes in expectation, and each record is an
 * independent draw from the pass's distribution: a positive pair with probability {@code 1 / (1 +
 * negatives)}, drawn by rejection (a corpus position at random, kept with the subsampling
 * probability; a distance {@code d} drawn with weight {@code (window - d + 1) / window}, the
 * probability that the drawn window reaches it; the {@code d}-th kept word to one side). So the
 * epoch's length is fixed, as the trainer's steps per epoch and checkpoints need, while the pairs
 * are drawn anew every epoch from the job's seed and each record's own random stream, independent
 * of batching.
 */
public final class SkipGrams {
  public static final String WORD = "word";
  public static final String CONTEXT = "context";
  public static final String IS_CONTEXT = "is_context";
  /** word2vec's exponent on the counts for negative sampling. */
  static final double NOISE_POWER = 0.75;

  private SkipGrams() {}

  public record Options(int window, int negatives, Vocabulary.Options vocabulary, double subsample,
      boolean lower) {
    public Options {
      Sequences.requirePositive("window", window);
      if (negatives < 0) {
        throw new IllegalArgumentException("negatives must not be negative, got " + negatives);
      }
      if (!(subsample >= 0)) {
        throw new IllegalArgumentException("subsample must be 0 or more, got " + subsample);
      }
    }
  }

  public static Dataset load(Path file, Options options) {
    TokenCounts counts =
        TokenCounts.of(TextLines.read(file).lines(), new Tokenizer(Tokenizer.Unit.WORDS, options.lower()));
    Vocabulary vocabulary = Vocabulary.of(counts.counts(), options.vocabulary(), file.toString());
    if (vocabulary.size() < Vocabulary.SPECIALS.size() + 2) {
      throw new DataException(file + ": skipgrams needs at least 2 words in the vocabulary for"
          + " negatives, found " + (vocabulary.size() - Vocabulary.SPECIALS.size()) + "; lower min_count");
    }
    Corpus corpus = new Corpus(counts.runs(vocabulary, true), vocabulary.size(), options);
    long records = Math.round(corpus.expectedPairs() * (1 + options.negatives()));
    if (records == 0) {
      throw new DataException(file + ": no line has two words of the vocabulary, so there are no"
          + " pairs of a word and its context");
    }
    if (records > Integer.MAX_VALUE - 8) {
      throw new DataException(String.format(Locale.ROOT, "%s: one epoch would hold %,d pairs, more"
          + " than fit one array; use a smaller window, fewer negatives or a part of the file", file, records));
    }
    List<String> words = vocabulary.words();
    return new Dataset(Table.empty((int) records), List.of(), List.of(new Draws(corpus, words)));
  }

  /** The corpus as ids of kept words, with what the draws need precomputed. */
  static final class Corpus {
    /** Marks the end of a line in {@link #ids}: a walk to a neighbour stops there. */
    private static final int LINE_END = -1;
    /** The lines' ids one after another, each line between two {@link #LINE_END}s. */
    private final int[] ids;
    private final int[] lineLengths;
    private final double[] keep;
    /** The cumulative noise distribution over ids, counts to the 3/4, specials at 0. */
    private final double[] noise;
    /** The cumulative weights of distances 1..window, {@code window - d + 1}: P(drawn window >= d). */
    private final int[] reach;
    private final int window;
    private final int negatives;

    Corpus(TokenCounts.Runs runs, int vocabularySize, Options options) {
      int[] words = runs.ids();
      int[] starts = runs.starts();
      this.ids = new int[words.length + runs.texts() + 1];
      this.lineLengths = new int[runs.texts()];
      int at = 0;
      ids[at++] = LINE_END;
      for (int line = 0; line < runs.texts(); line++) {
        lineLengths[line] = starts[line + 1] - starts[line];
        System.arraycopy(words, starts[line], ids, at, lineLengths[line]);
        at += lineLengths[line];
        ids[at++] = LINE_END;
      }
      long[] counts = new long[vocabularySize];
      for (int id : words) {
        counts[id]++;
      }
      this.keep = new double[vocabularySize];
      this.noise = new double[vocabularySize];
      double t = options.subsample();
      double sum = 0;
      for (int id = 0; id < vocabularySize; id++) {
        double f = (double) counts[id] / words.length;
        keep[id] = t == 0 || f == 0 ? 1 : Math.min(1, (Math.sqrt(f / t) + 1) * t / f);
        sum += Math.pow(counts[id], NOISE_POWER);
        noise[id] = sum;
      }
      this.window = options.window();
      this.negatives = options.negatives();
      this.reach = new int[window];
      for (int d = 1, total = 0; d <= window; d++) {
        total += window - d + 1;
        reach[d - 1] = total;
      }
    }

    /**
     * The expected number of positive pairs in one pass: for a line whose kept words number {@code
     * m} in expectation, {@code sum over d of P(window >= d) * 2 * max(0, m - d)}.
     */
    double expectedPairs() {
      double pairs = 0;
      for (int i = 0, line = 0; line < lineLengths.length; line++) {
        i++; // the LINE_END before the line
        double m = 0;
        for (int end = i + lineLengths[line]; i < end; i++) {
          m += keep[ids[i]];
        }
        for (int d = 1; d <= window; d++) {
          pairs += (window - d + 1.0) / window * 2 * Math.max(0, m - d);
        }
      }
      return pairs;
    }

    /** One record: {@code out[0]} the word, {@code out[1]} the context, {@code out[2]} 1 or 0. */
    void draw(SplittableRandom random, int[] out) {
      boolean positive = random.nextInt(1 + negatives) == 0;
      positive(random, out);
      out[2] = positive ? 1 : 0;
      if (!positive) {
        int context;
        do {
          context = noise(random);
        } while (context == out[0]);
        out[1] = context;
      }
    }

    /**
     * A positive pair by rejection: a position at random, kept with its word's probability; a
     * distance {@code d} drawn with weight {@code P(window >= d)} and a side; the {@code d}-th kept
     * word that way, or a new start when the line ends first.
     */
    private void positive(SplittableRandom random, int[] out) {
      while (true) {
        int i = random.nextInt(ids.length);
        int word = ids[i];
        if (word == LINE_END || random.nextDouble() >= keep[word]) {
          continue;
        }
        int d = distance(random);
        int step = random.nextBoolean() ? 1 : -1;
        int j = i;
        for (int found = 0; found < d; ) {
          j += step;
          if (ids[j] == LINE_END) {
            break;
          }
          if (random.nextDouble() < keep[ids[j]]) {
            found++;
          }
        }
        if (ids[j] != LINE_END) {
          out[0] = word;
          out[1] = ids[j];
          return;
        }
      }
    }

    private int distance(SplittableRandom random) {
      int u = random.nextInt(reach[window - 1]);
      int d = 1;
      while (reach[d - 1] <= u) {
        d++;
      }
      return d;
    }

    private int noise(SplittableRandom random) {
      double u = random.nextDouble() * noise[noise.length - 1];
      int at = Arrays.binarySearch(noise, u);
      // The first id whose cumulative weight exceeds u (an exact hit lands on a later id).
      at = at < 0 ? -at - 1 : at + 1;
      while (noise[at] == (at == 0 ? 0 : noise[at - 1])) {
        at++;
      }
      return at;
    }
  }

  /** The random step that fills each batch's records with fresh draws. */
  private record Draws(Corpus corpus, List<String> words) implements FieldStep {
    @Override
    public boolean random() {
      return true;
    }

    @Override
    public Table apply(Table records, IntFunction<SplittableRandom> randoms) {
      int n = records.size();
      int[] word = new int[n];
      int[] context = new int[n];
      float[] isContext = new float[n];
      int[] drawn = new int[3];
      for (int r = 0; r < n; r++) {
        corpus.draw(randoms.apply(r), drawn);
        word[r] = drawn[0];
        context[r] = drawn[1];
        isContext[r] = drawn[2];
      }
      return records
          .with(Field.ints(WORD, 1), new Values.Ints(word))
          .with(Field.ints(CONTEXT, 1), new Values.Ints(context))
          .with(Field.floats(IS_CONTEXT), new Values.Floats(isContext))
          .withVocabulary(WORD, words)
          .withVocabulary(CONTEXT, words);
    }
  }
}
