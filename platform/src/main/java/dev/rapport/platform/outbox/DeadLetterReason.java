package dev.rapport.platform.outbox;

/** Why a record can never be published; it goes to the topic's dead-letter topic instead of blocking the relay. */
record DeadLetterReason(String tag, String detail) {
    static DeadLetterReason tooLarge(int size, int limit) {
        return new DeadLetterReason("too-large", "record too large: " + size + " bytes, the producer accepts at most "
                + limit + " (max.request.size)");
    }

    static DeadLetterReason invalid(Throwable cause) {
        return new DeadLetterReason("invalid", "cannot become a record: " + cause);
    }

    static DeadLetterReason rejected(Throwable cause) {
        return new DeadLetterReason("rejected", "rejected by the broker: " + cause);
    }
}
