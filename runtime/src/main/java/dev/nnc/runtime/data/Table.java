package dev.nnc.runtime.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Records stored column by column: one flat array per field, fields in declaration order. A
 * dataset's stored records are a table, and so is each batch gathered from them.
 */
final class Table {
  private final int size;
  private final Map<String, Field> fields;
  private final Map<String, Values> values;
  /** What the values of some INT fields stand for (class names, characters), by field. */
  private final Map<String, List<String>> vocabularies;

  private Table(int size, Map<String, Field> fields, Map<String, Values> values,
      Map<String, List<String>> vocabularies) {
    this.size = size;
    this.fields = fields;
    this.values = values;
    this.vocabularies = vocabularies;
  }

  /** A table of {@code size} records with no fields yet. */
  static Table empty(int size) {
    return new Table(size, new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
  }

  /** This table plus {@code field}, which replaces a field of the same name in place. */
  Table with(Field field, Values data) {
    long expected = (long) size * field.elements();
    if (data.length() != expected) {
      throw new IllegalArgumentException(field + ": expected " + expected + " values for "
          + size + " records, got " + data.length());
    }
    Map<String, Field> newFields = new LinkedHashMap<>(fields);
    Map<String, Values> newValues = new LinkedHashMap<>(values);
    Map<String, List<String>> newVocabularies = new LinkedHashMap<>(vocabularies);
    newFields.put(field.name(), field);
    newValues.put(field.name(), data);
    newVocabularies.remove(field.name());
    return new Table(size, newFields, newValues, newVocabularies);
  }

  /** This table with {@code words[i]} naming the value {@code i} of the INT field {@code field}. */
  Table withVocabulary(String field, List<String> words) {
    field(field);
    Map<String, List<String>> newVocabularies = new LinkedHashMap<>(vocabularies);
    newVocabularies.put(field, List.copyOf(words));
    return new Table(size, fields, values, newVocabularies);
  }

  int size() {
    return size;
  }

  List<Field> fields() {
    return List.copyOf(fields.values());
  }

  Field field(String name) {
    Field field = fields.get(name);
    if (field == null) {
      throw new DataException(
          "no field '" + name + "' in the data; its fields are " + describeFields());
    }
    return field;
  }

  Values values(String name) {
    field(name);
    return values.get(name);
  }

  /** The words for the values of {@code field}; empty when its values are plain numbers. */
  List<String> vocabulary(String field) {
    return vocabularies.getOrDefault(field, List.of());
  }

  String describeFields() {
    return fields.values().stream()
        .map(Field::toString).collect(Collectors.joining(", ", "[", "]"));
  }

  /** Records {@code order[from .. from+count)} of every field, in that order. */
  Table gather(int[] order, int from, int count) {
    return gather(order, from, count, null);
  }

  /**
   * As {@link #gather(int[], int, int)}, writing into the arrays of {@code reuse}, an earlier
   * gather of this table that nobody reads any more, where they fit ({@code null}: none).
   */
  Table gather(int[] order, int from, int count, Table reuse) {
    Map<String, Values> gathered = new LinkedHashMap<>();
    for (Field field : fields.values()) {
      gathered.put(field.name(), values.get(field.name()).gather(order, from, count, field.elements(),
          reuse == null ? null : reuse.values.get(field.name())));
    }
    return new Table(count, fields, gathered, vocabularies);
  }
}
