package org.tanchang.grid.notification.recipient;

import java.time.LocalTime;
import java.util.Set;
import org.tanchang.grid.notification.delivery.Channel;

/** What the rules need to know of a recipient to address them: name, language, channels, muted kinds, quiet hours. */
public record RecipientProfile(String id, String name, String language, Set<Channel> channels, Set<String> mutedKinds,
        LocalTime quietFrom, LocalTime quietTo) {

    /** Someone the directory does not know (yet): their inbox only, in the default language. */
    public static RecipientProfile unknown(String id, String name, String language) {
        return new RecipientProfile(id, name, language, Set.of(Channel.INBOX), Set.of(), null, null);
    }

    public boolean wants(String kind) {
        return !mutedKinds.contains(kind);
    }
}
