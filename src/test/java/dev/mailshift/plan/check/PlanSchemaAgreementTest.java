package dev.mailshift.plan.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailshift.plan.Account;
import dev.mailshift.plan.FolderRules;
import dev.mailshift.plan.MessageRules;
import dev.mailshift.plan.Phase;
import dev.mailshift.plan.Plan;
import dev.mailshift.plan.Server;
import dev.mailshift.plan.dns.DnsProviderConfig;
import dev.mailshift.plan.dns.DnsSection;
import dev.mailshift.plan.dns.DnsTargets;
import dev.mailshift.testsupport.ProjectFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The schema describes the records: every record component (camelCase as kebab-case) is a
 * property of the record's schema object and every property is a component, except the few
 * listed here with the reason. Also: every property has a description, and a default unless it
 * is required or listed; every object refuses unknown properties; the classpath copy is the file.
 */
class PlanSchemaAgreementTest {
  static final JsonNode SCHEMA = read();

  /** Record to the schema object that describes it ("" = the root). */
  static Stream<Arguments> records() {
    return Stream.of(
        Arguments.of(Plan.class, ""),
        Arguments.of(Server.class, "/$defs/server"),
        Arguments.of(Server.Limits.class, "/$defs/limits"),
        Arguments.of(Account.class, "/$defs/account"),
        Arguments.of(FolderRules.class, "/$defs/folders"),
        Arguments.of(FolderRules.RenameRule.class, "/$defs/renameRule"),
        Arguments.of(MessageRules.class, "/$defs/messages"),
        Arguments.of(Phase.class, "/$defs/phase"),
        Arguments.of(Plan.StatePolicy.class, "/$defs/state"),
        Arguments.of(DnsSection.class, "/$defs/dns"),
        Arguments.of(DnsSection.Timeouts.class, "/$defs/dnsTimeouts"),
        Arguments.of(DnsSection.Outgoing.class, "/$defs/dnsOutgoing"),
        Arguments.of(DnsSection.Safety.class, "/$defs/dnsSafety"),
        Arguments.of(DnsSection.Checks.class, "/$defs/dnsChecks"),
        Arguments.of(DnsSection.MxSmtp.class, "/$defs/dnsMxSmtp"),
        Arguments.of(DnsProviderConfig.Tsig.class, "/$defs/tsig"),
        Arguments.of(DnsTargets.class, "/$defs/dnsRecords"),
        Arguments.of(DnsTargets.Mx.class, "/$defs/mx"),
        Arguments.of(DnsTargets.Dkim.class, "/$defs/dkim"),
        Arguments.of(DnsTargets.Srv.class, "/$defs/srv"),
        Arguments.of(DnsTargets.HostAlias.class, "/$defs/autoconfig"),
        Arguments.of(DnsTargets.Removal.class, "/$defs/dnsRemoval"));
  }

  /** Components with no property of their own name, and why. */
  static final Map<String, String> COMPONENTS_WITHOUT_PROPERTY = Map.of(
      "Plan.version", "written as 'mailshift: 1', the key that identifies the file",
      "Plan.source", "the plan file and its checksum, computed by the loader",
      "Server.name", "the key under servers:",
      "Server.host", "taken from the imap URL",
      "Server.port", "taken from the imap URL (default 993 / 143)",
      "Server.tls", "from the imap URL scheme and plaintext",
      "FolderRules.mapLocations", "where each map entry is written, recorded by the loader",
      "FolderRules.profile", "the accounts.folder-profiles entry layered in: folder-profile",
      "*.location", "where the element is written, recorded by the loader");

  /** Properties with no component of their own name, and why. */
  static final Map<String, String> PROPERTIES_WITHOUT_COMPONENT = Map.of(
      "Plan.mailshift", "is Plan.version",
      "Server.imap", "becomes Server.host, port and tls",
      "Server.plaintext", "becomes Server.tls = NONE",
      "Account.source-server", "Account.source is a Side: server, user, password",
      "Account.source-password", "Account.source is a Side: server, user, password",
      "Account.destination-server", "Account.destination is a Side: server, user, password",
      "Account.destination-password", "Account.destination is a Side: server, user, password",
      "Account.folder-profile", "its rules are layered into Account.folders (FolderRules.profile)",
      "Dkim.private-key-file", "Dkim.key is DkimKey.Generate(privateKeyFile) with key: generate",
      "Dkim.public-key", "Dkim.key is DkimKey.Given(publicKey)");

  /**
   * Optional properties without a JSON default: their default depends on other values (servers:
   * is required unless the plan is DNS-only).
   */
  static final Set<String> NO_DEFAULT = Set.of("root.servers",
      "server.ca-file", "account.destination", "account.id", "account.batch",
      "account.source-server", "account.destination-server", "account.source-password",
      "account.destination-password", "account.folders", "accountDefaults.source-server",
      "accountDefaults.destination-server", "accountDefaults.source-password",
      "accountDefaults.destination-password", "accountDefaults.batch", "accountDefaults.folders",
      "account.folder-profile", "accountDefaults.folder-profile",
      "accounts.csv", "phase.batch", "root.dns", "dns.resolver", "dnsProvider.server",
      "dnsProvider.tsig", "dnsProvider.file", "dnsRecords.spf", "dnsRecords.dmarc", "dkim.key",
      "dkim.private-key-file", "dkim.public-key", "autoconfig.cname", "autoconfig.addresses");

  @ParameterizedTest
  @MethodSource("records")
  void schema_describesEveryComponentAndNoMore(Class<? extends Record> type, String pointer) {
    // given
    String name = type.getSimpleName().equals("StatePolicy") ? "StatePolicy" : type.getSimpleName();
    Set<String> components = new TreeSet<>();
    for (var c : type.getRecordComponents()) {
      String key = name + "." + c.getName();
      if (!COMPONENTS_WITHOUT_PROPERTY.containsKey(key)
          && !c.getName().equals("location")) {
        components.add(kebab(c.getName()));
      }
    }
    Set<String> properties = new TreeSet<>();
    SCHEMA.at(pointer + "/properties").propertyNames().forEach(p -> {
      if (!PROPERTIES_WITHOUT_COMPONENT.containsKey(name + "." + p)) {
        properties.add(p);
      }
    });

    // then
    assertThat(properties).as("schema %s vs record %s", pointer, name).isEqualTo(components);
  }

  /** The sealed provider is one schema object: its type plus the keys of every variant. */
  @Test
  void schema_dnsProvider_describesEveryVariantAndNoMore() {
    Set<String> components = new TreeSet<>(List.of("type"));
    for (Class<?> variant : DnsProviderConfig.class.getPermittedSubclasses()) {
      for (var c : variant.getRecordComponents()) {
        components.add(kebab(c.getName()));
      }
    }
    Set<String> properties = new TreeSet<>();
    SCHEMA.at("/$defs/dnsProvider/properties").propertyNames().forEach(properties::add);
    assertThat(properties).isEqualTo(components);
    assertThat(SCHEMA.at("/$defs/dnsProvider/properties/type/enum").values().stream()
        .map(JsonNode::asString).toList()).containsExactly("rfc2136", "zonefile", "manual");
  }

  @Test
  void schema_everyPropertyHasADescriptionAndADefault() {
    List<String> missing = new ArrayList<>();
    walkObjects(SCHEMA, "root", (where, object) -> {
      Set<String> required = new LinkedHashSet<>();
      object.path("required").forEach(r -> required.add(r.asString()));
      object.path("properties").properties().forEach(e -> {
        JsonNode p = resolve(e.getValue());
        String key = where + "." + e.getKey();
        if (!e.getValue().has("description") && !p.has("description")) {
          missing.add(key + ": description");
        }
        if (!e.getValue().has("default") && !p.has("default") && !required.contains(e.getKey())
            && !NO_DEFAULT.contains(key)) {
          missing.add(key + ": default");
        }
      });
    });
    assertThat(missing).isEmpty();
  }

  @Test
  void schema_everyObjectRefusesUnknownProperties() {
    List<String> open = new ArrayList<>();
    walkObjects(SCHEMA, "root", (where, object) -> {
      if (!object.path("additionalProperties").isBoolean()
          || object.path("additionalProperties").asBoolean()) {
        open.add(where);
      }
    });
    assertThat(open).isEmpty();
  }

  @Test
  void schema_onClasspath_isTheTopLevelFile() throws IOException {
    byte[] top = Files.readAllBytes(ProjectFiles.root().resolve("schemas/plan.schema.json"));
    try (InputStream in = getClass().getResourceAsStream(SchemaCheck.RESOURCE)) {
      assertThat(in).isNotNull();
      assertThat(in.readAllBytes()).isEqualTo(top);
    }
  }

  /** Calls {@code visit} for the root and each $defs entry that declares properties. */
  private static void walkObjects(JsonNode schema, String rootName,
      java.util.function.BiConsumer<String, JsonNode> visit) {
    visit.accept(rootName, schema);
    schema.path("$defs").properties().forEach(e -> {
      if (e.getValue().has("properties")) {
        visit.accept(e.getKey(), e.getValue());
      }
    });
  }

  private static JsonNode resolve(JsonNode property) {
    String ref = property.path("$ref").asString("");
    return ref.startsWith("#") ? SCHEMA.at(ref.substring(1)) : property;
  }

  static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
  }

  private static JsonNode read() {
    try (InputStream in = Files.newInputStream(
        ProjectFiles.root().resolve(Path.of("schemas", "plan.schema.json")))) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void kebab_mapsComponentNames() {
    assertThat(Arrays.asList(kebab("bytesPerSecond"), kebab("caFile"), kebab("name")))
        .containsExactly("bytes-per-second", "ca-file", "name");
  }
}
