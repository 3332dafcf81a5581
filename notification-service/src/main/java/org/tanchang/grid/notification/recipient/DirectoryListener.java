package org.tanchang.grid.notification.recipient;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.contracts.grid.MemberChanged;
import org.tanchang.grid.contracts.grid.RosterAssignmentChanged;
import org.tanchang.grid.platform.consume.EventReader;

/**
 * Keeps recipients and the roster from grid-service's event-carried state. Each write is a version-guarded upsert:
 * an older or repeated version misses the filter and its insert collides with the existing id, so a duplicate or
 * out-of-order event has no effect.
 */
@Component
class DirectoryListener {

    private static final Logger log = LoggerFactory.getLogger(DirectoryListener.class);

    private final EventReader reader;
    private final MongoOperations mongo;

    DirectoryListener(EventReader reader, MongoOperations mongo) {
        this.reader = reader;
        this.mongo = mongo;
    }

    @KafkaListener(topics = Topics.MEMBERS)
    void onMember(ConsumerRecord<String, String> record) {
        reader.read(record, MemberChanged.TYPE).ifPresent(event -> {
            MemberChanged m = event.data();
            newer(Recipient.class, m.memberId(), "memberVersion", m.version(), new Update().set("name", m.name())
                    .set("active", m.active()).set("memberVersion", m.version()));
        });
    }

    @KafkaListener(topics = Topics.ROSTER)
    void onRoster(ConsumerRecord<String, String> record) {
        reader.read(record, RosterAssignmentChanged.TYPE).ifPresent(event -> {
            RosterAssignmentChanged a = event.data();
            newer(RosterPost.class, a.assignmentId(), "version", a.version(), new Update().set("areaCode", a.areaCode())
                    .set("role", a.role()).set("personId", a.personId()).set("personName", a.personName())
                    .set("validFrom", a.validFrom()).set("validTo", a.validTo()).set("version", a.version()));
            if (a.personId() != null) {
                // known by name from now on, even before grid-service tells of them as a member
                mongo.upsert(Query.query(Criteria.where("_id").is(a.personId())), new Update()
                        .setOnInsert("name", a.personName()).setOnInsert("memberVersion", 0L)
                        .setOnInsert("active", true), Recipient.class);
            }
        });
    }

    private void newer(Class<?> type, String id, String versionField, long version, Update update) {
        try {
            mongo.upsert(Query.query(Criteria.where("_id").is(id).and(versionField).lt(version)), update, type);
        } catch (DuplicateKeyException alreadyNewer) {
            log.debug("{} {} already has version {} or newer", type.getSimpleName(), id, version);
        }
    }
}
