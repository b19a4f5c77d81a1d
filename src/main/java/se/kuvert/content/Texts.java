package se.kuvert.content;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every word a screen of the room puts up around a show (big screen, phone, stage monitor, kiosk), in the show's
 * language: sv or en (anything else falls back to en; with no show loaded, {@link #DEFAULT_LANGUAGE}). Keys under
 * {@code ui.} are the screens' own controls and labels; {@link #forScripts()} hands the ones the pages' scripts use
 * to them. {@code {0}}, {@code {1}} in a text are filled by {@link #format}; {@code {title}} by the script.
 */
public record Texts(String language, Map<String, String> strings) {
    public static final String DEFAULT_LANGUAGE = "sv";

    /** key, Swedish, English. */
    private static final String[][] TABLE = {
            {"nominees", "De nominerade", "The nominees"},
            {"envelope", "Och vinnaren är…", "And the winner is…"},
            {"winner", "Vinnare", "Winner"},
            {"motivation", "Juryns motivering", "The jury's motivation"},
            {"prize", "Priset", "The prize"},
            {"presentedBy", "Delas ut av", "Presented by"},
            {"jury", "Juryn", "The jury"},
            {"partners", "I samarbete med", "In partnership with"},
            {"thanks", "Tack!", "Thank you!"},
            {"receivedBy", "Tar emot priset", "Receiving the award"},
            {"waiting", "Välkommen", "Welcome"},
            {"kioskAwards", "Priserna", "The awards"},
            {"kioskNominees", "nominerade", "nominees"},
            {"kioskBack", "Alla priser", "All awards"},
            {"kioskWinner", "Vinnare", "Winner"},
            {"kioskTouch", "Rör skärmen för att utforska priserna", "Touch the screen to explore the awards"},

            {"rehearsal.winner", "Repetition — vinnare", "Rehearsal — winner"},
            {"rehearsal.citation", "Repetition — citat.", "Rehearsal — citation."},
            {"rehearsal.recipients", "Repetition — mottagare.", "Rehearsal — recipients."},
            {"rehearsal.paragraph", "Repetition — platshållartext.", "Rehearsal — placeholder text."},
            {"ui.rehearsal", "REPETITION", "REHEARSAL"},

            {"screen.notConnected", "inte ansluten", "not connected"},
            {"screen.noHeartbeat", "hörs inte av", "no heartbeat"},
            {"screen.behind", "efter: visar version {0} av {1}", "behind: shows version {0} of {1}"},
            {"screen.starting", "startar", "starting"},
            {"screen.media", "media laddade {0} av {1}", "media loaded {0} of {1}"},
            {"screen.slow", "långsamt nät: {0} ms tur och retur", "slow network: {0} ms round trip"},
            {"screen.noDisplay", "ingen storbildsskärm är ansluten", "no big screen has connected"},
            {"screen.beforeReveal", "Innan du avslöjar — {0}.", "Before you reveal — {0}."},
            {"ui.connecting", "Ansluter…", "Connecting…"},
            {"ui.live", "Uppkopplad", "Live"},
            {"ui.reconnecting", "Ansluter igen…", "Reconnecting…"},
            {"ui.now", "Nu", "Now"},
            {"ui.next", "Nästa", "Next"},
            {"ui.prev", "‹ Bakåt", "‹ Prev"},
            {"ui.previous", "Föregående", "Previous"},
            {"ui.holdToReveal", "Håll för att avslöja", "Hold to reveal"},
            {"ui.holdToRevealLong", "Håll in för att avslöja vinnaren", "Press and hold to reveal the winner"},
            {"ui.keepHolding", "Håll kvar för att avslöja vinnaren.", "Keep holding to reveal the winner."},
            {"ui.pressAgain", "Tryck igen för att avslöja vinnaren.", "Press again to reveal the winner."},
            {"ui.goLive", "Tillbaka till showen", "Go live"},
            {"ui.cancel", "Avbryt", "Cancel"},
            {"ui.yes", "Ja", "Yes"},
            {"ui.confirmReveal", "Hoppa till den här bilden? Den avslöjar vinnaren på storskärmen.",
                    "Jump to this slide? It reveals the winner on the big screen."},
            {"ui.confirmLoad", "Visa ”{title}” på storskärmen? Den börjar från sin första bild.",
                    "Put \"{title}\" on the big screen? It starts from its first slide."},
            {"ui.rehearse", "Repetera", "Rehearse"},
            {"ui.confirmRehearse", "Repetera ”{title}” på storskärmen med påhittade vinnare? Den börjar från sin första bild och inget riktigt avslöjas.",
                    "Rehearse \"{title}\" on the big screen with stand-in winners? It starts from its first slide and nothing real is revealed."},
            {"ui.stale", "Showen hade redan gått vidare. Inget ändrades.", "The show had already moved on. Nothing changed."},
            {"ui.failed", "Det gick inte.", "That did not work."},
            {"ui.offline", "Ingen kontakt med Kuvert. Inget skickades.", "No connection to Kuvert. Nothing was sent."},
            {"ui.elapsed", "Tid sedan showen började", "Time since the show started"},
            {"ui.showControls", "Styrning av showen", "Show controls"},
            {"ui.noShow", "Ingen show är laddad", "No show is loaded"},
            {"ui.chooseShow", "Välj en show nedan för att visa den på storskärmen.", "Choose a show below to put it on the big screen."},
            {"ui.bigScreen", "Storskärmen", "Big screen"},
            {"ui.loopRunning", "Väntloopen visas", "The attract loop is running"},
            {"ui.loopBack", "Nästa eller Bakåt tar tillbaka bilden nedan utan att gå vidare.",
                    "Next or Prev brings back the live slide below without moving on."},
            {"ui.onScreenNow", "På storskärmen nu", "On screen now"},
            {"ui.slideOf", "bild {0} av {1}", "slide {0} of {1}"},
            {"ui.stepOf", "Steg {0} av {1}", "Step {0} of {1}"},
            {"ui.paragraph", "stycke {0}", "paragraph {0}"},
            {"ui.screenBlack", "Skärmen är svart", "Screen is black"},
            {"ui.logoShown", "Logotypen visas", "Logo is shown"},
            {"ui.endOfShow", "Slut på showen", "End of the show"},
            {"ui.revealsHold", "avslöjar vinnaren · håll in Nästa", "reveals the winner · hold Next"},
            {"ui.noWinner", "Ingen vinnare är angiven för priset. Fråga personalen innan du avslöjar.",
                    "No winner is set for this award. Ask staff before you reveal."},
            {"ui.readAloud", "Läs upp", "Read aloud"},
            {"ui.notes", "Anteckningar", "Notes"},
            {"ui.screen", "Skärm", "Screen"},
            {"ui.blackout", "Svart", "Blackout"},
            {"ui.logo", "Logotyp", "Logo"},
            {"ui.loop", "Väntloop", "Loop"},
            {"ui.runOfShow", "Körschema", "Run of show"},
            {"ui.steps", "{0} steg", "{0} steps"},
            {"ui.shows", "Shower", "Shows"},
            {"ui.logOut", "Logga ut", "Log out"},
            {"ui.screens", "Skärmar", "Screens"},
            {"ui.noScreens", "Inga skärmar anslutna", "No screens connected"},
            {"ui.ready", "redo", "ready"},
            {"ui.presenterRemote", "Presentatörens fjärrkontroll", "Presenter remote"},
            {"ui.pin", "PIN-kod", "PIN"},
            {"ui.logIn", "Logga in", "Log in"},
            {"ui.wrongPin", "Fel PIN-kod. Försök igen.", "Wrong PIN. Try again."},
            {"ui.tooManyPins", "För många fel PIN-koder. Försök igen om {0} s.", "Too many wrong PINs. Try again in {0} s."},
            {"ui.tooManyCodes", "För många fel koder. Försök igen om {0} s.", "Too many wrong codes. Try again in {0} s."},
            {"ui.pairFailed", "Koden har gått ut eller redan använts.", "This pairing code has expired or was already used."},
            {"ui.pairThis", "Den här telefonen kommer att styra showen på storskärmen.", "This phone will control the show on the big screen."},
            {"ui.pairButton", "Använd den här telefonen som presentatör", "Use this phone as presenter"},
            {"ui.pairAgain", "Be personalen om en ny kod på adminsidan, eller", "Ask the crew for a new code on the admin page, or"},
            {"ui.pairPin", "logga in med PIN-koden", "log in with the PIN"},
            {"ui.preflightMissing", "Showen är inte förhandskontrollerad sedan senaste ändringen. Be personalen köra den i admin.",
                    "Not preflight-checked since its last edit. Ask staff to run preflight in the admin."},
            {"ui.showTime", "Tid", "Show"},
            {"ui.overBy", "{0} över med {1}", "{0} over by {1}"},
            {"ui.attractLoop", "väntloop", "attract loop"},
            {"ui.black", "svart", "black"},
            {"ui.logoTag", "logotyp", "logo"},
            {"ui.winnerSealed", "Vinnaren är förseglad", "Winner sealed"},
            {"ui.sealedWhen", "den visas på storskärmen när den avslöjas", "it appears on the big screen when it is revealed"},
            {"ui.lockedRefusal", "{0} har kontrollen; be operatören lämna tillbaka.", "{0} has control; ask them to hand back."},
            {"ui.lockedBy", "{0} har kontrollen", "{0} has control"},
            {"ui.theConsole", "Operatörskonsolen", "The operator console"},
            {"ui.theConsoleOf", "Operatörskonsolen ({0})", "The operator console ({0})"},
            {"ui.yourName", "Ditt namn (visas på telefonen)", "Your name (shown on the phone)"},
            {"ui.lockedHint", "Operatörskonsolen styr showen. Nästa fungerar igen när den lämnar tillbaka.",
                    "The operator console runs the show. Next works again once it hands back."},
            {"ui.operator", "Operatörskonsol", "Operator console"},
            {"ui.operatorLogin", "Logga in som presentatör eller admin för att öppna operatörskonsolen.",
                    "Log in as presenter or admin to open the operator console."},
            {"ui.program", "Program", "Program"},
            {"ui.preview", "Förhandsvisning", "Preview"},
            {"ui.armReveal", "Förbered avslöjandet", "Arm reveal"},
            {"ui.armed", "Förberett — Mellanslag avslöjar, Esc avbryter", "Armed — Space reveals, Esc cancels"},
            {"ui.armFirst", "Förbered avslöjandet först (knappen i förhandsvisningen).", "Arm the reveal first (the button in the preview)."},
            {"ui.undo", "Ångra", "Undo"},
            {"ui.stopSound", "Stoppa ljudet", "Stop sound"},
            {"ui.mute", "Ljud av", "Mute"},
            {"ui.muted", "Ljudet är av — tryck för att slå på", "Sound muted — press to unmute"},
            {"ui.takeControl", "Ta kontrollen", "Take control"},
            {"ui.handBack", "Lämna tillbaka", "Hand back"},
            {"ui.youHaveControl", "Du har kontrollen; telefonens Nästa är avstängd.", "You have control; the phone's Next is off."},
            {"ui.controlLog", "Styrlogg", "Control log"},
            {"ui.noLog", "Inget har styrts än.", "Nothing has been done yet."},
            {"kind.title", "titel", "title"},
            {"kind.award", "pris", "award"},
            {"kind.nominees", "nominerade", "nominees"},
            {"kind.envelope", "kuvert", "envelope"},
            {"kind.winner", "vinnare", "winner"},
            {"kind.motivation", "motivering", "motivation"},
            {"kind.prize", "priset", "prize"},
            {"kind.jury", "jury", "jury"},
            {"kind.partners", "partner", "partners"},
            {"kind.closing", "avslutning", "closing"},
            {"kind.text", "text", "text"},
            {"kind.image", "bild", "image"},
            {"kind.video", "video", "video"},
    };

    /** The texts the pages' scripts put up themselves (Next's label, toasts, confirmations, the connection). */
    private static final List<String> SCRIPT_KEYS = List.of("ui.connecting", "ui.live", "ui.reconnecting", "ui.next",
            "ui.holdToReveal", "ui.holdToRevealLong", "ui.keepHolding", "ui.pressAgain", "ui.goLive", "ui.confirmReveal",
            "ui.confirmLoad", "ui.confirmRehearse", "ui.stale", "ui.failed", "ui.offline", "ui.overBy", "ui.cancel", "ui.yes", "ui.prev", "ui.previous",
            "ui.elapsed", "ui.showControls", "ui.showTime", "ui.armFirst", "ui.yourName", "ui.mute", "ui.muted");

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final Texts SV = column(DEFAULT_LANGUAGE, 1);
    private static final Texts EN = column("en", 2);

    private static Texts column(String language, int column) {
        Map<String, String> strings = new LinkedHashMap<>();
        for (String[] row : TABLE) {
            strings.put(row[0], row[column]);
        }
        return new Texts(language, Map.copyOf(strings));
    }

    public static Texts of(String language) {
        return "sv".equals(language) ? SV : EN;
    }

    /** The texts of a show's screens; with no show, the default language's. */
    public static Texts of(Show show) {
        return of(show == null ? DEFAULT_LANGUAGE : show.language());
    }

    public String get(String key) {
        return strings.getOrDefault(key, key);
    }

    /** The text with {0}, {1}, … replaced by the arguments. */
    public String format(String key, Object... args) {
        String text = get(key);
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    /** The words of a slide kind ("nominees" → "nominerade"). */
    public String kind(String kind) {
        return strings.getOrDefault("kind." + kind, kind);
    }

    /** The script texts as a JSON object, without their {@code ui.} prefix, for a {@code data-texts} attribute. */
    public String forScripts() {
        Map<String, String> forScripts = new LinkedHashMap<>();
        SCRIPT_KEYS.forEach(key -> forScripts.put(key.substring("ui.".length()), get(key)));
        try {
            return JSON.writeValueAsString(forScripts);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
