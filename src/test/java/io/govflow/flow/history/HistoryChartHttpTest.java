package io.govflow.flow.history;

import static io.govflow.support.Replies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.govflow.flow.history.CountingUpdateLogSource.LogReads;
import io.govflow.flow.history.CountingUpdateLogSource.Read;
import io.govflow.store.export.GeneratedLogs;
import io.govflow.support.FileStoreOnly;
import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.DataDir;
import io.govflow.support.GovflowApp;
import io.govflow.support.RunningApp;

/** {@code GET /api/v1/agents/{id}/history.svg} over real HTTP on a real data directory. */
@GovflowApp(sources = CountingUpdateLogSource.class, args = {"--govflow.governance.loop-detection=false",
        "--govflow.security.admin-token=" + HistoryChartHttpTest.ADMIN})
class HistoryChartHttpTest {

    static final String ADMIN = "admin-token-for-chart-tests";
    private static final int LIVE_UPDATES = 25;
    private static final int BIG_LOG = 100_000;
    private static final String ALL_METRICS = "E,I,S,V,attention_score,coherence,lambda1";

    @DataDir
    static Path dataDir;

    static ApiClient client;
    static RunningApp app;
    static String liveKey;
    static String otherKey;

    @BeforeAll
    static void start() {
        liveKey = client.register("live_agent");
        otherKey = client.register("other_agent");
        for (int n = 0; n < LIVE_UPDATES; n++) {
            Reply reply = client.post("/api/v1/agents/live_agent/updates", liveKey,
                    Map.of("complexity", 0.2 + (n % 6) * 0.15, "confidence", 0.9));
            assertThat(reply.status()).as("update %d", n).isEqualTo(200);
        }
    }

    @Test
    void everyUpdateIsAPointOfEachSeries() {
        Reply reply = chart("live_agent", "?metrics=" + ALL_METRICS, liveKey);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type")).hasValue("image/svg+xml;charset=UTF-8");
        SvgDocument svg = SvgDocument.parse(reply.raw());
        assertThat(svg.root().getLocalName()).isEqualTo("svg");
        assertThat(svg.texts()).contains("History of agent live_agent", "update seq (count)",
                "score (dimensionless, 0..1)", "lambda1 (coupling gain, dimensionless)", "E (energy)",
                "attention score", "coherence", "pause decision", "approve threshold 0.35",
                "revise threshold 0.6", "coherence critical 0.4");
        for (ChartMetric metric : ChartMetric.values()) {
            assertThat(svg.children("series-" + metric.wire())).as(metric.wire()).isEqualTo(LIVE_UPDATES);
        }
        assertThat(svg.descendants("threshold-risk_approve", "line")).isEqualTo(1);
        assertThat(svg.descendants("threshold-risk_revise", "line")).isEqualTo(1);
        assertThat(svg.descendants("threshold-coherence_critical", "line")).isEqualTo(1);
    }

    @Test
    void defaultsToEisvWithoutThresholdLines() {
        SvgDocument svg = SvgDocument.parse(chart("live_agent", "", liveKey).raw());

        for (String metric : List.of("E", "I", "S", "V")) {
            assertThat(svg.children("series-" + metric)).as(metric).isEqualTo(LIVE_UPDATES);
        }
        assertThat(svg.group("series-attention_score")).isNull();
        assertThat(svg.group("threshold-risk_approve")).isNull();
    }

    @Test
    void thresholdLinesFollowTheThresholdsInForce() {
        Reply set = client.send("PUT", "/api/v1/config/thresholds", ADMIN, Map.of("risk_approve_threshold", 0.3,
                "risk_revise_threshold", 0.7, "coherence_critical_threshold", 0.45, "void_threshold_initial", 0.15),
                Map.of());
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        try {
            SvgDocument svg = SvgDocument.parse(chart("live_agent", "?metrics=attention_score,coherence", liveKey)
                    .raw());
            assertThat(svg.texts()).contains("approve threshold 0.3", "revise threshold 0.7",
                    "coherence critical 0.45");
        } finally {
            client.send("PUT", "/api/v1/config/thresholds", ADMIN, Map.of("risk_approve_threshold", 0.35,
                    "risk_revise_threshold", 0.6, "coherence_critical_threshold", 0.4, "void_threshold_initial", 0.15),
                    Map.of());
        }
    }

    @FileStoreOnly

    @Test
    void pauseDecisionsAreMarkedAndLastCountsFromTheEnd() {
        String agent = generated("paused_agent", 700);

        SvgDocument all = SvgDocument.parse(chart(agent, "?metrics=attention_score", ADMIN).raw());
        assertThat(all.children("series-attention_score")).isEqualTo(700);
        assertThat(all.children("pauses")).isEqualTo(700 / 7);

        SvgDocument tail = SvgDocument.parse(chart(agent, "?metrics=V&last=50", ADMIN).raw());
        assertThat(tail.children("series-V")).isEqualTo(50);
        assertThat(tail.children("pauses")).isEqualTo(LongStream.rangeClosed(651, 700).filter(s -> s % 7 == 0).count());
    }

    @FileStoreOnly

    @Test
    void aboveTwoThousandPointsEachBucketKeepsItsMinimumAndMaximum() {
        String agent = generated("long_agent", 2500);

        SvgDocument capped = SvgDocument.parse(chart(agent, "?last=2500", ADMIN).raw());
        for (String metric : List.of("E", "I", "S", "V")) {
            assertThat(capped.children("series-" + metric)).as(metric).isEqualTo(2 * PointSampler.BUCKETS);
        }
        // 2.5 updates per bucket, a pause every 7: every pause has a bucket of its own
        assertThat(capped.children("pauses")).isEqualTo(2500 / 7);
        SvgDocument exact = SvgDocument.parse(chart(agent, "?last=2000", ADMIN).raw());
        assertThat(exact.children("series-E")).isEqualTo(2000);
        SvgDocument byDefault = SvgDocument.parse(chart(agent, "", ADMIN).raw());
        assertThat(byDefault.children("series-E")).isEqualTo(ChartQuery.DEFAULT_LAST);
    }

    /**
     * A 100 000-line log whose first line is damaged: a reader that decoded the whole log would answer
     * STATE_CORRUPT. The chart reads the last 10 000 lines only, and nothing else of the log.
     */
    @FileStoreOnly
    @Test
    void aHundredThousandLineLogIsReadOnlyAtItsEnd() throws IOException {
        String agent = generated("huge_agent", BIG_LOG);
        damageFirstLine(agent);
        LogReads reads = app.bean(LogReads.class);
        reads.clear();

        Reply reply = chart(agent, "?metrics=" + ALL_METRICS + "&last=10000", ADMIN);

        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        SvgDocument svg = SvgDocument.parse(reply.raw());
        assertThat(svg.children("series-E")).isEqualTo(2 * PointSampler.BUCKETS);
        assertThat(svg.texts()).anyMatch(text -> text.startsWith("last 10000 updates"));
        List<Read> logReads = reads.of(agent);
        assertThat(logReads).extracting(Read::method).containsOnly("readTail");
        assertThat(logReads).extracting(Read::entries).containsExactly(10_000);
    }

    @Test
    void theServiceDrawsHeadless() {
        assertThat(chart("live_agent", "", liveKey).status()).isEqualTo(200);
        // Spring Boot sets java.awt.headless unless told otherwise: no display is ever needed to draw
        assertThat(java.awt.GraphicsEnvironment.isHeadless()).isTrue();
    }

    @Test
    void anAgentWithoutUpdatesGetsAChartSayingSo() {
        Reply reply = chart("other_agent", "?metrics=E,attention_score", otherKey);

        assertThat(reply.status()).isEqualTo(200);
        SvgDocument svg = SvgDocument.parse(reply.raw());
        assertThat(svg.texts()).contains("History of agent other_agent", "no updates");
        assertThat(svg.group("series-E")).isNull();
    }

    @Test
    void readableWithTheCredentialsThatReadTheHistory() {
        assertThat(chart("live_agent", "", ADMIN).status()).isEqualTo(200);
        // governance reads are open to any valid credential, exactly as GET …/history
        assertThat(client.get("/api/v1/agents/live_agent/history", otherKey).status()).isEqualTo(200);
        assertThat(chart("live_agent", "", otherKey).status()).isEqualTo(200);

        assertError(chart("live_agent", "", null), 401, "AUTHENTICATION_REQUIRED");
        assertError(chart("live_agent", "", "gf_not-a-key-of-anyone"), 401, "AUTHENTICATION_FAILED");
        assertError(chart("no_such_agent", "", liveKey), 404, "AGENT_NOT_FOUND");
        assertError(chart("bad.agent", "", liveKey), 400, "INVALID_AGENT_ID");
    }

    @Test
    void unauthenticatedBadParametersAre401Not400() {
        assertError(chart("live_agent", "?last=0&metrics=X", null), 401, "AUTHENTICATION_REQUIRED");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"?metrics=X", "?metrics=E,E", "?metrics=", "?metrics=,", "?metrics=E,,I",
            "?metrics=e", "?metrics=E,I,S,V,attention_score,coherence,lambda1,E",
            "?metrics=E&metrics=E", "?metrics=%3Cscript%3E", "?metrics=E%00", "?metrics=risk",
            "?last=0", "?last=-1", "?last=10001", "?last=abc", "?last=", "?last=1.5", "?last=99999999999999999999",
            "?last=%20", "?last=0x10"})
    void hostileParametersAreTheStandard400(String query) {
        Reply reply = chart("live_agent", query, liveKey);

        assertError(reply, 400, "VALIDATION_FAILED");
        assertThat(reply.raw()).doesNotContain("<script>").doesNotContain("Exception");
    }

    @Test
    void overlongMetricsAreRefusedWithoutEcho() {
        String huge = "E," + "I".repeat(4000);
        Reply reply = chart("live_agent", "?metrics=" + huge, liveKey);

        assertError(reply, 400, "VALIDATION_FAILED");
        assertThat(reply.raw()).doesNotContain("IIIIIIII");
    }

    @Test
    void metricsMayBeSpacedAfterTheirCommas() {
        SvgDocument svg = SvgDocument.parse(chart("live_agent", "?metrics=E,%20coherence", liveKey).raw());

        assertThat(svg.children("series-E")).isEqualTo(LIVE_UPDATES);
        assertThat(svg.children("series-coherence")).isEqualTo(LIVE_UPDATES);
    }

    private static Reply chart(String agent, String query, String bearer) {
        return client.get("/api/v1/agents/" + agent + "/history.svg" + query, bearer);
    }

    /** Registers {@code agent} and gives it a generated log of {@code lines} updates (a pause every 7th). */
    private static String generated(String agent, int lines) {
        client.register(agent);
        GeneratedLogs.write(dataDir, agent, lines);
        return agent;
    }

    private static void damageFirstLine(String agent) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(dataDir.resolve("agents").resolve(agent + "_updates.jsonl")
                .toFile(), "rw")) {
            file.seek(10);
            file.write('#');
        }
    }
}
