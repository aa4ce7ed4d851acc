package io.govflow.flow.context;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * Folds text for secret detection: Unicode compatibility normalization (NFKC: fullwidth and other compatibility
 * forms become their plain letters), then the Cyrillic and Greek letters that look like Latin ones become those
 * Latin letters. Only used to decide whether something is a secret; stored text is never folded.
 */
final class LookAlikes {

    private static final Map<Character, Character> LATIN = latinLookAlikes();

    private LookAlikes() {
    }

    static String fold(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = null;
        for (int i = 0; i < normalized.length(); i++) {
            Character latin = LATIN.get(normalized.charAt(i));
            if (latin != null) {
                if (out == null) {
                    out = new StringBuilder(normalized);
                }
                out.setCharAt(i, latin);
            }
        }
        return out == null ? normalized : out.toString();
    }

    private static Map<Character, Character> latinLookAlikes() {
        // each entry: the look-alike letters, then the Latin letters they imitate, position by position
        String[][] rows = {
                {"авекмнорстухіјѕԁԛԝһӏɡ", "abekmhopctyxijsdqwhlg"},
                {"АВЕКМНОРСТУХІЈЅ", "ABEKMHOPCTYXIJS"},
                {"αβικνορτυχ", "abikvoptux"},
                {"ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX"}};
        Map<Character, Character> map = new HashMap<>();
        for (String[] row : rows) {
            for (int i = 0; i < row[0].length(); i++) {
                map.put(row[0].charAt(i), row[1].charAt(i));
            }
        }
        return Map.copyOf(map);
    }
}
