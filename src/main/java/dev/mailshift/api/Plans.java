package dev.mailshift.api;

import dev.mailshift.apply.AccountTarget;
import dev.mailshift.apply.SessionKey;
import dev.mailshift.apply.ServerThrottle;
import dev.mailshift.apply.SessionPool;
import dev.mailshift.imap.Access;
import dev.mailshift.imap.Credentials;
import dev.mailshift.imap.ImapEndpoint;
import dev.mailshift.imap.Throttle;
import dev.mailshift.plan.Account;
import dev.mailshift.plan.Phase;
import dev.mailshift.plan.Plan;
import dev.mailshift.plan.Location;
import dev.mailshift.plan.Problem;
import dev.mailshift.plan.Secret;
import dev.mailshift.plan.Server;
import dev.mailshift.plan.check.PlanValidator;
import dev.mailshift.plan.check.ValidationResult;
import dev.mailshift.plan.load.PlanDocument;
import dev.mailshift.plan.load.SecretResolver;
import dev.mailshift.state.StateStore;
import java.nio.file.Files;
import dev.mailshift.plan.check.ProblemFormatter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a plan file into what the engines need: the validated plan, the selected phase and its
 * accounts, resolved credentials, endpoints and the connection pool. Every input problem becomes
 * a {@link MailshiftException} before any server is contacted.
 */
final class Plans {
  private final Environment env;

  Plans(Environment env) {
    this.env = env;
  }

  ValidateResult validate(Path planFile, boolean secrets) {
    ValidationResult r = new PlanValidator().validate(planFile);
    List<Problem> problems = new ArrayList<>(r.problems());
    if (secrets && r.plan().isPresent()) {
      Plan plan = r.plan().get();
      problems.addAll(problems(plan, resolver(plan).resolveAll(plan.accounts())));
    }
    return new ValidateResult(planFile, problems, secrets);
  }

  Plan load(Path planFile) {
    return checked(planFile, new PlanValidator().validate(planFile));
  }

  /**
   * As {@link #load}, but the JSON Schema check is skipped when the plan's state store records
   * that these exact bytes passed this schema before ({@link #remember}); loader and semantic
   * checks always run. A missing or unreadable state store only means the full check.
   */
  Plan loadForRun(Path planFile) {
    PlanDocument document = PlanDocument.read(planFile);
    PlanValidator validator = new PlanValidator();
    Optional<Plan> quick = validator.validate(document, false).plan();
    if (quick.isPresent() && passedBefore(quick.get())) {
      return quick.get();
    }
    return checked(planFile, validator.validate(document));
  }

  private static boolean passedBefore(Plan plan) {
    Path file = plan.state().path();
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try (StateStore state = StateStore.open(file)) {
      return state.planValidated(plan.source().sha256(), PlanValidator.schemaSha256());
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Records in {@code state} that {@code plan} (loaded by this class, so valid) passed. */
  static void remember(StateStore state, Plan plan) {
    state.planPassedValidation(plan.source().sha256(), PlanValidator.schemaSha256());
  }

  private static Plan checked(Path planFile, ValidationResult r) {
    if (r.plan().isEmpty()) {
      throw new MailshiftException(ErrorCode.PLAN_INVALID,
          planFile + " has errors:\n" + ProblemFormatter.format(r.problems()).stripTrailing(),
          "Fix them and run `mailshift validate " + planFile + "`.");
    }
    return r.plan().get();
  }

  Phase phase(Plan plan, Optional<String> name) {
    List<String> names = plan.phases().stream().map(Phase::name).toList();
    if (name.isEmpty()) {
      if (plan.phases().size() == 1) {
        return plan.phases().get(0);
      }
      throw new MailshiftException(ErrorCode.USAGE, "the plan has several phases: " + names,
          "Name one with --phase, e.g. --phase " + names.get(0) + ".");
    }
    return plan.phase(name.get()).orElseThrow(() -> new MailshiftException(ErrorCode.USAGE,
        "the plan has no phase '" + name.get() + "'", "Use one of " + names + "."));
  }

  /** The accounts a phase selects (all, or those of its batch), in plan order. */
  static List<Account> accounts(Plan plan, Phase phase) {
    return plan.accounts().stream()
        .filter(a -> phase.batch().isEmpty() || a.batch().equals(phase.batch()))
        .toList();
  }

  /** The accounts of a phase with secrets resolved; all missing secrets are reported at once. */
  List<AccountTarget> targets(Plan plan, Phase phase, boolean writeDestination) {
    List<Account> accounts = accounts(plan, phase);
    if (accounts.isEmpty()) {
      throw new MailshiftException(ErrorCode.PLAN_INVALID, "phase '" + phase.name()
          + "' selects no account" + phase.batch().map(b -> " (batch " + b + ")").orElse(""),
          "Give some accounts `batch: " + phase.batch().orElse("") + "`, or change the phase's batch.");
    }
    SecretResolver.Resolution secrets = resolver(plan).resolveAll(accounts);
    if (!secrets.complete()) {
      throw new MailshiftException(ErrorCode.PLAN_INVALID,
          "secrets could not be resolved; no server was contacted:\n"
              + ProblemFormatter.format(problems(plan, secrets)).stripTrailing(),
          "Set the environment variables, create the files or fix the commands named above.");
    }
    Map<String, ImapEndpoint> endpoints = endpoints(plan);
    List<AccountTarget> out = new ArrayList<>();
    for (Account a : accounts) {
      SecretResolver.AccountSecrets s = secrets.secrets().get(a.id());
      out.add(new AccountTarget(a.id(),
          key(endpoints, a, a.source(), "source", s.source(), Access.READ_ONLY),
          key(endpoints, a, a.destination(), "destination", s.destination(),
              writeDestination ? Access.READ_WRITE : Access.READ_ONLY),
          a.folders()));
    }
    return out;
  }

  /**
   * One endpoint per server, with one throttle per server shared by all its accounts and
   * sessions: the scope of {@code limits.bytes-per-second} and {@code messages-per-second}, as
   * the {@link SessionPool} is for {@code connections}.
   */
  private Map<String, ImapEndpoint> endpoints(Plan plan) {
    Map<String, ImapEndpoint> out = new HashMap<>();
    plan.servers().forEach((name, s) -> out.put(name, endpoint(s, ServerThrottle.of(name,
        s.limits().bytesPerSecond(), s.limits().messagesPerSecond(), env.clock(),
        env.sleeper()))));
    return out;
  }

  private static List<Problem> problems(Plan plan, SecretResolver.Resolution secrets) {
    return secrets.failures().stream()
        .map(e -> Problem.error(new Location(plan.source().file().toString(), 0, 0), e.summary(), e.fix()))
        .toList();
  }

  private SecretResolver resolver(Plan plan) {
    return new SecretResolver(env.variables(), plan.source().baseDir(), env.prompter(), Duration.ofSeconds(30));
  }

  private static SessionKey key(Map<String, ImapEndpoint> endpoints, Account a, Account.Side side,
      String sideName, Secret password, Access access) {
    return new SessionKey(a.id(), sideName, side.server(), endpoints.get(side.server()),
        new Credentials(side.user(), password), access);
  }

  static ImapEndpoint endpoint(Server s, Throttle throttle) {
    ImapEndpoint.TlsMode tls = switch (s.tls()) {
      case IMPLICIT -> ImapEndpoint.TlsMode.IMPLICIT;
      case STARTTLS -> ImapEndpoint.TlsMode.STARTTLS;
      case NONE -> ImapEndpoint.TlsMode.NONE;
    };
    return new ImapEndpoint(s.host(), s.port(), tls, s.caFile(), s.insecure(), s.limits().timeout(),
        throttle);
  }

  SessionPool pool(Plan plan) {
    Map<String, Integer> limits = new HashMap<>();
    plan.servers().forEach((name, s) -> limits.put(name, s.limits().connections()));
    return new SessionPool(env.connector(), limits);
  }

  /**
   * Workers: as many as the tightest server allows, so every worker can hold both sides; and no
   * more than the heap carries at {@link #WORKER_HEAP} each (a chunk of messages between fetch
   * and append, a partial-fetch buffer), so that a large connection limit cannot exhaust a small
   * heap. Raise the heap (MAILSHIFT_JAVA_OPTS=-Xmx...) for more.
   */
  int workers(Plan plan) {
    int byServers = plan.servers().values().stream().mapToInt(s -> s.limits().connections())
        .min().orElse(1);
    int byHeap = (int) Math.max(1, Runtime.getRuntime().maxMemory() / WORKER_HEAP);
    if (byHeap < byServers) {
      LOG.log(System.Logger.Level.WARNING, "{0} workers instead of {1}: the Java heap ({2} MB)"
          + " carries no more; set MAILSHIFT_JAVA_OPTS=-Xmx... for more", byHeap, byServers,
          Runtime.getRuntime().maxMemory() >> 20);
    }
    return Math.min(byServers, byHeap);
  }

  private static final long WORKER_HEAP = 12L << 20;
  private static final System.Logger LOG = System.getLogger(Plans.class.getName());
}
