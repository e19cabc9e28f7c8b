package dev.nnc.runtime.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The stored records of a dataset: one flat array per field, fields in declaration order. */
final class Table {
  private final int size;
  private final Map<String, Field> fields;
  private final Map<String, Values> values;

  private Table(int size, Map<String, Field> fields, Map<String, Values> values) {
    this.size = size;
    this.fields = fields;
    this.values = values;
  }

  /** A table of {@code size} records with no fields yet. */
  static Table empty(int size) {
    return new Table(size, new LinkedHashMap<>(), new LinkedHashMap<>());
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
    newFields.put(field.name(), field);
    newValues.put(field.name(), data);
    return new Table(size, newFields, newValues);
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

  String describeFields() {
    return fields.values().stream()
        .map(Field::toString).collect(Collectors.joining(", ", "[", "]"));
  }

  /** Records {@code order[from .. from+count)} of every field, ready to feed. */
  Batch gather(int[] order, int from, int count) {
    Map<String, Values> gathered = new LinkedHashMap<>();
    for (Field field : fields.values()) {
      gathered.put(field.name(),
          values.get(field.name()).gather(order, from, count, field.elements()));
    }
    return new Batch(count, new ArrayList<>(fields.values()), gathered);
  }
}
