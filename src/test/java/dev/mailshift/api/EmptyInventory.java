package dev.mailshift.api;

import dev.mailshift.apply.AccountScanner;
import dev.mailshift.dns.DesiredRrset;
import dev.mailshift.dns.DesiredRrsets;
import dev.mailshift.dns.DnsEngine;
import dev.mailshift.dns.NameServer;
import dev.mailshift.dns.Rfc2136Provider;
import dev.mailshift.dns.RrsetObservation;
import dev.mailshift.dns.RrsetSnapshot;
import dev.mailshift.dns.ServerSoa;
import dev.mailshift.dns.TsigKey;
import dev.mailshift.dns.ZoneObservation;
import dev.mailshift.imap.FolderInfo;
import dev.mailshift.imap.ServerInfo;
import dev.mailshift.plan.Account;
import dev.mailshift.plan.FolderRules;
import dev.mailshift.plan.Plan;
import dev.mailshift.plan.Secret;
import dev.mailshift.plan.Server;
import dev.mailshift.plan.dns.DkimAlgorithm;
import dev.mailshift.plan.dns.DnsProviderConfig;
import dev.mailshift.plan.dns.DnsSection;
import dev.mailshift.plan.dns.DnsTargets;
import dev.mailshift.planner.AccountObservation;
import dev.mailshift.planner.DnsObservation;
import dev.mailshift.planner.FolderMap;
import dev.mailshift.planner.FolderMapper;
import dev.mailshift.planner.GmailLabels;
import dev.mailshift.planner.MappedFolder;
import dev.mailshift.sync.FolderDiff;
import dev.mailshift.sync.FolderPair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What {@code mailshift plan} would observe for a plan on servers that hold nothing yet, made
 * without a server, a secret or the network, from the same pure pieces the real observation uses
 * ({@link FolderMapper}, {@link AccountScanner#findings}, {@link GmailLabels#comparison}, {@link
 * DesiredRrsets}):
 *
 * <ul>
 *   <li>IMAP: every source and destination mailbox holds one empty, subscribed INBOX (UIDVALIDITY
 *       1), on a server with hierarchy separator {@code /}, no namespace prefix, no APPENDLIMIT
 *       and the capabilities {@link #CAPABILITIES}; a server at {@value #GMAIL_HOST} also
 *       advertises {@code X-GM-EXT-1}, as Gmail does. No sync state: every account is fresh.
 *   <li>DNS: the zone is served by {@link #servers} (the plan's {@code dns.servers}, else {@code
 *       ns1.<zone>}) at documentation addresses (RFC 5737), none of the managed RRsets exists,
 *       the SOA's negative-caching TTL is {@value #NEGATIVE_TTL} s, no TTL lowering was recorded,
 *       and the moment is {@link #NOW}. DKIM keys the plan would generate are the fixed example
 *       keys of RFC 8463 appendix A.2, so nothing is written beside the plan.
 * </ul>
 */
final class EmptyInventory {
  /** A modern server's capabilities (a subset of Dovecot 2.3's): no finding to report. */
  static final Set<String> CAPABILITIES = Set.of("IMAP4REV1", "LITERAL+", "SASL-IR", "ID",
      "ENABLE", "IDLE", "NAMESPACE", "UIDPLUS", "MOVE", "SPECIAL-USE", "CONDSTORE", "QRESYNC",
      "LIST-STATUS");
  static final String GMAIL_HOST = "imap.gmail.com";
  static final long UID_VALIDITY = 1;
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  static final long NEGATIVE_TTL = 3600;
  static final long SOA_SERIAL = 2026030101;

  /** RFC 8463 appendix A.2: the Ed25519 key (RFC 8032 test 1) and the RSA key of its example. */
  private static final Map<DkimAlgorithm, String> EXAMPLE_KEYS = Map.of(
      DkimAlgorithm.ED25519, "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=",
      DkimAlgorithm.RSA, "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQoBTzWRiGs5V6NpP3idY6Wk08a5q"
          + "hdR6wy5bdOKb2jLQiY/J16JYi0Qvx/byYzCNb3W91y3FutACDfzwQ/BC/e/8uBsCR+yz1Lxj+PL6lHvqMKrM3"
          + "rG4hstT5QjvHO9PzoxZyVYLzBfO2EeC3Ip3G+2kryOTIKT+l/K4w3QIDAQAB");
  /** Stands in for the TSIG secret, which is never resolved here (only its key name shows). */
  private static final Secret UNRESOLVED = new Secret("unresolved");

  private EmptyInventory() {}

  /** One account as {@code AccountScanner.scan} would see it, with the diff of each folder. */
  static AccountObservation account(Plan plan, Account a) {
    List<FolderInfo> inbox = List.of(new FolderInfo("INBOX", '/', Set.of("\\HasNoChildren"),
        true));
    return account(plan, a, inbox, inbox);
  }

  /**
   * One account whose source and destination hold the given (empty) folders, so the folder map
   * shows the plan's folder rules at work; otherwise as {@link #account(Plan, Account)}.
   */
  static AccountObservation account(Plan plan, Account a, List<FolderInfo> sourceFolders,
      List<FolderInfo> destinationFolders) {
    ServerInfo source = info(plan.server(a.source().server()));
    ServerInfo destination = info(plan.server(a.destination().server()));
    FolderMap map = new FolderMapper(a.folders()).map(a.id(), source, sourceFolders, destination,
        destinationFolders);
    Map<String, Long> uidValidity = new LinkedHashMap<>();
    Map<String, FolderDiff> diffs = new LinkedHashMap<>();
    for (MappedFolder f : map.migrated()) {
      uidValidity.put(f.sourceFolder(), UID_VALIDITY);
      // An empty source folder: nothing to copy, adopt, update or remove; with no checkpoint
      // the folder counts as unchanged when its destination exists (as FolderDiffer says).
      diffs.put(f.sourceFolder(), new FolderDiff(new FolderPair(a.id(), f.sourceFolder(),
          f.destinationFolder()), f.destinationExists(), 0, 0, 0, 0, 0, 0, List.of(),
          f.destinationExists()));
    }
    return new AccountObservation(a.id(), map, uidValidity,
        AccountScanner.findings(source, destination, a.folders()), diffs,
        gmail(source, a.folders()));
  }

  private static ServerInfo info(Server server) {
    Set<String> capabilities = new HashSet<>(CAPABILITIES);
    if (server.host().equalsIgnoreCase(GMAIL_HOST)) {
      capabilities.add("X-GM-EXT-1");
    }
    return new ServerInfo(capabilities, "", '/', OptionalLong.empty());
  }

  /**
   * The label comparison of a Gmail source whose folders are all empty: every policy copies 0;
   * skip-duplicates has read the (no) distinct messages. No folder has duplicates to skip.
   */
  private static GmailLabels gmail(ServerInfo source, FolderRules rules) {
    if (!source.has("X-GM-EXT-1")) {
      return GmailLabels.NONE;
    }
    OptionalLong distinct = rules.gmailLabels() == FolderRules.GmailLabels.SKIP_DUPLICATES
        ? OptionalLong.of(0) : OptionalLong.empty();
    return new GmailLabels(Optional.of(GmailLabels.counts(rules.gmailLabels(), Map.of(),
        Map.of(), distinct)), Map.of());
  }

  /** The zone as {@code DnsPhase.observe} would see it: none of the managed RRsets exists. */
  static DnsObservation zone(DnsSection dns) {
    Map<String, String> dkim = dkimValues(dns);
    List<NameServer> servers = servers(dns);
    List<RrsetObservation> rrsets = new ArrayList<>();
    for (DesiredRrset d : DesiredRrsets.all(dns, dkim, dns.cutoverTtl())) {
      rrsets.add(new RrsetObservation(d.key(), servers.stream()
          .map(s -> new RrsetObservation.ServerAnswer(s.label(), RrsetSnapshot.absent(d.key())))
          .toList()));
    }
    List<ServerSoa> soas = servers.stream()
        .map(s -> new ServerSoa(s.label(), SOA_SERIAL, NEGATIVE_TTL)).toList();
    return new DnsObservation(dns, dkim, new ZoneObservation(dns.zone(), soas, rrsets, NOW),
        List.of(), provider(dns, servers), NOW);
  }

  /** The DKIM record values: given keys as the plan gives them, generated ones fixed. */
  private static Map<String, String> dkimValues(DnsSection dns) {
    List<DnsTargets.Dkim> fixed = dns.records().dkim().stream()
        .map(d -> d.key() instanceof DnsTargets.DkimKey.Generate
            ? new DnsTargets.Dkim(d.selector(), d.algorithm(),
                new DnsTargets.DkimKey.Given(EXAMPLE_KEYS.get(d.algorithm())), d.location())
            : d)
        .toList();
    try {
      return DesiredRrsets.dkimValues(new DnsTargets(List.of(), Optional.empty(), fixed,
          Optional.empty(), List.of(), List.of(), List.of()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The plan's {@code dns.servers}, else {@code ns1.<zone>}, at 192.0.2.53, .54 and so on. */
  static List<NameServer> servers(DnsSection dns) {
    List<String> names = dns.servers().isEmpty()
        ? List.of("ns1." + dns.zone().replaceAll("\\.$", "")) : dns.servers();
    List<NameServer> out = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      out.add(new NameServer(names.get(i), address(53 + i)));
    }
    return out;
  }

  /**
   * The provider's own description. An rfc2136 server is named as the plan writes it, at the
   * first server's address (the real one resolves the name); the others are built as {@code
   * plan} builds them, which needs no network.
   */
  private static String provider(DnsSection dns, List<NameServer> servers) {
    if (dns.provider() instanceof DnsProviderConfig.Rfc2136 r) {
      return new Rfc2136Provider(dns.zone(), new NameServer(r.server(),
          servers.getFirst().address()), new TsigKey(r.tsig().name(), r.tsig().algorithm(),
          UNRESOLVED), dns.timeouts().query()).describe();
    }
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    return new DnsEngine(new org.xbill.DNS.SimpleResolver(address(53)), clock, d -> { })
        .provider(dns, servers, Optional.empty(), line -> { }).describe();
  }

  private static InetSocketAddress address(int lastOctet) {
    try {
      return new InetSocketAddress(InetAddress.getByAddress(
          new byte[] {(byte) 192, 0, 2, (byte) lastOctet}), NameServer.DNS_PORT);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
