package org.tanchang.grid.gridservice.member;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;
import org.tanchang.grid.gridservice.area.AreaDirectory;
import org.tanchang.grid.gridservice.demo.DemoFile;
import tools.jackson.databind.JsonNode;

/** Registers the demo members once (each with its first MemberChanged); existing members are left as they are. */
@Component
@Order(2)
class DemoMemberLoader implements ApplicationRunner {

    private final DemoFile demo;
    private final Members members;
    private final MongoOperations mongo;
    private final AreaDirectory areas;

    DemoMemberLoader(DemoFile demo, Members members, MongoOperations mongo, AreaDirectory areas) {
        this.demo = demo;
        this.members = members;
        this.mongo = mongo;
        this.areas = areas;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (JsonNode entry : demo.section("members")) {
            if (mongo.findById(entry.get("id").asString(), Member.class) == null) {
                members.register(demo.loader(areas.countyCode()), demo.as(entry, MemberRequests.Register.class));
            }
        }
    }
}
