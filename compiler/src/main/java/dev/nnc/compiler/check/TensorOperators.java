package dev.nnc.compiler.check;

import dev.nnc.compiler.syntax.Ast.BinaryOp;
import dev.nnc.stdlib.Builtins;
import dev.nnc.stdlib.TensorOp;

/**
 * The built-in a binary operator means on tensors ({@code a @ b} is {@code matmul}, {@code x > 0} is
 * {@code greater}), read by the checker and the code generator alike; null for the operators that
 * work on compile-time values only ({@code and}, {@code **}, {@code ..}).
 */
public final class TensorOperators {
  private TensorOperators() {}

  public static TensorOp of(BinaryOp op) {
    return switch (op) {
      case ADD -> Builtins.ADD;
      case SUB -> Builtins.SUB;
      case MUL -> Builtins.MUL;
      case DIV -> Builtins.DIV;
      case MATMUL -> Builtins.MATMUL;
      case GT -> Builtins.GREATER;
      case LT -> Builtins.LESS;
      case GE -> Builtins.GREATER_EQUAL;
      case LE -> Builtins.LESS_EQUAL;
      case EQ -> Builtins.EQUAL;
      case NE -> Builtins.NOT_EQUAL;
      default -> null;
    };
  }
}
