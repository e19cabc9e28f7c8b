package dev.nnc.runtime.data;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Reading data files, raw or gzip-compressed, with every I/O failure a {@link DataException} naming the file. */
final class DataFiles {
  static final int WHOLE_FILE = Integer.MAX_VALUE;
  private static final int BUFFER_BYTES = 1 << 16;

  private DataFiles() {}

  /** The file's first {@code limit} bytes (fewer if it is shorter), decompressed if it is gzip. */
  static byte[] read(Path file, int limit) {
    return reading(file, in -> in.readNBytes(limit));
  }

  /**
   * The file's first {@code length} bytes (fewer if it is shorter), as {@link #read}; a gzip file
   * that inflates to more is refused, as {@link #readUnsigned} says.
   */
  static byte[] readExactly(Path file, int length) {
    return reading(file, in -> {
      byte[] bytes = in.readNBytes(length);
      requireEnd(file, in, length);
      return bytes;
    });
  }

  /**
   * The bytes after the file's first {@code skip}, decompressed if it is gzip, as unsigned values
   * (0..255) into {@code into}, through a small buffer: a large file never has all its bytes in
   * memory at once. Returns how many were read, fewer than {@code into.length} if the file is shorter.
   * A gzip file that inflates to more than {@code skip + into.length} bytes is refused once those are
   * read: what its header claims is all it may hold, and inflating on would only cost time (a
   * decompression bomb may inflate to terabytes).
   */
  static int readUnsigned(Path file, int skip, float[] into) {
    return reading(file, in -> {
      if (in.readNBytes(skip).length < skip) {
        return 0;
      }
      byte[] buffer = new byte[BUFFER_BYTES];
      int filled = 0;
      for (int n; filled < into.length
          && (n = in.readNBytes(buffer, 0, Math.min(buffer.length, into.length - filled))) > 0; ) {
        for (int i = 0; i < n; i++) {
          into[filled + i] = buffer[i] & 0xFF;
        }
        filled += n;
      }
      requireEnd(file, in, (long) skip + filled);
      return filled;
    });
  }

  private static void requireEnd(Path file, InputStream in, long read) throws IOException {
    if (in instanceof GZIPInputStream && in.read() != -1) {
      throw new DataException(String.format(Locale.ROOT, "%s: the gzip file inflates to more than the %,d bytes"
          + " its header allows; it is damaged, or built to exhaust memory (a decompression bomb)", file, read));
    }
  }

  /**
   * What {@code reading} makes of the file's text, decompressed if it is gzip and decoded as UTF-8,
   * read as it goes through a small buffer: the file is never held whole.
   */
  static <T> T text(Path file, Function<Reader, T> reading) {
    return reading(file, in -> reading.apply(
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), BUFFER_BYTES)));
  }

  private interface Reading<T> {
    T from(InputStream in) throws IOException;
  }

  private static <T> T reading(Path file, Reading<T> reading) {
    try (InputStream in = open(file)) {
      try {
        return reading.from(in);
      } catch (UncheckedIOException e) {
        throw e.getCause(); // from a reader of the text, which cannot throw IOException itself
      }
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
