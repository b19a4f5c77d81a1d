package se.kuvert.content;

/** A show file that cannot be used: the message names the file, the line and what is wrong. */
public final class ShowFileException extends RuntimeException {
    private final String file;
    private final int line;

    public ShowFileException(String file, int line, String problem) {
        super(file + (line > 0 ? " line " + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    /** A problem in a spreadsheet: the file, the row (1 = the header) and the column ("C (winner)"), or no column. */
    public ShowFileException(String file, int row, String column, String problem) {
        super(file + " row " + row + (column == null ? "" : ", column " + column) + ": " + problem);
        this.file = file;
        this.line = row;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}
