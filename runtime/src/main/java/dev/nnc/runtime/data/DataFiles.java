package dev.nnc.runtime.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Reading data files, raw or gzip-compressed, with every I/O failure a {@link DataException} naming the file. */
final class DataFiles {
  static final int WHOLE_FILE = Integer.MAX_VALUE;
  private static final int BUFFER_BYTES = 1 << 16;

  private DataFiles() {}

  /** The file's first {@code limit} bytes (fewer if it is shorter), decompressed if it is gzip. */
  static byte[] read(Path file, int limit) {
    try (InputStream in = open(file)) {
      return in.readNBytes(limit);
    } catch (NoSuchFileException e) {
      throw new DataException(file + ": no such file");
    } catch (ZipException | EOFException e) {
      throw new DataException(file + ": a damaged gzip file: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new DataException(file + ": cannot read it: " + e.getMessage(), e);
    }
  }

  /** The file's contents, through a gzip decoder when it starts with the magic bytes 1f 8b. */
  private static InputStream open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES);
    in.mark(2);
    boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
    in.reset();
    return gzip ? new GZIPInputStream(in, BUFFER_BYTES) : in;
  }
}
