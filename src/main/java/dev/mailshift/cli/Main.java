package dev.mailshift.cli;

import dev.mailshift.api.Environment;
import dev.mailshift.api.ErrorCode;
import dev.mailshift.api.Mailshift;
import dev.mailshift.api.MailshiftException;
import dev.mailshift.plan.load.Prompter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * The {@code mailshift} command line. {@link #run} is what tests call; {@code main} only exits with
 * its result. Reports go to {@code out}, errors and progress to {@code err}. Every command's model
 * is declared by hand ({@link Subcommand}): picocli reads no annotation.
 */
public final class Main {
  /** The subcommands by name, in the order help lists them. */
  private static final Map<String, Function<Main, Subcommand>> COMMANDS = commands();
  private static final String DEBUG = "--debug";

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
    CommandLine cli = new CommandLine(spec());
    main.addSubcommands(cli, args);
    cli.setOut(context.out());
    cli.setErr(context.err());
    cli.setExecutionStrategy(Main::execute);
    cli.setExecutionExceptionHandler((e, line, parsed) -> handle(e, debug(parsed), context.err()));
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

  /** The top-level command: {@code --debug} (on every command), {@code -h}, {@code -V}, exit codes. */
  private static CommandSpec spec() {
    CommandSpec spec = CommandSpec.create().name("mailshift")
        .addMixin(StandardHelpOptions.NAME, StandardHelpOptions.mixin())
        .addOption(OptionSpec.builder(DEBUG).type(boolean.class).scopeType(ScopeType.INHERIT)
            .description("Print stack traces of errors.").build());
    spec.usageMessage()
        .description("Email migration as code: validate, plan and apply a YAML migration plan.")
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(exitCodes());
    return spec;
  }

  private static Map<String, String> exitCodes() {
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put("0", "success (plan: no changes)");
    for (ErrorCode code : ErrorCode.values()) {
      codes.put(String.valueOf(code.exitCode()), code.summary());
    }
    return codes;
  }

  private static Map<String, Function<Main, Subcommand>> commands() {
    Map<String, Function<Main, Subcommand>> m = new LinkedHashMap<>();
    m.put("validate", ValidateCommand::new);
    m.put("plan", PlanCommand::new);
    m.put("apply", ApplyCommand::new);
    m.put("status", StatusCommand::new);
    m.put("rollback", RollbackCommand::new);
    m.put("sandbox", SandboxCommand::new);
    m.put("help", main -> new HelpCommand());
    return Collections.unmodifiableMap(m);
  }

  /**
   * Adds the subcommand the first argument names, or all of them otherwise (help, usage errors,
   * options before the command): a run needs the model of its own command only.
   */
  private void addSubcommands(CommandLine cli, String[] args) {
    String first = args.length > 0 ? args[0] : "";
    boolean onlyFirst = COMMANDS.containsKey(first) && !"help".equals(first);
    COMMANDS.forEach((name, command) -> {
      if (!onlyFirst || name.equals(first)) {
        cli.addSubcommand(name, command.apply(this).spec());
      }
    });
  }

  /**
   * Runs what was parsed: help and version as picocli's default strategy (RunLast) does, then the
   * named {@link Subcommand} with its own parse result (RunLast would call a {@code Callable}).
   */
  private static int execute(ParseResult parsed) {
    Integer help = CommandLine.executeHelpRequest(parsed);
    if (help != null) {
      return help;
    }
    ParseResult sub = parsed.subcommand();
    if (sub == null) {
      throw new ParameterException(parsed.commandSpec().commandLine(), "a command is required");
    }
    try {
      return ((Subcommand) sub.commandSpec().userObject()).run(sub);
    } catch (ParameterException e) {
      throw e;
    } catch (Exception e) {
      // to the execution exception handler, as RunLast does
      throw new ExecutionException(sub.commandSpec().commandLine(), sub.commandSpec().qualifiedName() + ": " + e,
          e);
    }
  }

  /** Whether {@code --debug} was given: the copies on the subcommands share the top-level value. */
  private static boolean debug(ParseResult parsed) {
    return Boolean.TRUE.equals(parsed.commandSpec().findOption(DEBUG).getValue());
  }

  private static int handle(Exception e, boolean debug, PrintWriter err) {
    if (e instanceof MailshiftException me) {
      err.println("error: " + me.getMessage());
      if (!me.hint().isBlank()) {
        err.println("  fix: " + me.hint());
      }
      if (debug) {
        me.printStackTrace(err);
      }
      return me.code().exitCode();
    }
    err.println("error: internal error: " + e);
    err.println("  fix: " + ErrorCode.INTERNAL.defaultHint());
    if (debug) {
      e.printStackTrace(err);
    }
    return ErrorCode.INTERNAL.exitCode();
  }
}
