package dev.nnc.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {
  private static final CsvField X = CsvField.floats("x", CsvColumns.range(0, 2));
  private static final CsvField Y = CsvField.ints("y", CsvColumns.column(2));

  @TempDir Path dir;

  private Path write(String text) throws IOException {
    return Files.writeString(dir.resolve("data.csv"), text);
  }

  private static Batch all(Dataset data) {
    return data.batches(data.size(), 0, 0).next();
  }

  @Test
  void readsTypedFieldsFromColumns() throws IOException {
    Dataset data = Csv.load(write("1.5,2,0\n-3,4e-1,1\n"), false, X, Y);

    assertEquals(List.of(Field.floats("x", 2), Field.ints("y")), data.fields());
    assertArrayEquals(new float[] {1.5f, 2, -3, 0.4f}, all(data).floats("x"));
    assertArrayEquals(new int[] {0, 1}, all(data).ints("y"));
  }

  @Test
  void skipsTheHeaderAndLooksColumnsUpByName() throws IOException {
    Path file = write("\uFEFFa,b,label\r\n1,2,3\r\n\r\n4,5,6\r\n");
    Dataset data = Csv.load(file, true,
        CsvField.floats("ab", CsvColumns.columns("b", "a")), CsvField.ints("y", CsvColumns.column("label")));

    assertArrayEquals(new float[] {2, 1, 5, 4}, all(data).floats("ab"));
    assertArrayEquals(new int[] {3, 6}, all(data).ints("y"));
    assertEquals(List.of("a", "b", "label"), Csv.firstRecord(file));
  }

  @Test
  void readsQuotedCellsWithCommasQuotesAndLineBreaks() throws IOException {
    Path file = write("name,x\n\"a, \"\"b\"\"\nc\",\" 7 \"\nplain,8\n");

    Dataset data = Csv.load(file, true, CsvField.floats("x", CsvColumns.column(1)));
    assertArrayEquals(new float[] {7, 8}, all(data).floats("x"));
  }

  @Test
  void namesTheLineAndColumnOfACellThatIsNotANumber() throws IOException {
    Path file = write("x0,x1,y\n1,2,0\n3,abc,1\n");

    DataException e = assertThrows(DataException.class, () -> Csv.load(file, true, X, Y));
    assertEquals(file + ":3: column 1 (field x): expected a number, found \"abc\"", e.getMessage());
  }

  @Test
  void namesTheLineOfARecordWithTooFewColumns() throws IOException {
    Path file = write("1,2,0\n\n3,4\n");

    DataException e = assertThrows(DataException.class, () -> Csv.load(file, false, X, Y));
    assertEquals(file + ":3: expected at least 3 columns (field y reads column 2), found 2", e.getMessage());
  }

  @Test
  void reportsEmptyCellsFractionsInIntFieldsAndNonDecimalNumbers() throws IOException {
    Path empty = write("1,,0\n");
    assertEquals(empty + ":1: column 1 (field x): expected a number, found an empty cell",
        assertThrows(DataException.class, () -> Csv.load(empty, false, X, Y)).getMessage());
    Path fraction = write("1,2,0.5\n");
    assertEquals(fraction + ":1: column 2 (field y, an int field): expected a whole number, found \"0.5\"",
        assertThrows(DataException.class, () -> Csv.load(fraction, false, X, Y)).getMessage());
    for (String bad : List.of("NaN", "1f", "0x10", "1e", ".", "--1")) {
      Path file = write(bad + ",1,0\n");
      assertThrows(DataException.class, () -> Csv.load(file, false, X, Y), bad);
    }
  }

  @Test
  void reportsAnUnclosedQuoteAUnknownColumnNameAndAnEmptyFile() throws IOException {
    Path unclosed = write("x\n\"1\n2\n");
    assertEquals(unclosed + ":2: a quoted cell is never closed (expected a closing \" before the end of the file)",
        assertThrows(DataException.class, () -> Csv.load(unclosed, true, X)).getMessage());

    Path header = write("a,b\n1,2\n");
    assertEquals(header + ":1: field y reads the column \"label\", but the header has no such column; it has [a, b]",
        assertThrows(DataException.class,
            () -> Csv.load(header, true, CsvField.ints("y", CsvColumns.column("label")))).getMessage());

    Path onlyHeader = write("a,b\n");
    assertEquals(onlyHeader + ": expected records, found only a header",
        assertThrows(DataException.class, () -> Csv.load(onlyHeader, true, X)).getMessage());
  }
}
