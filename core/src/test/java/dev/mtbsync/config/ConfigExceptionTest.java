package dev.mtbsync.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigExceptionTest {

  @Test
  void aRefusalIsToldUnderTheEnginesNameOrAFrontEndsName() {
    ConfigException e = new ConfigException("jobs", "must be 1 to 16, got 0");
    assertThat(e).hasMessage("jobs must be 1 to 16, got 0");
    assertThat(e.as("--jobs")).isEqualTo("--jobs must be 1 to 16, got 0");
    assertThat(e.as(Map.of("jobs", "workers"))).isEqualTo("workers must be 1 to 16, got 0");
    assertThat(e.as(Map.of("keep", "keep"))).isEqualTo("jobs must be 1 to 16, got 0");
  }

  @Test
  void anOlderConfigsRefusalBecomesAConfigErrorAndNothingElseDoes() {
    assertThatThrownBy(
            () ->
                ConfigException.checked(
                    () -> {
                      throw new IllegalArgumentException("threads must be 1 to 64, got 0");
                    }))
        .isExactlyInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).parameter()).isEqualTo("threads"));
    assertThatThrownBy(
            () ->
                ConfigException.checked(
                    () -> {
                      throw new IllegalArgumentException("the GPS tracks do not share a trail");
                    }))
        .isExactlyInstanceOf(IllegalArgumentException.class);
    assertThat(ConfigException.checked(() -> 3)).isEqualTo(3);
  }
}
