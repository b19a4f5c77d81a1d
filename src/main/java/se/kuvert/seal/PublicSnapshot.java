package se.kuvert.seal;

import se.kuvert.content.Award;
import se.kuvert.content.RunOfShow;
import se.kuvert.content.Show;
import se.kuvert.content.Slide;
import se.kuvert.live.LiveState;
import se.kuvert.live.Snapshot;

import java.util.List;
import java.util.Set;

/**
 * What a public screen may see of the live show: the one place the sealed winner is kept. The big screen, its
 * attract loop, the foyer kiosk and the stage monitor's previews render from this alone, never from a
 * {@link Snapshot}. Every award whose winner the room has not seen is replaced by a copy without its winner,
 * citation, recipients and motivation, in the show and in every slide of the run, so no template can show them:
 * the data is not there. An award counts as seen only once the live slide showed it uncovered (see
 * {@link se.kuvert.live.Director}); a blackout, the logo or the loop over a winner slide keeps it sealed.
 */
public final class PublicSnapshot {
    private final LiveState state;
    private final Show show;
    private final RunOfShow run;
    private final Set<String> revealed;

    private PublicSnapshot(LiveState state, Show show, RunOfShow run, Set<String> revealed) {
        this.state = state;
        this.show = show;
        this.run = run;
        this.revealed = revealed;
    }

    /** The live snapshot as the room may see it. */
    public static PublicSnapshot of(Snapshot snapshot) {
        return at(snapshot, snapshot.state());
    }

    /**
     * The show at another place (the stage monitor's "next") with what the room has seen so far: a winner at that
     * place that the room has not seen stays sealed.
     */
    public static PublicSnapshot at(Snapshot snapshot, LiveState place) {
        Show show = snapshot.show();
        if (show == null) {
            return new PublicSnapshot(place, null, null, Set.of());
        }
        Set<String> revealed = snapshot.revealed();
        List<Award> awards = show.awards().stream().map(a -> revealed.contains(a.id()) ? a : sealed(a)).toList();
        Show open = show.withAwards(awards);
        RunOfShow run = new RunOfShow(snapshot.run().slides().stream().map(s -> withAwardsOf(s, open)).toList());
        return new PublicSnapshot(place, open, run, revealed);
    }

    /** An award with nothing that tells who won it. */
    static Award sealed(Award a) {
        return new Award(a.id(), a.name(), a.about(), a.nominees(), null, null, null, List.of(), a.jury(),
                a.presenter(), a.prize(), a.minutes());
    }

    /** The same slide, pointing at {@code show}'s copy of its award (the slide count and order stay as they are). */
    private static Slide withAwardsOf(Slide slide, Show show) {
        Award award = slide.award();
        return award == null ? slide : slide.withAward(show.award(award.id()).orElseGet(() -> sealed(award)));
    }

    public LiveState state() {
        return state;
    }

    /** The live show with only seen winners, or null when no show is loaded. */
    public Show show() {
        return show;
    }

    /** The run of show over {@link #show()}, or null when no show is loaded. */
    public RunOfShow run() {
        return run;
    }

    /** The slide at this place, or null when no show is loaded. */
    public Slide slide() {
        return run == null ? null : run.slide(state.slide());
    }

    /** True when the room has seen this award's winner: only then does {@link #show()} hold it. */
    public boolean isRevealed(String awardId) {
        return revealed.contains(awardId);
    }

    /** The ids of the awards whose winner the room has seen. */
    public Set<String> revealed() {
        return revealed;
    }
}
