package dev.rapport.gateway.adapters.twilio;

import java.net.URI;

/** The TwiML Rapport answers with: nothing to do, or go on at the URL the webhook named ({@code ?next=}). */
final class TwiML {
    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private TwiML() {
    }

    static String answer(URI next) {
        if (next == null) {
            return DECLARATION + "<Response/>\n";
        }
        return DECLARATION + "<Response><Redirect method=\"POST\">" + escape(next.toString())
                + "</Redirect></Response>\n";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}
