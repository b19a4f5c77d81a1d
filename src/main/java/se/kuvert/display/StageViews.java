package se.kuvert.display;

import se.kuvert.content.Texts;
import se.kuvert.live.LiveState;
import se.kuvert.seal.PublicSnapshot;

/** Builds the stage's view model from what the room may see: only the current slide, so nothing later can leak. */
public final class StageViews {
    private StageViews() {
    }

    public static StageView of(PublicSnapshot snapshot) {
        LiveState s = snapshot.state();
        if (snapshot.show() == null) {
            return new StageView(null, null, 0, 0, 0, s.blackout(), s.logo(), s.version(), Texts.of("sv"), false);
        }
        return new StageView(snapshot.show(), snapshot.slide(), s.slide(), snapshot.run().size(), s.step(), s.blackout(),
                s.logo(), s.version(), Texts.of(snapshot.show().language()), s.rehearsal());
    }
}
