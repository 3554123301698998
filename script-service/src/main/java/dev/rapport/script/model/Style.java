package dev.rapport.script.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What every component has besides its own fields. Sizes are CSS-like ("auto", "stretch", "240px", "50%"); margins
 * are pixels; colours are "#rrggbb" or interpolated text such as "{{Status Colour}}". {@code visible} and
 * {@code enabled} are expressions (e.g. "{{Show Map}}" or "{{Age}} > 18"); absent means true.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Style(String width, String height, Integer margin, String backgroundColor, String textColor,
                    String visible, String enabled) {
    public static final Style DEFAULT = new Style(null, null, null, null, null, null, null);
}
