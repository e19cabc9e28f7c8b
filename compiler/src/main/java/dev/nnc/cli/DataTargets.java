package dev.nnc.cli;

import dev.nnc.compiler.check.Program;
import dev.nnc.compiler.check.Value;
import dev.nnc.compiler.run.GeneratedProgram;
import dev.nnc.compiler.syntax.Ast;
import dev.nnc.runtime.data.Dataset;
import java.util.ArrayList;
import java.util.List;

/** The data sets a program's data blocks declare, by the names the command line gives them. */
final class DataTargets {
  private DataTargets() {}

  /** A data set: {@code block.split}, or {@code block.split.first} for a part of a {@code split(f)}. */
  record Target(String block, String split, String part) {
    String name() {
      return block + "." + split + (part == null ? "" : "." + part);
    }

    Dataset load(GeneratedProgram generated) {
      Object loaded = generated.dataSplit(block, split);
      if (part == null) {
        return (Dataset) loaded;
      }
      Dataset.Parts parts = (Dataset.Parts) loaded;
      return part.equals("first") ? parts.first() : parts.rest();
    }
  }

  /** Every data set of {@code program}, in declaration order. */
  static List<Target> of(Program program) {
    List<Target> targets = new ArrayList<>();
    for (Ast.Decl decl : program.unit().decls()) {
      if (decl instanceof Ast.Data block) {
        for (Ast.Split split : block.splits()) {
          String b = block.name().name();
          String s = split.name().name();
          if (program.valueOf(split.value()) instanceof Value.DatasetParts) {
            targets.add(new Target(b, s, "first"));
            targets.add(new Target(b, s, "rest"));
          } else {
            targets.add(new Target(b, s, null));
          }
        }
      }
    }
    return targets;
  }

  /** The names of {@code targets}, for a message that lists them. */
  static String names(List<Target> targets) {
    return String.join(", ", targets.stream().map(Target::name).toList());
  }
}
