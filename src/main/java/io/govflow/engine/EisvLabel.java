package io.govflow.engine;

/** How one state variable is named and explained to readers. */
public record EisvLabel(String label, String description, String userFriendly, String range) {
}
