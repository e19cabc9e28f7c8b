package dev.nnc.runtime.data;

/** Computes a field from the other fields, for all records at once (see {@link Dataset#map}). */
@FunctionalInterface
public interface ColumnFunction {
  Column apply(Columns record);
}
