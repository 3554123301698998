package dev.rapport.script.expressions;

import java.util.Set;

/**
 * Phone numbers read the way Architect's PhoneNumber type reads a tel URI
 * (https://help.mypurecloud.com/articles/about-the-phone-number-data-type/): "+", a dialing code of 1 to 3 digits,
 * then the subscriber number. A text that is not such a number reads as null, as that type's e164 property is NOT_SET
 * then, so a flow tests it with isSet() instead of failing on a withheld or malformed caller id.
 */
final class PhoneNumbers {
    /** A longer text is not a phone number, whatever it holds: nothing past this is ever read. */
    private static final int MAX_LENGTH = 64;
    /** E.164: at most 15 digits, dialing code included. */
    private static final int MAX_DIGITS = 15;
    private static final int MIN_SUBSCRIBER_DIGITS = 4;
    /** North American numbers (dialing code 1) have exactly 10 digits after it. */
    private static final int NANP_DIGITS = 10;
    /**
     * The two-digit dialing codes of ITU-T E.164; 1 and 7 are the one-digit ones and every other code has three.
     * Dialing codes are prefix-free, so this is enough to tell where the subscriber number starts.
     */
    private static final Set<String> TWO_DIGIT_CODES = Set.of("20", "27", "30", "31", "32", "33", "34", "36", "39",
            "40", "41", "43", "44", "45", "46", "47", "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60",
            "61", "62", "63", "64", "65", "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98");
    /** The visual separators of RFC 3966, and spaces. */
    private static final String SEPARATORS = " -.()";

    /** A global number, digits only. */
    record PhoneNumber(String dialingCode, String subscriberNumber) {
        String e164() {
            return "+" + dialingCode + subscriberNumber;
        }
    }

    private PhoneNumbers() {
    }

    /**
     * @param defaultDialingCode the dialing code of a number written without "+" or "00"; null: such a number is not
     *     read
     * @return the number, or null when the text is not one
     */
    static PhoneNumber parse(String text, String defaultDialingCode) {
        if (text.length() > MAX_LENGTH) {
            return null;
        }
        String number = uriNumber(text.trim()).trim();
        boolean global = number.startsWith("+");
        String digits = digits(global ? number.substring(1) : number);
        if (digits == null) {
            return null;
        }
        if (!global && digits.startsWith("00")) {
            global = true;
            digits = digits.substring(2);
        }
        if (global) {
            int codeLength = Math.min(codeLength(digits), digits.length());
            return valid(digits.substring(0, codeLength), digits.substring(codeLength));
        }
        if (defaultDialingCode == null) {
            return null;
        }
        if (defaultDialingCode.equals("1") && digits.length() == NANP_DIGITS + 1 && digits.startsWith("1")) {
            digits = digits.substring(1); // the trunk prefix of 1-720-427-6664
        }
        return valid(defaultDialingCode, digits);
    }

    /**
     * The default dialing code a function was given: 1 to 3 digits not starting with 0, optionally after "+"; null
     * when absent or empty (an unset variable), so that national numbers are then not read.
     */
    static String defaultDialingCode(String function, Object value, BudgetMeter meter) {
        String text = value == null ? "" : meter.text(value).trim();
        if (text.isEmpty()) {
            return null;
        }
        String code = text.startsWith("+") ? text.substring(1) : text;
        boolean digits = code.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!digits || code.isEmpty() || code.length() > 3 || code.startsWith("0")) {
            throw new ExpressionException("function " + function + ": the default dialing code "
                    + MathJsValues.describe(value) + " is not 1 to 3 digits (such as '1' or '44')");
        }
        return code;
    }

    /** The number of a tel: URI (parameters such as ;ext= dropped), the user part of a sip: URI, or the text itself. */
    private static String uriNumber(String text) {
        if (hasScheme(text, "tel:")) {
            return before(text.substring("tel:".length()), ';');
        }
        if (hasScheme(text, "sip:") || hasScheme(text, "sips:")) {
            return before(before(text.substring(text.indexOf(':') + 1), '@'), ';');
        }
        return text;
    }

    private static boolean hasScheme(String text, String scheme) {
        return text.regionMatches(true, 0, scheme, 0, scheme.length());
    }

    private static String before(String text, char end) {
        int at = text.indexOf(end);
        return at < 0 ? text : text.substring(0, at);
    }

    /** @return the ASCII digits with the separators taken out, or null when anything else is there */
    private static String digits(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(c);
            } else if (SEPARATORS.indexOf(c) < 0) {
                return null;
            }
        }
        return out.toString();
    }

    private static int codeLength(String digits) {
        if (digits.startsWith("1") || digits.startsWith("7")) {
            return 1;
        }
        return digits.length() >= 2 && TWO_DIGIT_CODES.contains(digits.substring(0, 2)) ? 2 : 3;
    }

    private static PhoneNumber valid(String dialingCode, String subscriberNumber) {
        boolean valid = !dialingCode.isEmpty() && !dialingCode.startsWith("0")
                && subscriberNumber.length() >= MIN_SUBSCRIBER_DIGITS
                && dialingCode.length() + subscriberNumber.length() <= MAX_DIGITS
                && (!dialingCode.equals("1") || subscriberNumber.length() == NANP_DIGITS);
        return valid ? new PhoneNumber(dialingCode, subscriberNumber) : null;
    }
}
