package io.govflow.store.export;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.check.Problem;
import io.govflow.store.io.LogText;
import io.govflow.store.io.StoreJson;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The export validator (the seed's {@code validate_exports}): checks each file of {@code history/} and
 * {@code exports/} as a self-contained document, never against today's metadata. Documents are streamed, so a
 * file of any size is checked with flat memory. Our files and the reference's are both valid documents.
 */
public final class ExportValidator {

    private static final Logger LOG = LoggerFactory.getLogger(ExportValidator.class);
    private static final int BUFFER = 64 * 1024;

    private final ExportFiles files;
    private final StoreJson json;

    public ExportValidator(ExportFiles files, StoreJson json) {
        this.files = files;
        this.json = json;
    }

    /** Every file of both directories. */
    public ExportValidationReport validateAll(String checkedAt) {
        return validateAll(checkedAt, (kind, path) -> true);
    }

    /** Every file of both directories that {@code visible} lets the caller see. */
    public ExportValidationReport validateAll(String checkedAt, BiPredicate<ExportKind, Path> visible) {
        List<ExportFileReport> reports = new ArrayList<>();
        for (ExportKind kind : ExportKind.values()) {
            for (Path path : files.allFiles(kind)) {
                if (visible.test(kind, path)) {
                    reports.add(validate(kind, path));
                }
            }
        }
        return ExportValidationReport.of(checkedAt, reports);
    }

    /** One file, looked up by name in one directory or both; {@code EXPORT_NOT_FOUND} when it is in neither. */
    public ExportValidationReport validateOne(@Nullable ExportKind only, String fileName, String checkedAt) {
        return validateOne(only, fileName, checkedAt, (kind, path) -> true);
    }

    /** {@link #validateOne(ExportKind, String, String)} among the files {@code visible} lets the caller see. */
    public ExportValidationReport validateOne(@Nullable ExportKind only, String fileName, String checkedAt,
            BiPredicate<ExportKind, Path> visible) {
        List<ExportFileReport> reports = new ArrayList<>();
        for (ExportKind kind : ExportKind.values()) {
            if (only == null || only == kind) {
                files.find(kind, fileName).filter(path -> visible.test(kind, path))
                        .ifPresent(path -> reports.add(validate(kind, path)));
            }
        }
        if (reports.isEmpty()) {
            throw GovflowException.withDetails(ErrorCode.EXPORT_NOT_FOUND, java.util.Map.of("filename", fileName));
        }
        return ExportValidationReport.of(checkedAt, reports);
    }

    public ExportFileReport validate(ExportKind kind, Path path) {
        String fileName = path.getFileName().toString();
        List<Problem> problems = new ArrayList<>();
        ExportNames.NameCheck name = ExportNames.check(kind, fileName);
        if (!name.documented()) {
            problems.add(Problem.error("NAME_PATTERN", "The file name follows no documented export pattern."));
        } else if (!name.stampValid()) {
            problems.add(Problem.error("NAME_TIMESTAMP", "The timestamp in the file name is not a real yyyyMMdd_HHmmss time."));
        }
        Optional<ExportFormat> format = ExportFormat.ofFileName(fileName);
        if (format.isPresent() && !(kind == ExportKind.PACKAGE && format.get() == ExportFormat.CSV)) {
            String agentId = content(kind, format.get(), path, problems);
            if (agentId != null && name.agentId().isPresent() && !name.agentId().get().equals(agentId)) {
                problems.add(Problem.warning("NAME_AGENT_MISMATCH",
                        "The agent id in the file name differs from the document's agent_id."));
            }
        } else if (name.documented()) {
            problems.add(Problem.error("NAME_PATTERN", "Only .json (and .csv for history) files belong here."));
        }
        boolean ok = problems.stream().noneMatch(Problem::isError);
        return new ExportFileReport(files.relative(path), kind.wire(), ok, problems);
    }

    private @Nullable String content(ExportKind kind, ExportFormat format, Path path, List<Problem> problems) {
        try {
            if (Files.size(path) == 0) {
                problems.add(Problem.error("EMPTY_FILE", "The file is empty."));
                return null;
            }
            try (InputStream in = new BufferedInputStream(Files.newInputStream(path), BUFFER)) {
                return format == ExportFormat.CSV ? CsvCheck.check(utf8(in), problems) : json(kind, in, problems);
            }
        } catch (IOException e) {
            LOG.warn("Could not read export file {}: {}", LogText.safe(path), LogText.safe(e));
            problems.add(Problem.error("UNREADABLE", "The file could not be read."));
            return null;
        }
    }

    private @Nullable String json(ExportKind kind, InputStream in, List<Problem> problems) {
        int before = problems.size();
        try (JsonParser parser = json.mapper().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                problems.add(Problem.error("NOT_AN_OBJECT", "The document is not a JSON object."));
                return null;
            }
            String agentId;
            if (kind == ExportKind.PACKAGE) {
                agentId = PackageCheck.check(parser, problems);
            } else {
                HistoryScan scan = HistoryScan.read(parser);
                HistoryChecks.check(scan, "", problems);
                agentId = scan.agentId;
            }
            if (parser.nextToken() != null) {
                problems.add(Problem.error("INVALID_JSON", "The document has content after its end."));
            }
            return agentId;
        } catch (JacksonException e) {
            problems.subList(before, problems.size()).clear();
            problems.add(Problem.error("INVALID_JSON", "The file is not valid JSON (truncated or malformed)."));
            return null;
        }
    }

    private static Reader utf8(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }
}
