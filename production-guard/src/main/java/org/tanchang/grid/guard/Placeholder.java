package org.tanchang.grid.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One {@code ${VARIABLE:default}} of a configuration value whose name is an environment variable (upper case, as
 * every setting a deployment gives is written in this suite's configuration files). References to other properties
 * ({@code ${spring.application.name}}) are not placeholders in this sense and are never returned.
 *
 * @param variable     the environment variable, e.g. {@code PERSONAL_DATA_KEY}
 * @param defaultValue what the process uses when the variable is not set; {@code null} when there is none
 */
public record Placeholder(String variable, String defaultValue) {

    private static final Pattern ENVIRONMENT_VARIABLE = Pattern.compile("[A-Z][A-Z0-9_]*");

    public boolean hasDefault() {
        return defaultValue != null;
    }

    /** Every environment-variable placeholder in a configuration value, also those nested in a default. */
    public static List<Placeholder> in(String value) {
        List<Placeholder> found = new ArrayList<>();
        if (value != null) {
            collect(value, found);
        }
        return found;
    }

    private static void collect(String text, List<Placeholder> into) {
        int start = text.indexOf("${");
        while (start >= 0) {
            int end = closing(text, start + 2);
            if (end < 0) {
                return;   // unbalanced: Spring would not resolve it either
            }
            String inner = text.substring(start + 2, end);
            int colon = separator(inner);
            String name = colon < 0 ? inner : inner.substring(0, colon);
            String defaultValue = colon < 0 ? null : inner.substring(colon + 1);
            if (ENVIRONMENT_VARIABLE.matcher(name).matches()) {
                into.add(new Placeholder(name, defaultValue));
            }
            if (defaultValue != null) {
                collect(defaultValue, into);
            }
            start = text.indexOf("${", end + 1);
        }
    }

    /** The index of the '}' that closes the placeholder whose body starts at {@code from}, nested ones skipped. */
    private static int closing(String text, int from) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            if (text.startsWith("${", i)) {
                depth++;
                i++;
            } else if (text.charAt(i) == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }

    /** The first ':' outside nested placeholders: name and default are split there, as Spring does. */
    private static int separator(String inner) {
        int depth = 0;
        for (int i = 0; i < inner.length(); i++) {
            if (inner.startsWith("${", i)) {
                depth++;
                i++;
            } else if (inner.charAt(i) == '}') {
                depth--;
            } else if (inner.charAt(i) == ':' && depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
