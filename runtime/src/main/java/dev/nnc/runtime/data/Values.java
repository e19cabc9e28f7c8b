package dev.nnc.runtime.data;

/**
 * The stored values of one field for every record, flat and record after record. Arrays are never
 * written after construction, so tables, batches and columns share them freely; the one exception
 * is a batch's gathered arrays, refilled for a later batch once the batch is handed back
 * ({@link Batch#release}).
 */
sealed interface Values {
  int length();

  /**
   * Records {@code order[from .. from+count)} in that order, each {@code elements} values long:
   * written into {@code reuse}'s array when it is one of this kind and length (nobody may read
   * {@code reuse} any more), otherwise into a new one.
   */
  Values gather(int[] order, int from, int count, int elements, Values reuse);

  /** The values as floats: the array itself for a float field, a converted copy for an int field. */
  float[] floats();

  record Floats(float[] data) implements Values {
    @Override
    public int length() {
      return data.length;
    }

    @Override
    public Values gather(int[] order, int from, int count, int elements, Values reuse) {
      float[] out = reuse instanceof Floats f && f.data.length == count * elements
          ? f.data : new float[count * elements];
      for (int i = 0; i < count; i++) {
        System.arraycopy(data, order[from + i] * elements, out, i * elements, elements);
      }
      return new Floats(out);
    }

    @Override
    public float[] floats() {
      return data;
    }
  }

  record Ints(int[] data) implements Values {
    @Override
    public int length() {
      return data.length;
    }

    @Override
    public Values gather(int[] order, int from, int count, int elements, Values reuse) {
      int[] out = reuse instanceof Ints r && r.data.length == count * elements
          ? r.data : new int[count * elements];
      for (int i = 0; i < count; i++) {
        System.arraycopy(data, order[from + i] * elements, out, i * elements, elements);
      }
      return new Ints(out);
    }

    @Override
    public float[] floats() {
      float[] out = new float[data.length];
      for (int i = 0; i < data.length; i++) {
        out[i] = data[i];
      }
      return out;
    }
  }
}
