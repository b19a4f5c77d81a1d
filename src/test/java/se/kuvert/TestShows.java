package se.kuvert;

import se.kuvert.content.Award;
import se.kuvert.content.JuryMember;
import se.kuvert.content.Nominee;
import se.kuvert.content.Partner;
import se.kuvert.content.Show;
import se.kuvert.content.Theme;

import java.util.List;

/** Small shows built in code, for tests that should not depend on the demo content. */
public final class TestShows {
    public static final String WINNER_NAME = "Björkby kommun";
    public static final String MOTIVATION_1 = "Björkby har modigt gått före i allt som rör digital omställning.";
    public static final String MOTIVATION_2 = "Priset går därför till en kommun som vågar.";
    public static final String CITATION = "för modigt ledarskap i omställningen";

    private TestShows() {
    }

    /**
     * title, award, nominees (3 steps), envelope, winner, motivation (2 steps), prize, jury, partners, closing.
     * The award's segment is planned for 6 minutes.
     */
    public static Show gala() {
        Award award = new Award("main", "Årets kommun", "Priset till årets kommun.",
                List.of(new Nominee("alby", "Alby kommun", "Nominerad för öppenhet", null, null),
                        new Nominee("bjorkby", WINNER_NAME, "Nominerad för mod", null, null),
                        new Nominee("cedby", "Cedby <b>kommun</b>", null, null, null)),
                "bjorkby", CITATION, "Kommundirektören tar emot priset",
                List.of(MOTIVATION_1, MOTIVATION_2),
                List.of(new JuryMember("Anna Andersson", "ordförande")),
                "Ministern", "En skulptur", 6);
        return new Show("gala", "Testgalan", null, "1 maj", "Stadshuset", "sv", Theme.DEFAULT, List.of(award),
                List.of(new Partner("Partnerbolaget", null)), null, null);
    }

    public static Show other() {
        Award award = new Award("other", "Annat pris", null,
                List.of(new Nominee("x", "Xby", null, null, null), new Nominee("y", "Yby", null, null, null)),
                "y", null, null, List.of("Yby vann."), List.of(), null, null);
        return new Show("other", "Andra galan", null, null, null, "en", null, List.of(award), List.of(), null, null);
    }
}
