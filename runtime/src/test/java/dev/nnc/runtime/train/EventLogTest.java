package dev.nnc.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.Summary;

class EventLogTest {
  @TempDir Path dir;

  @Test
  void eventFilesHoldEveryValueOfMetricsCsvPerEpoch() throws IOException {
    long before = System.currentTimeMillis() / 1000;
    Trainer.run(Xor.spec().validate(Xor.data(1)).epochs(3).build(),
        TrainOptions.builder().logDir(dir).quiet(true).build());

    List<String> lines = Files.readAllLines(dir.resolve("metrics.csv"));
    String[] columns = lines.get(0).split(",");
    Map<String, Map<Long, Float>> train = scalars(eventFile(dir.resolve("train")), before);
    Map<String, Map<Long, Float>> validation = scalars(eventFile(dir.resolve("validation")), before);
    assertEquals(List.of("epoch_loss", "epoch_accuracy"), new ArrayList<>(train.keySet()));
    assertEquals(List.of("epoch_loss", "epoch_accuracy"), new ArrayList<>(validation.keySet()));
    for (String row : lines.subList(1, lines.size())) {
      String[] cells = row.split(",");
      long epoch = Long.parseLong(cells[0]);
      for (int c = 1; c < columns.length; c++) {
        boolean val = columns[c].startsWith("val_");
        String tag = "epoch_" + (val ? columns[c].substring(4) : columns[c]);
        float logged = (val ? validation : train).get(tag).get(epoch);
        assertEquals((float) Double.parseDouble(cells[c]), logged, columns[c] + " of epoch " + epoch);
      }
    }
  }

  @Test
  void aFreshRunReplacesTheEventFilesAndAJobWithoutValidationWritesNone() throws IOException {
    TrainOptions options = TrainOptions.builder().logDir(dir).quiet(true).build();
    Trainer.run(Xor.spec().validate(Xor.data(1)).epochs(1).build(), options);
    Trainer.run(Xor.spec().epochs(2).build(), options);

    Map<String, Map<Long, Float>> train = scalars(eventFile(dir.resolve("train")), 0);
    assertEquals(2, train.get("epoch_loss").size());
    try (Stream<Path> left = Files.list(dir.resolve("validation"))) {
      assertFalse(left.findAny().isPresent(), "the first run's validation events are gone");
    }
  }

  private static Path eventFile(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> events = files.filter(f -> f.getFileName().toString().startsWith("events.out.tfevents.")).toList();
      assertEquals(1, events.size(), events.toString());
      return events.get(0);
    }
  }

  /** Every scalar of the file by tag and step; the first record says the file's version. */
  private static Map<String, Map<Long, Float>> scalars(Path file, long notBefore) throws IOException {
    List<byte[]> records = TfRecords.read(file);
    assertEquals("brain.Event:2", Event.parseFrom(records.get(0)).getFileVersion());
    Map<String, Map<Long, Float>> scalars = new LinkedHashMap<>();
    for (byte[] record : records.subList(1, records.size())) {
      Event event = Event.parseFrom(record);
      assertTrue(event.getWallTime() >= notBefore, "wall time " + event.getWallTime());
      for (Summary.Value value : event.getSummary().getValueList()) {
        scalars.computeIfAbsent(value.getTag(), t -> new LinkedHashMap<>())
            .put(event.getStep(), value.getSimpleValue());
      }
    }
    return scalars;
  }
}
