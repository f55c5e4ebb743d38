package dev.mailshift.plan.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.plan.Account;
import dev.mailshift.plan.Location;
import dev.mailshift.plan.Problem;
import dev.mailshift.plan.SecretRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** accounts.csv: header, rows, references, and errors at the CSV's own lines. */
class CsvAccountsTest {
  static final String PLAN = """
      mailshift: 1
      name: t
      servers:
        old: { imap: "imaps://old.example" }
        new: { imap: "imaps://new.example" }
      accounts:
        defaults: { source-server: old, destination-server: new, source-password: "env:A", destination-password: "file:pw/${id}" }
        csv: people/accounts.csv
      """;

  @TempDir Path dir;
  Path plan;
  Path csv;
  String csvName;

  @BeforeEach
  void writePlan() throws IOException {
    plan = dir.resolve("plan.yaml");
    Files.writeString(plan, PLAN);
    csv = dir.resolve("people/accounts.csv");
    Files.createDirectories(csv.getParent());
    csvName = plan.resolveSibling("people/accounts.csv").toString();
  }

  LoadResult loadWithCsv(String content) throws IOException {
    Files.writeString(csv, content);
    return new PlanLoader().load(plan);
  }

  Problem onlyError(LoadResult r) {
    assertThat(r.plan()).isEmpty();
    List<Problem> errors = r.problems().stream().filter(Problem::isError).toList();
    assertThat(errors).hasSize(1);
    return errors.get(0);
  }

  @Test
  void load_csv_rowsBecomeAccountsWithDefaults() throws IOException {
    // when
    LoadResult r = loadWithCsv("""
        id,source,batch
        a1,ann@acme.example,pilot
        ,"bob@acme.example",
        """);

    // then
    assertThat(r.problems()).isEmpty();
    List<Account> accounts = r.plan().orElseThrow().accounts();
    assertThat(accounts).extracting(Account::id).containsExactly("a1", "bob@acme.example");
    assertThat(accounts.get(0).batch()).contains("pilot");
    assertThat(accounts.get(1).batch()).isEmpty();
    assertThat(accounts.get(0).destination().password())
        .isEqualTo(new SecretRef.File(dir.resolve("pw/a1")));
    assertThat(accounts.get(1).location()).isEqualTo(new Location(csvName, 3, 0));
  }

  @Test
  void load_csvWithBomAndCrlf_isRead() throws IOException {
    Files.write(csv, "\uFEFFsource\r\nann\r\n".getBytes(StandardCharsets.UTF_8));
    LoadResult r = new PlanLoader().load(plan);
    assertThat(r.problems()).isEmpty();
    assertThat(r.plan().orElseThrow().accounts()).extracting(Account::id).containsExactly("ann");
  }

  @Test
  void load_plainPasswordInCsv_errorAtTheCsvLineWithoutTheValue() throws IOException {
    // when
    LoadResult r = loadWithCsv("""
        source,source-password
        ann,env:ANN
        bob,Tr0ub4dor&3
        """);

    // then
    Problem p = onlyError(r);
    assertThat(p.location()).isEqualTo(new Location(csvName, 3, 0));
    assertThat(p.location().toString()).endsWith("accounts.csv:3");
    assertThat(p.message()).isEqualTo("source-password: passwords in a plan or CSV"
        + " must be references: write env:NAME or file:path");
    assertThat(p.message() + p.fix()).doesNotContain("Tr0ub4dor");
  }

  @Test
  void load_unknownColumn_errorOnLineOneWithDidYouMean() throws IOException {
    Problem p = onlyError(loadWithCsv("source,destnation\nann,ann2\n"));
    assertThat(p.location()).isEqualTo(new Location(csvName, 1, 8));
    assertThat(p.message()).isEqualTo("unknown CSV column 'destnation'");
    assertThat(p.fix()).isEqualTo("did you mean 'destination'?");
  }

  @Test
  void load_noSourceColumn_error() throws IOException {
    Problem p = onlyError(loadWithCsv("destination\nann\n"));
    assertThat(p.location()).isEqualTo(new Location(csvName, 1, 1));
    assertThat(p.message()).isEqualTo("the CSV header has no 'source' column");
  }

  @Test
  void load_emptySourceCell_errorAtTheRow() throws IOException {
    Problem p = onlyError(loadWithCsv("source,id\nann,a\n,b\n"));
    assertThat(p.location()).isEqualTo(new Location(csvName, 3, 0));
    assertThat(p.message()).isEqualTo("this row has no source (the login on the source server)");
  }

  @Test
  void load_rowWithTooManyCells_error() throws IOException {
    Problem p = onlyError(loadWithCsv("source,id\nann,a,extra\n"));
    assertThat(p.location()).isEqualTo(new Location(csvName, 2, 0));
    assertThat(p.message()).isEqualTo("this row has 3 cells, the header 2");
  }

  @Test
  void load_unknownServerInCsv_errorAtTheRow() throws IOException {
    Problem p = onlyError(loadWithCsv("source,source-server\nann,olld\n"));
    assertThat(p.location()).isEqualTo(new Location(csvName, 2, 0));
    assertThat(p.fix()).isEqualTo("did you mean 'old'?");
  }

  @Test
  void load_rowsAfterCommentsAndBlankLines_keepTheirLine() throws IOException {
    Problem p = onlyError(loadWithCsv("source,id\n# pilot users\n\nann,a\n# more\nbob,b c\n"));
    assertThat(p.location()).isEqualTo(new Location(csvName, 6, 0));
    assertThat(p.message()).contains("id 'b c'");
  }

  @Test
  void load_quotedCellWithComma_isOneCell() throws IOException {
    LoadResult r = loadWithCsv("source,id\n\"ann@acme.example\",\"a,1\"\n");
    Problem p = onlyError(r);
    assertThat(p.message()).isEqualTo("this row: id 'a,1' may hold only letters, digits and"
        + " . _ @ + -");
  }

  @Test
  void load_unclosedQuote_error() throws IOException {
    Problem p = onlyError(loadWithCsv("source,id\nann,a\nbob,\"b\ncarl,c\n"));
    assertThat(p.location()).isEqualTo(new Location(csvName, 3, 0));
    assertThat(p.message()).startsWith("malformed CSV after line 2");
  }

  @Test
  void load_missingCsvFile_errorAtTheCsvKey() {
    LoadResult r = new PlanLoader().load(plan);
    Problem p = onlyError(r);
    assertThat(p.location()).isEqualTo(new Location(plan.toString(), 8, 8));
    assertThat(p.message()).startsWith("accounts.csv: cannot read ");
  }

  @Test
  void load_csvWithHeaderOnly_noAccountsError() throws IOException {
    Problem p = onlyError(loadWithCsv("source,id\n"));
    assertThat(p.message()).isEqualTo("accounts lists no account");
  }
}
