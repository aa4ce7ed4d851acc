package io.govflow.flow.context;

import java.util.List;
import java.util.Map;

import io.govflow.store.context.ManifestEntry.Related;

/**
 * What the service knows about a type: its journey (stage, action), its summary rule and the documents it links
 * to by default. Registered: the seed's onboarding contracts; every other agent-written type is generic.
 */
record TypeProfile(String stage, String action, SummaryRule rule, List<Related> related) {

    static final String EXPECTATION = "read_summary_first_then_expand";
    private static final SummaryRule GENERIC = new GenericSummary();

    private static final Map<String, TypeProfile> REGISTERED = Map.of(
            OnboardingSummaries.WEBSITE_ANALYSIS, new TypeProfile("onboarding_step_2", "website_analysis",
                    OnboardingSummaries::websiteAnalysis, List.of(
                            new Related(OnboardingSummaries.RESEARCH_PREFERENCES, "next_step"),
                            new Related(OnboardingSummaries.PERSONA_PROFILE, "future_dependency"))),
            OnboardingSummaries.RESEARCH_PREFERENCES, new TypeProfile("onboarding_step_3", "research_preferences",
                    OnboardingSummaries::researchPreferences, List.of(
                            new Related(OnboardingSummaries.WEBSITE_ANALYSIS, "previous_step"),
                            new Related(OnboardingSummaries.COMPETITOR_SNAPSHOTS, "companion"),
                            new Related(OnboardingSummaries.PERSONA_PROFILE, "next_step"))),
            OnboardingSummaries.COMPETITOR_SNAPSHOTS, new TypeProfile("onboarding_step_3", "competitor_snapshots",
                    OnboardingSummaries::competitorSnapshots, List.of(
                            new Related(OnboardingSummaries.RESEARCH_PREFERENCES, "companion"),
                            new Related(OnboardingSummaries.WEBSITE_ANALYSIS, "upstream_context"))),
            OnboardingSummaries.PERSONA_PROFILE, new TypeProfile("onboarding_step_4", "persona_profile",
                    OnboardingSummaries::personaProfile, List.of(
                            new Related(OnboardingSummaries.RESEARCH_PREFERENCES, "previous_step"),
                            new Related(OnboardingSummaries.WEBSITE_ANALYSIS, "upstream_context"),
                            new Related(OnboardingSummaries.PLATFORM_PERSONAS, "companion"))),
            OnboardingSummaries.PLATFORM_PERSONAS, new TypeProfile("onboarding_step_4", "platform_personas",
                    OnboardingSummaries::platformPersonas, List.of(
                            new Related(OnboardingSummaries.PERSONA_PROFILE, "companion"))));

    TypeProfile {
        related = List.copyOf(related);
    }

    /** The registered profile, or the generic one: stage = first segment, action = last segment. */
    static TypeProfile of(String type) {
        TypeProfile registered = REGISTERED.get(type);
        if (registered != null) {
            return registered;
        }
        return new TypeProfile(ContextTypes.firstSegment(type), ContextTypes.lastSegment(type), GENERIC, List.of());
    }

    /** A service-maintained type: summaries come from its source, not from a rule. */
    static TypeProfile service(String type, List<Related> related) {
        return new TypeProfile("governance", ContextTypes.lastSegment(type), GENERIC, related);
    }
}
