package io.tidemark.lab;

import org.jspecify.annotations.Nullable;

/**
 * A directory account with a mailbox, and the clients it uses. Assistants hold FullAccess on an
 * executive's mailbox ({@code delegateFor}), which is how benign cross-mailbox access looks.
 */
record Person(
    int index,
    Kind kind,
    String sam,
    String display,
    String upn,
    String sid,
    String mailboxGuid,
    String objectGuid,
    int delegateFor,
    Clients clients,
    String officeIp,
    @Nullable String homeIp,
    boolean typesUpn) {

  /** The account's role in the organisation. */
  enum Kind {
    USER,
    EXECUTIVE,
    ASSISTANT,
    ADMIN,
    BUILTIN_ADMIN,
    HEALTH
  }

  /** {@code CORP\jdoe}. */
  String domainUser() {
    return Org.NETBIOS + "\\" + sam;
  }

  /** What the user types at a logon prompt: the UPN or {@code CORP\jdoe}. */
  String logonName() {
    return typesUpn ? upn : domainUser();
  }

  /** {@code corp.local/Users/jdoe}, the caller form in cmdlet audit events. */
  String directoryPath() {
    return Org.DOMAIN + "/Users/" + display;
  }

  /** Where the user connects from for this request: mostly the office, sometimes home. */
  String clientIp(Rand rand) {
    String home = homeIp;
    return home != null && rand.chance(0.35) ? home : officeIp;
  }

  /**
   * The devices and programs a user reads mail with.
   *
   * @param outlook Outlook for Windows (MAPI over HTTP, Autodiscover, OAB, EWS free/busy)
   * @param owa Outlook on the web in a browser
   * @param mac Outlook for Mac (EWS)
   * @param mobile an ActiveSync phone
   */
  record Clients(
      boolean outlook,
      boolean owa,
      boolean mac,
      boolean mobile,
      String outlookUa,
      String browserUa,
      String macUa,
      String mobileUa,
      String deviceId,
      String deviceType,
      String mobileIp) {}
}
