package org.tanchang.grid.notification.rules;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tanchang.grid.contracts.grid.RosterRole;
import org.tanchang.grid.notification.recipient.RecipientDirectory;

/** Resolves a rule's recipient expressions (field:, each:, roster:ROLE@) to user names, each once. */
@Component
class Recipients {

    private final RecipientDirectory directory;

    Recipients(RecipientDirectory directory) {
        this.directory = directory;
    }

    List<String> of(Rule rule, Map<String, Object> data, LocalDate today) {
        Set<String> ids = new LinkedHashSet<>();
        for (String expression : rule.recipients()) {
            int colon = expression.indexOf(':');
            String how = expression.substring(0, colon);
            String what = expression.substring(colon + 1);
            switch (how) {
                case "field" -> {
                    String id = Fields.string(data, what);
                    if (id != null && !id.isBlank()) {
                        ids.add(id);
                    }
                }
                case "each" -> ids.addAll(Fields.strings(data, what));
                case "roster" -> {
                    String[] roleAndField = what.split("@", 2);
                    ids.addAll(directory.holdersOf(RosterRole.valueOf(roleAndField[0]),
                            Fields.string(data, roleAndField[1]), today));
                }
                default -> throw new IllegalStateException("Rule " + rule.id() + ": unknown recipients " + expression);
            }
        }
        return List.copyOf(ids);
    }
}
