package dev.nnc.compiler.onnx;

/** What keeps a model from being written as ONNX, in the user's terms (a layer and its place). */
public final class OnnxException extends RuntimeException {
  public OnnxException(String message) {
    super(message);
  }
}
