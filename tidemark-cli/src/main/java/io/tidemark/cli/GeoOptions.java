package io.tidemark.cli;

import io.tidemark.assess.GeoLookup;
import io.tidemark.event.TidemarkException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --geoip}: the MaxMind-format databases the damage analysis locates addresses with. */
final class GeoOptions {
  @Option(
      names = "--geoip",
      paramLabel = "FILE",
      description = "A MaxMind-format database (.mmdb), repeatable: a City (or Country) and an"
          + " ASN database, such as MaxMind's GeoLite2 ones (Tidemark ships none). Adds the"
          + " impossible-travel check and new-network and new-country checks per account.")
  List<Path> geoip = new ArrayList<>();

  /** Opens the databases; a missing or unreadable one is a usage error naming the file. */
  GeoLookup open() {
    for (Path p : geoip) {
      if (!Files.isRegularFile(p)) {
        throw new UsageException("--geoip " + p + ": no such file");
      }
    }
    try {
      return GeoLookup.open(geoip);
    } catch (TidemarkException e) {
      throw new UsageException("--geoip: " + e.getMessage(), e);
    }
  }

  /** The options as given, for the manifest's command line. */
  List<String> arguments() {
    List<String> args = new ArrayList<>();
    geoip.forEach(p -> {
      args.add("--geoip");
      args.add(p.toString());
    });
    return args;
  }
}
