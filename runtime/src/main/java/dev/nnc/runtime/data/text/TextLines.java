package dev.nnc.runtime.data.text;

import dev.nnc.runtime.data.DataException;
import dev.nnc.runtime.data.Text;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The lines of a UTF-8 text file that hold more than white space, each with its line number (from
 * 1) so errors can point at it. A line ends at a line feed; a carriage return before it is dropped.
 */
public final class TextLines {
  private final Path file;
  private final List<String> lines;
  private final int[] numbers;

  private TextLines(Path file, List<String> lines, int[] numbers) {
    this.file = file;
    this.lines = lines;
    this.numbers = numbers;
  }

  /** Which part of each line a source reads. */
  public enum Part {
    /** The whole line ({@code words}, {@code skipgrams}). */
    WHOLE,
    /** Before the first separator: a label, a pair's source. */
    BEFORE,
    /** After the first separator: a labelled text, a pair's target. */
    AFTER
  }

  public static TextLines read(Path file) {
    String text = Text.contents(file);
    List<String> lines = new ArrayList<>();
    int[] numbers = new int[16];
    int number = 0;
    for (int from = 0; from < text.length(); ) {
      int end = text.indexOf('\n', from);
      int next = end < 0 ? text.length() : end + 1;
      int to = end < 0 ? text.length() : end;
      if (to > from && text.charAt(to - 1) == '\r') {
        to--;
      }
      number++;
      String line = text.substring(from, to);
      if (!line.isBlank()) {
        if (lines.size() == numbers.length) {
          numbers = java.util.Arrays.copyOf(numbers, numbers.length * 2);
        }
        numbers[lines.size()] = number;
        lines.add(line);
      }
      from = next;
    }
    return new TextLines(file, List.copyOf(lines), java.util.Arrays.copyOf(numbers, lines.size()));
  }

  /** The lines that are not blank. */
  public List<String> lines() {
    return lines;
  }

  public int size() {
    return lines.size();
  }

  /** The line number (from 1) of line {@code i} of {@link #lines}. */
  public int number(int i) {
    return numbers[i];
  }

  /** Where a vocabulary of {@code part} comes from, for its errors: the file, and which side of the separator. */
  public String where(Part part) {
    return switch (part) {
      case WHOLE -> file.toString();
      case BEFORE -> file + " (before the separators)";
      case AFTER -> file + " (after the separators)";
    };
  }

  /** Where character {@code index} of line {@code i} is, {@code file:line:column} with columns from 1. */
  public String at(int i, int index) {
    return file + ":" + numbers[i] + ":" + (index + 1);
  }

  /**
   * Part {@code part} of every line; for {@link Part#BEFORE} and {@link Part#AFTER} a line without
   * {@code separator} is a {@link DataException} at its end.
   */
  public List<String> part(Part part, String separator) {
    if (part == Part.WHOLE) {
      return lines;
    }
    List<String> out = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      int cut = separatorIndex(i, separator);
      String line = lines.get(i);
      out.add(part == Part.BEFORE ? line.substring(0, cut) : line.substring(cut + separator.length()));
    }
    return out;
  }

  /**
   * The distinct labels before {@code separator}, trimmed of white space and sorted
   * ({@code labelled_text}'s classes); an empty label is a {@link DataException} at its line.
   */
  public List<String> labels(String separator) {
    TreeSet<String> labels = new TreeSet<>();
    List<String> before = part(Part.BEFORE, separator);
    for (int i = 0; i < before.size(); i++) {
      String label = before.get(i).strip();
      if (label.isEmpty()) {
        throw new DataException(at(i, 0) + ": expected a label before the separator " + shown(separator)
            + ", found none");
      }
      labels.add(label);
    }
    return List.copyOf(labels);
  }

  /** Where line {@code i}'s first {@code separator} starts. */
  public int separatorIndex(int i, String separator) {
    int cut = lines.get(i).indexOf(separator);
    if (cut < 0) {
      throw new DataException(at(i, lines.get(i).length()) + ": expected the separator "
          + shown(separator) + " between the two parts of the line, found the end of the line");
    }
    return cut;
  }

  /** A separator as it is written in a source's options: {@code "\t"} for a tab. */
  public static String shown(String separator) {
    return "\"" + separator.replace("\\", "\\\\").replace("\t", "\\t") + "\"";
  }
}
