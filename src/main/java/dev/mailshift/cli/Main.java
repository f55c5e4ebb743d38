package dev.mailshift.cli;

import dev.mailshift.api.Environment;
import dev.mailshift.api.ErrorCode;
import dev.mailshift.api.Mailshift;
import dev.mailshift.api.MailshiftException;
import dev.mailshift.plan.load.Prompter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code mailshift} command line. {@link #run} is what tests call; {@code main} only exits with
 * its result. Reports go to {@code out}, errors and progress to {@code err}.
 */
@Command(
    name = "mailshift",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Email migration as code: validate, plan and apply a YAML migration plan.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success (plan: no changes)",
      "1:internal error (a bug: re-run with --debug)",
      "2:usage error",
      "3:plan invalid (YAML, schema, semantics, secrets)",
      "4:cannot observe (connection, login, TLS, DNS) - nothing changed",
      "5:apply failed - re-run resumes",
      "6:rollback incomplete - manual action needed",
      "7:validation found missing messages",
      "8:another run holds the state",
      "9:saved plan is stale",
      "10:plan --detailed-exitcode: changes pending"
    })
public final class Main implements Runnable {
  /** The subcommands by name, in the order help lists them. */
  private static final Map<String, Class<?>> COMMANDS = commands();

  @CommandLine.Option(names = "--debug", description = "Print stack traces of errors.", scope = CommandLine.ScopeType.INHERIT)
  boolean debug;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final Function<Context, Mailshift> factory;
  private final Context context;

  Main(Function<Context, Mailshift> factory, Context context) {
    this.factory = factory;
    this.context = context;
  }

  Mailshift mailshift() {
    return factory.apply(context);
  }

  Context context() {
    return context;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = run(out, err, System.getenv(), args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  public static int run(PrintWriter out, PrintWriter err, Map<String, String> env, String... args) {
    Context context = new Context(out, err, env, System.console() != null);
    return run(context, Main::mailshiftFor, args);
  }

  /** The real facade for a command run: Jakarta Mail, the caller's environment, console prompts. */
  static Mailshift mailshiftFor(Context context) {
    return new Mailshift(Environment.of(context.env(), prompter(context)));
  }

  static Prompter prompter(Context context) {
    return context.interactive() ? Prompter.console() : label -> Optional.empty();
  }

  static int run(Context context, Function<Context, Mailshift> factory, String... args) {
    Main main = new Main(factory, context);
    MainFactory create = new MainFactory(main);
    CommandLine cli = new CommandLine(main, create);
    addSubcommands(cli, create, args);
    cli.setOut(context.out());
    cli.setErr(context.err());
    cli.setExecutionExceptionHandler((e, line, parsed) -> handle(e, main, context.err()));
    cli.setParameterExceptionHandler((e, a) -> {
      context.err().println("error: " + e.getMessage());
      context.err().println("  fix: run `" + e.getCommandLine().getCommandSpec().qualifiedName()
          + " --help`");
      return ErrorCode.USAGE.exitCode();
    });
    int code = cli.execute(args);
    context.out().flush();
    context.err().flush();
    return code;
  }

  private static Map<String, Class<?>> commands() {
    Map<String, Class<?>> m = new LinkedHashMap<>();
    m.put("validate", ValidateCommand.class);
    m.put("plan", PlanCommand.class);
    m.put("apply", ApplyCommand.class);
    m.put("status", StatusCommand.class);
    m.put("rollback", RollbackCommand.class);
    m.put("sandbox", SandboxCommand.class);
    m.put("help", CommandLine.HelpCommand.class);
    return Collections.unmodifiableMap(m);
  }

  /**
   * Registers the subcommand the arguments name, or all of them when they name none (help,
   * usage errors, completion of the command list). Reading a command's annotations is most of
   * picocli's start-up cost, and a run needs only its own command.
   */
  private static void addSubcommands(CommandLine cli, CommandLine.IFactory create, String[] args) {
    String first = Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse("");
    Class<?> only = "help".equals(first) ? null : COMMANDS.get(first);
    COMMANDS.forEach((name, type) -> {
      if (only == null || only == type) {
        cli.addSubcommand(name, new CommandLine(instance(create, type), create));
      }
    });
  }

  private static Object instance(CommandLine.IFactory create, Class<?> type) {
    try {
      return create.create(type);
    } catch (Exception e) {
      throw new IllegalStateException("cannot create the " + type.getSimpleName() + " command", e);
    }
  }

  private static int handle(Exception e, Main main, PrintWriter err) {
    if (e instanceof MailshiftException me) {
      err.println("error: " + me.getMessage());
      if (!me.hint().isBlank()) {
        err.println("  fix: " + me.hint());
      }
      if (main.debug) {
        me.printStackTrace(err);
      }
      return me.code().exitCode();
    }
    err.println("error: internal error: " + e);
    err.println("  fix: " + ErrorCode.INTERNAL.defaultHint());
    if (main.debug) {
      e.printStackTrace(err);
    }
    return ErrorCode.INTERNAL.exitCode();
  }

  /** Lets subcommands reach the shared {@link Main} (factory and context). */
  private record MainFactory(Main main) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      if (cls == Main.class) {
        return cls.cast(main);
      }
      return CommandLine.defaultFactory().create(cls);
    }
  }
}
