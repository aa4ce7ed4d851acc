package io.govflow.flow.context;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Summary rules of the seed's onboarding contracts: quick facts, high-signal terms and a bounded focus block
 * per step, read from snake_case or camelCase fields. Unlike the system the seed came from, every copied value
 * is bounded (lists capped, text cut) and blanks are left out of the signal terms.
 */
final class OnboardingSummaries {

    static final String WEBSITE_ANALYSIS = "onboarding.step2.website_analysis";
    static final String RESEARCH_PREFERENCES = "onboarding.step3.research_preferences";
    static final String COMPETITOR_SNAPSHOTS = "onboarding.step3.competitor_snapshots";
    static final String PERSONA_PROFILE = "onboarding.step4.persona_profile";
    static final String PLATFORM_PERSONAS = "onboarding.step4.platform_personas";

    private static final int TERM_CHARS = 100;
    private static final int SIGNAL_TERMS = 6;

    private OnboardingSummaries() {
    }

    static Summary websiteAnalysis(ObjectNode d) {
        JsonNode source = JsonBits.field(d, "analysis") instanceof ObjectNode nested ? nested : d;
        JsonNode brand = JsonBits.field(source, "brand_analysis", "brandAnalysis");
        JsonNode audience = JsonBits.field(source, "target_audience", "targetAudience");
        JsonNode settings = JsonBits.field(source, "recommended_settings", "recommendedSettings");
        JsonNode contentType = JsonBits.field(source, "content_type", "contentType");
        JsonNode seo = JsonBits.field(source, "seo_audit", "seoAudit");
        ObjectNode facts = JsonBits.object();
        facts.put("website_url", JsonBits.text(JsonBits.field(source, "website_url", "websiteUrl", "website"), 300));
        facts.put("brand_voice", JsonBits.text(JsonBits.field(brand, "brand_voice", "brandVoice"), TERM_CHARS));
        facts.put("industry", JsonBits.text(JsonBits.field(brand, "industry"), TERM_CHARS));
        facts.put("target_segment", JsonBits.text(JsonBits.field(audience, "primary_audience", "primaryAudience",
                "audience_type", "audienceType"), TERM_CHARS));
        facts.put("writing_tone", JsonBits.text(JsonBits.field(settings, "writing_tone", "writingTone"),
                TERM_CHARS));
        facts.put("primary_content_type", JsonBits.text(JsonBits.field(contentType, "primary_type", "primaryType"),
                TERM_CHARS));
        facts.set("social_platforms", sortedKeys(JsonBits.field(source, "social_media_presence",
                "socialMediaPresence")));
        List<JsonNode> issues = JsonBits.listOf(JsonBits.field(seo, "technical_issues", "technicalIssues"));
        List<JsonNode> recommendations = JsonBits.listOf(JsonBits.field(seo, "recommendations"));
        facts.put("seo_issue_count", issues.size());
        facts.put("seo_recommendation_count", recommendations.size());
        ObjectNode s = JsonBits.object();
        s.set("quick_facts", facts);
        s.set("high_signal_terms", terms(facts.get("brand_voice"), facts.get("industry"), facts.get("writing_tone"),
                facts.get("primary_content_type")));
        ObjectNode focus = s.putObject("seo_focus");
        focus.set("technical_issues", JsonBits.texts(issues, 5, 200));
        focus.set("recommendations", JsonBits.texts(recommendations, 5, 200));
        return new Summary(s, List.of("brand voice guidelines", "website style patterns", "seo technical issues",
                "content strategy opportunities", "target audience profile"));
    }

    static Summary researchPreferences(ObjectNode d) {
        List<JsonNode> contentTypes = JsonBits.listOf(JsonBits.field(d, "content_types", "contentTypes"));
        List<JsonNode> competitors = JsonBits.listOf(JsonBits.field(d, "competitors"));
        ObjectNode facts = JsonBits.object();
        facts.put("research_depth", JsonBits.text(JsonBits.field(d, "research_depth", "researchDepth"), TERM_CHARS));
        facts.set("content_types", JsonBits.texts(contentTypes, 10, TERM_CHARS));
        facts.put("auto_research", JsonBits.flag(JsonBits.field(d, "auto_research", "autoResearch"), true));
        facts.put("factual_content", JsonBits.flag(JsonBits.field(d, "factual_content", "factualContent"), true));
        facts.put("competitor_count", competitors.size());
        ObjectNode s = JsonBits.object();
        s.set("quick_facts", facts);
        List<JsonNode> signal = new ArrayList<>();
        signal.add(facts.get("research_depth"));
        contentTypes.stream().limit(5).forEach(signal::add);
        s.set("high_signal_terms", terms(signal.toArray(JsonNode[]::new)));
        s.set("competitor_focus", competitorFocus(d, competitors));
        return new Summary(s, List.of("competitor landscape summary", "content opportunities by competitor",
                "research depth preferences", "factual content constraints"));
    }

    static Summary competitorSnapshots(ObjectNode d) {
        List<JsonNode> competitors = JsonBits.listOf(JsonBits.field(d, "competitors"));
        ObjectNode facts = JsonBits.object();
        facts.put("competitor_count", competitors.size());
        ObjectNode s = JsonBits.object();
        s.set("quick_facts", facts);
        ObjectNode focus = competitorFocus(d, competitors);
        List<JsonNode> domains = new ArrayList<>();
        focus.get("top_competitor_domains").forEach(domains::add);
        s.set("high_signal_terms", terms(domains.stream().limit(5).toArray(JsonNode[]::new)));
        s.set("competitor_focus", focus);
        return new Summary(s, List.of("competitor landscape summary", "content opportunities by competitor"));
    }

    static Summary personaProfile(ObjectNode d) {
        JsonNode core = JsonBits.field(d, "core_persona", "corePersona");
        JsonNode name = JsonBits.field(core, "name");
        if (name == null) {
            name = JsonBits.field(d, "persona_name", "personaName");
        }
        JsonNode goal = JsonBits.field(core, "primary_goal", "primaryGoal", "goal");
        if (goal == null) {
            goal = JsonBits.field(d, "primary_goal", "primaryGoal", "goal");
        }
        ObjectNode facts = JsonBits.object();
        facts.put("persona_name", JsonBits.text(name, TERM_CHARS));
        facts.set("selected_platforms", JsonBits.texts(JsonBits.listOf(JsonBits.field(d, "selected_platforms",
                "selectedPlatforms")), 20, TERM_CHARS));
        facts.put("has_research_persona", JsonBits.flag(JsonBits.field(d, "research_persona", "researchPersona"),
                false));
        facts.put("has_quality_metrics", JsonBits.flag(JsonBits.field(d, "quality_metrics", "qualityMetrics"),
                false));
        ObjectNode s = JsonBits.object();
        s.set("quick_facts", facts);
        s.set("high_signal_terms", terms(facts.get("persona_name")));
        s.putObject("persona_focus").put("primary_goal", JsonBits.text(goal, 250));
        return new Summary(s, List.of("core persona profile", "persona quality metrics",
                "research persona defaults"));
    }

    static Summary platformPersonas(ObjectNode d) {
        JsonNode personas = JsonBits.field(d, "platform_personas", "platformPersonas");
        ArrayNode platforms = JsonBits.texts(JsonBits.listOf(JsonBits.field(d, "selected_platforms",
                "selectedPlatforms")), 20, TERM_CHARS);
        if (platforms.isEmpty()) {
            platforms = sortedKeys(personas);
        }
        ObjectNode facts = JsonBits.object();
        facts.set("selected_platforms", platforms);
        facts.put("platform_persona_count", personas == null || !personas.isObject() ? 0 : personas.size());
        ObjectNode s = JsonBits.object();
        s.set("quick_facts", facts);
        List<JsonNode> signal = new ArrayList<>();
        platforms.forEach(signal::add);
        s.set("high_signal_terms", terms(signal.stream().limit(5).toArray(JsonNode[]::new)));
        return new Summary(s, List.of("platform persona adaptations", "platform posting guidance"));
    }

    private static ObjectNode competitorFocus(ObjectNode d, List<JsonNode> competitors) {
        ObjectNode focus = JsonBits.object();
        ArrayNode domains = focus.putArray("top_competitor_domains");
        for (JsonNode competitor : competitors.subList(0, Math.min(20, competitors.size()))) {
            String domain = JsonBits.text(JsonBits.field(competitor, "domain", "url"), TERM_CHARS);
            if (competitor.isString()) {
                domain = JsonBits.text(competitor, TERM_CHARS);
            }
            if (!domain.isBlank() && domains.size() < 10) {
                domains.add(domain);
            }
        }
        focus.put("industry_context", JsonBits.text(JsonBits.field(d, "industry_context", "industryContext"), 500));
        return focus;
    }

    private static ArrayNode sortedKeys(@Nullable JsonNode object) {
        ArrayNode out = JsonBits.NODES.arrayNode();
        if (object != null && object.isObject()) {
            new TreeSet<>(object.propertyNames()).stream().limit(20).forEach(out::add);
        }
        return out;
    }

    private static ArrayNode terms(JsonNode... values) {
        ArrayNode out = JsonBits.NODES.arrayNode();
        for (JsonNode value : values) {
            String text = JsonBits.text(value, TERM_CHARS);
            if (!text.isBlank() && out.size() < SIGNAL_TERMS) {
                out.add(text);
            }
        }
        return out;
    }
}
