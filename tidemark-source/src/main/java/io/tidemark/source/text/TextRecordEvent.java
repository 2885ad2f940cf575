package io.tidemark.source.text;

import io.tidemark.event.Event;
import io.tidemark.event.SourceFile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One record of a columnar text log. It keeps the raw text and the value boundaries found while
 * parsing, and cuts a value out only when a rule asks for it: most records are rejected by a
 * prefilter on {@link #searchText()} before any field is read.
 *
 * <p>Lazily computed state is published through benign races: every thread computes the same
 * immutable value, and holders carry it in final fields.
 */
final class TextRecordEvent implements Event {
  private final SourceFile source;
  private final long recordId;
  private final long offset;
  private final @Nullable Instant timestamp;
  private final RecordLayout layout;
  private final String text;
  private final int[] cuts;
  private final @Nullable String[] values;
  private @Nullable String uri;
  private @Nullable Pairs pairs;
  private @Nullable String searchText;

  TextRecordEvent(
      SourceFile source,
      long recordId,
      long offset,
      @Nullable Instant timestamp,
      RecordLayout layout,
      String text,
      int[] cuts) {
    this.source = source;
    this.recordId = recordId;
    this.offset = offset;
    this.timestamp = timestamp;
    this.layout = layout;
    this.text = text;
    this.cuts = cuts;
    this.values = new String[layout.size()];
  }

  /** The value of column {@code i}, cut from the text on first use. */
  String value(int i) {
    String value = values[i];
    if (value == null) {
      value = layout.syntax.decode(text, cuts[i], cuts[i + 1] - 1);
      values[i] = value;
    }
    return value;
  }

  @Override
  public SourceFile source() {
    return source;
  }

  @Override
  public long recordId() {
    return recordId;
  }

  @Override
  public long offset() {
    return offset;
  }

  @Override
  public @Nullable Instant timestamp() {
    return timestamp;
  }

  @Override
  public @Nullable String get(String field) {
    int i = layout.schema.indexOf(field);
    if (i >= 0) {
      return value(i);
    }
    if (layout.derivesUri && field.equals(RecordLayout.W3C_URI)) {
      return uri();
    }
    return layout.pairsColumn >= 0 ? pairs().fields.get(field) : null;
  }

  @Override
  public boolean has(String field) {
    if (layout.schema.indexOf(field) >= 0) {
      return true;
    }
    if (layout.derivesUri && field.equals(RecordLayout.W3C_URI)) {
      return true;
    }
    return layout.pairsColumn >= 0 && pairs().fields.containsKey(field);
  }

  @Override
  public List<String> getAll(String field) {
    String value = get(field);
    return value == null ? List.of() : List.of(value);
  }

  @Override
  public List<String> fieldNames() {
    return layout.pairsColumn >= 0 ? pairs().names : layout.namesWithUri;
  }

  @Override
  public void forEachValue(FieldVisitor visitor) {
    List<String> names = layout.schema.names();
    for (int i = 0; i < names.size(); i++) {
      visitor.visit(names.get(i), value(i));
    }
    if (layout.derivesUri) {
      visitor.visit(RecordLayout.W3C_URI, uri());
    }
    if (layout.pairsColumn >= 0) {
      pairs().fields.forEach(visitor::visit);
    }
  }

  @Override
  public CharSequence searchText() {
    String search = searchText;
    if (search == null) {
      search = buildSearchText();
      searchText = search;
    }
    return search;
  }

  private String buildSearchText() {
    if (layout.syntax == RecordLayout.ValueSyntax.CSV && text.indexOf('"') >= 0) {
      // Unquoted values are no longer substrings of the raw text.
      StringBuilder joined = new StringBuilder(text.length() + 16);
      forEachValue((name, value) -> joined.append(value).append('\n'));
      return joined.toString();
    }
    if (layout.derivesUri && layout.queryColumn >= 0 && !value(layout.queryColumn).isEmpty()) {
      // The raw line separates stem and query by a space; cs-uri joins them with '?'.
      return text + '\n' + uri();
    }
    return text;
  }

  /** {@code cs-uri}: the stem, plus {@code ?} and the query when there is one. */
  private String uri() {
    String uri = this.uri;
    if (uri == null) {
      String stem = value(layout.stemColumn);
      String query = layout.queryColumn >= 0 ? value(layout.queryColumn) : "";
      uri = query.isEmpty() ? stem : stem + '?' + query;
      this.uri = uri;
    }
    return uri;
  }

  private Pairs pairs() {
    Pairs p = pairs;
    if (p == null) {
      Map<String, String> fields = new LinkedHashMap<>();
      EventDataPairs.split(
          value(layout.pairsColumn), fields, name -> layout.schema.indexOf(name) >= 0);
      List<String> names = new ArrayList<>(layout.size() + fields.size());
      names.addAll(layout.schema.names());
      names.addAll(fields.keySet());
      p = new Pairs(Collections.unmodifiableMap(fields), List.copyOf(names));
      pairs = p;
    }
    return p;
  }

  @Override
  public String toString() {
    return source.path() + "#" + recordId;
  }

  /** The EventData pairs as fields, published as one immutable holder. */
  private static final class Pairs {
    final Map<String, String> fields;
    final List<String> names;

    Pairs(Map<String, String> fields, List<String> names) {
      this.fields = fields;
      this.names = names;
    }
  }
}
