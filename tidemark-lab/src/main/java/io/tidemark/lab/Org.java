package io.tidemark.lab;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The synthetic organisation: one Exchange server, its directory accounts, their devices and
 * addresses. Everything derives from the seed. Benign clients use the office LAN (10.20/16),
 * home and mobile carriers (100.64/10) and partner mail servers (192.0.2.128/25); attackers only
 * ever get 198.51.100/24 and 203.0.113/24, so the two never collide.
 */
final class Org {
  static final String DOMAIN = "corp.local";
  static final String NETBIOS = "CORP";
  static final String MAIL_HOST = "mail.corp.local";
  static final String DC = "DC01";
  static final String V15 = "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\";

  final String host;
  final String fqdn;
  final String serverIp = "10.0.0.10";
  final String serverIpv6;
  final String machineAccount;
  final String domainSid;
  final ExchangeBuild build;
  final String databaseName = "DB01";
  final String databaseGuid;
  final String oabGuid;
  final String oabVirtualDirectory;
  final List<Person> users;
  final List<Person> admins;
  final List<Person> healthMailboxes;
  final Person administrator;

  private Org(LabSpec spec, int userCount) {
    Rand rand = new Rand(spec.seed(), "org", 0);
    host = spec.host().toUpperCase(Locale.ROOT);
    fqdn = host + "." + DOMAIN;
    machineAccount = NETBIOS + "\\" + host + "$";
    serverIpv6 = "fe80::" + rand.hex(4) + ":" + rand.hex(4) + ":" + rand.hex(4) + ":"
        + rand.hex(4) + "%12";
    domainSid =
        "S-1-5-21-" + rand.betweenLong(1_000_000_000L, 3_999_999_999L) + "-"
            + rand.betweenLong(1_000_000_000L, 3_999_999_999L) + "-"
            + rand.betweenLong(100_000_000L, 3_999_999_999L);
    build = ExchangeBuild.forDate(spec.start());
    databaseGuid = rand.guid();
    oabGuid = rand.guid();
    oabVirtualDirectory = host + "\\OAB (Default Web Site)";
    Set<String> taken = new HashSet<>();
    administrator = builtinAdministrator(rand);
    taken.add("administrator");
    users = createUsers(rand, userCount, taken);
    admins = createAdmins(rand, taken);
    healthMailboxes = createHealthMailboxes(rand);
  }

  static Org create(LabSpec spec, int userCount) {
    return new Org(spec, userCount);
  }

  Person user(int index) {
    return users.get(index);
  }

  private Person builtinAdministrator(Rand rand) {
    return new Person(
        -1, Person.Kind.BUILTIN_ADMIN, "Administrator", "Administrator",
        "administrator@" + DOMAIN, domainSid + "-500", rand.guid(), rand.guid(), -1,
        noClients(), "10.20.0.5", null, false);
  }

  private List<Person> createUsers(Rand rand, int count, Set<String> taken) {
    List<Person> result = new ArrayList<>(count);
    int executives = Math.max(2, count / 25);
    for (int i = 0; i < count; i++) {
      Person.Kind kind = i < executives ? Person.Kind.EXECUTIVE : Person.Kind.USER;
      int delegateFor = -1;
      if (i >= executives && i < 2 * executives) {
        kind = Person.Kind.ASSISTANT;
        delegateFor = i - executives;
      }
      String first = rand.pick(Names.FIRST);
      String last = rand.pick(Names.LAST);
      String sam = uniqueSam(first, last, taken);
      result.add(
          new Person(
              i, kind, sam, first + " " + last, sam + "@" + DOMAIN, domainSid + "-" + (1105 + i),
              rand.guid(), rand.guid(), delegateFor, clients(rand, i), officeIp(i),
              rand.chance(0.3) ? homeIp(rand) : null, rand.chance(0.5)));
    }
    return List.copyOf(result);
  }

  private List<Person> createAdmins(Rand rand, Set<String> taken) {
    List<Person> result = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      String first = rand.pick(Names.FIRST);
      String last = rand.pick(Names.LAST);
      String sam = uniqueSam("adm-" + first, last, taken);
      result.add(
          new Person(
              i, Person.Kind.ADMIN, sam, "Admin " + first + " " + last, sam + "@" + DOMAIN,
              domainSid + "-" + (1010 + i), rand.guid(), rand.guid(), -1, noClients(),
              "10.20.0." + (21 + i), null, false));
    }
    return List.copyOf(result);
  }

  private List<Person> createHealthMailboxes(Rand rand) {
    List<Person> result = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String sam = "HealthMailbox" + rand.hex(32);
      result.add(
          new Person(
              i, Person.Kind.HEALTH, sam, sam, sam + "@" + DOMAIN, domainSid + "-" + (1150 + i),
              rand.guid(), rand.guid(), -1, noClients(), serverIp, null, false));
    }
    return List.copyOf(result);
  }

  private static String uniqueSam(String first, String last, Set<String> taken) {
    String base = (first.startsWith("adm-") ? "adm-" + first.charAt(4) : first.substring(0, 1))
        + last;
    base = base.toLowerCase(Locale.ROOT);
    String sam = base;
    for (int n = 2; !taken.add(sam); n++) {
      sam = base + n;
    }
    return sam;
  }

  private static String officeIp(int i) {
    return "10.20." + (1 + i / 250) % 256 + "." + (2 + i % 250);
  }

  private static String homeIp(Rand rand) {
    return "100." + rand.between(64, 127) + "." + rand.between(0, 255) + "." + rand.between(1, 254);
  }

  private static Person.Clients noClients() {
    return new Person.Clients(false, false, false, false, "", "", "", "", "", "", "");
  }

  private Person.Clients clients(Rand rand, int i) {
    boolean mac = rand.chance(0.08);
    boolean outlook = !mac && rand.chance(0.85);
    boolean owa = !outlook || rand.chance(0.3);
    boolean mobile = rand.chance(0.6);
    String outlookUa =
        "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0."
            + rand.pick("13801", "13929", "14026", "14131", "14326") + "; Pro)";
    String macUa =
        "MacOutlook/16." + rand.pick("46.21021202", "47.21031401", "52.21080801")
            + " (Intelx64 Mac OS X 10.15.7)";
    String mobileKind = rand.pick("iphone", "outlook", "outlook", "android");
    String mobileUa;
    String deviceType;
    String deviceId;
    switch (mobileKind) {
      case "iphone" -> {
        mobileUa = "Apple-iPhone" + rand.pick("12C1", "13C2", "14C4") + "/"
            + rand.pick("1905.258", "1906.40");
        deviceType = "iPhone";
        deviceId = "Appl" + rand.alnum(11).toUpperCase(Locale.ROOT);
      }
      case "android" -> {
        mobileUa = "Android-SAMSUNG-SM-G991B/101.10000";
        deviceType = "SAMSUNGSMG991B";
        deviceId = "SEC" + rand.hex(13).toUpperCase(Locale.ROOT);
      }
      default -> {
        mobileUa = "Outlook-iOS-Android/1.0";
        deviceType = "Outlook";
        deviceId = rand.hex(32).toUpperCase(Locale.ROOT);
      }
    }
    return new Person.Clients(
        outlook, owa, mac, mobile, outlookUa, Browsers.pick(rand), macUa, mobileUa, deviceId,
        deviceType, homeIp(rand));
  }
}
