package dev.nnc.compiler.onnx;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One protobuf message being written, field by field, with protobuf-java's encoder; the field
 * numbers are onnx.proto's (see {@link OnnxGraph}). ONNX's schema is small and stable, so its
 * messages are written directly rather than generated from a checked-in {@code .proto}.
 */
final class Proto {
  private final ByteString.Output bytes = ByteString.newOutput();
  private final CodedOutputStream out = CodedOutputStream.newInstance(bytes);

  Proto int64(int field, long value) {
    return write(() -> out.writeInt64(field, value));
  }

  Proto float32(int field, float value) {
    return write(() -> out.writeFloat(field, value));
  }

  Proto string(int field, String value) {
    return write(() -> out.writeString(field, value));
  }

  Proto bytes(int field, ByteString value) {
    return write(() -> out.writeBytes(field, value));
  }

  Proto message(int field, Proto message) {
    return bytes(field, message.toByteString());
  }

  ByteString toByteString() {
    write(out::flush);
    return bytes.toByteString();
  }

  private interface Write {
    void run() throws IOException;
  }

  private Proto write(Write write) {
    try {
      write.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // In memory: cannot happen.
    }
    return this;
  }
}
