package io.tidemark.lab;

/**
 * Outlook Anywhere (RPC over HTTP): Outlook tunnels MAPI RPC through {@code /rpc/rpcproxy.dll}
 * to the mailbox store (port 6001) and the address book (port 6004), each over a pair of
 * long-running requests, {@code RPC_IN_DATA} up and {@code RPC_OUT_DATA} down, logged when they
 * end. The mailbox store's down channel carries the mailbox (cached mode). Renders with a random
 * stream and a request of its own, so adding it leaves every other line of the lab as it was.
 */
final class OutlookAnywhere {
  /** What Outlook sends as its user agent on RPC over HTTP. */
  static final String USER_AGENT = "MSRPC";

  private final Org org;
  private final Rand rand;
  private final WebLog web;
  private final LineSink out;
  private final long cap;
  private final Request r = new Request();

  /**
   * @param cap the last millisecond a line may carry (the end of the hour being written, or of
   *     the window)
   */
  OutlookAnywhere(Org org, Rand rand, LineSink out, long cap) {
    this.org = org;
    this.rand = rand;
    this.web = new WebLog(org, rand);
    this.out = out;
    this.cap = cap;
  }

  /**
   * One session of {@code user}'s Outlook from {@code ip}, opening {@code mailbox}; returns the
   * time of its last line.
   *
   * @param auth the authentication type ({@code NTLM} for domain machines, {@code Basic} from
   *     outside)
   */
  long session(long start, Person user, Person mailbox, String ip, String auth, int tag) {
    long t = start;
    t = channel(t, user, mailbox, ip, auth, 6004, "RPC_IN_DATA", 400, tag);
    t = channel(t + rand.between(5, 200), user, mailbox, ip, auth, 6004, "RPC_OUT_DATA", 3_000,
        tag);
    t = channel(t + rand.between(20, 900), user, mailbox, ip, auth, 6001, "RPC_IN_DATA", 2_000,
        tag);
    return channel(t + rand.between(5, 200), user, mailbox, ip, auth, 6001, "RPC_OUT_DATA",
        mailbox.index() == user.index() ? 400_000 : 150_000, tag);
  }

  private long channel(long t, Person user, Person mailbox, String ip, String auth, int port,
      String method, int medianBytes, int tag) {
    r.reset();
    r.timeTaken = rand.between(2_000, 90_000);
    r.time = Math.min(t + r.timeTaken, cap);
    r.method = method;
    r.stem = "/rpc/rpcproxy.dll";
    r.clientIp = ip;
    r.userAgent = USER_AGENT;
    r.tag = tag;
    r.proxied(Protocol.RPCHTTP).user(user, user.domainUser(), auth);
    r.query = mailbox.mailboxGuid() + "@" + Org.DOMAIN + ":" + port;
    r.organization = Org.DOMAIN;
    r.anchorMailbox = "MailboxGuid~" + mailbox.mailboxGuid();
    r.routingHint = "RpcHttpMailboxGuid";
    r.databaseGuid = "|RoutingDB:" + org.databaseGuid;
    r.requestBytes = rand.skewed(method.equals("RPC_IN_DATA") ? medianBytes : 300, 0.6);
    r.responseBytes = rand.skewed(method.equals("RPC_OUT_DATA") ? medianBytes : 200, 0.8);
    web.emit(r, out);
    return r.time;
  }
}
