package io.tidemark.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordIdSetTest {

  @Test
  void add_consecutiveAndScatteredIds_rejectsOnlyRepeats() {
    RecordIdSet ids = new RecordIdSet();

    assertThat(ids.add(5)).isTrue();
    assertThat(ids.add(7)).isTrue();
    assertThat(ids.add(6)).isTrue(); // joins 5 and 7 into one range
    assertThat(ids.add(6)).isFalse();
    assertThat(ids.add(5)).isFalse();
    assertThat(ids.add(7)).isFalse();
    assertThat(ids.add(Long.MAX_VALUE)).isTrue();
    assertThat(ids.contains(8)).isFalse();
    assertThat(ids.contains(Long.MAX_VALUE)).isTrue();
  }
}
