package dev.nnc.runtime.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class DataShardTest {
  @Test
  void theWorkersSlicesAreDisjointAndMakeTheWholeBatch() {
    ClusterTask last = new ClusterTask(List.of("a:1", "b:1", "c:1", "d:1"), 3);
    assertEquals(25, DataShard.of(last).rows(100));
    assertEquals(75, DataShard.of(last).first(100));
    assertEquals(0, new DataShard(0, 4).first(100));
  }

  @Test
  void aBatchTheWorkersDoNotDivideIsAnErrorThatSuggestsOthers() {
    assertEquals("batch: 100 cannot be split evenly among 3 workers; choose a batch that 3 divides (99 or 102)",
        assertThrows(ClusterException.class, () -> new DataShard(1, 3).rows(100)).getMessage());
    assertEquals("batch: 2 cannot be split evenly among 3 workers; choose a batch that 3 divides (3)",
        assertThrows(ClusterException.class, () -> new DataShard(0, 3).rows(2)).getMessage());
  }
}
