package dev.nnc.stdlib.data;

import dev.nnc.stdlib.BuiltinDefinition;
import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.spec.Signature;

/**
 * A data source ({@code idx(...)}) or a data transform ({@code | take(100)}): its name, its
 * documentation, the signature of the arguments that are ordinary values, and an example call for
 * messages and completion. Arguments that name record fields ({@code one_hot(label, 10)}, whose
 * field comes first when {@link #takesField}) or columns ({@code csv}'s fields) are read by the
 * checker itself and are not parameters here.
 */
public final class DataBuiltin extends BuiltinDefinition {
  private final String example;
  private final boolean takesField;
  private final boolean endless;

  private DataBuiltin(String name, Kind kind, String doc, Signature signature, String example, boolean takesField,
      boolean endless) {
    super(name, kind, doc, signature);
    this.example = example;
    this.takesField = takesField;
    this.endless = endless;
  }

  static DataBuiltin source(String name, String doc, Signature signature, String example) {
    return new DataBuiltin(name, Kind.DATA_SOURCE, doc, signature, example, false, false);
  }

  /** A source whose records never end: an epoch takes as many as {@code | take(n)} says. */
  static DataBuiltin endlessSource(String name, String doc, Signature signature, String example) {
    return new DataBuiltin(name, Kind.DATA_SOURCE, doc, signature, example, false, true);
  }

  static DataBuiltin transform(String name, String doc, Signature signature, String example) {
    return new DataBuiltin(name, Kind.TRANSFORM, doc, signature, example, false, false);
  }

  /** A transform whose first argument names the record field it changes. */
  static DataBuiltin fieldTransform(String name, String doc, Signature signature, String example) {
    return new DataBuiltin(name, Kind.TRANSFORM, doc, signature, example, true, false);
  }

  /** A call as a user writes it, such as {@code one_hot(label, 10)}. */
  public String example() {
    return example;
  }

  public boolean takesField() {
    return takesField;
  }

  public boolean endless() {
    return endless;
  }
}
