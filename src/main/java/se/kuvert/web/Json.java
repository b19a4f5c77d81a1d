package se.kuvert.web;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one {@link ObjectMapper} Kuvert's own code reads and writes JSON with (Jackson's defaults; safe to share between
 * threads): the commands and their answers, the tools' stream, the screens' heartbeats, the preflight reports.
 * {@code ctx.json} writes with Javalin's mapper, Jackson too. The shows' store keeps a mapper of its own
 * ({@code content.ShowRepository}): a stored document may carry fields this version no longer knows. Also the shape of
 * a refusal.
 */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** A request refused, and why: {@code {"error": "..."}}. */
    public record Problem(String error) {
    }
}
