package dev.nnc.compiler.check;

import dev.nnc.runtime.data.DataContext;
import dev.nnc.runtime.data.DataException;
import java.nio.file.Path;
import java.util.function.ToIntFunction;

/**
 * Where the number of classes of a source's records comes from (the {@code classes} of
 * {@code fashion.train.classes}): a number the format fixes, or one read from the data file —
 * only when a program asks for it, since reading a large file on every check would be slow.
 */
public interface ClassCount {
  /** The number of classes; a {@link DataException} when the file it comes from cannot be read. */
  int count(DataContext files);

  /** What the number is, for messages: "the characters of gettysburg.txt". */
  String describe();

  static ClassCount fixed(int classes, String what) {
    return new ClassCount() {
      @Override
      public int count(DataContext files) {
        return classes;
      }

      @Override
      public String describe() {
        return what;
      }
    };
  }

  /** A count read from {@code file} by {@code reader}, which a DataException may stop. */
  static ClassCount fromFile(String file, String what, ToIntFunction<Path> reader) {
    return new ClassCount() {
      @Override
      public int count(DataContext files) {
        return reader.applyAsInt(files.resolve(file));
      }

      @Override
      public String describe() {
        return what;
      }
    };
  }
}
