package dev.rapport.datatable.importing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the first bytes of an uploaded file that are not UTF-8 (a file saved as Latin-1, an overlong or truncated
 * sequence), before any record is imported: a lenient reader would turn them into U+FFFD and store that silently.
 * One streaming pass with a decoder that reports instead of replacing; memory stays bounded.
 */
final class Utf8Check {
    private static final int BUFFER = 64 * 1024;

    private Utf8Check() {
    }

    /** Where the file stops being UTF-8: its line (1 = the header line) and the byte offset from the start. */
    record Malformed(long line, long byteOffset) {
        String message() {
            return "Line " + line + " of the file is not valid UTF-8 (byte offset " + byteOffset
                    + "): save the file as UTF-8 and import it again";
        }
    }

    static Optional<Malformed> find(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(BUFFER);
        CharBuffer out = CharBuffer.allocate(BUFFER);
        long consumed = 0;
        long line = 1;
        boolean end = false;
        try (ReadableByteChannel channel = Files.newByteChannel(file)) {
            while (true) {
                if (!end && channel.read(in) < 0) {
                    end = true;
                }
                in.flip();
                CoderResult result;
                do {
                    int start = in.position();
                    result = decoder.decode(in, out, end);
                    for (int i = start; i < in.position(); i++) {
                        if (in.get(i) == '\n') { // a 0x0A byte is a line feed and nothing else in UTF-8
                            line++;
                        }
                    }
                    if (result.isError()) {
                        return Optional.of(new Malformed(line, consumed + in.position()));
                    }
                    out.clear();
                } while (result.isOverflow());
                consumed += in.position();
                in.compact();
                if (end) {
                    return Optional.empty();
                }
            }
        }
    }
}
