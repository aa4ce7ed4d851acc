package io.govflow.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;

/** One command of {@code java -jar govflow.jar <command> [options]}. */
interface CommandLineTool {

    /** One line per form, each starting with {@code usage: <command>}. */
    String usage();

    /**
     * Checks the command's own options, before any Spring context exists.
     *
     * @return what to run, or null after printing the reason to {@code err} (exit status 2)
     */
    @Nullable Invocation parse(List<String> options, PrintStream err);

    /** A command with valid options, run on the beans of the tools' context. */
    interface Invocation {

        /** The data directory the context is built for ({@code govflow.data-dir}). */
        Path dataDir();

        /** Settings the command itself adds to its context (e.g. the store it works on). */
        default List<String> settings() {
            return List.of();
        }

        /** @return the process exit status (0 = success) */
        int run(BeanFactory beans, PrintStream out, PrintStream err);
    }
}
