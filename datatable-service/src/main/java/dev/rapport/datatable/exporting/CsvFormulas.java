package dev.rapport.datatable.exporting;

import java.util.regex.Pattern;

/**
 * CSV injection (OWASP): a spreadsheet runs a cell that starts with {@code = + - @}, a tab or a carriage return as a
 * formula. The export writes such a cell with a leading {@code '} (shown as text, not run); a plain number such as
 * {@code -12} or {@code -1.5e3} is left alone, since a spreadsheet reads it as the number it is. So that export and
 * import stay exact inverses, a text that already starts with {@code '} before such a start gets one more, and the
 * import takes exactly one away.
 */
public final class CsvFormulas {
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    private CsvFormulas() {
    }

    /** The cell to write for a text. */
    public static String neutralise(String text) {
        return needsPrefix(text) ? "'" + text : text;
    }

    /** The text a cell stands for: the inverse of {@link #neutralise}. */
    public static String restore(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && needsPrefix(cell.substring(1)) ? cell.substring(1) : cell;
    }

    private static boolean needsPrefix(String text) {
        if (text.isEmpty()) {
            return false;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '@', '\t', '\r' -> true;
            case '-' -> !PLAIN_NUMBER.matcher(text).matches();
            case '\'' -> needsPrefix(text.substring(1));
            default -> false;
        };
    }
}
