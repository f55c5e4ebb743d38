package dev.mailshift.plan.load;

import dev.mailshift.plan.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Reads {@code accounts.csv}: a header row naming columns, one account per row. Every problem is
 * reported at the CSV file's line; cells are never echoed (a password pasted into a cell must not
 * reach an error message).
 */
final class CsvAccountReader {
  static final List<String> COLUMNS = List.of("source", "destination", "id", "batch",
      "source-password", "destination-password", "source-server", "destination-server",
      "folder-profile");
  static final long MAX_BYTES = 64L * 1024 * 1024;

  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
      .setHeader().setSkipHeaderRecord(true)
      .setTrim(true).setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true)
      .setCommentMarker('#')
      .setAllowMissingColumnNames(true).setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
      .get();

  private final ReadContext ctx;
  private final AccountReader servers;

  CsvAccountReader(ReadContext ctx, AccountReader servers) {
    this.ctx = ctx;
    this.servers = servers;
  }

  List<AccountInput> read(String relative, Location declaredAt) {
    Path path = ctx.resolve(relative);
    String display = Path.of(ctx.file()).resolveSibling(relative).normalize().toString();
    Optional<String> text = text(path, declaredAt);
    if (text.isEmpty()) {
      return List.of();
    }
    LineIndex lines = new LineIndex(text.get());
    List<AccountInput> out = new ArrayList<>();
    int lastRow = 1;
    try (CSVParser parser = CSVParser.parse(text.get(), FORMAT)) {
      if (!header(parser.getHeaderNames(), display, lines.firstLine())) {
        return List.of();
      }
      for (CSVRecord row : parser) {
        lastRow = lines.firstDataLine(lines.lineOf(row.getCharacterPosition()));
        row(row, new Location(display, lastRow, 0), "this row").ifPresent(out::add);
      }
    } catch (IOException | UncheckedIOException | IllegalArgumentException
        | IllegalStateException e) {
      // commons-csv's own message may quote a cell (a password pasted by mistake): not used.
      // The row after the last good one is where an unclosed quote usually starts.
      ctx.error(new Location(display, lastRow + 1, 0), "malformed CSV after line " + lastRow
          + " (an unclosed quote, or text after a closing quote)", "quote cells that contain"
          + " commas or quotes, and double a quote inside a quoted cell: \"a \"\"b\"\"\"");
    }
    return out;
  }

  private Optional<String> text(Path path, Location declaredAt) {
    try {
      if (Files.size(path) > MAX_BYTES) {
        ctx.error(declaredAt, "accounts.csv: " + path + " is larger than 64 MiB",
            "split the accounts over several plans");
        return Optional.empty();
      }
      String text = StandardCharsets.UTF_8.newDecoder()
          .decode(ByteBuffer.wrap(Files.readAllBytes(path))).toString();
      return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
    } catch (CharacterCodingException e) {
      ctx.error(declaredAt, "accounts.csv: " + path + " is not UTF-8 text",
          "save the CSV file as UTF-8");
    } catch (IOException e) {
      ctx.error(declaredAt, "accounts.csv: cannot read " + path, "give the path of the CSV"
          + " file, relative to the plan's directory");
    }
    return Optional.empty();
  }

  private boolean header(List<String> names, String display, String headerLine) {
    boolean ok = true;
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      Location at = new Location(display, 1, Math.max(1, headerLine.indexOf(name) + 1));
      if (!COLUMNS.contains(name)) {
        ctx.error(at, "unknown CSV column '" + name + "'", Suggestions.fix(name, COLUMNS));
        ok = false;
      } else if (!seen.add(name)) {
        ctx.error(at, "CSV column '" + name + "' appears twice", "keep one of them");
        ok = false;
      }
    }
    if (!seen.contains("source")) {
      ctx.error(new Location(display, 1, 1), "the CSV header has no 'source' column",
          "make the first line a header naming the columns, e.g. source,destination,batch");
      ok = false;
    }
    return ok;
  }

  private Optional<AccountInput> row(CSVRecord row, Location at, String where) {
    if (!row.isConsistent()) {
      ctx.error(at, "this row has " + row.size() + " cells, the header "
          + row.getParser().getHeaderNames().size(), "add empty cells (,,) for missing values,"
          + " and quote cells that contain commas");
      return Optional.empty();
    }
    return Optional.of(new AccountInput(at, where,
        cell(row, "source", at), cell(row, "destination", at), cell(row, "id", at),
        cell(row, "batch", at), server(row, "source-server", at),
        server(row, "destination-server", at), password(row, "source-password", at),
        password(row, "destination-password", at), profile(row, at), FolderOverrides.NONE));
  }

  private Optional<AccountInput.Value> cell(CSVRecord row, String column, Location at) {
    if (!row.isMapped(column) || !row.isSet(column) || row.get(column).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new AccountInput.Value(row.get(column), at));
  }

  private Optional<AccountInput.Value> server(CSVRecord row, String column, Location at) {
    Optional<AccountInput.Value> v = cell(row, column, at);
    v.ifPresent(servers::checkServer);
    return v;
  }

  private Optional<AccountInput.Value> profile(CSVRecord row, Location at) {
    Optional<AccountInput.Value> v = cell(row, "folder-profile", at);
    v.ifPresent(p -> servers.checkProfile(p, "column folder-profile", false));
    return v;
  }

  private Optional<SecretTemplate> password(CSVRecord row, String column, Location at) {
    return cell(row, column, at).map(v -> SecretTemplate.parse(v.text(), at, column, ctx)
        .orElse(SecretTemplate.reported(at)));
  }

  /** Line numbers of character offsets, so a row is reported at the line it starts on. */
  private static final class LineIndex {
    private final String text;
    private final int[] starts;

    LineIndex(String text) {
      this.text = text;
      List<Integer> found = new ArrayList<>(List.of(0));
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          found.add(i + 1);
        }
      }
      starts = found.stream().mapToInt(Integer::intValue).toArray();
    }

    int lineOf(long offset) {
      int i = Arrays.binarySearch(starts, (int) offset);
      return (i >= 0 ? i : -i - 2) + 1;
    }

    /**
     * commons-csv places a row after comment or empty lines at the start of those lines; the row
     * itself is on the first line after them.
     */
    int firstDataLine(int line) {
      int l = line;
      while (l < starts.length && isSkipped(line(l))) {
        l++;
      }
      return l;
    }

    private String line(int oneBased) {
      int start = starts[oneBased - 1];
      int end = oneBased < starts.length ? starts[oneBased] - 1 : text.length();
      return text.substring(start, end);
    }

    private static boolean isSkipped(String line) {
      String t = line.strip();
      return t.isEmpty() || t.startsWith("#");
    }

    String firstLine() {
      int end = starts.length > 1 ? starts[1] - 1 : text.length();
      return text.substring(0, end);
    }
  }
}
