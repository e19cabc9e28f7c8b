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
 * probability, a distance {@code d} accepted with the probability {@code (window - d + 1) / window}
 * that the drawn window reaches it, and the {@code d}-th kept word to one side). So the epoch's
 * length is fixed, as the trainer's steps per epoch and checkpoints need, while the pairs are drawn
 * anew every epoch from the job's seed and each record's own random stream, independent of batching.
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
    TokenCounts counts = TokenCounts.of(TextLines.read(file).lines(), new Tokenizer(Tokenizer.Unit.WORDS, options.lower()));
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
    private final int[] ids;
    /** The line (index into {@code starts}) of each position. */
    private final int[] lineOf;
    private final int[] starts;
    private final double[] keep;
    /** The cumulative noise distribution over ids, counts to the 3/4, specials at 0. */
    private final double[] noise;
    private final int window;
    private final int negatives;

    Corpus(TokenCounts.Runs runs, int vocabularySize, Options options) {
      this.ids = runs.ids();
      this.starts = runs.starts();
      this.lineOf = new int[ids.length];
      for (int line = 0; line < runs.texts(); line++) {
        Arrays.fill(lineOf, starts[line], starts[line + 1], line);
      }
      long[] counts = new long[vocabularySize];
      for (int id : ids) {
        counts[id]++;
      }
      this.keep = new double[vocabularySize];
      this.noise = new double[vocabularySize];
      double t = options.subsample();
      double sum = 0;
      for (int id = 0; id < vocabularySize; id++) {
        double f = (double) counts[id] / ids.length;
        keep[id] = t == 0 || f == 0 ? 1 : Math.min(1, (Math.sqrt(f / t) + 1) * t / f);
        sum += Math.pow(counts[id], NOISE_POWER);
        noise[id] = sum;
      }
      this.window = options.window();
      this.negatives = options.negatives();
    }

    /**
     * The expected number of positive pairs in one pass: for a line whose kept words number {@code
     * m} in expectation, {@code sum over d of P(window >= d) * 2 * max(0, m - d)}.
     */
    double expectedPairs() {
      double pairs = 0;
      for (int line = 0; line + 1 < starts.length; line++) {
        double m = 0;
        for (int i = starts[line]; i < starts[line + 1]; i++) {
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

    private void positive(SplittableRandom random, int[] out) {
      while (true) {
        int i = random.nextInt(ids.length);
        if (random.nextDouble() >= keep[ids[i]]) {
          continue;
        }
        int d = 1 + random.nextInt(window);
        if (random.nextInt(window) >= window - d + 1) {
          continue;
        }
        int step = random.nextBoolean() ? 1 : -1;
        int line = lineOf[i];
        int j = i;
        for (int found = 0; found < d; ) {
          j += step;
          if (j < starts[line] || j >= starts[line + 1]) {
            break;
          }
          if (random.nextDouble() < keep[ids[j]]) {
            found++;
          }
        }
        if (j >= starts[line] && j < starts[line + 1]) {
          out[0] = ids[i];
          out[1] = ids[j];
          return;
        }
      }
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
