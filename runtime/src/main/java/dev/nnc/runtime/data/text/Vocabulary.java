package dev.nnc.runtime.data.text;

import dev.nnc.runtime.data.DataException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The table of a word source's tokens (LANGUAGE.md §6.1): id 0 is {@code <pad>}, 1 {@code <unk>}, 2
 * {@code <start>} and 3 {@code <end>}, then the tokens by falling count, ties in the order of {@link
 * String#compareTo} (alphabetical for plain letters, by UTF-16 code unit in general), at most
 * {@code maxWords} of them and each seen at least {@code minCount} times. {@link #size} counts the
 * specials too, so it sizes an embedding. The tokenizer never makes a special (it cuts {@code <}
 * and {@code >} off as tokens of their own), so a text cannot collide with one.
 *
 * <p>Saved ({@link #save}) as UTF-8 text, one token per line in id order, the four specials on the
 * first four lines; a backslash, tab, carriage return or line feed inside a token is written {@code
 * \\}, {@code \t}, {@code \r}, {@code \n} (only a character-level vocabulary has those).
 */
public final class Vocabulary {
  public static final int PAD = 0;
  public static final int UNK = 1;
  public static final int START = 2;
  public static final int END = 3;
  public static final List<String> SPECIALS = List.of("<pad>", "<unk>", "<start>", "<end>");

  private final List<String> words;
  private final Map<String, Integer> ids;

  private Vocabulary(List<String> words) {
    this.words = List.copyOf(words);
    this.ids = new HashMap<>(words.size() * 2);
    for (int i = 0; i < words.size(); i++) {
      ids.put(words.get(i), i);
    }
  }

  /** How many tokens go in, and how often a token must occur to go in. */
  public record Options(int maxWords, int minCount) {
    public Options {
      if (maxWords <= 0) {
        throw new IllegalArgumentException("vocab must be positive, got " + maxWords);
      }
      if (minCount <= 0) {
        throw new IllegalArgumentException("min_count must be positive, got " + minCount);
      }
    }
  }

  /**
   * The vocabulary of tokens counted in {@code counts}; {@code source} names where they came from
   * (a file) in the {@link DataException} for no tokens at all or a {@code min_count} that leaves none.
   */
  public static Vocabulary of(Map<String, Integer> counts, Options options, String source) {
    if (counts.isEmpty()) {
      throw new DataException(source + ": expected text to build a vocabulary from, found no tokens"
          + " (the file is empty or white space)");
    }
    List<Map.Entry<String, Integer>> ranked = new ArrayList<>(counts.entrySet());
    ranked.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
        .thenComparing(Map.Entry.comparingByKey()));
    Map.Entry<String, Integer> top = ranked.get(0);
    if (top.getValue() < options.minCount()) {
      throw new DataException(String.format(Locale.ROOT,
          "%s: min_count %d leaves no word in the vocabulary: the most frequent, '%s', occurs %,d"
              + " time%s; give min_count at most %d", source, options.minCount(), top.getKey(),
          top.getValue(), top.getValue() == 1 ? "" : "s", top.getValue()));
    }
    List<String> words = new ArrayList<>(SPECIALS);
    for (Map.Entry<String, Integer> e : ranked) {
      if (words.size() - SPECIALS.size() == options.maxWords() || e.getValue() < options.minCount()) {
        break;
      }
      words.add(e.getKey());
    }
    return new Vocabulary(words);
  }

  /**
   * The vocabulary whose table is {@code words}, the specials first: what {@link #words} gave, or a
   * dataset's {@code vocabulary(field)} of a word source's field.
   */
  public static Vocabulary ofTable(List<String> words) {
    if (words.size() < SPECIALS.size() || !words.subList(0, SPECIALS.size()).equals(SPECIALS)) {
      throw new IllegalArgumentException("a vocabulary starts with " + SPECIALS + ", got "
          + words.subList(0, Math.min(words.size(), SPECIALS.size())));
    }
    return new Vocabulary(words);
  }

  /** The number of ids, the specials included. */
  public int size() {
    return words.size();
  }

  /** The id of {@code token}, {@link #UNK} for a token not in the table. */
  public int id(String token) {
    return ids.getOrDefault(token, UNK);
  }

  /** Whether {@code token} has an id of its own. */
  public boolean contains(String token) {
    return ids.containsKey(token);
  }

  /** The token of id {@code id}. */
  public String word(int id) {
    return words.get(id);
  }

  /** Every token in id order, the specials first. */
  public List<String> words() {
    return words;
  }

  /**
   * The ids of {@code text}'s tokens, {@link #UNK} for a token not in the table, cut to the first
   * {@code seq} or padded with {@link #PAD} at the end, as the word sources lay out their records:
   * what a model trained on them is fed at inference ({@code translate("535+61")}).
   */
  public int[] encode(String text, Tokenizer tokenizer, int seq) {
    int[] ids = new int[seq];
    int[] n = {0};
    tokenizer.scan(text, (token, start) -> {
      if (n[0] < seq) {
        ids[n[0]++] = id(token);
      }
    });
    return ids;
  }

  /**
   * The text of {@code ids}, a model's output: up to the first {@code <end>}, {@code <pad>} and
   * {@code <start>} left out, {@code <unk>} kept; words joined by a space, characters by nothing.
   */
  public String decode(int[] ids, Tokenizer tokenizer) {
    String between = tokenizer.unit() == Tokenizer.Unit.WORDS ? " " : "";
    StringBuilder out = new StringBuilder();
    for (int id : ids) {
      if (id == END) {
        break;
      }
      if (id == UNK || id >= SPECIALS.size()) {
        if (!out.isEmpty()) {
          out.append(between);
        }
        out.append(word(id));
      }
    }
    return out.toString();
  }

  /** Writes the vocabulary to {@code file} in the format above. */
  public void save(Path file) {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (String word : words) {
        out.write(escape(word));
        out.write('\n');
      }
    } catch (IOException e) {
      throw new DataException(file + ": cannot write the vocabulary: " + e.getMessage(), e);
    }
  }

  /** The vocabulary {@link #save} wrote to {@code file}. */
  public static Vocabulary load(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new DataException(file + ": no such file");
    } catch (IOException e) {
      throw new DataException(file + ": cannot read the vocabulary: " + e.getMessage(), e);
    }
    List<String> words = new ArrayList<>(lines.size());
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      String word = unescape(lines.get(i), file, i + 1);
      if (i < SPECIALS.size() && !word.equals(SPECIALS.get(i))) {
        throw new DataException(file + ":" + (i + 1) + ": expected " + SPECIALS.get(i)
            + " (a vocabulary starts with " + String.join(" ", SPECIALS) + "), found '" + word + "'");
      }
      if (!seen.add(word)) {
        throw new DataException(file + ":" + (i + 1) + ": '" + word + "' is in the vocabulary twice");
      }
      words.add(word);
    }
    if (words.size() < SPECIALS.size()) {
      throw new DataException(file + ": expected a vocabulary of at least the " + SPECIALS.size()
          + " specials, found " + words.size() + " line" + (words.size() == 1 ? "" : "s"));
    }
    return new Vocabulary(words);
  }

  private static String escape(String word) {
    StringBuilder out = new StringBuilder(word.length());
    for (char c : word.toCharArray()) {
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        case '\n' -> out.append("\\n");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String unescape(String line, Path file, int lineNumber) {
    StringBuilder out = new StringBuilder(line.length());
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      int column = i + 1;
      String found = i + 1 < line.length() ? "'" + line.charAt(++i) + "'" : "the end of the line";
      switch (found) {
        case "'\\'" -> out.append('\\');
        case "'t'" -> out.append('\t');
        case "'r'" -> out.append('\r');
        case "'n'" -> out.append('\n');
        default -> throw new DataException(file + ":" + lineNumber + ":" + column + ": expected \\\\,"
            + " \\t, \\r or \\n (an escaped character), found a backslash and " + found);
      }
    }
    return out.toString();
  }
}
