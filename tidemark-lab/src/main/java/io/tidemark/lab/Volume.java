package io.tidemark.lab;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * How much background traffic to generate: a request-rate multiplier over the natural per-user
 * rates, and the number of users. A size goal raises the rate up to {@link #MAX_RATE}, then adds
 * users, because a few users doing a thousand times the usual traffic would look wrong.
 *
 * @param users mailbox users to create
 * @param rate multiplier on every per-user burst rate
 */
record Volume(int users, double rate) {
  /** Measured output per user per unit of intensity (one busy hour) at rate 1. */
  static final double BYTES_PER_USER_HOUR = 4_200;
  /** Measured output of the server itself (probes, routine events) per hour. */
  static final double SERVER_BYTES_PER_HOUR = 38_000;
  static final double MAX_RATE = 8;
  private static final double[] WEEKDAY = {
    0.03, 0.03, 0.03, 0.03, 0.03, 0.05, 0.2, 0.6, 1, 1, 1, 1, 0.7, 1, 1, 1, 1, 0.7, 0.4, 0.3,
    0.25, 0.2, 0.1, 0.05
  };

  static Volume plan(LabSpec spec, long windowStart) {
    if (spec.targetBytes() == 0) {
      return new Volume(spec.users(), 1.0);
    }
    int hours = spec.days() * 24;
    double activeHours = 0;
    for (int h = 0; h < hours; h++) {
      activeHours += intensity(windowStart + h * 3_600_000L);
    }
    double userBytes = Math.max(0, spec.targetBytes() - SERVER_BYTES_PER_HOUR * hours);
    double perUser = BYTES_PER_USER_HOUR * activeHours;
    double rate = Math.max(0.02, userBytes / (perUser * spec.users()));
    if (rate <= MAX_RATE) {
      return new Volume(spec.users(), rate);
    }
    long users = (long) Math.ceil(userBytes / (perUser * MAX_RATE));
    int capped = (int) Math.min(1_000_000, users);
    return new Volume(capped, Math.max(MAX_RATE, userBytes / (perUser * capped)));
  }

  /** How busy users are in the hour starting at {@code hourStartMs}: 1 on a weekday morning. */
  static double intensity(long hourStartMs) {
    ZonedDateTime time = Instant.ofEpochMilli(hourStartMs).atZone(ZoneOffset.UTC);
    double base = WEEKDAY[time.getHour()];
    DayOfWeek day = time.getDayOfWeek();
    return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? base * 0.12 + 0.01 : base;
  }
}
