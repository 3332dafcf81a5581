package org.tanchang.grid.notification.recipient;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.tanchang.grid.contracts.grid.RosterRole;
import org.tanchang.grid.notification.delivery.Channel;
import org.tanchang.grid.platform.personaldata.PersonalData;

/** Looks up recipients for the rules and the channels: profiles, roster post holders, addresses at send time. */
@Service
public class RecipientDirectory {

    static final String MOBILE_CONTEXT = "recipient.mobile";

    private final MongoOperations mongo;
    private final PersonalData personalData;
    private final String defaultLanguage;

    RecipientDirectory(MongoOperations mongo, PersonalData personalData,
            @Value("${tanchang.notification.default-language}") String defaultLanguage) {
        this.mongo = mongo;
        this.personalData = personalData;
        this.defaultLanguage = defaultLanguage;
    }

    /** The recipient's profile; someone unknown or inactive gets the inbox only (still told, never lost). */
    public RecipientProfile profile(String id, String fallbackName) {
        Recipient r = mongo.findById(id, Recipient.class);
        if (r == null) {
            return RecipientProfile.unknown(id, fallbackName, defaultLanguage);
        }
        Set<Channel> channels = EnumSet.of(Channel.INBOX);
        if (r.active && r.channels != null) {
            channels.addAll(r.channels);
        }
        channels.remove(Channel.WEBHOOK);   // webhooks are subscriptions of systems, not of people
        return new RecipientProfile(id, r.name != null ? r.name : fallbackName,
                r.language != null ? r.language : defaultLanguage, channels,
                r.mutedKinds == null ? Set.of() : Set.copyOf(r.mutedKinds),
                r.quietFrom == null ? null : LocalTime.parse(r.quietFrom),
                r.quietTo == null ? null : LocalTime.parse(r.quietTo));
    }

    /** Holders of a post for the area or any area above it (a township supervisor watches its grids), on a day. */
    public List<String> holdersOf(RosterRole role, String areaCode, LocalDate on) {
        if (areaCode == null || areaCode.isBlank()) {
            return List.of();
        }
        Set<String> covering = new HashSet<>();
        for (int length : new int[] {6, 9, 12, 15}) {
            if (areaCode.length() >= length) {
                covering.add(areaCode.substring(0, length));
            }
        }
        covering.add(areaCode);
        Query query = Query.query(Criteria.where("role").is(role).and("areaCode").in(covering)
                .and("validFrom").lte(on));
        return mongo.find(query, RosterPost.class).stream()
                .filter(post -> post.validTo == null || !post.validTo.isBefore(on))
                .map(post -> post.personId).distinct().sorted().toList();
    }

    public Optional<String> email(String id) {
        return Optional.ofNullable(mongo.findById(id, Recipient.class)).map(r -> r.email);
    }

    /** The plain mobile number, only for handing to the SMS provider. */
    public Optional<String> mobile(String id) {
        return Optional.ofNullable(mongo.findById(id, Recipient.class)).filter(r -> r.mobile != null)
                .map(r -> personalData.reveal(MOBILE_CONTEXT, r.mobile));
    }
}
