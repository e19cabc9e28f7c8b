package dev.nnc.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nnc.runtime.data.Field;
import dev.nnc.runtime.data.Records;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainSpecTest {
  @Test
  void feedsEachInputFromTheFieldOfItsName() {
    assertEquals("x", Xor.spec().build().fieldFor("x"));
  }

  @Test
  void feedsAnInputFromTheFieldNamedForIt() {
    TrainSpec spec = Xor.spec()
        .data(Records.of(List.of(Field.floats("pair", 2), Field.floats("y", 1)), Xor.TRUTH_TABLE))
        .feed("x", "pair")
        .build();

    assertEquals("pair", spec.fieldFor("x"));
  }

  @Test
  void reportsAnInputWithoutADataField() {
    TrainSpec.Builder spec = Xor.spec()
        .model(Xor::model, List.of(Field.floats("features", 2)), List.of("probability"));

    TrainException e = assertThrows(TrainException.class, spec::build);
    assertEquals("job xor: model input 'features' has no data field 'features' to feed it; "
        + "the training data has [x: float[2], y: float[1]]", e.getMessage());
  }

  @Test
  void reportsAFieldOfAnotherShape() {
    TrainSpec.Builder spec = Xor.spec()
        .model(Xor::model, List.of(Field.floats("x", 1, 2)), List.of("probability"));

    TrainException e = assertThrows(TrainException.class, spec::build);
    assertEquals("job xor: model input 'x' is float[1, 2] but data field 'x' is float[2]",
        e.getMessage());
  }

  @Test
  void reportsValidationDataMissingAField() {
    TrainSpec.Builder spec = Xor.spec()
        .validate(Records.of(List.of(Field.floats("x", 2)), new double[][] {{0, 1}}));

    TrainException e = assertThrows(TrainException.class, spec::build);
    assertEquals("job xor: the validation data has no field 'y' of the training data; "
        + "it has [x: float[2]]", e.getMessage());
  }

  @Test
  void refusesEpochsAndStepsTogether() {
    TrainException e = assertThrows(TrainException.class, () -> Xor.spec().steps(10).build());
    assertEquals("job xor: give epochs or steps, not both", e.getMessage());
  }
}
