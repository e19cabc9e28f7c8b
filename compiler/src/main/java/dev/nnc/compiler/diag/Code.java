package dev.nnc.compiler.diag;

/**
 * Every diagnostic code, with its severity and a title. Codes are stable: tests, editors and users'
 * searches depend on them, so a code is never reused for another problem.
 */
public enum Code {
  // 00xx: syntax
  NN0001("NN0001", Severity.ERROR, "syntax error"),
  NN0002("NN0002", Severity.ERROR, "invalid character or literal"),
  // 01xx: names
  NN0101("NN0101", Severity.ERROR, "unknown name"),
  NN0102("NN0102", Severity.ERROR, "name declared twice"),
  NN0103("NN0103", Severity.ERROR, "built-in name redefined"),
  NN0104("NN0104", Severity.ERROR, "import not found"),
  NN0105("NN0105", Severity.ERROR, "no such member"),
  // 02xx: types and arguments
  NN0201("NN0201", Severity.ERROR, "wrong argument type"),
  NN0202("NN0202", Severity.ERROR, "unknown named argument"),
  NN0203("NN0203", Severity.ERROR, "missing argument"),
  NN0204("NN0204", Severity.ERROR, "too many arguments"),
  NN0205("NN0205", Severity.ERROR, "argument given twice"),
  NN0206("NN0206", Severity.ERROR, "wrong kind of value"),
  NN0207("NN0207", Severity.ERROR, "not a compile-time value"),
  NN0208("NN0208", Severity.ERROR, "invalid value"),
  // 03xx: shapes
  NN0301("NN0301", Severity.ERROR, "input shape does not fit"),
  NN0302("NN0302", Severity.ERROR, "shapes do not match"),
  NN0303("NN0303", Severity.ERROR, "dimension bound to two sizes"),
  NN0304("NN0304", Severity.ERROR, "model without inputs or outputs"),
  // 04xx: train jobs and data
  NN0401("NN0401", Severity.ERROR, "missing job setting"),
  NN0402("NN0402", Severity.ERROR, "unknown job setting"),
  NN0403("NN0403", Severity.ERROR, "model input without data"),
  NN0404("NN0404", Severity.ERROR, "invalid records"),
  NN0405("NN0405", Severity.ERROR, "not supported yet"),
  NN0406("NN0406", Severity.ERROR, "data file does not fit the program"),
  NN0407("NN0407", Severity.ERROR, "data transform out of place"),
  NN0408("NN0408", Severity.ERROR, "minimize over a model the loss does not depend on"),
  NN0409("NN0409", Severity.ERROR, "update of something that is not a parameter"),
  NN0410("NN0410", Severity.ERROR, "statement out of place in a step"),
  NN0411("NN0411", Severity.ERROR, "data file needed at compile time cannot be read"),
  NN0412("NN0412", Severity.ERROR, "model unfit for a sample job"),
  NN0413("NN0413", Severity.ERROR, "training memory over budget"),
  NN0414("NN0414", Severity.ERROR, "path no file can have"),
  NN0415("NN0415", Severity.ERROR, "sync between different models"),
  NN0416("NN0416", Severity.ERROR, "action values that do not fit the environment"),
  // 09xx: warnings
  NN0901("NN0901", Severity.WARNING, "dense on records of rank 3 or more");

  private final String id;
  private final Severity severity;
  private final String title;

  Code(String id, Severity severity, String title) {
    this.id = id;
    this.severity = severity;
    this.title = title;
  }

  public String id() {
    return id;
  }

  public Severity severity() {
    return severity;
  }

  public String title() {
    return title;
  }
}
