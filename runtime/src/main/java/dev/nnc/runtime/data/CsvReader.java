package dev.nnc.runtime.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records of cells (RFC 4180): cells are separated by commas, a cell in double
 * quotes may hold commas, line breaks and doubled quotes ({@code ""} for {@code "}), records end at
 * a line break ({@code \n} or {@code \r\n}). Blank lines are skipped.
 */
final class CsvReader {
  private final Path file;
  private final String text;
  private int at;
  private int line = 1;
  private int recordLine;

  CsvReader(Path file, String text) {
    this.file = file;
    this.text = text;
  }

  /** The line the record last returned by {@link #next} starts on, 1-based, for messages. */
  int line() {
    return recordLine;
  }

  /** The next record's cells, or null at the end of the text. */
  List<String> next() {
    skipBlankLines();
    if (at >= text.length()) {
      return null;
    }
    recordLine = line;
    List<String> cells = new ArrayList<>();
    while (true) {
      cells.add(cell());
      if (at >= text.length()) {
        return cells;
      }
      if (text.charAt(at++) == '\n') {
        line++;
        return cells;
      }
    }
  }

  private void skipBlankLines() {
    while (at < text.length()) {
      int end = at;
      while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t' || text.charAt(end) == '\r')) {
        end++;
      }
      if (end >= text.length()) {
        at = end;
      } else if (text.charAt(end) == '\n') {
        at = end + 1;
        line++;
      } else {
        return;
      }
    }
  }

  /** One cell, up to (not including) the comma or line break after it. */
  private String cell() {
    int start = at;
    while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
      at++;
    }
    if (at < text.length() && text.charAt(at) == '"') {
      return quoted();
    }
    at = start;
    while (at < text.length() && text.charAt(at) != ',' && text.charAt(at) != '\n') {
      at++;
    }
    return text.substring(start, at).strip();
  }

  private String quoted() {
    int opened = line;
    at++;
    StringBuilder cell = new StringBuilder();
    while (true) {
      if (at >= text.length()) {
        throw new DataException(file + ":" + opened + ": a quoted cell is never closed (expected a"
            + " closing \" before the end of the file)");
      }
      char c = text.charAt(at++);
      if (c == '"') {
        if (at < text.length() && text.charAt(at) == '"') {
          cell.append('"');
          at++;
          continue;
        }
        break;
      }
      if (c == '\n') {
        line++;
      }
      cell.append(c);
    }
    while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t' || text.charAt(at) == '\r')) {
      at++;
    }
    if (at < text.length() && text.charAt(at) != ',' && text.charAt(at) != '\n') {
      throw new DataException(file + ":" + line + ": expected a comma or the end of the line after"
          + " the quoted cell \"" + cell + "\", found '" + text.charAt(at) + "'");
    }
    return cell.toString();
  }
}
