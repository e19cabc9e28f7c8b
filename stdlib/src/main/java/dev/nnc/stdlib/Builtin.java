package dev.nnc.stdlib;

import dev.nnc.stdlib.spec.Signature;

/** A name in the standard scope: its kind, its signature and a line of documentation. */
public interface Builtin {
  String name();

  Kind kind();

  Signature signature();

  /** One sentence for hover and {@code --help}. */
  String doc();
}
