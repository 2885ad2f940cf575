package io.tidemark.source.ual;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecordIdSetTest {
  private final long[] bits = new long[2];

  private boolean add(RecordIdSet set, String id) {
    assertThat(RecordIdSet.bits(id, bits)).as(id).isTrue();
    return set.add(bits[0], bits[1]);
  }

  @Test
  void bits_guidInAnyCaseOrBraces_isTheSameId() {
    RecordIdSet set = new RecordIdSet();

    assertThat(add(set, "5f3b2a1c-0d4e-4f6a-8b7c-9d0e1f2a3b4c")).isTrue();
    assertThat(add(set, "5F3B2A1C-0D4E-4F6A-8B7C-9D0E1F2A3B4C")).isFalse();
    assertThat(add(set, "{5f3b2a1c-0d4e-4f6a-8b7c-9d0e1f2a3b4c}")).isFalse();
    assertThat(RecordIdSet.bits("5f3b2a1c-0d4e-4f6a-8b7c-9d0e1f2a3b4c", bits)).isTrue();
    assertThat(bits).containsExactly(0x5f3b2a1c0d4e4f6aL, 0x8b7c9d0e1f2a3b4cL);
  }

  @Test
  void bits_otherIds_areHashedAndStillTellApart() {
    RecordIdSet set = new RecordIdSet();

    assertThat(add(set, "20240214T020500-42")).isTrue();
    assertThat(add(set, "20240214T020500-43")).isTrue();
    assertThat(add(set, "20240214T020500-42")).isFalse();
    assertThat(add(set, "00000000-0000-0000-0000-000000000000")).isTrue();
    assertThat(add(set, "00000000-0000-0000-0000-000000000000")).isFalse();
    assertThat(set.size()).isEqualTo(3);
  }

  @Test
  void bits_blankId_isNoId() {
    assertThat(RecordIdSet.bits(null, bits)).isFalse();
    assertThat(RecordIdSet.bits("  ", bits)).isFalse();
  }

  @Test
  void add_manyRandomGuids_agreesWithAHashSet() {
    RecordIdSet set = new RecordIdSet();
    Set<UUID> reference = new HashSet<>();
    Random random = new Random(5);
    for (int i = 0; i < 200_000; i++) {
      // a small pool, so that about half are repeats
      UUID id = new UUID(random.nextInt(100_000), random.nextLong());
      id = new UUID(id.getMostSignificantBits(), id.getMostSignificantBits() * 31);
      assertThat(set.add(id.getMostSignificantBits(), id.getLeastSignificantBits()))
          .isEqualTo(reference.add(id));
    }
    assertThat(set.size()).isEqualTo(reference.size());
    assertThat(set.contains(reference.iterator().next().getMostSignificantBits(),
        reference.iterator().next().getLeastSignificantBits())).isTrue();
  }
}
