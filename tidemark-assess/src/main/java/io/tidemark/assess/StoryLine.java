package io.tidemark.assess;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One line of a server's story: what happened at one stage of the intrusion. */
public record StoryLine(Stage stage, String text, @Nullable Instant firstSeen) {
  public StoryLine {
    requireNonNull(stage, "stage");
    requireNonNull(text, "text");
  }
}
