package org.tanchang.grid.gridservice.member;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.tanchang.grid.contracts.grid.MemberChanged;
import org.tanchang.grid.gridservice.grid.GridDirectory;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.outbox.OutboxEvent;
import org.tanchang.grid.platform.personaldata.Disclosure;
import org.tanchang.grid.platform.personaldata.Masker;
import org.tanchang.grid.platform.personaldata.PersonalData;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Visibility;
import org.tanchang.grid.platform.web.Page;
import org.tanchang.grid.platform.problem.ProblemException;

/** Registers and changes members, each change stored with its MemberChanged event in one write. */
@Service
class Members {

    static final String MOBILE = "member.mobile";

    private final MongoOperations mongo;
    private final GridDirectory grids;
    private final PersonalData personalData;
    private final Disclosure disclosure;
    private final Outbox outbox;
    private final Clock clock;

    Members(MongoOperations mongo, GridDirectory grids, PersonalData personalData, Disclosure disclosure,
            Outbox outbox, Clock clock) {
        this.mongo = mongo;
        this.grids = grids;
        this.personalData = personalData;
        this.disclosure = disclosure;
        this.outbox = outbox;
        this.clock = clock;
    }

    MemberView register(Caller caller, MemberRequests.Register r) {
        requireGrids(caller, r.gridCodes());
        Member m = new Member();
        m.id = r.id();
        m.name = r.name();
        m.force = r.force();
        m.duties = List.copyOf(new LinkedHashSet<>(r.duties()));
        m.gridCodes = List.copyOf(new LinkedHashSet<>(r.gridCodes()));
        m.mobile = personalData.protect(MOBILE, r.mobile(), Masker.MOBILE);
        m.version = 1;
        m.changedAt = clock.instant();
        m.outbox.add(event(m));
        try {
            mongo.insert(m);
        } catch (DuplicateKeyException exists) {
            throw ProblemException.conflict("Member " + r.id() + " is registered already", Map.of("memberId", r.id()));
        }
        return MemberView.masked(m);
    }

    MemberView change(Caller caller, String id, MemberRequests.Change r) {
        Member m = visible(caller, id);
        if (r.gridCodes() != null) {
            requireGrids(caller, r.gridCodes());
            m.gridCodes = List.copyOf(new LinkedHashSet<>(r.gridCodes()));
        }
        if (r.name() != null) {
            m.name = r.name();
        }
        if (r.force() != null) {
            m.force = r.force();
        }
        if (r.duties() != null) {
            m.duties = List.copyOf(new LinkedHashSet<>(r.duties()));
        }
        if (r.active() != null) {
            m.active = r.active();
        }
        if (r.mobile() != null) {
            m.mobile = personalData.protect(MOBILE, r.mobile(), Masker.MOBILE);
        }
        long based = m.version;
        m.version = based + 1;
        m.changedAt = clock.instant();
        // the fields and the event in one conditional write: a concurrent change makes it miss (409), and events the
        // relay published meanwhile are not written back
        Update update = new Update().set("name", m.name).set("force", m.force).set("duties", m.duties)
                .set("gridCodes", m.gridCodes).set("active", m.active).set("mobile", m.mobile)
                .set("version", m.version).set("changedAt", m.changedAt).push("outbox", event(m));
        var result = mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("version").is(based)), update,
                Member.class);
        if (result.getMatchedCount() == 0) {
            throw ProblemException.conflict("Member " + id + " was changed meanwhile", Map.of());
        }
        return MemberView.masked(m);
    }

    MemberView get(Caller caller, String id, boolean unmask) {
        Member m = visible(caller, id);
        return disclosure.unmask(caller, unmask, "members", id) ? MemberView.of(m, personalData.reveal(MOBILE, m.mobile))
                : MemberView.masked(m);
    }

    Page<MemberView> list(Caller caller, String gridCode, Duty duty, Boolean active, int page, int size) {
        List<Criteria> conditions = new ArrayList<>(List.of(Visibility.criteria(caller, "gridCodes", null)));
        if (gridCode != null) {
            conditions.add(Criteria.where("gridCodes").is(gridCode));
        }
        if (duty != null) {
            conditions.add(Criteria.where("duties").is(duty));
        }
        if (active != null) {
            conditions.add(Criteria.where("active").is(active));
        }
        Query query = Query.query(new Criteria().andOperator(conditions));
        query.fields().exclude("outbox");
        return Page.query(mongo, query, Member.class, Sort.by("name"), page, size, MemberView::masked);
    }

    private Member visible(Caller caller, String id) {
        Member m = mongo.findOne(Query.query(new Criteria().andOperator(Criteria.where("_id").is(id),
                Visibility.criteria(caller, "gridCodes", null))), Member.class);
        if (m == null) {
            throw ProblemException.notFound("Member", id);
        }
        return m;
    }

    private void requireGrids(Caller caller, List<String> gridCodes) {
        for (String code : gridCodes) {
            Visibility.requireArea(caller, code);
            if (grids.find(code).isEmpty()) {
                throw ProblemException.unprocessable("unknown-grid", "Unknown grid", "Grid " + code
                        + " does not exist");
            }
        }
    }

    private OutboxEvent event(Member m) {
        return outbox.event(MemberChanged.TYPE, m.id, new MemberChanged(m.id, m.name, m.force.name(),
                m.duties.stream().map(Enum::name).toList(), m.gridCodes, m.active, m.version));
    }
}
