package se.kuvert.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import se.kuvert.content.RunOfShow;
import se.kuvert.content.Show;
import se.kuvert.content.ShowRepository;
import se.kuvert.content.Slide;
import se.kuvert.live.LiveState;
import se.kuvert.live.Segment;
import se.kuvert.live.Snapshot;
import se.kuvert.presenter.PresenterView;
import se.kuvert.presenter.SlideLabels;
import se.kuvert.screens.Screens;
import se.kuvert.web.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One event of {@code GET /events/state}: the fields of {@code /api/state} and what a tool such as Companion shows on
 * its buttons — the slides' labels (which never name a winner before the reveal), the rundown to cue from, the
 * shows that can be loaded, each screen's health and who holds the operator console's lock ({@code lockedBy}, null
 * when nobody does). Nothing sealed: only what the presenter's phone already shows. The rundown and the show list
 * are written once and kept while what they come from stays the same (a big show's rundown is most of the event).
 * Every event is written by {@link #json()}, field by field, as Jackson would write the record (a test holds the two
 * to each other): through Jackson's record serializer it took a tool's stream a tenth of a millisecond per change.
 */
public record ToolState(@JsonUnwrapped State state, String title, String award, Place now, Place next,
                        boolean nextReveals, Long startedAt, SegmentTime segment, List<Screen> screens, RawValue rundown,
                        RawValue shows, String lockedBy) {
    private static final ObjectMapper JSON = Json.MAPPER;
    /** The rundown last written, and what it was written from: every change sends it, few change it. */
    private static volatile Kept<Rundown> keptRundown = new Kept<>(null, null);
    private static volatile Kept<List<ShowRepository.Summary>> keptShows = new Kept<>(null, null);

    /** A slide and step: "De nominerade", step 2 of 3 ({@code step} counts from 0), "Växjö kommun". */
    public record Place(int slide, int step, int steps, String kind, String label, String award, String detail) {
    }

    /** One slide of the rundown, for goto and for presets. */
    public record Cue(int slide, String kind, String label, int steps, boolean reveals) {
    }

    /** The award segment on screen: planned minutes and since when (epoch millis); time left is the tool's sum. */
    public record SegmentTime(String award, int minutes, long startedAt) {
    }

    public record Screen(String name, String kind, String health, String problem) {
        /** The record's own equality, written out to be quick: it is in the key of the tools' events rendered ahead. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Screen s && java.util.Objects.equals(health, s.health)
                    && java.util.Objects.equals(name, s.name) && java.util.Objects.equals(kind, s.kind)
                    && java.util.Objects.equals(problem, s.problem);
        }
    }

    /** What a rundown depends on: the show and its run (by identity: a load or an edit makes new ones) and the reveals. */
    private record Rundown(Show show, RunOfShow run, Set<String> revealed) {
        boolean same(Rundown other) {
            return other != null && show == other.show && run == other.run && revealed.equals(other.revealed);
        }
    }

    private record Kept<K>(K from, RawValue json) {
    }

    /** Each screen as a tool sees it: its name, kind and health (not when it was last heard of). */
    static List<Screen> screens(List<Screens.Report> reports) {
        return reports.stream().map(r -> new Screen(r.name(), r.kind(), r.healthName(), r.problem())).toList();
    }

    static ToolState of(Snapshot snapshot, Segment segment, List<Screen> screens, List<ShowRepository.Summary> shows,
                        String lockedBy) {
        SegmentTime time = segment.minutes() == null ? null
                : new SegmentTime(segment.award().name(), segment.minutes(), segment.since().toEpochMilli());
        LiveState s = snapshot.state();
        if (snapshot.show() == null) {
            return new ToolState(State.of(snapshot), null, null, null, null, false, null, time, screens, rundown(snapshot),
                    shows(shows), lockedBy);
        }
        var award = snapshot.slide().award();
        LiveState next = snapshot.nextPlace();
        return new ToolState(State.of(snapshot), snapshot.show().title(), award == null ? null : award.name(),
                place(PresenterView.place(snapshot, s)), next == s ? null : place(PresenterView.place(snapshot, next)),
                snapshot.nextRevealsWinner(), s.startedAt() == null ? null : s.startedAt().toEpochMilli(), time, screens,
                rundown(snapshot), shows(shows), lockedBy);
    }

    /** Every slide of the run as the phone's rundown names it, written once per show, run and reveals. */
    private static RawValue rundown(Snapshot snapshot) {
        Rundown from = new Rundown(snapshot.show(), snapshot.run(), snapshot.revealed());
        Kept<Rundown> kept = keptRundown;
        if (from.same(kept.from())) {
            return kept.json();
        }
        List<Cue> cues = new ArrayList<>();
        for (int i = 0; snapshot.run() != null && i < snapshot.run().size(); i++) {
            Slide slide = snapshot.run().slide(i);
            cues.add(new Cue(i, slide.kind(), SlideLabels.title(snapshot.show(), slide), slide.steps(), snapshot.jumpReveals(i)));
        }
        RawValue json = raw(cues);
        keptRundown = new Kept<>(from, json);
        return json;
    }

    /** The shows a tool may load, written once per list (the repository keeps the same list until one changes). */
    private static RawValue shows(List<ShowRepository.Summary> list) {
        Kept<List<ShowRepository.Summary>> kept = keptShows;
        if (kept.from() == list) {
            return kept.json();
        }
        RawValue json = raw(list);
        keptShows = new Kept<>(list, json);
        return json;
    }

    private static RawValue raw(Object value) {
        try {
            return new RawValue(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the tool state cannot be written as JSON", e);
        }
    }

    /** This state as JSON: the fields of the record, in its order, as {@code ObjectMapper} writes it. */
    public String json() {
        java.io.StringWriter out = new java.io.StringWriter(2048);
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("show", state.show());
            g.writeNumberField("slide", state.slide());
            g.writeNumberField("step", state.step());
            g.writeStringField("kind", state.kind());
            g.writeNumberField("slides", state.slides());
            g.writeNumberField("steps", state.steps());
            g.writeBooleanField("blackout", state.blackout());
            g.writeBooleanField("logo", state.logo());
            g.writeBooleanField("loop", state.loop());
            g.writeNumberField("version", state.version());
            g.writeBooleanField("rehearsal", state.rehearsal());
            g.writeStringField("title", title);
            g.writeStringField("award", award);
            place(g, "now", now);
            place(g, "next", next);
            g.writeBooleanField("nextReveals", nextReveals);
            g.writeFieldName("startedAt");
            if (startedAt == null) {
                g.writeNull();
            } else {
                g.writeNumber(startedAt);
            }
            g.writeFieldName("segment");
            if (segment == null) {
                g.writeNull();
            } else {
                g.writeStartObject();
                g.writeStringField("award", segment.award());
                g.writeNumberField("minutes", segment.minutes());
                g.writeNumberField("startedAt", segment.startedAt());
                g.writeEndObject();
            }
            g.writeArrayFieldStart("screens");
            for (Screen screen : screens) {
                g.writeStartObject();
                g.writeStringField("name", screen.name());
                g.writeStringField("kind", screen.kind());
                g.writeStringField("health", screen.health());
                g.writeStringField("problem", screen.problem());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeFieldName("rundown");
            g.writeRawValue((String) rundown.rawValue());
            g.writeFieldName("shows");
            g.writeRawValue((String) shows.rawValue());
            g.writeStringField("lockedBy", lockedBy);
            g.writeEndObject();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the tool state cannot be written as JSON", e);
        }
        return out.toString();
    }

    private static void place(JsonGenerator g, String field, Place p) throws java.io.IOException {
        g.writeFieldName(field);
        if (p == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeNumberField("slide", p.slide());
        g.writeNumberField("step", p.step());
        g.writeNumberField("steps", p.steps());
        g.writeStringField("kind", p.kind());
        g.writeStringField("label", p.label());
        g.writeStringField("award", p.award());
        g.writeStringField("detail", p.detail());
        g.writeEndObject();
    }

    private static Place place(PresenterView.Place p) {
        return new Place(p.slide(), p.step(), p.steps(), p.kind(), p.title(), p.award(), p.detail());
    }
}
