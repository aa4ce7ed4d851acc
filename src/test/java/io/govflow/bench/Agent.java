package io.govflow.bench;

/** A registered agent and its key, which every one of its requests carries. */
record Agent(String id, String key) {

    @Override
    public String toString() {
        return id;
    }
}
