package org.tanchang.grid.platform.workflow;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.tanchang.grid.platform.outbox.OutboxOwner;
import org.tanchang.grid.platform.outbox.OutboxRelay;
import org.tanchang.grid.platform.problem.ProblemException;

/**
 * The one way a workflow aggregate is written after it was read: a single update conditional on the version that was
 * read, holding only the fields the step changed ({@code $set}/{@code $unset} by comparing the stored form before and
 * after), the new events pushed onto the outbox and the version bumped. So the step's code changes the aggregate in
 * memory like any Java object, two people acting at once cannot both win (the loser gets a 409 and reloads), and the
 * relay's removal of published events is never undone by a write of an older copy.
 */
public class VersionedWrites {

    private static final String CLASS_HINT = "_class";

    /** What the aggregate looked like when read: its stored form, version and the ids of its pending events. */
    public record Snapshot(Document stored, Object version, Set<String> pendingEvents) {
    }

    private final MongoOperations mongo;
    private final ObjectProvider<OutboxRelay> relay;

    public VersionedWrites(MongoOperations mongo, ObjectProvider<OutboxRelay> relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    public Snapshot read(OutboxOwner aggregate) {
        Document stored = stored(aggregate);
        Set<String> pending = new LinkedHashSet<>();
        aggregate.outbox().forEach(event -> pending.add(event.eventId()));
        return new Snapshot(stored, versionOf(aggregate), pending);
    }

    /** Writes what changed since {@code before}; a 409 problem when someone else wrote the aggregate meanwhile. */
    public void write(OutboxOwner aggregate, Snapshot before) {
        if (!tryWrite(aggregate, before)) {
            MongoPersistentEntity<?> entity = entity(aggregate);
            Object id = entity.getIdentifierAccessor(aggregate).getIdentifier();
            throw ProblemException.conflict(entity.getType().getSimpleName() + " " + id
                    + " was changed meanwhile; reload and retry", Map.of("id", String.valueOf(id)));
        }
    }

    /** Like {@link #write} but answers false instead of a problem: for sweeps, which look again next time. */
    public boolean tryWrite(OutboxOwner aggregate, Snapshot before) {
        MongoPersistentEntity<?> entity = entity(aggregate);
        MongoPersistentProperty versionProperty = version(entity);
        String versionField = versionProperty.getFieldName();
        Document after = stored(aggregate);
        Update update = new Update();
        Set<String> fields = new LinkedHashSet<>(before.stored().keySet());
        fields.addAll(after.keySet());
        for (String field : fields) {
            if (field.equals("_id") || field.equals(versionField) || field.equals(OutboxOwner.FIELD)
                    || field.equals(CLASS_HINT)) {
                continue;
            }
            Object was = before.stored().get(field);
            Object is = after.get(field);
            if (!after.containsKey(field)) {
                update.unset(field);
            } else if (was instanceof List<?> old && is instanceof List<?> now && now.size() > old.size()
                    && now.subList(0, old.size()).equals(old)) {
                // a list that only grew (a timeline): push the new entries instead of rewriting the whole list
                update.push(field).each(now.subList(old.size(), now.size()).toArray());
            } else if (!Objects.equals(was, is)) {
                update.set(field, is);
            }
        }
        List<Document> added = after.getList(OutboxOwner.FIELD, Document.class, List.of()).stream()
                .filter(event -> !before.pendingEvents().contains(event.getString("eventId"))).toList();
        if (!added.isEmpty()) {
            update.push(OutboxOwner.FIELD).each(added.toArray());
        }
        Object read = before.version();
        long next = read == null ? 0 : ((Number) read).longValue() + 1;
        update.set(versionField, next);
        // the version inside $and keeps _id alone at the top, where every store looks it up by its index
        Query asRead = Query.query(Criteria.where("_id").is(after.get("_id"))
                .andOperator(Criteria.where(versionField).is(read)));
        if (mongo.updateFirst(asRead, update, entity.getCollection()).getMatchedCount() == 0) {
            return false;
        }
        PersistentPropertyAccessor<OutboxOwner> accessor = entity.getPropertyAccessor(aggregate);
        accessor.setProperty(versionProperty, versionProperty.getType() == Integer.class
                || versionProperty.getType() == int.class ? (Object) (int) next : (Object) next);
        if (!added.isEmpty()) {
            relay.ifAvailable(OutboxRelay::wakeUp);
        }
        return true;
    }

    private Document stored(Object aggregate) {
        Document stored = new Document();
        mongo.getConverter().write(aggregate, stored);
        return stored;
    }

    private Object versionOf(Object aggregate) {
        MongoPersistentEntity<?> entity = entity(aggregate);
        return entity.getPropertyAccessor(aggregate).getProperty(version(entity));
    }

    @SuppressWarnings("unchecked")
    private MongoPersistentEntity<OutboxOwner> entity(Object aggregate) {
        MongoConverter converter = mongo.getConverter();
        return (MongoPersistentEntity<OutboxOwner>) converter.getMappingContext()
                .getRequiredPersistentEntity(aggregate.getClass());
    }

    /** The {@code @Version} property, else one named {@code version}: every workflow aggregate has one. */
    private static MongoPersistentProperty version(MongoPersistentEntity<?> entity) {
        MongoPersistentProperty version = entity.getVersionProperty();
        if (version == null) {
            version = entity.getPersistentProperty("version");
        }
        if (version == null) {
            throw new IllegalStateException(entity.getType().getName() + " has no version property; a workflow "
                    + "aggregate needs one for its conditional writes");
        }
        return version;
    }
}
