package dev.nnc.compiler.format;

/**
 * One thing the formatter places: a token or a comment, its text as written, and how many line
 * breaks separated it from the piece before it in the source (the only layout the user chose that
 * the formatter keeps).
 */
record Piece(Kind kind, int type, String text, int breaksBefore) {
  enum Kind { TOKEN, LINE_COMMENT, BLOCK_COMMENT }

  boolean isComment() {
    return kind != Kind.TOKEN;
  }

  boolean is(int tokenType) {
    return kind == Kind.TOKEN && type == tokenType;
  }
}
