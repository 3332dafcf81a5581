package org.tanchang.grid.notification.template;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tanchang.grid.platform.personaldata.FreeText;
import org.tanchang.grid.platform.time.Times;

/**
 * The template model of an event: its data with every text scrubbed of personal data and every time shown in
 * county time to the minute, as people read it.
 */
public final class MessageModel {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private MessageModel() {
    }

    public static Map<String, Object> of(Map<String, Object> data) {
        Map<String, Object> model = new LinkedHashMap<>();
        data.forEach((key, value) -> model.put(key, clean(value)));
        return model;
    }

    @SuppressWarnings("unchecked")
    private static Object clean(Object value) {
        if (value instanceof String text) {
            return readable(text);
        }
        if (value instanceof Map<?, ?> map) {
            return of((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> cleaned = new ArrayList<>();
            list.forEach(v -> cleaned.add(clean(v)));
            return cleaned;
        }
        return value;
    }

    private static String readable(String text) {
        if (text.length() >= 20 && Character.isDigit(text.charAt(0)) && text.charAt(10) == 'T') {
            try {
                return Times.local(OffsetDateTime.parse(text)).format(MINUTE);
            } catch (DateTimeParseException notATime) {
                // an id that happens to look like one; scrubbed below like any text
            }
        }
        if (text.length() == 10 && text.charAt(4) == '-') {
            try {
                return LocalDate.parse(text).toString();
            } catch (DateTimeParseException notADate) {
                // fall through
            }
        }
        return FreeText.scrub(text);
    }
}
