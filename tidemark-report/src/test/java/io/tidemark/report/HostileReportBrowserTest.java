package io.tidemark.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidemark.engine.HuntProgress;
import io.tidemark.engine.RulePack;
import io.tidemark.event.DiagnosticSink;
import io.tidemark.lab.LogWriters;
import io.tidemark.sigma.compile.CompileOptions;
import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.print.PrintOptions;

/**
 * Issue 5 item 7: report.html over evidence full of XSS payloads, opened in Debian's headless
 * Chromium. Nothing may execute, the page must render, log no console error and fetch nothing.
 * Screenshots and a PDF print go to target/ for a visual check. Skips when chromium or chromedriver
 * is missing (CI installs both: .ci/run).
 */
class HostileReportBrowserTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static ChromeDriver driver;

  @TempDir static Path work;

  @BeforeAll
  static void startBrowser() {
    String chromium = onPath("chromium");
    String chromedriver = onPath("chromedriver");
    Assumptions.assumeTrue(chromium != null && chromedriver != null,
        "chromium or chromedriver not on PATH: apt-get install chromium chromium-driver");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--user-data-dir=" + work.resolve("profile"),
        "--window-size=1400,2400");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    logs.enable(LogType.PERFORMANCE, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    // With the driver path given, Selenium Manager (which goes online) never starts.
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(chromedriver)).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stopBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  @Test
  void reportHtml_hostileEvidence_runsNothingFetchesNothingAndRenders() throws Exception {
    Path page = work.resolve("report-hostile.html");
    try (OutputStream out = Files.newOutputStream(page)) {
      HtmlReportWriter.write(ReportData.of(ReportFixtures.input(true)), out);
    }
    String url = page.toUri().toString();
    driver.get("about:blank");
    driver.manage().logs().get(LogType.PERFORMANCE); // drain: the start page's own chrome:// loads

    driver.get(url);
    assertSafeAndRendered(url, "Tidemark assessment: compromised", true);
    // The payloads are there, as text.
    assertThat(driver.findElement(By.id("verdict")).getText()).contains("<iframe src=\"https://evil.example/\">")
        .contains("</script><script>window.__xss=4</script>");
    assertThat(driver.findElements(By.cssSelector("#ledger tbody tr"))).hasSize(2);

    driver.manage().window().setSize(new Dimension(1400, 2400));
    Files.write(Path.of("target", "report-hostile.png"), driver.getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void scan_evidenceWithXssInLogLines_writesAReportThatRunsNothing() throws Exception {
    Path host = work.resolve("case/EXCH01");
    Path iis = Files.createDirectories(host.resolve("inetpub/logs/LogFiles/W3SVC1"));
    List<Map<String, String>> requests = new ArrayList<>();
    String[] payloads = {"<script>window.__xss=1;document.title='pwned'</script>",
        "\"><img/src=x/onerror=window.__xss=2>", "</script><svg/onload=window.__xss=3>",
        "javascript:window.__xss=4", "<!--<script>window.__xss=5</script>"};
    for (int i = 0; i < payloads.length; i++) {
      requests.add(Map.ofEntries(Map.entry("date", "2021-03-03"),
          Map.entry("time", String.format(java.util.Locale.ROOT, "10:%02d:00", i)),
          Map.entry("s-ip", "10.0.0.10"), Map.entry("cs-method", "POST"),
          Map.entry("cs-uri-stem", "/aspnet_client/system_web/x" + i + ".aspx"),
          Map.entry("cs-uri-query", "cmd=" + payloads[i]), Map.entry("s-port", "443"),
          Map.entry("cs-username", payloads[(i + 1) % payloads.length]),
          Map.entry("c-ip", "203.0.113.9"), Map.entry("cs(User-Agent)", payloads[(i + 2) % payloads.length]),
          Map.entry("cs(Referer)", payloads[(i + 3) % payloads.length]), Map.entry("sc-status", "200"),
          Map.entry("sc-substatus", "0"), Map.entry("sc-win32-status", "0"), Map.entry("time-taken", "15")));
    }
    Files.writeString(iis.resolve("u_ex210303.log"), LogWriters.render(io.tidemark.event.LogType.IIS_W3C, requests));
    Path ecp = Files.createDirectories(host.resolve("Program Files/Microsoft/Exchange Server/V15/Logging/ECP/Server"));
    // CVE-2021-27065 puts script into ExternalUrl; the log keeps it verbatim.
    Files.writeString(ecp.resolve("ECPServer20210303-1.LOG"), LogWriters.render(
        io.tidemark.event.LogType.EXCHANGE_ECP_SERVER, List.of(Map.of(
            "TimeStamp", "2021-03-03T10:12:58.766Z", "ServerName", "EXCH01", "EventId", "ECP.Request",
            "EventData", "S:TIME=2114;S:CMD=Set-OabVirtualDirectory.ExternalUrl='http://f/<script language=\"JScript\" "
                + "runat=\"server\">function Page_Load(){eval(Request[\"o\"],\"unsafe\");}</script><img src=x "
                + "onerror=window.__xss=6>'.Identity='x';S:REQID=;S:URL=/ecp/DDI/DDIService.svc/SetObject"
                + "?schema=OABVirtualDirectory;S:RS=0"))));
    Path out = work.resolve("out");

    ScanRunner.Outcome outcome = ScanRunner.run(new ScanRunner.Request(List.of(host),
        RulePack.builtIn(CompileOptions.defaults()), out, 2, HuntProgress.none(),
        DiagnosticSink.ignoring(), List.of("test"), "test"));

    assertThat(outcome.assessment().findings()).as("findings over the hostile lines").hasSizeGreaterThan(1);
    String url = out.resolve(ScanRunner.REPORT).toUri().toString();
    driver.get("about:blank");
    driver.manage().logs().get(LogType.PERFORMANCE);
    driver.get(url);
    assertSafeAndRendered(url, "Tidemark assessment: " + outcome.assessment().verdict().id(), false);
    assertThat(driver.findElement(By.id("evidence")).getText()).contains("<script>window.__xss=1");
    Files.write(Path.of("target", "report-hostile-scan.png"), driver.getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void reportHtml_printToPdfWhileFiltered_writesAPdfWithoutErrors() throws Exception {
    Path page = work.resolve("report.html");
    try (OutputStream out = Files.newOutputStream(page)) {
      HtmlReportWriter.write(ReportData.of(ReportFixtures.input(false)), out);
    }
    driver.get(page.toUri().toString());
    Files.write(Path.of("target", "report.png"), driver.getScreenshotAs(OutputType.BYTES));

    // Filtering must not hide rows from print; the print stylesheet shows them all.
    driver.findElement(By.cssSelector("#timeline-filter input[name=text]")).sendKeys("no such text");
    PrintOptions print = new PrintOptions();
    byte[] pdf = Base64.getDecoder().decode(driver.print(print).getContent());
    Files.write(Path.of("target", "report.pdf"), pdf);

    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    assertThat(pdf.length).isGreaterThan(20_000);
    assertThat(severeConsoleMessages()).isEmpty();
  }

  /** Uses the page (filter, sort, click), then checks that nothing ran, rendered, and fetched. */
  private static void assertSafeAndRendered(String url, String title, boolean sortLedger) throws Exception {
    JavascriptExecutor js = driver;
    driver.findElement(By.cssSelector("#timeline-filter input[name=text]")).sendKeys("<img");
    if (sortLedger) {
      driver.findElement(By.cssSelector("#ledger th button")).click();
    }
    driver.findElement(By.cssSelector("#timeline-filter input[name=text]")).clear();
    js.executeScript("document.querySelector('#timeline-chart circle')"
        + ".dispatchEvent(new MouseEvent('click', {bubbles: true}))");

    assertThat(js.executeScript("return typeof window.__xss")).as("a payload ran").isEqualTo("undefined");
    assertThat(driver.getTitle()).isEqualTo(title);
    for (String id : List.of("verdict", "timeline", "attackers", "exposure", "coverage", "findings", "evidence")) {
      assertThat(driver.findElements(By.cssSelector("section#" + id))).as(id).hasSize(1);
    }
    List<WebElement> dots = driver.findElements(By.cssSelector("#timeline-chart circle"));
    assertThat(dots).as("timeline dots").isNotEmpty();
    assertThat(driver.findElement(By.id("timeline-count")).getText()).endsWith("shown");
    assertThat(driver.findElements(By.cssSelector("img, iframe, base, math, object, embed, svg svg"))).isEmpty();
    assertThat(driver.findElements(By.cssSelector("style"))).hasSize(1);
    assertThat(driver.findElements(By.cssSelector("script"))).hasSize(2);
    assertThat(driver.findElements(By.cssSelector("[onerror], [onload], a[href^=javascript]"))).isEmpty();

    assertThat(severeConsoleMessages()).as("console errors").isEmpty();
    assertThat(((Number) js.executeScript(
        "return performance.getEntriesByType('resource').length")).intValue()).isZero();
    assertThat(requestsOtherThan(url)).as("network requests").isEmpty();
  }

  private static List<String> severeConsoleMessages() {
    List<String> out = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
        out.add(e.getMessage());
      }
    }
    return out;
  }

  /**
   * Every request the page made, from Chrome's DevTools network events in the performance log:
   * anything the page's document started, and anything at all outside Chrome's own chrome://
   * pages (which its internal new-tab page loads whatever the report does).
   */
  private static List<String> requestsOtherThan(String page) throws Exception {
    List<String> out = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
      JsonNode message = JSON.readTree(e.getMessage()).path("message");
      if (message.path("method").asText().equals("Network.requestWillBeSent")) {
        JsonNode params = message.path("params");
        String requested = params.path("request").path("url").asText();
        boolean fromPage = params.path("documentURL").asText().equals(page);
        if (!requested.equals(page) && (fromPage || !requested.startsWith("chrome://"))) {
          out.add(requested);
        }
      }
    }
    return out;
  }

  private static String onPath(String exe) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path p = Path.of(dir, exe);
      if (Files.isExecutable(p)) {
        return p.toString();
      }
    }
    return null;
  }

}
