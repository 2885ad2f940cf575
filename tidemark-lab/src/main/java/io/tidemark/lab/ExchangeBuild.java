package io.tidemark.lab;

import java.time.LocalDate;

/**
 * The Exchange 2016 build the server runs, chosen by the window's date so that logs from 2021
 * carry a 2021 build. It appears in every Exchange log header and several columns.
 */
record ExchangeBuild(int build, int revision) {
  static ExchangeBuild forDate(LocalDate date) {
    if (date.isBefore(LocalDate.of(2021, 4, 13))) {
      return new ExchangeBuild(2176, 2); // CU19
    }
    if (date.isBefore(LocalDate.of(2021, 9, 28))) {
      return new ExchangeBuild(2308, 8); // CU21
    }
    if (date.isBefore(LocalDate.of(2022, 4, 20))) {
      return new ExchangeBuild(2375, 7); // CU22
    }
    return new ExchangeBuild(2507, 6); // CU23
  }

  /** {@code 15.01.2176.002}, the {@code #Version} of most Exchange logs. */
  String versionText() {
    StringBuilder sb = new StringBuilder("15.01.");
    Text.pad(sb, build, 4);
    sb.append('.');
    Text.pad(sb, revision, 3);
    return sb.toString();
  }

  /** {@code 15.01.2176.000}, as HttpProxy's {@code TargetServerVersion} shows it. */
  String targetVersionText() {
    StringBuilder sb = new StringBuilder("15.01.");
    Text.pad(sb, build, 4);
    return sb.append(".000").toString();
  }

  /** {@code 15.1.2176.2}, as ECP logs write it. */
  String shortText() {
    return "15.1." + build + "." + revision;
  }

  /** The integer Exchange puts in {@code FEAuth=BEVersion-…} and server cookies. */
  long versionNumber() {
    return 0x70000000L | (15L << 22) | (1L << 16) | 0x8000L | build;
  }
}
