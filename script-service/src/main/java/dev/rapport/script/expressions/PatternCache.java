package dev.rapport.script.expressions;

import com.google.re2j.Pattern;
import java.util.concurrent.ConcurrentHashMap;

/** Compiled regular expressions of one expression, so a literal pattern compiles once; at most {@code size} kept. */
final class PatternCache {
    private final int size;
    private final ConcurrentHashMap<String, Pattern> compiled = new ConcurrentHashMap<>();

    PatternCache(int size) {
        this.size = size;
    }

    Pattern get(String regex) {
        Pattern p = compiled.get(regex);
        if (p == null) {
            p = Regexes.compile(regex);
            if (compiled.size() >= size) {
                compiled.clear();
            }
            compiled.put(regex, p);
        }
        return p;
    }
}
