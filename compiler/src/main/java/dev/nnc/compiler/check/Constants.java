package dev.nnc.compiler.check;

import dev.nnc.compiler.syntax.Ast.BinaryOp;
import java.util.ArrayList;
import java.util.List;

/**
 * Arithmetic on compile-time values (hyper-parameters, sizes). Integers stay integers where the
 * result is whole, so {@code hidden * 4} is a valid size; null means the operator does not apply.
 */
final class Constants {
  private Constants() {}

  static Object binary(BinaryOp op, Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      return integers(op, x, y);
    }
    if (a instanceof Number x && b instanceof Number y) {
      return reals(op, x.doubleValue(), y.doubleValue());
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return switch (op) {
        case AND -> x && y;
        case OR -> x || y;
        case EQ -> x.equals(y);
        case NE -> !x.equals(y);
        default -> null;
      };
    }
    if (a instanceof String x && b instanceof String y) {
      return switch (op) {
        case ADD -> x + y;
        case EQ -> x.equals(y);
        case NE -> !x.equals(y);
        default -> null;
      };
    }
    return null;
  }

  private static Object integers(BinaryOp op, long x, long y) {
    return switch (op) {
      case ADD -> x + y;
      case SUB -> x - y;
      case MUL -> x * y;
      case DIV -> y == 0 ? null : x % y == 0 ? (Object) (x / y) : (Object) ((double) x / y);
      case MOD -> y == 0 ? null : x % y;
      case POW -> y >= 0 ? (Object) (long) Math.pow(x, y) : (Object) Math.pow(x, y);
      case RANGE -> range(x, y);
      default -> compare(op, Long.compare(x, y));
    };
  }

  private static Object reals(BinaryOp op, double x, double y) {
    return switch (op) {
      case ADD -> x + y;
      case SUB -> x - y;
      case MUL -> x * y;
      case DIV -> x / y;
      case MOD -> x % y;
      case POW -> Math.pow(x, y);
      default -> compare(op, Double.compare(x, y));
    };
  }

  private static Object compare(BinaryOp op, int c) {
    return switch (op) {
      case EQ -> c == 0;
      case NE -> c != 0;
      case LT -> c < 0;
      case LE -> c <= 0;
      case GT -> c > 0;
      case GE -> c >= 0;
      default -> null;
    };
  }

  private static List<Long> range(long from, long to) {
    List<Long> values = new ArrayList<>();
    for (long i = from; i < to; i++) {
      values.add(i);
    }
    return values;
  }

  static Object unary(String op, Object a) {
    if (op.equals("-")) {
      return a instanceof Long x ? (Object) (-x) : a instanceof Double x ? (Object) (-x) : null;
    }
    return a instanceof Boolean x ? !x : null;
  }
}
