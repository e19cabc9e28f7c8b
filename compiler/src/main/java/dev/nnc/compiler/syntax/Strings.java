package dev.nnc.compiler.syntax;

/** String literal escapes: {@code \n \t \" \\}. */
final class Strings {
  private Strings() {}

  static String unquote(String literal) {
    StringBuilder s = new StringBuilder();
    for (int i = 1; i < literal.length() - 1; i++) {
      char c = literal.charAt(i);
      if (c == '\\' && i + 1 < literal.length() - 1) {
        char next = literal.charAt(++i);
        s.append(switch (next) {
          case 'n' -> '\n';
          case 't' -> '\t';
          case 'r' -> '\r';
          default -> next;
        });
      } else {
        s.append(c);
      }
    }
    return s.toString();
  }
}
