package io.tidemark.lab;

import java.util.Arrays;
import java.util.Locale;

/**
 * Message tracking as a single-server Exchange writes it: mailbox submission in {@code MSGTRKMS},
 * transport (STOREDRIVER/SMTP RECEIVE, SMTP SEND) in {@code MSGTRK}, mailbox delivery in {@code
 * MSGTRKMD}.
 */
final class MailFlow {
  private static final CsvLayout MT = CsvLayout.MESSAGE_TRACKING;
  private static final int DATE = MT.column("date-time");
  private static final int CLIENT_IP = MT.column("client-ip");
  private static final int CLIENT_HOST = MT.column("client-hostname");
  private static final int SERVER_IP = MT.column("server-ip");
  private static final int SERVER_HOST = MT.column("server-hostname");
  private static final int SOURCE_CONTEXT = MT.column("source-context");
  private static final int CONNECTOR = MT.column("connector-id");
  private static final int SOURCE = MT.column("source");
  private static final int EVENT = MT.column("event-id");
  private static final int INTERNAL_ID = MT.column("internal-message-id");
  private static final int MESSAGE_ID = MT.column("message-id");
  private static final int NETWORK_ID = MT.column("network-message-id");
  private static final int RECIPIENT = MT.column("recipient-address");
  private static final int RECIPIENT_STATUS = MT.column("recipient-status");
  private static final int BYTES = MT.column("total-bytes");
  private static final int RECIPIENT_COUNT = MT.column("recipient-count");
  private static final int REFERENCE = MT.column("reference");
  private static final int SUBJECT = MT.column("message-subject");
  private static final int SENDER = MT.column("sender-address");
  private static final int RETURN_PATH = MT.column("return-path");
  private static final int INFO = MT.column("message-info");
  private static final int DIRECTIONALITY = MT.column("directionality");
  private static final int ORIGINAL_CLIENT = MT.column("original-client-ip");
  private static final int ORIGINAL_SERVER = MT.column("original-server-ip");
  private static final int CUSTOM = MT.column("custom-data");
  private static final int TRAFFIC = MT.column("transport-traffic-type");
  private static final int LOG_ID = MT.column("log-id");
  private static final int SCHEMA = MT.column("schema-version");

  private final Org org;
  private final Rand rand;
  private final String[] values = new String[MT.size()];
  private final StringBuilder sb = new StringBuilder(1024);
  private long internalId;

  MailFlow(Org org, Rand rand, long firstInternalId) {
    this.org = org;
    this.rand = rand;
    this.internalId = firstInternalId;
  }

  /** A message a user writes; {@code clientType} is OWA, MOMT (Outlook), AirSync… */
  Message submit(long ms, Person sender, String recipient, String subject, String clientType,
      String clientIp, LineSink out, int tag) {
    Message m = newMessage(sender.upn(), subject, rand.skewed(24_000, 1.0));
    String context = "MDB:" + org.databaseGuid + ", Mailbox:" + sender.mailboxGuid() + ", Event:"
        + rand.between(1_000_000, 99_000_000) + ", MessageClass:IPM.Note, CreationTime:"
        + Text.iso(ms - 120) + ", ClientType:" + clientType;
    start(ms, org.serverIpv6, org.host, "", "");
    values[SOURCE_CONTEXT] = context;
    values[SOURCE] = "STOREDRIVER";
    values[EVENT] = "SUBMIT";
    values[SENDER] = sender.upn();
    values[INFO] = Text.iso(ms - 120) + ";LSRV=" + org.fqdn + ":TOTAL-SUB=0.1"
        + rand.between(10, 99) + "|SA=0.1" + rand.between(10, 99) + "|MTSS-PEN=0.000";
    values[CUSTOM] = "S:ItemEntryId=" + rand.hex(24).toUpperCase(Locale.ROOT);
    emit(Sink.MSGTRK_MS, ms, out, tag);
    receiveFromStore(ms + rand.between(80, 400), m, recipient, context, clientIp, out, tag);
    return m;
  }

  private void receiveFromStore(long ms, Message m, String recipient, String context,
      String clientIp, LineSink out, int tag) {
    start(ms, org.serverIp, org.fqdn, org.serverIp, org.host);
    values[SOURCE_CONTEXT] =
        context + ", SubmissionAssistant:MailboxTransportSubmissionEmailAssistant";
    values[SOURCE] = "STOREDRIVER";
    values[EVENT] = "RECEIVE";
    message(m, recipient, "To");
    values[INFO] = "04I: ";
    values[DIRECTIONALITY] = "Originating";
    values[ORIGINAL_CLIENT] = clientIp;
    values[ORIGINAL_SERVER] = org.serverIpv6;
    values[CUSTOM] = "S:MailboxDatabaseGuid=" + org.databaseGuid
        + ";S:DeliveryPriority=Normal;S:AccountForest=" + Org.DOMAIN;
    emit(Sink.MSGTRK, ms, out, tag);
  }

  /** A message arriving from the internet through the receive connector. */
  Message receiveExternal(long ms, String sender, String mtaIp, String mtaHost, String recipient,
      String subject, LineSink out, int tag) {
    Message m = newMessage(sender, subject, rand.skewed(40_000, 1.2));
    start(ms, mtaIp, mtaHost, org.serverIp, org.fqdn);
    values[SOURCE_CONTEXT] = "08D" + rand.hex(13).toUpperCase(Locale.ROOT)
        + ";250 2.0.0 OK;ClientSize=" + m.bytes;
    values[CONNECTOR] = org.host + "\\Default " + org.host;
    values[SOURCE] = "SMTP";
    values[EVENT] = "RECEIVE";
    message(m, recipient, "");
    values[DIRECTIONALITY] = "Incoming";
    values[ORIGINAL_CLIENT] = mtaIp;
    values[ORIGINAL_SERVER] = org.serverIp;
    values[CUSTOM] = "S:DeliveryPriority=Normal;S:AccountForest=" + Org.DOMAIN;
    emit(Sink.MSGTRK, ms, out, tag);
    return m;
  }

  /** Relays a message to the local mailbox transport and delivers it to the mailbox. */
  void deliver(long ms, Message m, Person recipient, boolean incoming, LineSink out, int tag) {
    sendSmtp(ms, m, recipient.upn(), "Intra-Organization SMTP Send Connector", org.fqdn,
        org.serverIp, incoming, out, tag);
    long delivered = ms + rand.between(150, 900);
    start(delivered, org.serverIp, org.fqdn, org.serverIpv6, org.host);
    values[SOURCE_CONTEXT] = "MDB:" + org.databaseGuid + ", Mailbox:" + recipient.mailboxGuid()
        + ", Event:" + rand.between(1_000_000, 99_000_000) + ", MessageClass:IPM.Note";
    values[SOURCE] = "STOREDRIVER";
    values[EVENT] = "DELIVER";
    message(m, recipient.upn(), "");
    values[INFO] = Text.iso(delivered - 60) + ";SRV=" + org.fqdn + ":TOTAL-FE=0.0"
        + rand.between(10, 99);
    values[DIRECTIONALITY] = incoming ? "Incoming" : "Originating";
    values[CUSTOM] = "S:Mailboxes=" + recipient.mailboxGuid() + ";S:DeliveryPriority=Normal";
    emit(Sink.MSGTRK_MD, delivered, out, tag);
  }

  /** Sends a message out to the internet. */
  void sendExternal(long ms, Message m, String recipient, String remoteIp, String remoteHost,
      LineSink out, int tag) {
    sendSmtp(ms, m, recipient, "Internet Outbound", remoteHost, remoteIp, false, out, tag);
  }

  /**
   * An inbox rule forwarding a message: transport receives a new message from the mailbox rule
   * agent ({@code MAILBOXRULE}, a documented choice) referring to the original.
   */
  Message forwardByRule(long ms, Person owner, Message original, String recipient, LineSink out,
      int tag) {
    Message m = newMessage(owner.upn(), "FW: " + original.subject, original.bytes + 900);
    start(ms, org.serverIp, org.fqdn, org.serverIp, org.host);
    values[SOURCE_CONTEXT] = "MDB:" + org.databaseGuid + ", Mailbox:" + owner.mailboxGuid()
        + ", Event:" + rand.between(1_000_000, 99_000_000) + ", MessageClass:IPM.Note";
    values[SOURCE] = "MAILBOXRULE";
    values[EVENT] = "RECEIVE";
    message(m, recipient, "To");
    values[REFERENCE] = original.messageId;
    values[DIRECTIONALITY] = "Originating";
    values[ORIGINAL_SERVER] = org.serverIpv6;
    values[CUSTOM] = "S:DeliveryPriority=Normal;S:AccountForest=" + Org.DOMAIN;
    emit(Sink.MSGTRK, ms, out, tag);
    return m;
  }

  private void sendSmtp(long ms, Message m, String recipient, String connector, String remoteHost,
      String remoteIp, boolean incoming, LineSink out, int tag) {
    start(ms, org.serverIp, org.fqdn, remoteIp, remoteHost);
    values[SOURCE_CONTEXT] = "08D" + rand.hex(13).toUpperCase(Locale.ROOT)
        + ";" + Text.iso(ms - 10) + ";0";
    values[CONNECTOR] = connector;
    values[SOURCE] = "SMTP";
    values[EVENT] = "SEND";
    message(m, recipient, incoming || connector.startsWith("Intra")
        ? "250 2.1.5 Recipient OK"
        : "250 2.6.0 <" + m.messageId.substring(1) + " Queued mail for delivery");
    values[DIRECTIONALITY] = incoming ? "Incoming" : "Originating";
    values[ORIGINAL_CLIENT] = "";
    values[CUSTOM] = "S:DeliveryPriority=Normal;S:AccountForest=" + Org.DOMAIN;
    emit(Sink.MSGTRK, ms, out, tag);
  }

  private Message newMessage(String sender, String subject, int bytes) {
    String host = sender.endsWith("@" + Org.DOMAIN)
        ? org.fqdn : sender.substring(sender.indexOf('@') + 1);
    return new Message(
        "<" + rand.hex(32) + "@" + host + ">", rand.guid(), ++internalId, sender, subject, bytes);
  }

  private void start(long ms, String clientIp, String clientHost, String serverIp,
      String serverHost) {
    Arrays.fill(values, "");
    values[DATE] = Text.iso(ms);
    values[CLIENT_IP] = clientIp;
    values[CLIENT_HOST] = clientHost;
    values[SERVER_IP] = serverIp;
    values[SERVER_HOST] = serverHost;
    values[TRAFFIC] = "Email";
    values[LOG_ID] = rand.guid();
    values[SCHEMA] = org.build.versionText();
  }

  private void message(Message m, String recipient, String status) {
    values[INTERNAL_ID] = Long.toString(m.internalId);
    values[MESSAGE_ID] = m.messageId;
    values[NETWORK_ID] = m.networkId;
    values[RECIPIENT] = recipient;
    values[RECIPIENT_STATUS] = status;
    values[BYTES] = Integer.toString(m.bytes);
    values[RECIPIENT_COUNT] = "1";
    values[SUBJECT] = m.subject;
    values[SENDER] = m.sender;
    values[RETURN_PATH] = m.sender;
  }

  private void emit(Sink sink, long ms, LineSink out, int tag) {
    sb.setLength(0);
    MT.appendRow(sb, values);
    out.line(sink, ms, sb.toString(), tag);
  }

  /** A tracked message. */
  record Message(String messageId, String networkId, long internalId, String sender,
      String subject, int bytes) {}
}
