package se.kuvert.content;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Nominees from a spreadsheet (the format is in docs/show-files.md): a {@code .csv} (comma or semicolon, UTF-8
 * with or without BOM, as Excel and LibreOffice save it) or an {@code .xlsx}, one row per nominee. The rows become
 * a show with every rule of a show file; every problem names the file, the row and the column.
 */
public final class Spreadsheet {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** What Excel and LibreOffice write for an unticked box: not a winner's mark. */
    private static final Set<String> NO_MARK = Set.of("false", "falskt", "falsch", "faux");

    /** The columns and the headers each is known by, English and Swedish, matched without regard to case. */
    enum Column {
        AWARD(true, "award", "pris", "utmärkelse", "kategori"),
        NOMINEE(true, "nominee", "nominerad", "nominerade", "name", "namn"),
        TEXT(false, "text", "beskrivning", "description"),
        IMAGE(false, "image", "bild"),
        VIDEO(false, "video", "film"),
        WINNER(true, "winner", "vinnare"),
        ABOUT(false, "about", "om", "om priset"),
        CITATION(false, "citation", "citat"),
        RECIPIENTS(false, "recipients", "mottagare"),
        MOTIVATION(false, "motivation", "motivering", "juryns motivering"),
        PRESENTER(false, "presenter", "delas ut av", "utdelare"),
        PRIZE(false, "prize", "priset", "vinst"),
        MINUTES(false, "minutes", "minuter");

        final boolean required;
        final List<String> headers;

        Column(boolean required, String... headers) {
            this.required = required;
            this.headers = List.of(headers);
        }

        /** The award's fields: given on any of its rows, the same wherever given twice. */
        boolean perAward() {
            return ordinal() >= ABOUT.ordinal();
        }

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private record Row(int number, List<String> cells) {
        String get(int index) {
            return index < 0 || index >= cells.size() || cells.get(index) == null ? "" : cells.get(index).strip();
        }

        boolean blank() {
            return cells.stream().allMatch(c -> c == null || c.isBlank());
        }
    }

    /** Where a value came from: its row, and its column as a spreadsheet names it ("C (winner)"). */
    private record Where(int row, String column) {
    }

    private Spreadsheet() {
    }

    public static boolean handles(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".xlsx");
    }

    /** The show in {@code content}; its id and title come from the file's name. */
    public static Show read(String fileName, byte[] content) {
        List<Row> rows = fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? xlsx(fileName, content) : csv(fileName, content);
        return new Builder(fileName, rows).show();
    }

    private static List<Row> csv(String fileName, byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new ShowFileException(fileName, 1, null,
                    "the file is not UTF-8; in Excel save it as \"CSV UTF-8\", in LibreOffice choose the character set UTF-8");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator(text));
        List<Row> rows = new ArrayList<>();
        try (MappingIterator<String[]> records = new CsvMapper().readerFor(String[].class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).with(schema).readValues(text)) {
            while (records.hasNextValue()) {
                rows.add(new Row(rows.size() + 1, List.of(records.nextValue())));
            }
        } catch (IOException | RuntimeException e) {
            throw new ShowFileException(fileName, rows.size() + 1, null, "not a readable CSV row: " + firstLine(e.getMessage()));
        }
        return rows;
    }

    /** Semicolon when the header line has more semicolons than commas (Excel in a Swedish locale), else comma. */
    private static char separator(String text) {
        int semicolons = 0;
        int commas = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    private static List<Row> xlsx(String fileName, byte[] content) {
        if (!ReadableWorkbook.isOOXMLZipHeader(content)) {
            throw new ShowFileException(fileName, 1, null, "not an .xlsx workbook (an old .xls? save it as .xlsx or CSV UTF-8)");
        }
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content));
             Stream<org.dhatim.fastexcel.reader.Row> sheet = workbook.getFirstSheet().openStream()) {
            List<Row> rows = new ArrayList<>();
            sheet.forEach(r -> {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < r.getCellCount(); i++) {
                    cells.add(text(r.getCell(i)));
                }
                rows.add(new Row(r.getRowNum(), cells));
            });
            return rows;
        } catch (IOException | RuntimeException e) {
            throw new ShowFileException(fileName, 1, null, "cannot read the workbook: " + firstLine(e.getMessage()));
        }
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getType()) {
            case NUMBER -> cell.asNumber().stripTrailingZeros().toPlainString();
            case BOOLEAN -> Boolean.TRUE.equals(cell.asBoolean()) ? "TRUE" : "FALSE";
            case EMPTY, ERROR -> "";
            default -> cell.getText();
        };
    }

    private static String firstLine(String message) {
        return message == null ? "unknown problem" : message.lines().findFirst().orElse(message);
    }

    /** The rows grouped into awards, as a tree in the show file's shape, remembering where each value came from. */
    private static final class Builder {
        private final String file;
        private final List<Row> rows;
        private final Map<Column, Integer> columns = new EnumMap<>(Column.class);
        private final Map<Integer, String> headers = new HashMap<>();
        private final Map<String, Where> where = new HashMap<>();

        Builder(String file, List<Row> rows) {
            this.file = file;
            this.rows = rows.stream().filter(r -> !r.blank()).toList();
        }

        private ShowFileException error(int row, Column column, String problem) {
            return new ShowFileException(file, row, column == null ? null : columnName(columns.get(column)), problem);
        }

        private String columnName(int index) {
            StringBuilder letters = new StringBuilder();
            for (int n = index + 1; n > 0; n = (n - 1) / 26) {
                letters.insert(0, (char) ('A' + (n - 1) % 26));
            }
            return letters + " (" + headers.get(index) + ")";
        }

        Show show() {
            if (rows.isEmpty()) {
                throw new ShowFileException(file, 1, null, "the sheet is empty; the first row names the columns, such as award, nominee, text, image, winner");
            }
            Row header = rows.get(0);
            header(header);
            ObjectNode root = NODES.objectNode();
            root.put("title", title());
            ArrayNode awards = root.putArray("awards");
            Map<String, ObjectNode> byName = new LinkedHashMap<>();
            Map<String, Integer> firstRow = new HashMap<>();
            Map<String, Set<String>> nomineeIds = new HashMap<>();
            for (Row row : rows.subList(1, rows.size())) {
                String awardName = value(row, Column.AWARD);
                String nomineeName = value(row, Column.NOMINEE);
                if (awardName.isEmpty()) {
                    throw error(row.number(), Column.AWARD, "which award is this nominee in? The award's name is missing");
                }
                if (nomineeName.isEmpty()) {
                    throw error(row.number(), Column.NOMINEE, "the nominee's name is missing");
                }
                ObjectNode award = byName.get(awardName);
                String at = "/awards/" + byName.size();
                if (award == null) {
                    award = awards.addObject();
                    award.put("id", slug(awardName, "award-" + (byName.size() + 1)));
                    award.put("name", awardName);
                    award.putArray("nominees");
                    byName.put(awardName, award);
                    firstRow.put(awardName, row.number());
                    nomineeIds.put(awardName, new HashSet<>());
                    where.put(at, new Where(row.number(), columnName(columns.get(Column.AWARD))));
                } else {
                    at = "/awards/" + new ArrayList<>(byName.keySet()).indexOf(awardName);
                }
                ArrayNode nominees = (ArrayNode) award.get("nominees");
                String nat = at + "/nominees/" + nominees.size();
                ObjectNode nominee = nominees.addObject();
                String id = slug(nomineeName, "nominee-" + nominees.size());
                for (int n = 2; !nomineeIds.get(awardName).add(id); n++) {
                    id = slug(nomineeName, "nominee") + "-" + n;
                }
                nominee.put("id", id);
                nominee.put("name", nomineeName);
                where.put(nat, new Where(row.number(), columnName(columns.get(Column.NOMINEE))));
                put(nominee, nat, row, Column.TEXT);
                put(nominee, nat, row, Column.IMAGE);
                put(nominee, nat, row, Column.VIDEO);
                if (isMark(value(row, Column.WINNER))) {
                    if (award.has("winner")) {
                        Where first = where.get(at + "/winner");
                        throw error(row.number(), Column.WINNER, "award '" + awardName + "' has a second winner; row "
                                + first.row() + " is marked as its winner already (mark one row per award)");
                    }
                    award.put("winner", id);
                    where.put(at + "/winner", new Where(row.number(), columnName(columns.get(Column.WINNER))));
                }
                for (Column column : Column.values()) {
                    if (column.perAward()) {
                        awardField(award, at, row, column, awardName);
                    }
                }
            }
            for (Map.Entry<String, ObjectNode> award : byName.entrySet()) {
                if (!award.getValue().has("winner")) {
                    throw error(firstRow.get(award.getKey()), Column.WINNER, "award '" + award.getKey()
                            + "' has no winner: mark the winner's row in this column (any mark, such as x)");
                }
            }
            return ShowFile.fromTree(root, slug(baseName(), "show"), (pointer, problem) -> {
                String p = pointer;
                while (!where.containsKey(p) && p.contains("/")) {
                    p = p.substring(0, p.lastIndexOf('/'));
                }
                Where w = where.getOrDefault(p, new Where(1, null));
                return new ShowFileException(file, w.row(), w.column(), problem);
            });
        }

        private void header(Row header) {
            Map<String, Column> known = new HashMap<>();
            for (Column c : Column.values()) {
                c.headers.forEach(h -> known.put(h, c));
            }
            int width = rows.stream().mapToInt(r -> r.cells().size()).max().orElse(0);
            for (int i = 0; i < width; i++) {
                String name = header.get(i);
                headers.put(i, name);
                if (name.isEmpty()) {
                    int index = i;
                    rows.stream().filter(r -> !r.get(index).isEmpty()).findFirst().ifPresent(r -> {
                        throw new ShowFileException(file, r.number(), columnName(index).replace(" ()", ""),
                                "this column has no header in row 1, so its values would be lost; name it or empty it");
                    });
                    continue;
                }
                Column column = known.get(name.toLowerCase(Locale.ROOT));
                if (column == null) {
                    throw new ShowFileException(file, header.number(), columnName(i), "unknown column '" + name
                            + "' (is it a typo?); the columns are " + String.join(", ", Stream.of(Column.values()).map(Column::key).toList()) + ", or in Swedish pris, nominerad, bild, vinnare, motivering, …");
                }
                Integer before = columns.putIfAbsent(column, i);
                if (before != null) {
                    throw new ShowFileException(file, header.number(), columnName(i), "a second '" + column.key()
                            + "' column; column " + columnName(before) + " is one already");
                }
            }
            for (Column column : Column.values()) {
                if (column.required && !columns.containsKey(column)) {
                    throw new ShowFileException(file, header.number(), null, "no '" + column.key() + "' column (in Swedish: '"
                            + column.headers.get(column.headers.size() > 1 ? 1 : 0) + "'); the first row names the columns, such as "
                            + "award, nominee, text, image, winner");
                }
            }
        }

        private String value(Row row, Column column) {
            Integer index = columns.get(column);
            return index == null ? "" : row.get(index);
        }

        private void put(ObjectNode node, String at, Row row, Column column) {
            String value = value(row, column);
            if (!value.isEmpty()) {
                node.put(column.key(), value);
                where.put(at + "/" + column.key(), new Where(row.number(), columnName(columns.get(column))));
            }
        }

        private void awardField(ObjectNode award, String at, Row row, Column column, String awardName) {
            String value = value(row, column);
            if (value.isEmpty()) {
                return;
            }
            String key = column.key();
            Where here = new Where(row.number(), columnName(columns.get(column)));
            if (award.has(key)) {
                List<String> given = new ArrayList<>();
                award.get(key).forEach(p -> given.add(p.asText()));
                String before = column == Column.MOTIVATION ? String.join(" ", given) : award.get(key).asText();
                Where first = where.get(at + "/" + key);
                if (!normalise(before).equals(normalise(value))) {
                    throw error(row.number(), column, "award '" + awardName + "' has another " + key + " in row " + first.row()
                            + "; give it once (on any of the award's rows) or the same in each");
                }
                return;
            }
            where.put(at + "/" + key, here);
            if (column == Column.MOTIVATION) {
                ArrayNode paragraphs = award.putArray(key);
                for (String paragraph : value.split("\\R\\s*\\R")) {
                    if (!paragraph.isBlank()) {
                        paragraphs.add(paragraph.strip().replaceAll("\\s*\\R\\s*", " "));
                    }
                }
            } else if (column == Column.MINUTES && value.matches("\\d{1,4}")) {
                award.put(key, Integer.parseInt(value));
            } else {
                award.put(key, value);
            }
        }

        private static String normalise(String text) {
            return text.strip().replaceAll("\\s+", " ");
        }

        private static boolean isMark(String value) {
            return !value.isEmpty() && !NO_MARK.contains(value.toLowerCase(Locale.ROOT));
        }

        private String baseName() {
            String name = Path.of(file.replace('\\', '/')).getFileName().toString();
            int dot = name.lastIndexOf('.');
            return dot > 0 ? name.substring(0, dot) : name;
        }

        private String title() {
            return baseName().replace('_', ' ').strip();
        }
    }

    /** An id from a name: "Årets Kommun 2026" → "arets-kommun-2026"; {@code fallback} when nothing is left. */
    static String slug(String name, String fallback) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String slug = plain.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.isEmpty() ? fallback : slug.length() > 60 ? slug.substring(0, 60).replaceAll("-+$", "") : slug;
    }
}
