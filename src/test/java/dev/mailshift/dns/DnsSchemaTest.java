package dev.mailshift.dns;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.mailshift.testsupport.BindZones;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The proposed {@code dns:} schema: the examples validate, broken sections do not, and every
 * record component has its kebab-case key (and no key lacks a component).
 */
class DnsSchemaTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static Schema schema;
  private static JsonNode tree;

  @BeforeAll
  static void load() throws Exception {
    try (InputStream in = DnsSchemaTest.class.getResourceAsStream("/schemas/dns.schema.json")) {
      tree = JSON.readTree(in);
    }
    schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(tree);
  }

  @ParameterizedTest
  @ValueSource(strings = {"good.yaml", "zonefile.yaml", "manual.yaml"})
  void validate_example_noErrors(String file) {
    assertThat(errors(BindZones.resource("/dns/schema/" + file))).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "provider: {type: rfc2136, server: 'ns1:53'} | required",
      "provider: {type: rfc2136, server: 'ns1:53', tsig: {name: k, secret: hunter2}} | pattern",
      "provider: {type: route53} | enum",
      "records: {dmarc: 'p=none; v=DMARC1'} | pattern",
      "records: {mx: [{priority: 10}]} | required",
      "records: {dkim: [{selector: s1, key: generate, public-key: AAAA}]} | oneOf",
      "records: {autoconfig: [{name: autoconfig}]} | oneOf",
      "records: {srv: [{service: imaps, port: 993, target: x}]} | pattern",
      "cutover-ttl: -1 | minimum",
      "colour: blue | additionalProperties"})
  void validate_brokenSection_errorNamingTheRule(String change, String keyword) {
    Map<String, Object> section =
        new Yaml().load("zone: acme.example\nprovider: {type: manual}\nrecords: {}\n");
    section.putAll(new Yaml().<Map<String, Object>>load(change));

    assertThat(schema.validate(JSON.valueToTree(section))).extracting(Error::getKeyword)
        .contains(keyword);
  }

  @Test
  void schema_keysMatchRecordComponentsOneToOne() {
    assertKeys(tree, DnsSection.class);
    assertKeys(def("timeouts"), DnsSection.Timeouts.class);
    assertKeys(def("outgoing"), DnsSection.Outgoing.class);
    assertKeys(def("safety"), SafetyPolicy.class);
    assertKeys(def("tsig"), DnsProviderConfig.Tsig.class);
    assertKeys(def("records"), DnsTargets.class);
    JsonNode records = def("records").get("properties");
    assertKeys(records.get("mx").get("items"), DnsTargets.Mx.class);
    assertKeys(records.get("srv").get("items"), DnsTargets.Srv.class);
    assertKeys(records.get("autoconfig").get("items"), DnsTargets.HostAlias.class);
    assertKeys(records.get("remove").get("items"), DnsTargets.Removal.class);
    JsonNode providers = def("provider").get("oneOf");
    assertKeys(providers.get(0), DnsProviderConfig.Rfc2136.class, "type");
    assertKeys(providers.get(1), DnsProviderConfig.ZoneFile.class, "type");
    assertKeys(providers.get(2), DnsProviderConfig.Manual.class, "type");
    // Dkim.key (sealed DkimKey) is spread over key, private-key-file and public-key
    assertThat(keys(def("dkim"))).isEqualTo(union(components(DnsTargets.Dkim.class),
        components(DnsTargets.DkimKey.Generate.class),
        components(DnsTargets.DkimKey.Given.class)));
  }

  private static List<Error> errors(String yaml) {
    Object data = new Yaml().load(yaml);
    return schema.validate(JSON.valueToTree(data));
  }

  private static JsonNode def(String name) {
    return tree.get("$defs").get(name);
  }

  private static void assertKeys(JsonNode node, Class<? extends Record> type, String... extra) {
    assertThat(keys(node)).as(type.getSimpleName())
        .isEqualTo(union(components(type), Set.of(extra)));
  }

  private static Set<String> keys(JsonNode node) {
    return new TreeSet<>(node.get("properties").propertyNames());
  }

  private static Set<String> components(Class<? extends Record> type) {
    return Arrays.stream(type.getRecordComponents())
        .map(c -> c.getName().replaceAll("([A-Z])", "-$1").toLowerCase())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @SafeVarargs
  private static Set<String> union(Set<String>... sets) {
    Set<String> out = new TreeSet<>();
    Arrays.stream(sets).forEach(out::addAll);
    return out;
  }
}
