package io.govflow.flow.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.govflow.engine.GovernanceState;
import org.junit.jupiter.api.Test;

class AgentViewsTest {

    private static final AgentView VIEW = new AgentView(GovernanceState.fresh(1000), 0, null, 0, Map.of());

    @Test
    void staysWithinItsBytesDroppingTheLeastRecentlyUsedButNeverTheViewJustPut() {
        long each = VIEW.estimatedBytes();
        AgentViews views = new AgentViews(4 * each);
        for (String id : new String[] { "a_agent", "b_agent", "c_agent", "d_agent" }) {
            views.put(id, VIEW);
            tick();
        }
        assertThat(views.size()).isEqualTo(4);
        assertThat(views.get("a_agent")).isSameAs(VIEW);
        tick();

        views.put("e_agent", VIEW);

        assertThat(views.bytes()).isLessThanOrEqualTo(4 * each);
        assertThat(views.get("b_agent")).isNull();
        assertThat(views.get("c_agent")).isNull();
        assertThat(views.get("a_agent")).isSameAs(VIEW);
        assertThat(views.get("d_agent")).isSameAs(VIEW);
        assertThat(views.get("e_agent")).isSameAs(VIEW);
        assertThat(views.bytes()).isEqualTo(3 * each);
    }

    @Test
    void replacingOrDroppingAViewKeepsTheCountOfBytes() {
        AgentViews views = new AgentViews(Long.MAX_VALUE);
        views.put("a_agent", VIEW);
        views.put("a_agent", VIEW);
        assertThat(views.bytes()).isEqualTo(VIEW.estimatedBytes());
        views.evict("a_agent");
        assertThat(views.bytes()).isZero();
        assertThat(views.size()).isZero();
    }

    /** Lets the clock the views are ordered by move on, so that "least recently used" is well defined. */
    private static void tick() {
        long now = System.nanoTime();
        while (System.nanoTime() == now) {
            Thread.onSpinWait();
        }
    }
}
