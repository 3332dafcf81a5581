package org.tanchang.grid.notification.recipient;

import java.time.Instant;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tanchang.grid.notification.delivery.Channel;
import org.tanchang.grid.platform.personaldata.ProtectedValue;

/**
 * Someone the suite may tell things: a grid member or roster post holder (from grid-service's events) or a person
 * who set their own preferences (citizens opt in that way). The id is the user name they sign in with, so what is
 * addressed to them is what their token's subject finds.
 */
@Document("recipients")
class Recipient {

    @Id
    String id;
    String name;
    /** Last MemberChanged version applied (0 when only known from the roster or their own preferences). */
    long memberVersion;
    boolean active = true;
    /** zh-CN or en. */
    String language;
    /** Channels besides the inbox, which everybody has. */
    Set<Channel> channels;
    /** Kinds of message the person does not want at all. */
    Set<String> mutedKinds;
    /** Quiet hours in county time, HH:mm; both null for none. */
    String quietFrom;
    String quietTo;
    String email;
    ProtectedValue mobile;
    Instant preferencesUpdatedAt;
}
