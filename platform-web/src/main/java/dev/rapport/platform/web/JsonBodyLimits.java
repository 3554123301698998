package dev.rapport.platform.web;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Bounds on every JSON body a service reads: nesting (a script's deepest containers are a few dozen levels; a
 * request thousands deep is an attack, refused before any code walks it) and the length of one string or number.
 * Over a bound the reader fails at once and the caller gets a 400 naming it.
 */
@Singleton
public class JsonBodyLimits implements ObjectMapperCustomizer {
    static final int MAX_NESTING = 200;
    static final int MAX_STRING = 5_000_000;
    static final int MAX_NUMBER = 400;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING).maxStringLength(MAX_STRING).maxNumberLength(MAX_NUMBER).build());
    }
}
