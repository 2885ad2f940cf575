package io.tidemark.evtx;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * Runs the two peer decoders over files: {@code evtxexport -f xml} (Debian libevtx-utils, one
 * process per file) and python-evtx (Debian python3-evtx, under Debian's own python3, two
 * interpreters for all files). Their XML is split per record and parsed leniently: both peers
 * write characters XML forbids, which are dropped here and, by the comparisons, on our side.
 */
final class Peers {
  static final Path EVTXEXPORT = Path.of("/usr/bin/evtxexport");
  static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final Pattern EVENT = Pattern.compile("<Event[ >].*?</Event>", Pattern.DOTALL);
  private static final Pattern INVALID_XML =
      Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");

  private Peers() {}

  /** Whether evtxexport is installed. */
  static boolean hasEvtxexport() {
    return Files.isExecutable(EVTXEXPORT);
  }

  /** Whether Debian's python3 can import python-evtx. */
  static boolean hasPythonEvtx() {
    if (!Files.isExecutable(PYTHON)) {
      return false;
    }
    try {
      Process process = new ProcessBuilder(PYTHON.toString(), "-c", "import Evtx.Evtx")
          .redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** evtxexport's records of each file, as XML strings, two processes at a time. */
  static Map<Path, List<String>> evtxexport(List<Path> files) {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (Path file : files) {
        results.add(pool.submit(() -> split(run(List.of(EVTXEXPORT.toString(), "-f", "xml",
            file.toString()), null))));
      }
      Map<Path, List<String>> byFile = new LinkedHashMap<>();
      for (int i = 0; i < files.size(); i++) {
        byFile.put(files.get(i), results.get(i).get());
      }
      return byFile;
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException("evtxexport failed", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** python-evtx's records of each file, two interpreters splitting the files between them. */
  static Map<Path, List<String>> pythonEvtx(List<Path> files) {
    Path script = script();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<String>> halves = new ArrayList<>();
      for (int half = 0; half < 2; half++) {
        StringBuilder input = new StringBuilder();
        for (int i = half; i < files.size(); i += 2) {
          input.append(files.get(i)).append('\n');
        }
        halves.add(pool.submit(() -> run(List.of(PYTHON.toString(), script.toString()),
            input.toString())));
      }
      Map<Path, List<String>> byFile = new LinkedHashMap<>();
      for (Future<String> half : halves) {
        parseMarked(half.get(), byFile);
      }
      return byFile;
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException("python-evtx failed", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void parseMarked(String output, Map<Path, List<String>> byFile) {
    List<String> records = null;
    StringBuilder record = null;
    for (String line : output.split("\n", -1)) {
      if (line.startsWith("=== FILE ")) {
        records = new ArrayList<>();
        byFile.put(Path.of(line.substring(9)), records);
      } else if (line.equals("=== RECORD") || line.equals("=== END")) {
        if (record != null && records != null) {
          records.add(record.toString());
        }
        record = line.equals("=== RECORD") ? new StringBuilder() : null;
      } else if (line.startsWith("=== ERROR ")) {
        throw new IllegalStateException("python-evtx failed: " + line);
      } else if (record != null) {
        record.append(line).append('\n');
      }
    }
  }

  private static Path script() {
    try (InputStream in = Peers.class.getResourceAsStream("python_evtx_dump.py")) {
      Path script = Files.createTempFile("python_evtx_dump", ".py");
      Files.write(script, in.readAllBytes());
      script.toFile().deleteOnExit();
      return script;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> split(String output) {
    List<String> records = new ArrayList<>();
    Matcher matcher = EVENT.matcher(output);
    while (matcher.find()) {
      records.add(matcher.group());
    }
    return records;
  }

  private static String run(List<String> command, @Nullable String input) throws IOException,
      InterruptedException {
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    Thread feeder = new Thread(() -> {
      try (Writer writer = new java.io.OutputStreamWriter(process.getOutputStream(),
          StandardCharsets.UTF_8)) {
        if (input != null) {
          writer.write(input);
        }
      } catch (IOException e) {
        // the process exited early; its exit code tells
      }
    });
    feeder.start();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IOException(command + " exited with " + process.exitValue());
    }
    feeder.join();
    return new String(out, StandardCharsets.UTF_8);
  }

  /** Removes what XML 1.0 cannot hold, the same way on both sides of a comparison. */
  static String sanitize(String text) {
    return INVALID_XML.matcher(text).replaceAll("");
  }

  /** Parses one peer record; null when the peer wrote XML that no parser accepts. */
  static @Nullable Document parse(String xml) {
    try {
      return builder().parse(new ByteArrayInputStream(
          sanitize(xml).getBytes(StandardCharsets.UTF_8)));
    } catch (SAXException | IOException e) {
      return null;
    }
  }

  private static DocumentBuilder builder() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
        @Override
        public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
          throw e;
        }
      });
      return builder;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }
}
