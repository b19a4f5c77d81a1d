package se.kuvert.content;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShowFileTest {
    private static final Path SLIDES = Path.of("slides");

    private static List<String> kinds(Show show) {
        return RunOfShow.of(show).slides().stream().map(s -> s.kind() + ":" + s.steps()).toList();
    }

    @Test
    void the_2021_demo_show_parses_with_its_facts_and_ceremony_order() {
        Show show = ShowFile.read(SLIDES.resolve("digitaliseringskommun-2021.yaml"));
        assertEquals("digitaliseringskommun-2021", show.id());
        Award award = show.awards().get(0);
        assertEquals(List.of("Sundsvalls kommun", "Upplands-Bro kommun", "Växjö kommun"),
                award.nominees().stream().map(Nominee::name).toList());
        assertEquals("Sundsvalls kommun", award.winningNominee().orElseThrow().name());
        assertEquals(4, award.motivation().size());
        assertTrue(award.motivation().get(3).endsWith("går till Sundsvalls kommun."));
        assertEquals("Patrik Sundström, CDO SKR", award.presenter());
        assertEquals(List.of("title:1", "award:1", "nominees:3", "envelope:1", "winner:1", "motivation:4", "prize:1", "closing:1"),
                kinds(show));
    }

    @Test
    void the_2017_demo_show_parses_with_five_nominees_and_seven_jurors() {
        Show show = ShowFile.read(SLIDES.resolve("digitaliseringskommun-2017.yaml"));
        Award award = show.awards().get(0);
        assertEquals(5, award.nominees().size());
        assertEquals("Stockholm", award.winningNominee().orElseThrow().name());
        assertEquals(7, award.jury().size());
        assertEquals("Bo Dahlbom", award.jury().get(1).name());
        assertEquals("En skulptur och 50 000 kr", award.prize());
        assertEquals("Peter Eriksson, digitaliseringsminister", award.presenter());
        assertEquals(List.of("title:1", "award:1", "nominees:5", "envelope:1", "winner:1", "motivation:2", "prize:1", "jury:1", "closing:1"),
                kinds(show));
    }

    @Test
    void every_medium_of_the_demo_shows_exists_under_media() {
        for (Show show : ShowFile.loadAll(SLIDES).shows()) {
            List<String> paths = new java.util.ArrayList<>();
            paths.add(show.theme().logo());
            show.awards().forEach(a -> a.nominees().forEach(n -> paths.add(n.image())));
            for (String path : paths) {
                assertTrue(Files.isRegularFile(Path.of("media").resolve(path)), show.id() + ": " + path);
            }
        }
    }

    @Test
    void no_contact_details_from_the_seeds_are_show_content() throws Exception {
        for (Path file : List.of(SLIDES.resolve("digitaliseringskommun-2017.yaml"), SLIDES.resolve("digitaliseringskommun-2021.yaml"))) {
            String text = Files.readString(file);
            assertTrue(!text.contains("@") && !text.matches("(?s).*\\d{2,3}-\\d{3}.*"), file + " has an e-mail or phone number");
        }
    }

    @Test
    void write_then_read_gives_the_same_show() {
        for (Show show : ShowFile.loadAll(SLIDES).shows()) {
            assertEquals(show, ShowFile.parse(show.id() + ".yaml", ShowFile.write(show)));
        }
        Show custom = ShowFile.parse("custom.yaml", CUSTOM);
        assertEquals(custom, ShowFile.parse("custom.yaml", ShowFile.write(custom)));
    }

    private static final String CUSTOM = """
            title: Egen ordning
            language: en
            awards:
              - id: a
                name: Pris A
                nominees:
                  - {id: x, name: X}
                  - {id: y, name: Y}
                winner: y
                motivation: [Y won.]
            runOfShow:
              - kind: logo
              - kind: text
                title: Welcome
                text: Doors open at seven.
                notes: Smile.
              - kind: nominees
                award: a
              - kind: winner
                award: a
              - kind: image
                image: emblems/sundsvall.svg
              - kind: video
                video: film/intro.mp4
              - kind: blank
            """;

    @Test
    void an_explicit_run_of_show_is_honoured() {
        Show show = ShowFile.parse("custom.yaml", CUSTOM);
        assertEquals("custom", show.id());
        assertEquals(List.of("logo:1", "text:1", "nominees:2", "winner:1", "image:1", "video:1", "blank:1"), kinds(show));
        assertEquals("Smile.", RunOfShow.of(show).slide(1).notes());
    }

    private static ShowFileException refused(String yaml) {
        return assertThrows(ShowFileException.class, () -> ShowFile.parse("slides/bad.yaml", yaml));
    }

    private static final String GOOD_HEAD = """
            title: Gala
            awards:
              - id: main
                name: Huvudpriset
                nominees:
                  - id: a
                    name: A
                  - id: b
                    name: B
            """;

    @Test
    void a_winner_that_is_not_a_nominee_is_refused_with_its_line() {
        ShowFileException e = refused(GOOD_HEAD + "    winner: x\n");
        assertEquals(10, e.line());
        assertEquals("slides/bad.yaml line 10: award 'main' names winner 'x', which is not one of its nominees (a, b)", e.getMessage());
    }

    @Test
    void yaml_syntax_errors_name_the_file_and_line() {
        ShowFileException e = refused("title: Gala\nawards:\n  - id: main\n    name: [unclosed\n");
        assertTrue(e.getMessage().startsWith("slides/bad.yaml line "), e.getMessage());
        assertTrue(e.line() >= 4, e.getMessage());
        assertTrue(e.getMessage().contains("not valid YAML"));
    }

    @Test
    void an_unknown_key_is_refused_as_a_probable_typo() {
        ShowFileException e = refused(GOOD_HEAD + "    winnr: a\n");
        assertEquals(10, e.line());
        assertTrue(e.getMessage().contains("unknown key 'winnr'"), e.getMessage());
    }

    @Test
    void missing_names_and_titles_are_refused() {
        assertEquals(1, refused("awards: []\n").line());
        assertTrue(refused("awards: []\n").getMessage().contains("'title' is missing"));
        ShowFileException e = refused("title: G\nawards:\n  - id: main\n    nominees:\n      - id: a\n        name: A\n");
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("'name' is missing"));
    }

    @Test
    void duplicate_ids_are_refused() {
        ShowFileException e = refused(GOOD_HEAD + "      - id: a\n        name: A again\n");
        assertEquals(10, e.line());
        assertTrue(e.getMessage().contains("two nominees"), e.getMessage());
    }

    @Test
    void an_unknown_slide_kind_or_award_is_refused() {
        ShowFileException kind = refused(GOOD_HEAD + "runOfShow:\n  - kind: fireworks\n");
        assertEquals(11, kind.line());
        assertTrue(kind.getMessage().contains("unknown slide kind 'fireworks'"));
        ShowFileException award = refused(GOOD_HEAD + "runOfShow:\n  - kind: nominees\n    award: other\n");
        assertEquals(12, award.line());
    }

    @Test
    void colours_must_be_css_hex_colours() {
        ShowFileException e = refused("title: G\ntheme:\n  accent: gold; background: url(x)\nawards: []\n");
        assertEquals(3, e.line());
    }

    @Test
    void media_paths_must_stay_inside_media() {
        for (String path : List.of("../secret.png", "/etc/passwd", "a\\\\b.png", "emblems/../../x.svg", "C:/x.png")) {
            ShowFileException e = refused("title: G\ntheme:\n  logo: \"" + path + "\"\nawards: []\n");
            assertEquals(3, e.line(), path);
            assertTrue(e.getMessage().contains("inside media/"), path);
        }
    }

    @Test
    void html_in_a_name_is_kept_as_plain_text() {
        Show show = ShowFile.parse("x.yaml", "title: \"<script>alert(1)</script>\"\nawards: []\n");
        assertEquals("<script>alert(1)</script>", show.title());
    }

    @Test
    void load_all_loads_the_good_files_and_reports_the_bad_one(@TempDir Path dir) throws Exception {
        Files.copy(SLIDES.resolve("digitaliseringskommun-2021.yaml"), dir.resolve("good.yaml"));
        Files.writeString(dir.resolve("broken.yaml"), "title: Broken\nawards:\n  - id: Main!\n    name: X\n");
        ShowFile.LoadResult result = ShowFile.loadAll(dir);
        assertEquals(1, result.shows().size());
        assertEquals(1, result.errors().size());
        assertTrue(result.errors().get(0).contains("broken.yaml line 3"), result.errors().get(0));
    }
}
