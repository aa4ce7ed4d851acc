package io.govflow.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.beans.BeansException;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.context.ConfigurableApplicationContext;

import io.govflow.cli.CommandLineTool.Invocation;

/**
 * The commands the jar runs instead of the server when its first argument names one, and {@code --help}. A command
 * checks its options, then runs in a non-web Spring context built from the server's configuration
 * ({@link ToolContext}); arguments of the form {@code --name.with.dots=value} are settings of that context, as for
 * the server (e.g. {@code --govflow.lock.timeout=10s}).
 */
public final class CommandLineTools {

    static final int USAGE_ERROR = 2;
    private static final Map<String, CommandLineTool> TOOLS = new TreeMap<>(
            Map.of("validate-exports", new ValidateExportsTool(), "migrate", new MigrateCommand(), "migrate-store",
                    new StoreTransferCommand.Import(), "export-store", new StoreTransferCommand.Export()));
    private static final Set<String> HELP = Set.of("--help", "-h");

    private CommandLineTools() {
    }

    /** The arguments name a command, or ask for help. */
    public static boolean handles(String[] args) {
        return args.length > 0 && (TOOLS.containsKey(args[0]) || Arrays.stream(args).anyMatch(HELP::contains));
    }

    /** Runs what {@link #handles} accepted; returns the process exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLineTool tool = TOOLS.get(args[0]);
        if (tool == null) {
            out.println(usage());
            return 0;
        }
        Arguments arguments = Arguments.split(Arrays.asList(args).subList(1, args.length));
        if (arguments.options().stream().anyMatch(HELP::contains)) {
            out.println(tool.usage());
            return 0;
        }
        if (arguments.setsDataDir()) {
            err.println(args[0] + ": give the data directory with --data-dir\n" + tool.usage());
            return USAGE_ERROR;
        }
        Invocation invocation = tool.parse(arguments.options(), err);
        if (invocation == null) {
            return USAGE_ERROR;
        }
        List<String> settings = new java.util.ArrayList<>(arguments.properties());
        settings.addAll(invocation.settings());
        try (ConfigurableApplicationContext context = ToolContext.start(invocation.dataDir(), settings)) {
            return invocation.run(context.getBeanFactory(), out, err);
        } catch (BeansException e) {
            // an invalid setting surfaces when the first bean that needs it is created
            err.println(args[0] + ": invalid configuration: " + reason(e));
            return USAGE_ERROR;
        }
    }

    /** Which setting failed to bind (when one did), and why. */
    private static String reason(BeansException e) {
        String why = String.valueOf(e.getMostSpecificCause().getMessage());
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException bind) {
                return bind.getMessage() + ": " + why;
            }
        }
        return why;
    }

    public static String usage() {
        StringBuilder text = new StringBuilder("""
                usage: java -jar govflow.jar [--govflow.NAME=VALUE ...]            start the server
                       java -jar govflow.jar COMMAND OPTIONS [--govflow.NAME=VALUE ...]
                       java -jar govflow.jar --help

                commands:
                """);
        TOOLS.values().forEach(tool -> text.append("  ").append(tool.usage().substring("usage: ".length()))
                .append('\n'));
        return text.append("""

                Settings (govflow.* properties, each also settable by its environment variable, e.g.
                GOVFLOW_LOCK_TIMEOUT) apply to the server and the commands alike; a command's --data-dir names
                its data directory.""").toString();
    }

    /** A command's own options, and the settings ({@code --name.with.dots=value}) for its context. */
    private record Arguments(List<String> options, List<String> properties) {

        static Arguments split(List<String> args) {
            return new Arguments(args.stream().filter(a -> !isSetting(a)).toList(),
                    args.stream().filter(Arguments::isSetting).toList());
        }

        private static boolean isSetting(String arg) {
            int equals = arg.indexOf('=');
            return arg.startsWith("--") && equals > 0 && arg.substring(0, equals).contains(".");
        }

        /** A setting of {@code govflow.data-dir} (in any of its relaxed spellings), which --data-dir owns. */
        boolean setsDataDir() {
            return properties.stream().map(p -> p.substring(2, p.indexOf('=')).replace("-", "").replace("_", ""))
                    .anyMatch("govflow.datadir"::equalsIgnoreCase);
        }
    }
}
