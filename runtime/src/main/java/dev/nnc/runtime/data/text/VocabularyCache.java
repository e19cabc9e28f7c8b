package dev.nnc.runtime.data.text;

import dev.nnc.runtime.data.DataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Vocabularies and class lists of text files, kept by path, modification time, size and the
 * options that built them, so the checker and the language server, which ask on every keystroke,
 * read a corpus once and again only after it changed. Holds the {@link #CAPACITY} most recently
 * used entries. Thread-safe.
 */
public final class VocabularyCache {
  static final int CAPACITY = 64;
  /** The one cache the compiler and the language server share. */
  public static final VocabularyCache SHARED = new VocabularyCache();

  private final Map<Key, Object> entries = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Object> eldest) {
      return size() > CAPACITY;
    }
  };

  private record Key(Path file, FileTime modified, long size, Object what) {}

  private record VocabularyOf(Tokenizer tokenizer, TextLines.Part part, String separator,
      Vocabulary.Options options) {}

  private record ClassesOf(String separator) {}

  /** The vocabulary of {@code part} of {@code file}'s lines (see {@link TextLines#part}). */
  public Vocabulary vocabulary(Path file, Tokenizer tokenizer, TextLines.Part part, String separator,
      Vocabulary.Options options) {
    return (Vocabulary) cached(file, new VocabularyOf(tokenizer, part, separator, options), () -> {
      TextLines lines = TextLines.read(file);
      return Vocabulary.of(TokenCounts.of(lines.part(part, separator), tokenizer).counts(), options,
          lines.where(part));
    });
  }

  /** The labels before {@code separator} in {@code file}'s lines, sorted: {@code labelled_text}'s classes. */
  @SuppressWarnings("unchecked")
  public List<String> classes(Path file, String separator) {
    return (List<String>) cached(file, new ClassesOf(separator), () -> TextLines.read(file).labels(separator));
  }

  private Object cached(Path file, Object what, Supplier<Object> load) {
    Key key = key(file, what);
    synchronized (entries) {
      Object hit = entries.get(key);
      if (hit != null) {
        return hit;
      }
    }
    // Loaded outside the lock: a large corpus must not hold up lookups of other files.
    Object value = load.get();
    synchronized (entries) {
      entries.put(key, value);
    }
    return value;
  }

  private static Key key(Path file, Object what) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return new Key(file.toAbsolutePath().normalize(), attributes.lastModifiedTime(),
          attributes.size(), what);
    } catch (NoSuchFileException e) {
      throw new DataException(file + ": no such file");
    } catch (IOException e) {
      throw new DataException(file + ": cannot read it: " + e.getMessage(), e);
    }
  }
}
