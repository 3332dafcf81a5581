package org.tanchang.grid.gridservice.roster;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.tanchang.grid.gridservice.area.AreaDirectory;
import org.tanchang.grid.gridservice.demo.DemoFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fills the demo roster once: every demo grid its member, responsible officer and mediator, every township its
 * mediator and supervisor, the county its own, each published as RosterAssignmentChanged, so out of the box a
 * dispute finds its mediators and a warning finds someone to warn. A post already held by the same person from the
 * same day is left alone, so a restart publishes nothing and never undoes a supervisor's change.
 */
@Component
@Order(3)
class DemoRosterLoader implements ApplicationRunner {

    private final DemoFile demo;
    private final Roster roster;
    private final MongoOperations mongo;
    private final AreaDirectory areas;

    DemoRosterLoader(DemoFile demo, Roster roster, MongoOperations mongo, AreaDirectory areas) {
        this.demo = demo;
        this.roster = roster;
        this.mongo = mongo;
        this.areas = areas;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (JsonNode entry : demo.section("roster")) {
            String areaCode = entry.get("areaCode").asString();
            RosterRequests.Assign post = demo.as(without(entry), RosterRequests.Assign.class);
            boolean held = mongo.exists(Query.query(Criteria.where("areaCode").is(areaCode).and("role")
                    .is(post.role()).and("personId").is(post.personId()).and("validFrom")
                    .is(post.validFrom().toString())), RosterAssignment.class);
            if (!held) {
                roster.assign(demo.loader(areas.countyCode()), areaCode, post);
            }
        }
    }

    /** The entry as the API's request body: the area is the path there, not a field. */
    private static JsonNode without(JsonNode entry) {
        ObjectNode copy = (ObjectNode) entry.deepCopy();
        copy.remove("areaCode");
        return copy;
    }
}
