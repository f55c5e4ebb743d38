package dev.mailshift.plan.load;

import dev.mailshift.plan.FolderRules;
import dev.mailshift.plan.MessageRules;
import dev.mailshift.plan.Phase;
import dev.mailshift.plan.Server;
import dev.mailshift.plan.StepKind;
import dev.mailshift.plan.dns.DkimAlgorithm;
import dev.mailshift.plan.dns.DnsSection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Every default of the plan language, in one place. The loader reads nothing else when a key is
 * absent, and {@code schemas/plan.schema.json} writes the same values as {@code default} (a test
 * keeps the two in agreement, and with the {@code DEFAULT} constants of the records).
 */
public final class Defaults {
  /** The one plan language version this mailshift reads ({@code mailshift: 1}). */
  public static final int VERSION = 1;

  /** {@code imaps://} without a port: implicit TLS (RFC 8314 section 3.2). */
  public static final int IMAPS_PORT = 993;

  /** {@code imap://} without a port: STARTTLS required (RFC 3501 section 6.2.1). */
  public static final int IMAP_PORT = 143;

  public static final boolean INSECURE = false;
  public static final boolean PLAINTEXT = false;

  public static final Server.Limits LIMITS =
      new Server.Limits(4, 0, 0, Duration.ofSeconds(60), 5);

  public static final FolderRules FOLDERS =
      new FolderRules(
          List.of(),
          List.of(),
          Map.of(),
          List.of(),
          "",
          FolderRules.SpecialUse.AUTO,
          FolderRules.Subscriptions.COPY,
          "_",
          false,
          true,
          // Exchange Online keeps a system folder "Files" in every mailbox and refuses to create
          // one (imapsync FAQ.Office365, "Office365 refuses to create the folder named Files").
          List.of("Files"),
          FolderRules.GmailLabels.FOLDERS,
          Map.of());

  public static final MessageRules MESSAGES =
      new MessageRules(OptionalLong.empty(), true, MessageRules.Deletions.KEEP, 100,
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
          OptionalLong.empty(), Optional.empty());

  /** Steps of a phase that names none, and of the implicit phase of a plan without phases. */
  public static final List<StepKind> PHASE_STEPS =
      List.of(StepKind.PREFLIGHT, StepKind.SYNC, StepKind.VALIDATE);

  public static final Phase.Gate GATE = Phase.Gate.NONE;

  /** {@code dns.cutover-ttl}: resolvers drop the old MX set within 5 minutes after the switch. */
  public static final long DNS_CUTOVER_TTL = 300;

  /** {@code dns.normal-ttl}. */
  public static final long DNS_NORMAL_TTL = 3600;

  public static final DnsSection.Timeouts DNS_TIMEOUTS =
      new DnsSection.Timeouts(Duration.ofSeconds(5), Duration.ofMinutes(30), Duration.ofSeconds(10));

  public static final DnsSection.Safety DNS_SAFETY = new DnsSection.Safety(0.5);

  /**
   * {@code dns.checks.mx-smtp}: on, port 25, 10 s. The timeout leaves room for servers that hold
   * back their greeting a few seconds on purpose (Postfix postscreen waits up to 6 s).
   */
  public static final DnsSection.MxSmtp DNS_MX_SMTP =
      new DnsSection.MxSmtp(true, 25, Duration.ofSeconds(10));

  public static final DnsSection.Checks DNS_CHECKS = new DnsSection.Checks(DNS_MX_SMTP);

  public static final String TSIG_ALGORITHM = "hmac-sha256";

  public static final DkimAlgorithm DKIM_ALGORITHM = DkimAlgorithm.RSA;

  public static final int SRV_PRIORITY = 0;
  public static final int SRV_WEIGHT = 1;

  /** Where a generated DKIM key is kept unless private-key-file says: relative to the plan. */
  public static Path dkimKeyFile(String selector, String zone) {
    String apex = zone.endsWith(".") ? zone.substring(0, zone.length() - 1) : zone;
    return Path.of("dkim", selector + "." + apex + ".pem");
  }

  /** The state store, relative to the plan's directory. */
  public static final Path STATE_PATH = Path.of(".mailshift", "state.db");

  /** How long a {@code cmd:} secret reference may run before it counts as failed. */
  public static final Duration SECRET_COMMAND_TIMEOUT = Duration.ofSeconds(30);

  private Defaults() {}
}
