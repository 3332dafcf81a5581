package org.tanchang.grid.notification.recipient;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.tanchang.grid.notification.delivery.Channel;
import org.tanchang.grid.platform.personaldata.Masker;
import org.tanchang.grid.platform.personaldata.PersonalData;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.problem.FieldError;
import org.tanchang.grid.platform.problem.ProblemException;

/** A person reads and sets their own preferences; setting them is how a citizen opts in. */
@Service
class Preferences {

    private final MongoOperations mongo;
    private final PersonalData personalData;
    private final Clock clock;
    private final String defaultLanguage;

    Preferences(MongoOperations mongo, PersonalData personalData, Clock clock,
            @Value("${tanchang.notification.default-language}") String defaultLanguage) {
        this.mongo = mongo;
        this.personalData = personalData;
        this.clock = clock;
        this.defaultLanguage = defaultLanguage;
    }

    PreferencesView mine(Caller caller) {
        Recipient r = mongo.findById(subject(caller), Recipient.class);
        if (r == null) {
            r = new Recipient();
            r.id = caller.subject();
            r.name = caller.name();
        }
        return PreferencesView.of(r, defaultLanguage);
    }

    PreferencesView set(Caller caller, PreferencesRequest request) {
        Set<Channel> channels = request.channels() == null || request.channels().isEmpty()
                ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(request.channels());
        channels.remove(Channel.INBOX);
        check(channels, request);
        Update update = new Update().set("language", request.language()).set("channels", channels)
                .set("mutedKinds", request.mutedKinds() == null ? Set.of() : request.mutedKinds())
                .set("quietFrom", request.quietHours() == null ? null : request.quietHours().from())
                .set("quietTo", request.quietHours() == null ? null : request.quietHours().to())
                .set("email", request.email())
                .set("mobile", personalData.protect(RecipientDirectory.MOBILE_CONTEXT, request.mobile(), Masker.MOBILE))
                .set("preferencesUpdatedAt", clock.instant())
                .setOnInsert("name", caller.name()).setOnInsert("memberVersion", 0L).setOnInsert("active", true);
        Recipient saved = mongo.findAndModify(Query.query(Criteria.where("_id").is(subject(caller))), update,
                FindAndModifyOptions.options().upsert(true).returnNew(true), Recipient.class);
        return PreferencesView.of(saved, defaultLanguage);
    }

    /** A channel without its address would fail at every delivery; refuse it before anything is stored. */
    private static void check(Set<Channel> channels, PreferencesRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (channels.contains(Channel.WEBHOOK)) {
            errors.add(new FieldError("channels", "WEBHOOK is for systems: subscribe at /api/notifications/webhooks"));
        }
        if (channels.contains(Channel.EMAIL) && request.email() == null) {
            errors.add(new FieldError("email", "is required for the EMAIL channel"));
        }
        if (channels.contains(Channel.SMS) && request.mobile() == null) {
            errors.add(new FieldError("mobile", "is required for the SMS channel"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static String subject(Caller caller) {
        if (caller.subject() == null) {
            throw ProblemException.notFound("Preferences", "of a token without subject");
        }
        return caller.subject();
    }
}
