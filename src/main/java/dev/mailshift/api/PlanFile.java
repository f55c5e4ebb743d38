package dev.mailshift.api;

import dev.mailshift.change.AccountFingerprint;
import dev.mailshift.change.Change;
import dev.mailshift.change.ChangeSet;
import dev.mailshift.change.CheckDns;
import dev.mailshift.change.CreateFolder;
import dev.mailshift.change.DnsFingerprint;
import dev.mailshift.change.FolderFingerprint;
import dev.mailshift.change.Preflight;
import dev.mailshift.change.SetDnsRecords;
import dev.mailshift.change.Subscribe;
import dev.mailshift.change.SyncFolder;
import dev.mailshift.change.VerifyAccount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A saved plan ({@code plan --out FILE}): the change set as JSON with its checksum. It holds
 * names, counts and fingerprints only (for DNS: the RRsets seen and to be written; per account:
 * the servers and users planned against), never a secret or a message. {@link #read} refuses a file
 * whose checksum does not match its content (edited by hand or truncated).
 */
public final class PlanFile {
  static final String FORMAT = "mailshift-plan/1";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private PlanFile() {}

  public static String toJson(ChangeSet set) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("plan", set.planName());
    root.put("planSha256", set.planSha256());
    root.put("phase", set.phase());
    root.put("checksum", set.checksum());
    ArrayNode changes = root.putArray("changes");
    for (Change c : set.changes()) {
      ObjectNode n = JSON.createObjectNode();
      n.put("kind", kind(c));
      n.setAll((ObjectNode) JSON.valueToTree(c));
      changes.add(n);
    }
    root.set("fingerprints", JSON.valueToTree(set.fingerprints()));
    root.set("dnsFingerprints", JSON.valueToTree(set.dnsFingerprints()));
    root.set("accountFingerprints", JSON.valueToTree(set.accountFingerprints()));
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }

  public static void write(ChangeSet set, Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, toJson(set));
    } catch (IOException e) {
      throw new MailshiftException(ErrorCode.USAGE, "cannot write the plan file " + file + ": " + e.getMessage(),
          "Give --out a path in a writable directory.");
    }
  }

  public static ChangeSet read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new MailshiftException(ErrorCode.USAGE, "cannot read the plan file " + file + ": " + e.getMessage(),
          "Check the path given to --plan-file.");
    }
    try {
      return fromJson(text);
    } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
      throw new MailshiftException(ErrorCode.PLAN_INVALID,
          file + " is not a mailshift plan file: " + e.getMessage(),
          "Make it again with `mailshift plan PLAN.yaml --out " + file + "`.");
    }
  }

  static ChangeSet fromJson(String text) {
    JsonNode root = JSON.readTree(text);
    if (!FORMAT.equals(root.path("format").asString())) {
      throw new IllegalArgumentException("unknown format '" + root.path("format").asString() + "'");
    }
    List<Change> changes = new ArrayList<>();
    for (JsonNode n : root.get("changes")) {
      ObjectNode fields = ((ObjectNode) n).deepCopy();
      fields.remove("kind");
      changes.add(JSON.treeToValue(fields, type(n.get("kind").asString())));
    }
    List<FolderFingerprint> fingerprints = new ArrayList<>();
    for (JsonNode n : root.get("fingerprints")) {
      fingerprints.add(JSON.treeToValue(n, FolderFingerprint.class));
    }
    List<DnsFingerprint> dnsFingerprints = new ArrayList<>();
    for (JsonNode n : root.path("dnsFingerprints")) {
      dnsFingerprints.add(JSON.treeToValue(n, DnsFingerprint.class));
    }
    List<AccountFingerprint> accountFingerprints = new ArrayList<>();
    for (JsonNode n : root.path("accountFingerprints")) {
      accountFingerprints.add(JSON.treeToValue(n, AccountFingerprint.class));
    }
    ChangeSet set = new ChangeSet(root.get("plan").asString(), root.get("planSha256").asString(),
        root.get("phase").asString(), changes, fingerprints, dnsFingerprints,
        accountFingerprints);
    if (!set.checksum().equals(root.path("checksum").asString())) {
      throw new IllegalArgumentException("its checksum does not match its content (was it edited?)");
    }
    return set;
  }

  private static String kind(Change c) {
    return switch (c) {
      case Preflight p -> "preflight";
      case CreateFolder f -> "create-folder";
      case SyncFolder s -> "sync-folder";
      case Subscribe s -> "subscribe";
      case VerifyAccount v -> "verify-account";
      case SetDnsRecords d -> "set-dns-records";
      case CheckDns d -> "check-dns";
    };
  }

  private static Class<? extends Change> type(String kind) {
    return switch (kind) {
      case "preflight" -> Preflight.class;
      case "create-folder" -> CreateFolder.class;
      case "sync-folder" -> SyncFolder.class;
      case "subscribe" -> Subscribe.class;
      case "verify-account" -> VerifyAccount.class;
      case "set-dns-records" -> SetDnsRecords.class;
      case "check-dns" -> CheckDns.class;
      default -> throw new IllegalArgumentException("unknown step kind '" + kind + "'");
    };
  }
}
