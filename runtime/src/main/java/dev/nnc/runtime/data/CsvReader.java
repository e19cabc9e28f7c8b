package dev.nnc.runtime.data;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records of cells (RFC 4180): cells are separated by commas, a cell in double
 * quotes may hold commas, line breaks and doubled quotes ({@code ""} for {@code "}), records end at
 * a line break ({@code \n} or {@code \r\n}). Blank lines are skipped. The text is read as it goes,
 * one character ahead, so a file is never held whole in memory.
 */
final class CsvReader {
  private static final int END = -1;

  private final Path file;
  private final Reader in;
  private int next;
  private int line = 1;
  private int recordLine;

  /** Reads {@code in} (buffered by the caller), the text of {@code file}; a leading byte-order mark is skipped. */
  CsvReader(Path file, Reader in) {
    this.file = file;
    this.in = in;
    this.next = read();
    if (next == '\uFEFF') {
      next = read(); // a byte-order mark is no part of the first cell
    }
  }

  /** The line the record last returned by {@link #next} starts on, 1-based, for messages. */
  int line() {
    return recordLine;
  }

  /** The next record's cells, or null at the end of the text. */
  List<String> next() {
    skipBlankLines();
    if (next == END) {
      return null;
    }
    recordLine = line;
    List<String> cells = new ArrayList<>();
    while (true) {
      cells.add(cell());
      if (next == END) {
        return cells;
      }
      if (take() == '\n') {
        line++;
        return cells;
      }
    }
  }

  /**
   * Skips blank lines, and the spaces, tabs and carriage returns a record starts with, which its
   * first cell would strip anyway.
   */
  private void skipBlankLines() {
    while (next == ' ' || next == '\t' || next == '\r' || next == '\n') {
      if (take() == '\n') {
        line++;
      }
    }
  }

  /** One cell, up to (not including) the comma or line break after it. */
  private String cell() {
    StringBuilder cell = new StringBuilder();
    while (next == ' ' || next == '\t') {
      cell.append((char) take());
    }
    if (next == '"') {
      return quoted();
    }
    while (next != END && next != ',' && next != '\n') {
      cell.append((char) take());
    }
    return cell.toString().strip();
  }

  private String quoted() {
    int opened = line;
    take();
    StringBuilder cell = new StringBuilder();
    while (true) {
      if (next == END) {
        throw new DataException(file + ":" + opened + ": a quoted cell is never closed (expected a"
            + " closing \" before the end of the file)");
      }
      char c = (char) take();
      if (c == '"') {
        if (next == '"') {
          cell.append('"');
          take();
          continue;
        }
        break;
      }
      if (c == '\n') {
        line++;
      }
      cell.append(c);
    }
    while (next == ' ' || next == '\t' || next == '\r') {
      take();
    }
    if (next != END && next != ',' && next != '\n') {
      throw new DataException(file + ":" + line + ": expected a comma or the end of the line after"
          + " the quoted cell \"" + cell + "\", found '" + (char) next + "'");
    }
    return cell.toString();
  }

  /** The character ahead, consumed; the one after it becomes {@link #next}. */
  private int take() {
    int c = next;
    next = read();
    return c;
  }

  private int read() {
    try {
      return in.read();
    } catch (IOException e) {
      // Reading goes through DataFiles, which names the file and the failure.
      throw new UncheckedIOException(e);
    }
  }
}
