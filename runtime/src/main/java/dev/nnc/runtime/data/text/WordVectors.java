package dev.nnc.runtime.data.text;

import dev.nnc.runtime.data.DataException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * An embedding matrix with the vocabulary that names its rows: row {@code i} of the row-major
 * {@code [vocabulary.size(), dim]} matrix is the vector of token {@code i}. Writes the word2vec
 * text format and finds nearest neighbours by cosine similarity ({@code nnc neighbours}).
 */
public final class WordVectors {
  private final Vocabulary vocabulary;
  private final float[] matrix;
  private final int dim;
  private final double[] norms;

  /** A word and its cosine similarity to the word asked about. */
  public record Neighbour(String word, double similarity) {}

  public WordVectors(Vocabulary vocabulary, float[] matrix, int dim) {
    if (dim <= 0 || matrix.length % dim != 0 || matrix.length / dim != vocabulary.size()) {
      throw new DataException("the embedding holds " + matrix.length + " values, which are not "
          + vocabulary.size() + " rows (one per token of the vocabulary) of " + dim);
    }
    this.vocabulary = vocabulary;
    this.matrix = matrix;
    this.dim = dim;
    this.norms = new double[vocabulary.size()];
    for (int row = 0; row < norms.length; row++) {
      norms[row] = Math.sqrt(dot(row, row));
    }
  }

  /**
   * Writes the word2vec text format gensim's {@code KeyedVectors.load_word2vec_format} reads: a
   * line {@code count dim}, then one line a token, the token and its {@code dim} numbers separated
   * by spaces. {@code <pad>} is left out (its row is never trained), and so is a token with white
   * space in it (a character vocabulary's space), which the format cannot hold.
   */
  public void write(Path file) {
    List<Integer> rows = new ArrayList<>();
    for (int id = 0; id < vocabulary.size(); id++) {
      if (id != Vocabulary.PAD && vocabulary.word(id).codePoints().noneMatch(Character::isWhitespace)) {
        rows.add(id);
      }
    }
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(rows.size() + " " + dim + "\n");
      StringBuilder line = new StringBuilder();
      for (int id : rows) {
        line.setLength(0);
        line.append(vocabulary.word(id));
        for (int k = 0; k < dim; k++) {
          line.append(' ').append(matrix[id * dim + k]);
        }
        out.write(line.append('\n').toString());
      }
    } catch (IOException e) {
      throw new DataException(file + ": cannot write the vectors: " + e.getMessage(), e);
    }
  }

  /**
   * The {@code top} tokens most similar to {@code word} by cosine similarity, most similar first
   * (ties by id, so by frequency), the word itself and the specials left out; a word the vocabulary
   * lacks is a {@link DataException}.
   */
  public List<Neighbour> nearest(String word, int top) {
    if (!vocabulary.contains(word)) {
      throw new DataException("'" + word + "' is not in the vocabulary (" + (vocabulary.size()
          - Vocabulary.SPECIALS.size()) + " words and the specials)");
    }
    int of = vocabulary.id(word);
    Comparator<Neighbour> order = Comparator.comparingDouble(Neighbour::similarity)
        .thenComparing(n -> -vocabulary.id(n.word()));
    PriorityQueue<Neighbour> best = new PriorityQueue<>(order);
    for (int id = Vocabulary.SPECIALS.size(); id < vocabulary.size(); id++) {
      if (id == of) {
        continue;
      }
      double norm = norms[of] * norms[id];
      best.add(new Neighbour(vocabulary.word(id), norm == 0 ? 0 : dot(of, id) / norm));
      if (best.size() > top) {
        best.poll();
      }
    }
    List<Neighbour> out = new ArrayList<>(best);
    out.sort(order.reversed());
    return out;
  }

  private double dot(int a, int b) {
    double sum = 0;
    for (int k = 0; k < dim; k++) {
      sum += (double) matrix[a * dim + k] * matrix[b * dim + k];
    }
    return sum;
  }
}
