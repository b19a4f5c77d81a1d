package se.kuvert.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/** Renders the precompiled JTE templates (built by jte-maven-plugin) to strings. */
public final class Views {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** Renders {@code template} (a path below {@code src/main/jte}, e.g. {@code "display/page.jte"}). */
    public String render(String template, Object param) {
        StringOutput out = new StringOutput(8192);
        engine.render(template, param, out);
        return out.toString();
    }

    /** Renders a template with several {@code @param}s, by name; those left out take their defaults. */
    public String render(String template, java.util.Map<String, Object> params) {
        StringOutput out = new StringOutput(8192);
        engine.render(template, params, out);
        return out.toString();
    }
}
