package io.govflow.engine;

import java.util.List;

/**
 * The governance state of one agent: E, I, S, V, the control parameters (C1, eta1), the controller's integral,
 * counters and the windowed histories. Mutable; {@link GovernanceEngine} updates it in place.
 */
public final class GovernanceState {

    static final double FRESH_E = 0.7;
    static final double FRESH_I = 0.8;
    static final double FRESH_S = 0.2;
    static final double FRESH_V = 0.0;
    static final double FRESH_C1 = 1.0;
    static final double FRESH_ETA1 = 0.3;

    private final int window;
    private double e = FRESH_E;
    private double i = FRESH_I;
    private double s = FRESH_S;
    private double v = FRESH_V;
    private double coherence = 1.0;
    private boolean voidActive;
    private double time;
    private long updateCount;
    private double c1 = FRESH_C1;
    private double eta1 = FRESH_ETA1;
    private double piIntegral;
    private long lambda1UpdateSkips;

    private DoubleHistory eHistory;
    private DoubleHistory iHistory;
    private DoubleHistory sHistory;
    private DoubleHistory vHistory;
    private DoubleHistory coherenceHistory;
    private DoubleHistory attentionHistory;
    private DoubleHistory lambda1History;
    private BoundedHistory<String> decisionHistory;
    private BoundedHistory<String> timestampHistory;

    private GovernanceState(int window) {
        this.window = window;
        this.eHistory = new DoubleHistory(window);
        this.iHistory = new DoubleHistory(window);
        this.sHistory = new DoubleHistory(window);
        this.vHistory = new DoubleHistory(window);
        this.coherenceHistory = new DoubleHistory(window);
        this.attentionHistory = new DoubleHistory(window);
        this.lambda1History = new DoubleHistory(window);
        this.decisionHistory = new BoundedHistory<>(window);
        this.timestampHistory = new BoundedHistory<>(window);
    }

    /** A new agent's state; coherence is the 1.0 placeholder until the first update. */
    public static GovernanceState fresh(int window) {
        return new GovernanceState(window);
    }

    public static Builder builder(int window) {
        return new Builder(window);
    }

    /** A deep copy: updating the copy leaves this state untouched. */
    public GovernanceState copy() {
        GovernanceState copy = new GovernanceState(window);
        copy.e = e;
        copy.i = i;
        copy.s = s;
        copy.v = v;
        copy.coherence = coherence;
        copy.voidActive = voidActive;
        copy.time = time;
        copy.updateCount = updateCount;
        copy.c1 = c1;
        copy.eta1 = eta1;
        copy.piIntegral = piIntegral;
        copy.lambda1UpdateSkips = lambda1UpdateSkips;
        copy.eHistory = eHistory.copy();
        copy.iHistory = iHistory.copy();
        copy.sHistory = sHistory.copy();
        copy.vHistory = vHistory.copy();
        copy.coherenceHistory = coherenceHistory.copy();
        copy.attentionHistory = attentionHistory.copy();
        copy.lambda1History = lambda1History.copy();
        copy.decisionHistory = decisionHistory.copy();
        copy.timestampHistory = timestampHistory.copy();
        return copy;
    }

    public double e() {
        return e;
    }

    public double i() {
        return i;
    }

    public double s() {
        return s;
    }

    public double v() {
        return v;
    }

    public double coherence() {
        return coherence;
    }

    public boolean voidActive() {
        return voidActive;
    }

    public double time() {
        return time;
    }

    public long updateCount() {
        return updateCount;
    }

    public double c1() {
        return c1;
    }

    public double eta1() {
        return eta1;
    }

    /** λ1 is never stored; it always follows from eta1. */
    public double lambda1() {
        return Lambda1Mapping.fromEta1(eta1);
    }

    public double piIntegral() {
        return piIntegral;
    }

    public long lambda1UpdateSkips() {
        return lambda1UpdateSkips;
    }

    public int window() {
        return window;
    }

    /** How many updates the histories hold (at most the window). */
    public int historySize() {
        return eHistory.size();
    }

    public List<Double> eHistory() {
        return eHistory.toList();
    }

    public List<Double> iHistory() {
        return iHistory.toList();
    }

    public List<Double> sHistory() {
        return sHistory.toList();
    }

    public List<Double> vHistory() {
        return vHistory.toList();
    }

    public List<Double> coherenceHistory() {
        return coherenceHistory.toList();
    }

    /** Attention scores; the reference state file calls this series {@code risk_history}. */
    public List<Double> attentionHistory() {
        return attentionHistory.toList();
    }

    /** λ1 as it was when each update's dynamics ran, before that update's controller step. */
    public List<Double> lambda1History() {
        return lambda1History.toList();
    }

    public List<String> decisionHistory() {
        return decisionHistory.toList();
    }

    public List<String> timestampHistory() {
        return timestampHistory.toList();
    }

    // Engine-side access: the live series and the mutations of one cycle.

    DoubleHistory vSeries() {
        return vHistory;
    }

    DoubleHistory coherenceSeries() {
        return coherenceHistory;
    }

    DoubleHistory attentionSeries() {
        return attentionHistory;
    }

    BoundedHistory<String> decisionSeries() {
        return decisionHistory;
    }

    void moveTo(EisvPoint point, double newCoherence) {
        e = point.e();
        i = point.i();
        s = point.s();
        v = point.v();
        coherence = newCoherence;
    }

    void recordStep(double lambda1BeforeController, String timestamp) {
        eHistory.add(e);
        iHistory.add(i);
        sHistory.add(s);
        vHistory.add(v);
        coherenceHistory.add(coherence);
        timestampHistory.add(timestamp);
        lambda1History.add(lambda1BeforeController);
    }

    void advanceClock(double dt) {
        time += dt;
        updateCount++;
    }

    void setVoidActive(boolean active) {
        voidActive = active;
    }

    void applyControllerStep(double newEta1, double newPiIntegral) {
        eta1 = newEta1;
        piIntegral = newPiIntegral;
    }

    void countLambda1Skip() {
        lambda1UpdateSkips++;
    }

    void recordAttention(double attention) {
        attentionHistory.add(attention);
    }

    void recordDecision(String action) {
        decisionHistory.add(action);
    }

    /**
     * Restores a state from stored values (a state file or an update log). Coherence and λ1 are derived:
     * {@link #build()} recomputes coherence from V and C1, and λ1 always follows eta1. Histories longer than the
     * window keep their last {@code window} entries.
     */
    public static final class Builder {

        private final GovernanceState state;

        private Builder(int window) {
            state = new GovernanceState(window);
        }

        public Builder e(double value) {
            state.e = value;
            return this;
        }

        public Builder i(double value) {
            state.i = value;
            return this;
        }

        public Builder s(double value) {
            state.s = value;
            return this;
        }

        public Builder v(double value) {
            state.v = value;
            return this;
        }

        /** Accepted for symmetry with stored files and ignored: {@link #build()} recomputes coherence from V. */
        public Builder coherence(double ignored) {
            return this;
        }

        /** Accepted for symmetry with stored files and ignored: λ1 always follows eta1. */
        public Builder lambda1(double ignored) {
            return this;
        }

        public Builder voidActive(boolean value) {
            state.voidActive = value;
            return this;
        }

        public Builder time(double value) {
            state.time = value;
            return this;
        }

        public Builder updateCount(long value) {
            state.updateCount = value;
            return this;
        }

        public Builder c1(double value) {
            state.c1 = value;
            return this;
        }

        public Builder eta1(double value) {
            state.eta1 = value;
            return this;
        }

        public Builder piIntegral(double value) {
            state.piIntegral = value;
            return this;
        }

        public Builder lambda1UpdateSkips(long value) {
            state.lambda1UpdateSkips = value;
            return this;
        }

        public Builder eHistory(List<Double> values) {
            state.eHistory = numbers(values);
            return this;
        }

        public Builder iHistory(List<Double> values) {
            state.iHistory = numbers(values);
            return this;
        }

        public Builder sHistory(List<Double> values) {
            state.sHistory = numbers(values);
            return this;
        }

        public Builder vHistory(List<Double> values) {
            state.vHistory = numbers(values);
            return this;
        }

        public Builder coherenceHistory(List<Double> values) {
            state.coherenceHistory = numbers(values);
            return this;
        }

        /** The attention series; {@code risk_history} in reference state files. */
        public Builder attentionHistory(List<Double> values) {
            state.attentionHistory = numbers(values);
            return this;
        }

        public Builder lambda1History(List<Double> values) {
            state.lambda1History = numbers(values);
            return this;
        }

        public Builder decisionHistory(List<String> values) {
            state.decisionHistory = series(values);
            return this;
        }

        public Builder timestampHistory(List<String> values) {
            state.timestampHistory = series(values);
            return this;
        }

        /** A new, independent state from the values set so far. */
        public GovernanceState build() {
            state.coherence = Coherence.clipped(state.v, state.c1);
            return state.copy();
        }

        private DoubleHistory numbers(List<Double> values) {
            return DoubleHistory.of(state.window, List.copyOf(values));
        }

        private <T> BoundedHistory<T> series(List<T> values) {
            return BoundedHistory.of(state.window, List.copyOf(values));
        }
    }
}
