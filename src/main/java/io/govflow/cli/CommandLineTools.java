package io.govflow.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The commands the jar runs instead of the server when its first argument names one. Each command works on
 * the data directory directly through the store, without Spring.
 */
public final class CommandLineTools {

    private static final Map<String, CommandLineTool> TOOLS = new TreeMap<>();

    // --- migration (issue 4) ---
    static {
        TOOLS.put("migrate", new MigrateCommand());
    }
    // --- end migration ---

    private CommandLineTools() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && TOOLS.containsKey(args[0]);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLineTool tool = TOOLS.get(args[0]);
        return tool.run(Arrays.copyOfRange(args, 1, args.length), out, err);
    }

    public static String usage() {
        return "commands: " + String.join(", ", TOOLS.keySet());
    }
}
