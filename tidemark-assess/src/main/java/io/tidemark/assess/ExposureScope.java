package io.tidemark.assess;

/** How much of a mailbox the attacker reached, from least to most. */
public enum ExposureScope {
  /** Named items: EWS GetItem/GetAttachment, OWA GetItem, MailItemsAccessed Bind. */
  ITEM("item"),
  /** Whole folders listed or synchronised: FindItem, SyncFolderItems, MailItemsAccessed Sync. */
  FOLDER("folder"),
  /** The whole mailbox: export to PST, full access granted, auditing throttled. */
  MAILBOX("mailbox"),
  /** Mail sent or forwarded outside by attacker sessions or attacker-made inbox rules. */
  SENT_OUT("sent_out");

  private final String id;

  ExposureScope(String id) {
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
