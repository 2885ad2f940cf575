package io.tidemark.lab;

/**
 * A script pulling a mailbox over EWS with Basic authentication: FindFolder, then per folder
 * FindItem pages, GetItem batches with large responses and some GetAttachment calls. The target
 * mailbox is in the HttpProxy {@code AnchorMailbox} ({@code Smtp~…}), as EWS clients send it.
 */
final class MailboxDownload {
  private static final String[] ALL_FOLDERS = {
    "Inbox", "Sent Items", "Deleted Items", "Archive", "Drafts", "Finance", "Projects", "Calendar"
  };
  private static final String[] SOME_FOLDERS = {"Inbox", "Sent Items"};

  private final AttackKit kit;
  private final String ip;
  private final String agent;

  MailboxDownload(AttackKit kit, String ip, String agent) {
    this.kit = kit;
    this.ip = ip;
    this.agent = agent;
  }

  /** Downloads {@code mailbox} as {@code user}; returns the time of the last request. */
  long mailbox(long start, Person user, Person mailbox, boolean foldersOnly, int tag) {
    Rand rand = kit.rand;
    kit.plan.line(Sink.EVT_SECURITY, start, kit.win.logon(start, user, 8, ip, kit.win.logonId()),
        tag);
    long t = ews(start + rand.between(50, 500), user, mailbox, "FindFolder", 2000, tag);
    t = ews(t + rand.between(200, 2000), user, mailbox, "GetFolder", 3000, tag);
    int folders = foldersOnly ? SOME_FOLDERS.length : ALL_FOLDERS.length;
    for (int folder = 0; folder < folders; folder++) {
      int pages = rand.between(1, 4);
      for (int page = 0; page < pages; page++) {
        t = ews(t + rand.between(300, 3000), user, mailbox, "FindItem", 40_000, tag);
        int batches = rand.between(3, 10);
        for (int b = 0; b < batches; b++) {
          t = ews(t + rand.between(200, 2500), user, mailbox, "GetItem", 600_000, tag);
          if (rand.chance(0.3)) {
            t = ews(t + rand.between(200, 1500), user, mailbox, "GetAttachment", 900_000, tag);
          }
        }
      }
    }
    return t;
  }

  private long ews(long t, Person user, Person mailbox, String action, int medianBytes, int tag) {
    Request r = kit.request(t, "POST", "/EWS/Exchange.asmx", ip, agent, tag)
        .proxied(Protocol.EWS).user(user, user.logonName(), "Basic");
    r.soapAction = action;
    r.timeTaken = kit.rand.skewed(medianBytes / 1500 + 40, 0.6);
    r.time = t + r.timeTaken;
    r.anchorMailbox = "Smtp~" + mailbox.upn();
    r.routingHint = "AnchorMailboxHeader-SMTP";
    r.databaseGuid = "|RoutingDB:" + kit.org.databaseGuid;
    r.requestBytes = kit.rand.skewed(1400, 0.5);
    r.responseBytes = kit.rand.skewed(medianBytes, 0.7);
    kit.emit();
    return r.time;
  }
}
