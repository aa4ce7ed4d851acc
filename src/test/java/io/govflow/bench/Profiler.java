package io.govflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A Flight Recorder profile of the service during one phase ({@code jcmd JFR.start/stop}), summarised as the
 * hottest frames: where the CPU samples were (top of stack), the first project frame under them, and where threads
 * waited on locks and file forces.
 */
final class Profiler {

    private static final String NAME = "bench";
    private static final String NO_PROJECT_FRAME = "(no project frame)";
    /** Idle pool threads park too; only waits under a project frame are counted. */
    private static final Set<String> WAITS = Set.of("jdk.JavaMonitorEnter", "jdk.ThreadPark", "jdk.FileForce");

    private Profiler() {
    }

    static void start(ProcessHandle service) {
        jcmd(service, "JFR.start", "name=" + NAME, "settings=profile");
    }

    static void stop(ProcessHandle service, Path file) {
        jcmd(service, "JFR.stop", "name=" + NAME, "filename=" + file);
    }

    static String summary(Path file, int top) {
        Map<String, Long> selfCpu = new HashMap<>();
        Map<String, Long> projectCpu = new HashMap<>();
        Map<String, Long> waitMillis = new HashMap<>();
        long samples = 0;
        try {
            for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
                String type = event.getEventType().getName();
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                List<RecordedFrame> frames = stack.getFrames();
                if (type.equals("jdk.ExecutionSample")) {
                    samples++;
                    selfCpu.merge(name(frames.get(0)), 1L, Long::sum);
                    projectCpu.merge(firstProjectFrame(frames), 1L, Long::sum);
                } else if (WAITS.contains(type) && !firstProjectFrame(frames).equals(NO_PROJECT_FRAME)) {
                    waitMillis.merge(type.substring(4) + " in " + projectFrames(frames, 3),
                            event.getDuration().toMillis(), Long::sum);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "CPU samples: " + samples + "\n"
                + "hottest frames (top of stack, share of samples):\n" + table(selfCpu, samples, top)
                + "hottest project frames (first io.govflow frame of each sample):\n" + table(projectCpu, samples, top)
                + "waits (lock, park, fsync: total ms by the innermost project frames):\n"
                + table(waitMillis, 0, top);
    }

    private static String table(Map<String, Long> counts, long total, int top) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .map(e -> total > 0 ? String.format("  %5.1f%%  %s", 100.0 * e.getValue() / total, e.getKey())
                        : String.format("  %7d  %s", e.getValue(), e.getKey()))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static String firstProjectFrame(List<RecordedFrame> frames) {
        return frames.stream().filter(f -> f.getMethod().getType().getName().startsWith("io.govflow."))
                .findFirst().map(Profiler::name).orElse(NO_PROJECT_FRAME);
    }

    /** The innermost {@code n} project frames, innermost first, joined by {@code  < }. */
    private static String projectFrames(List<RecordedFrame> frames, int n) {
        return frames.stream().filter(f -> f.getMethod().getType().getName().startsWith("io.govflow."))
                .limit(n).map(Profiler::name).collect(Collectors.joining(" < "));
    }

    private static String name(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName() + ":"
                + frame.getLineNumber();
    }

    private static void jcmd(ProcessHandle service, String... command) {
        List<String> args = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(service.pid())));
        args.addAll(List.of(command));
        try {
            Process jcmd = new ProcessBuilder(args).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (jcmd.waitFor() != 0) {
                throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
