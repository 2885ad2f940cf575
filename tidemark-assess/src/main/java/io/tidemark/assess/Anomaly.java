package io.tidemark.assess;

import static java.util.Objects.requireNonNull;

import io.tidemark.engine.EvidenceRef;
import java.time.Instant;
import java.util.List;

/**
 * Something unusual for an account against its own history: a first use of an address, network,
 * country, client or phone it never used, or two uses too far apart to travel between. Novelty
 * alone never makes an account compromised (owners travel and buy phones); it supports the
 * attribution of an address already tied to the attacker, and otherwise makes an account worth
 * a look.
 *
 * @param value what was new: the address, {@code AS1221}, {@code GB}, the user agent, the
 *     ActiveSync DeviceId, or for travel {@code FROM -> TO} (the two addresses)
 * @param detail what the value means, e.g. {@code London, GB; AS1221 Telstra Pty Ltd} or the
 *     distance and speed of a journey; empty when there is nothing to add
 * @param address the client address of the first use that was new
 * @param firstSeen that use's time
 * @param evidence the records behind it (bounded): the first use, later uses of the same value,
 *     and for travel the use before the journey
 */
public record Anomaly(
    Kind kind,
    String value,
    String detail,
    String address,
    Instant firstSeen,
    List<EvidenceRef> evidence) {

  public Anomaly {
    requireNonNull(kind, "kind");
    requireNonNull(value, "value");
    requireNonNull(detail, "detail");
    requireNonNull(address, "address");
    requireNonNull(firstSeen, "firstSeen");
    evidence = List.copyOf(evidence);
    if (value.isEmpty()) {
      throw new IllegalArgumentException("an anomaly needs a value");
    }
  }

  /** What kind of thing was new. */
  public enum Kind {
    NEW_IP("new_ip"),
    NEW_ASN("new_asn"),
    NEW_COUNTRY("new_country"),
    NEW_USER_AGENT("new_user_agent"),
    /** An ActiveSync DeviceId: a phone partnership the account never had. */
    NEW_DEVICE("new_device"),
    /** Two successive uses from places no traveller could connect in the time between. */
    IMPOSSIBLE_TRAVEL("impossible_travel");

    private final String id;

    Kind(String id) {
      this.id = id;
    }

    /** The identifier used in {@code assessment.json}. */
    public String id() {
      return id;
    }

    @Override
    public String toString() {
      return id;
    }
  }
}
