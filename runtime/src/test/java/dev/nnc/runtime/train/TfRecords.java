package dev.nnc.runtime.train;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Reads a TFRecord file as TensorFlow frames it — per record a little-endian u64 length, the masked
 * CRC-32C of those 8 bytes, the data, the masked CRC-32C of the data — failing on any checksum that
 * does not match; written here from the format's description to check the files TensorFlow wrote.
 */
final class TfRecords {
  private static final int MASK_DELTA = 0xa282ead8;

  private TfRecords() {}

  static List<byte[]> read(Path file) throws IOException {
    ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    List<byte[]> records = new ArrayList<>();
    while (in.hasRemaining()) {
      byte[] header = new byte[8];
      in.get(header);
      expectCrc(header, in.getInt(), file, "length");
      long length = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getLong();
      byte[] data = new byte[Math.toIntExact(length)];
      in.get(data);
      expectCrc(data, in.getInt(), file, "record " + records.size());
      records.add(data);
    }
    return records;
  }

  private static void expectCrc(byte[] bytes, int stored, Path file, String what) {
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    int value = (int) crc.getValue();
    int masked = ((value >>> 15) | (value << 17)) + MASK_DELTA;
    if (masked != stored) {
      throw new AssertionError(file + ": the checksum of the " + what + " is " + stored
          + ", the bytes give " + masked + " (" + Arrays.toString(Arrays.copyOf(bytes, 8)) + "...)");
    }
  }
}
