package dev.nnc.runtime.data.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Texts tokenized once: each distinct token gets a provisional number in order of first sight, the
 * texts become runs of those numbers, and each number's count is kept. A {@link Vocabulary} is built
 * from the counts and {@link #ids} turns the runs into its ids, so a corpus is tokenized only once.
 */
public final class TokenCounts {
  private final List<String> distinct = new ArrayList<>();
  private final Map<String, Integer> numbers = new HashMap<>();
  private int[] counts = new int[1024];
  private int[] tokens = new int[1 << 16];
  private int length;
  /** Where each text's run ends in {@link #tokens}, text by text. */
  private final List<Integer> ends = new ArrayList<>();

  private TokenCounts() {}

  /** The tokens of each of {@code texts}, cut by {@code tokenizer}. */
  public static TokenCounts of(List<String> texts, Tokenizer tokenizer) {
    TokenCounts counts = new TokenCounts();
    for (String text : texts) {
      tokenizer.scan(text, (token, start) -> counts.add(token));
      counts.ends.add(counts.length);
    }
    return counts;
  }

  private void add(String token) {
    Integer number = numbers.get(token);
    if (number == null) {
      number = distinct.size();
      numbers.put(token, number);
      distinct.add(token);
      if (number == counts.length) {
        counts = Arrays.copyOf(counts, counts.length * 2);
      }
    }
    counts[number]++;
    if (length == tokens.length) {
      tokens = Arrays.copyOf(tokens, tokens.length * 2);
    }
    tokens[length++] = number;
  }

  /** The number of tokens in all texts. */
  public int total() {
    return length;
  }

  /** Each distinct token and how often it occurs, in order of first sight. */
  public Map<String, Integer> counts() {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (int i = 0; i < distinct.size(); i++) {
      out.put(distinct.get(i), counts[i]);
    }
    return out;
  }

  /**
   * The texts' tokens as ids of {@code vocabulary}, text after text: a token it lacks is {@link
   * Vocabulary#UNK}, or left out when {@code dropUnknown} (as word2vec leaves out rare words).
   */
  public Runs runs(Vocabulary vocabulary, boolean dropUnknown) {
    int[] map = new int[distinct.size()];
    for (int i = 0; i < map.length; i++) {
      map[i] = vocabulary.id(distinct.get(i));
    }
    int[] ids = new int[length];
    int[] starts = new int[ends.size() + 1];
    int n = 0;
    int from = 0;
    for (int text = 0; text < ends.size(); text++) {
      starts[text] = n;
      for (int i = from; i < ends.get(text); i++) {
        int id = map[tokens[i]];
        if (!(dropUnknown && id == Vocabulary.UNK)) {
          ids[n++] = id;
        }
      }
      from = ends.get(text);
    }
    starts[ends.size()] = n;
    return new Runs(Arrays.copyOf(ids, n), starts);
  }

  /** Texts as ids: text {@code k} is {@code ids[starts[k] .. starts[k + 1])}. */
  public record Runs(int[] ids, int[] starts) {
    public int texts() {
      return starts.length - 1;
    }

    /** The ids of text {@code k}. */
    public int[] of(int k) {
      return Arrays.copyOfRange(ids, starts[k], starts[k + 1]);
    }
  }
}
