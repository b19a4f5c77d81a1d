package se.kuvert.content;

import java.util.Map;

/** The few UI strings a show puts on screen, in the show's language (sv or en; anything else falls back to en). */
public record Texts(String language, Map<String, String> strings) {

    private static final Map<String, String> SV = Map.ofEntries(
            Map.entry("nominees", "De nominerade"),
            Map.entry("envelope", "Och vinnaren är…"),
            Map.entry("winner", "Vinnare"),
            Map.entry("motivation", "Juryns motivering"),
            Map.entry("prize", "Priset"),
            Map.entry("presentedBy", "Delas ut av"),
            Map.entry("jury", "Juryn"),
            Map.entry("partners", "I samarbete med"),
            Map.entry("thanks", "Tack!"),
            Map.entry("receivedBy", "Tar emot priset"),
            Map.entry("waiting", "Välkommen"),
            Map.entry("kioskAwards", "Priserna"),
            Map.entry("kioskNominees", "nominerade"),
            Map.entry("kioskBack", "Alla priser"),
            Map.entry("kioskWinner", "Vinnare"),
            Map.entry("kioskTouch", "Rör skärmen för att utforska priserna"));

    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("nominees", "The nominees"),
            Map.entry("envelope", "And the winner is…"),
            Map.entry("winner", "Winner"),
            Map.entry("motivation", "The jury's motivation"),
            Map.entry("prize", "The prize"),
            Map.entry("presentedBy", "Presented by"),
            Map.entry("jury", "The jury"),
            Map.entry("partners", "In partnership with"),
            Map.entry("thanks", "Thank you!"),
            Map.entry("receivedBy", "Receiving the award"),
            Map.entry("waiting", "Welcome"),
            Map.entry("kioskAwards", "The awards"),
            Map.entry("kioskNominees", "nominees"),
            Map.entry("kioskBack", "All awards"),
            Map.entry("kioskWinner", "Winner"),
            Map.entry("kioskTouch", "Touch the screen to explore the awards"));

    public static Texts of(String language) {
        return "sv".equals(language) ? new Texts("sv", SV) : new Texts("en", EN);
    }

    public String get(String key) {
        return strings.getOrDefault(key, key);
    }
}
