package io.tidemark.sigma.compile;

import static io.tidemark.sigma.Fixtures.compile;
import static io.tidemark.sigma.Fixtures.iis;
import static io.tidemark.sigma.Fixtures.matches;
import static io.tidemark.sigma.Fixtures.windows;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.event.Event;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Value semantics: case, wildcards, null/''/missing, numbers, multi-valued fields, modifiers. */
class MatchingTest {

  /** A Security-channel rule with one selection; the event gets Channel Security and EventID 1. */
  private static boolean fires(String selection, Object... fields) {
    var set = compile("""
        title: r
        logsource: {product: windows, service: security}
        detection:
          sel:
        %s
          condition: sel
        """.formatted(selection.indent(4).stripTrailing()));
    Object[] all = Arrays.copyOf(fields, fields.length + 4);
    all[fields.length] = "Channel";
    all[fields.length + 1] = "Security";
    all[fields.length + 2] = "EventID";
    all[fields.length + 3] = "1";
    return !matches(set, windows(all)).isEmpty();
  }

  @Test
  void plainValue_isWholeValue_caseInsensitive() {
    assertThat(fires("Image: 'C:\\Windows\\cmd.exe'", "Image", "c:\\windows\\CMD.EXE")).isTrue();
    assertThat(fires("Image: 'C:\\Windows\\cmd.exe'", "Image", "C:\\Windows\\cmd.exe.bak")).isFalse();
  }

  @Test
  void wildcards_matchRunsAndSingleCharacters() {
    assertThat(fires("Image: '*\\cmd.exe'", "Image", "C:\\Windows\\cmd.exe")).isTrue();
    assertThat(fires("Image: 'c?d.exe'", "Image", "cmd.exe")).isTrue();
    assertThat(fires("Image: 'c?d.exe'", "Image", "cd.exe")).isFalse();
    assertThat(fires("Image: 'a*b*c'", "Image", "aXXbYYbZZc")).isTrue();
    assertThat(fires("Image: 'a*b*c'", "Image", "aXXcb")).isFalse();
    assertThat(fires("CommandLine: 'a\\*b'", "CommandLine", "a*b")).isTrue();
    assertThat(fires("CommandLine: 'a\\*b'", "CommandLine", "axxb")).isFalse();
  }

  @Test
  void containsList_longListOfOneField_matchesAnyTextIgnoringCase() {
    String list = "CommandLine|contains: ['-enc ', 'IEX(', 'DownloadString', '\u212Aerb', 'x']";
    assertThat(fires(list, "CommandLine", "powershell -ENC aaa")).isTrue();
    assertThat(fires(list, "CommandLine", "(new-object net.webclient).downloadstring('u')")).isTrue();
    assertThat(fires(list, "CommandLine", "kerberoast")).isTrue();
    assertThat(fires(list, "CommandLine", "powershell -File a.ps1")).isFalse();
    assertThat(fires(list, "CommandLine", List.of("a", "b", "iex(1)"))).isTrue();
    assertThat(fires(list, "CommandLine", List.of("a", "b"))).isFalse();
    String mixed = "CommandLine|contains: ['aaa', 'bbb', 'ccc', 'ddd', '']";
    assertThat(fires(mixed, "CommandLine", "zzz")).as("the empty text is in every value").isTrue();
  }

  @Test
  void nullEmptyAndMissing_stayDistinct() {
    // null: absent or without value; '': present and empty; '*': present with any string value
    assertThat(fires("Field: null")).isTrue();
    assertThat(fires("Field: null", "Field", null)).isTrue();
    assertThat(fires("Field: null", "Field", "")).isFalse();
    assertThat(fires("Field: ''")).isFalse();
    assertThat(fires("Field: ''", "Field", null)).isFalse();
    assertThat(fires("Field: ''", "Field", "")).isTrue();
    assertThat(fires("Field: '*'", "Field", "")).isTrue();
    assertThat(fires("Field: '*'", "Field", null)).isFalse();
    assertThat(fires("Field: '*'")).isFalse();
  }

  @Test
  void exists_testsPresenceOnly() {
    assertThat(fires("Field|exists: true", "Field", null)).isTrue();
    assertThat(fires("Field|exists: true", "Field", "")).isTrue();
    assertThat(fires("Field|exists: true")).isFalse();
    assertThat(fires("Field|exists: false")).isTrue();
    assertThat(fires("Field|exists: false", "Field", "x")).isFalse();
  }

  @Test
  void numbers_compareAsTextAndNumbers() {
    assertThat(fires("Status: 0xC000006D", "Status", "0xc000006d")).isTrue();
    assertThat(fires("Status: 0xC000006D", "Status", "3221225581")).isTrue();
    assertThat(fires("LogonType: 3", "LogonType", "3")).isTrue();
    assertThat(fires("LogonType: 3", "LogonType", "03")).isTrue();
    assertThat(fires("LogonType: 3", "LogonType", "10")).isFalse();
    assertThat(fires("LogonType: '3'", "LogonType", "03")).as("a quoted value is a string").isFalse();
  }

  @Test
  void compare_readsEventValueAsNumber() {
    assertThat(fires("Port|gte: 1024", "Port", "4444")).isTrue();
    assertThat(fires("Port|gte: 1024", "Port", "1023")).isFalse();
    assertThat(fires("Port|lt: 1024", "Port", "0x10")).isTrue();
    assertThat(fires("Port|gt: 1", "Port", "high")).isFalse();
    assertThat(fires("Size|lte: 1.5", "Size", "1.5")).isTrue();
  }

  @Test
  void multiValuedField_anyValueMatches_allNeedsEachSomewhere() {
    Object data = List.of("first", "Set-OabVirtualDirectory", "ExternalUrl");
    assertThat(fires("Data: 'ExternalUrl'", "Data", data)).isTrue();
    assertThat(fires("Data|contains|all: [Oab, Url]", "Data", data)).isTrue();
    assertThat(fires("Data|contains|all: [Oab, Nope]", "Data", data)).isFalse();
  }

  @Test
  void valueList_isOr_allMakesItAnd() {
    assertThat(fires("CommandLine|contains: [process, create]", "CommandLine", "wmic process list")).isTrue();
    assertThat(fires("CommandLine|contains|all: [process, create]", "CommandLine", "wmic process list")).isFalse();
    assertThat(fires("CommandLine|contains|all: [process, create]", "CommandLine", "wmic process call create"))
        .isTrue();
  }

  @Test
  void cased_isCaseSensitive() {
    assertThat(fires("CommandLine|contains|cased: IEX", "CommandLine", "iex; IEX")).isTrue();
    assertThat(fires("CommandLine|contains|cased: IEX", "CommandLine", "iex only")).isFalse();
  }

  @Test
  void windash_acceptsEveryDashAtParameterStart() {
    for (String dash : List.of("-", "/", "\u2013", "\u2014", "\u2015")) {
      assertThat(fires("CommandLine|windash|contains: ' -enc '", "CommandLine", "powershell " + dash + "enc AAAA"))
          .as(dash).isTrue();
    }
    assertThat(fires("CommandLine|windash|contains: ' -enc '", "CommandLine", "powershell +enc AAAA")).isFalse();
    assertThat(fires("CommandLine|contains|windash: 'a-b'", "CommandLine", "a/b")).as("not a parameter").isFalse();
  }

  @Test
  void base64offset_matchesEveryAlignment() {
    for (String encoded : List.of("SUVY", "lFW", "JRV")) { // 'IEX' base64-encoded at offsets 0, 1, 2
      assertThat(fires("CommandLine|base64offset|contains: IEX", "CommandLine", "x" + encoded + "y")).isTrue();
    }
    assertThat(fires("CommandLine|base64offset|contains: IEX", "CommandLine", "SUV")).isFalse();
  }

  @Test
  void wideBase64_matchesPowershellEncodedCommand() {
    // powershell -enc of "whoami" (UTF-16LE) is dwBoAG8AYQBtAGkA
    assertThat(fires("CommandLine|wide|base64|contains: whoami", "CommandLine", "powershell -enc dwBoAG8AYQBtAGkA"))
        .isTrue();
  }

  @Test
  void regex_isUnanchoredCaseSensitiveSearch_withFlags() {
    assertThat(fires("CommandLine|re: '-e(nc|ncodedcommand)\\s'", "CommandLine", "ps -enc AAA")).isTrue();
    assertThat(fires("CommandLine|re: '-enc\\s'", "CommandLine", "ps -ENC AAA")).isFalse();
    assertThat(fires("CommandLine|re|i: '-enc\\s'", "CommandLine", "ps -ENC AAA")).isTrue();
    assertThat(fires("Script|re|m: '^Invoke'", "Script", "first\nInvoke-Mimikatz")).isTrue();
    assertThat(fires("Script|re: '^Invoke'", "Script", "first\nInvoke-Mimikatz")).isFalse();
    assertThat(fires("Script|re|s: 'a.b'", "Script", "a\nb")).isTrue();
    assertThat(fires("Script|re: 'a.b'", "Script", "a\nb")).isFalse();
  }

  @Test
  void cidr_matchesAddressesInNetwork() {
    assertThat(fires("IpAddress|cidr: 10.0.0.0/8", "IpAddress", "10.20.30.40")).isTrue();
    assertThat(fires("IpAddress|cidr: 10.0.0.0/8", "IpAddress", "::ffff:10.20.30.40")).isTrue();
    assertThat(fires("IpAddress|cidr: 10.0.0.0/8", "IpAddress", "11.0.0.1")).isFalse();
    assertThat(fires("IpAddress|cidr: [10.0.0.0/8, 192.168.0.0/16]", "IpAddress", "192.168.1.1")).isTrue();
  }

  @Test
  void fieldref_comparesTwoFieldsOfTheEvent() {
    assertThat(fires("SubjectUserName|fieldref: TargetUserName", "SubjectUserName", "bob", "TargetUserName", "BOB"))
        .isTrue();
    assertThat(fires("SubjectUserName|fieldref: TargetUserName", "SubjectUserName", "bob", "TargetUserName", "eve"))
        .isFalse();
    assertThat(fires("CommandLine|fieldref|contains: Image", "CommandLine", "x C:\\a.exe y", "Image", "c:\\A.exe"))
        .isTrue();
    assertThat(fires("SubjectUserName|fieldref|neq: TargetUserName", "SubjectUserName", "bob", "TargetUserName",
        "eve")).isTrue();
  }

  @Test
  void neq_negatesTheWholeValueList() {
    assertThat(fires("LogonType|neq: 3", "LogonType", "10")).isTrue();
    assertThat(fires("LogonType|neq: 3", "LogonType", "3")).isFalse();
    assertThat(fires("LogonType|neq: [3, 10]", "LogonType", "10")).isFalse();
    assertThat(fires("User|neq: 'SYSTEM'")).as("like pySigma: not (User = SYSTEM) holds without User").isTrue();
  }

  @Test
  void timeModifiers_readDateTimeComponents() {
    String time = "2021-03-03T01:12:09.394Z";
    assertThat(fires("TimeCreated|hour: 1", "TimeCreated", time)).isTrue();
    assertThat(fires("TimeCreated|minute: 12", "TimeCreated", time)).isTrue();
    assertThat(fires("TimeCreated|day: 3", "TimeCreated", time)).isTrue();
    assertThat(fires("TimeCreated|month: 3", "TimeCreated", time)).isTrue();
    assertThat(fires("TimeCreated|year: 2021", "TimeCreated", time)).isTrue();
    assertThat(fires("TimeCreated|week: 9", "TimeCreated", time)).isTrue();
    assertThat(fires("TimeCreated|hour: [2, 3]", "TimeCreated", time)).isFalse();
    assertThat(fires("TimeCreated|hour: 1", "TimeCreated", "2021-03-03")).isFalse();
  }

  @Test
  void keywords_matchAnyValue_allNeedsEveryKeyword() {
    var set = compile("""
        title: OAB directory with a script URL
        logsource: {product: windows, service: msexchange-management}
        detection:
          keywords:
            '|all':
              - 'Set-OabVirtualDirectory'
              - 'ExternalUrl'
              - 'Page_Load'
              - 'script'
          condition: keywords
        """);
    Event attack = windows("Channel", "MSExchange Management", "EventID", "1", "Provider_Name", "MSExchange CmdletLogs",
        "Data", List.of("Set-OabVirtualDirectory", "-ExternalUrl \"http://f/<script>Page_Load</script>\" -Identity x",
            "EXCH01"));
    Event benign = windows("Channel", "MSExchange Management", "EventID", "1",
        "Data", List.of("Set-OabVirtualDirectory", "-ExternalUrl \"https://mail.corp.example/OAB\""));
    assertThat(matches(set, attack)).containsExactly("OAB directory with a script URL");
    assertThat(matches(set, benign)).isEmpty();
  }

  @Test
  void keywords_plainList_isAnyKeywordAsSubstring() {
    var set = compile("""
        title: k
        logsource: {category: webserver}
        detection:
          keywords: ['/ecp/DDI/DDIService.svc', 'proxyLogon.ecp']
          condition: keywords
        """);
    assertThat(matches(set, iis("date time cs-method cs-uri-stem", "2021-03-03 01:00:00 POST /ecp/proxyLogon.ecp")))
        .containsExactly("k");
    assertThat(matches(set, iis("date time cs-method cs-uri-stem", "2021-03-03 01:00:00 GET /owa/"))).isEmpty();
  }
}
