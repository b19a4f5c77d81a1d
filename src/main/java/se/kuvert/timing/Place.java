package se.kuvert.timing;

import se.kuvert.content.Award;
import se.kuvert.content.Slide;
import se.kuvert.live.LiveState;
import se.kuvert.live.Snapshot;

/**
 * Where the big screen is, as far as timing goes: which slide (by index, kind and award, never its sealed content)
 * and what covers it. Steps inside a slide are not places: a slide's time is the sum of its steps'.
 */
record Place(int slide, String kind, String awardId, String awardName, Cover cover) {

    /** What may cover the live slide; the attract loop counts first, then a blackout, then the logo. */
    enum Cover {
        LOOP, BLACKOUT, LOGO;

        String key() {
            return name().toLowerCase();
        }

        static Cover of(String key) {
            return key == null ? null : valueOf(key.toUpperCase());
        }
    }

    static Place of(Snapshot snapshot) {
        Slide slide = snapshot.slide();
        Award award = slide.award();
        LiveState s = snapshot.state();
        Cover cover = s.loop() ? Cover.LOOP : s.blackout() ? Cover.BLACKOUT : s.logo() ? Cover.LOGO : null;
        return new Place(s.slide(), slide.kind(), award == null ? null : award.id(), award == null ? null : award.name(), cover);
    }

    /** The same slide (a change of cover or of step is not a new visit). */
    boolean sameSlide(Place other) {
        return other != null && slide == other.slide && kind.equals(other.kind) && java.util.Objects.equals(awardId, other.awardId);
    }
}
