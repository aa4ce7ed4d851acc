package io.govflow.cli;

import java.io.PrintStream;

/** One command of {@code java -jar govflow.jar <command> [options]}. */
@FunctionalInterface
public interface CommandLineTool {

    /** @return the process exit status (0 = success) */
    int run(String[] options, PrintStream out, PrintStream err);
}
