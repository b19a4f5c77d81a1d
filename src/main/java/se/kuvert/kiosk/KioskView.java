package se.kuvert.kiosk;

import se.kuvert.content.Award;
import se.kuvert.content.Nominee;
import se.kuvert.content.Show;
import se.kuvert.content.Texts;
import se.kuvert.seal.PublicSnapshot;

import java.util.List;
import java.util.Optional;

/**
 * What a visitor can browse on the foyer kiosk: the show, its awards and nominees, and the winners the room has
 * already seen. An award whose winner is still sealed shows only its nominees.
 */
public record KioskView(Show show, List<Entry> awards, Texts texts, boolean rehearsal) {

    /** One award; {@code winner} is empty until the room has seen it. */
    public record Entry(Award award, Optional<Nominee> winner) {
    }

    public static KioskView of(PublicSnapshot snapshot) {
        Show show = snapshot.show();
        if (show == null) {
            return new KioskView(null, List.of(), Texts.of((Show) null), false);
        }
        List<Entry> entries = show.awards().stream()
                .map(a -> new Entry(a, snapshot.isRevealed(a.id()) ? a.winningNominee() : Optional.empty()))
                .toList();
        return new KioskView(show, entries, Texts.of(show.language()), snapshot.state().rehearsal());
    }
}
