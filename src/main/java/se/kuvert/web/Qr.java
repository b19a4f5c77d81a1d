package se.kuvert.web;

import io.nayuki.qrcodegen.QrCode;

/** QR codes for addresses: as SVG for the admin page, and as text blocks for the console. */
public final class Qr {
    private static final int BORDER = 2;

    private Qr() {
    }

    /** A QR code as a standalone SVG element, black on white, scaling to its container. */
    public static String svg(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = qr.size + 2 * BORDER;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + BORDER).append(',').append(y + BORDER).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                + "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR code\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path d=\"" + path + "\" fill=\"#000\"/></svg>";
    }

    /**
     * A QR code for a terminal, two modules per character with half blocks. Light modules (and the quiet zone) are
     * drawn as blocks and dark ones left blank, which reads as a normal code on the usual dark console; on a light
     * console it comes out inverted, which most phone cameras read as well.
     */
    public static String text(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.LOW);
        StringBuilder out = new StringBuilder();
        for (int y = -BORDER; y < qr.size + BORDER; y += 2) {
            out.append("  ");
            for (int x = -BORDER; x < qr.size + BORDER; x++) {
                boolean top = light(qr, x, y);
                boolean bottom = light(qr, x, y + 1);
                out.append(top && bottom ? '█' : top ? '▀' : bottom ? '▄' : ' ');
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static boolean light(QrCode qr, int x, int y) {
        return !(x >= 0 && y >= 0 && x < qr.size && y < qr.size && qr.getModule(x, y));
    }
}
