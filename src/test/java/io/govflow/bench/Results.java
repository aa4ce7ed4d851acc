package io.govflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Everything one run measured: the table's rows, every load phase, notes; printed and written as JSON. */
final class Results {

    private static final String[] HEADER = { "scenario", "figure", "value", "goal", "met?" };

    private final Map<String, Object> run = new LinkedHashMap<>();
    private final List<Row> rows = Collections.synchronizedList(new ArrayList<>());
    private final List<PhaseResult> phases = Collections.synchronizedList(new ArrayList<>());
    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());

    void describe(String key, Object value) {
        run.put(key, value);
    }

    void add(Row row) {
        rows.add(row);
    }

    PhaseResult add(PhaseResult phase) {
        phases.add(phase);
        return phase;
    }

    void note(String note) {
        notes.add(note);
    }

    /** A check that failed (the benchmark broke, or a count did not match): the run exits non-zero. */
    boolean anyCheckFailed() {
        return rows.stream().anyMatch(r -> r.met() == Row.Met.CHECK_FAILED);
    }

    /** The table as Markdown, columns padded so it also reads well in a terminal. */
    String table() {
        List<String[]> lines = new ArrayList<>();
        lines.add(HEADER);
        for (Row r : sortedRows()) {
            lines.add(new String[] { r.scenario(), r.figure(), r.value(), r.goal(), r.met().label() });
        }
        int[] width = new int[HEADER.length];
        for (String[] line : lines) {
            for (int c = 0; c < line.length; c++) {
                width[c] = Math.max(width[c], line[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < lines.size(); k++) {
            appendLine(out, lines.get(k), width);
            if (k == 0) {
                String[] rule = new String[HEADER.length];
                for (int c = 0; c < rule.length; c++) {
                    rule[c] = "-".repeat(width[c]);
                }
                appendLine(out, rule, width);
            }
        }
        return out.toString();
    }

    /** Every load phase, one line each (CPU: service / driver / other processes, in cores). */
    String phaseTable() {
        StringBuilder out = new StringBuilder();
        for (PhaseResult p : List.copyOf(phases)) {
            out.append(String.format(Locale.ROOT, "  %-58s %3d clients %4.1f s  %7d 2xx  %s  p50 %s  p90 %s  p99 %s"
                    + "  max %s  CPU %s%s%n", p.name(), p.clients(), p.seconds(), p.ok(),
                    Format.rate(p.updatesPerSecond()), Format.ms(p.p50()), Format.ms(p.p90()), Format.ms(p.p99()),
                    Format.ms(p.max()), Rows.cores(p), p.errors() == 0 ? "" : "  " + p.errorSummary()));
        }
        return out.toString();
    }

    /** The run's description (mode, date, machine, load) as one paragraph. */
    String runDescription() {
        StringBuilder out = new StringBuilder();
        run.forEach((key, value) -> out.append(key).append(": ").append(value).append('\n'));
        return out.toString();
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    void writeJson(Path file) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("run", run);
        document.put("rows", sortedRows());
        document.put("phases", List.copyOf(phases));
        document.put("notes", List.copyOf(notes));
        JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, mapper.writeValueAsString(document) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** In scenario order (the leading number), each scenario's rows in the order they were added. */
    private List<Row> sortedRows() {
        return List.copyOf(rows).stream().sorted(Comparator.comparingInt(Results::scenarioNumber)).toList();
    }

    private static int scenarioNumber(Row row) {
        String digits = row.scenario().replaceAll("^(\\d+).*", "$1");
        return digits.chars().allMatch(Character::isDigit) && !digits.isEmpty() ? Integer.parseInt(digits) : 99;
    }

    private static void appendLine(StringBuilder out, String[] cells, int[] width) {
        out.append('|');
        for (int c = 0; c < cells.length; c++) {
            String cell = cells[c].replace("|", "\\|");
            out.append(' ').append(cell).append(" ".repeat(Math.max(0, width[c] - cell.length()))).append(" |");
        }
        out.append('\n');
    }
}
