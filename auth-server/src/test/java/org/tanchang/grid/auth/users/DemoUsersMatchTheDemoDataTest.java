package org.tanchang.grid.auth.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo users are the people of grid-service's demo data: whoever is on the demo roster or registered as a demo
 * member can sign in, with the role of the post and a scope that covers the area, so a demo dispute finds a mediator
 * who can open it and a warning reaches someone who can act. Reads grid-service's file from the source tree (a
 * check across two modules of one repository).
 */
class DemoUsersMatchTheDemoDataTest {

    static final Path DEMO_FILE = Path.of("..", "grid-service", "src", "main", "resources", "demo", "tanchang.json");

    static final Map<String, Role> ROLE_OF_POST = Map.of("GRID_MEMBER", Role.GRID_MEMBER,
            "RESPONSIBLE_OFFICER", Role.OFFICER, "MEDIATOR", Role.MEDIATOR, "SUPERVISOR", Role.SUPERVISOR);

    private final Map<String, DemoUsers.Demo> users = DemoUsers.DEMO.stream()
            .collect(Collectors.toMap(DemoUsers.Demo::username, Function.identity()));

    private static JsonNode demo() throws Exception {
        return JsonMapper.builder().build().readTree(Files.readString(DEMO_FILE));
    }

    private static boolean covers(DemoUsers.Demo user, String areaCode) {
        return user.scopeCodes().stream().anyMatch(areaCode::startsWith);
    }

    @Test
    void everyoneOnTheDemoRosterSignsInWithThePostsRoleAndAScopeCoveringTheArea() throws Exception {
        JsonNode roster = demo().get("roster");
        assertThat(roster.size()).isGreaterThan(0);
        for (JsonNode post : roster) {
            String person = post.get("personId").asString();
            String area = post.get("areaCode").asString();
            DemoUsers.Demo user = users.get(person);
            assertThat(user).as(person + " on the roster of " + area + " is a demo user").isNotNull();
            assertThat(user.role()).as(person).isEqualTo(ROLE_OF_POST.get(post.get("role").asString()));
            assertThat(covers(user, area)).as(person + " may act in " + area).isTrue();
        }
    }

    @Test
    void everyDemoMemberAndResponsibleOfficerIsADemoUserOfTheirGrids() throws Exception {
        JsonNode demo = demo();
        for (JsonNode member : demo.get("members")) {
            DemoUsers.Demo user = users.get(member.get("id").asString());
            assertThat(user).as(member.get("id").asString()).isNotNull();
            assertThat(user.role()).isEqualTo(Role.GRID_MEMBER);
            assertThat(user.scopeCodes()).as(user.username())
                    .containsExactlyInAnyOrderElementsOf(member.get("gridCodes").valueStream()
                            .map(JsonNode::asString).toList());
        }
        for (JsonNode grid : demo.get("grids")) {
            DemoUsers.Demo officer = users.get(grid.get("responsibleOfficer").get("id").asString());
            assertThat(officer).as(grid.get("code").asString()).isNotNull();
            assertThat(officer.role()).isEqualTo(Role.OFFICER);
            assertThat(covers(officer, grid.get("code").asString())).isTrue();
        }
    }

    @Test
    void thePlacesOfTheUsersAreThoseOfTheSeed() throws Exception {
        Map<String, String> names = demo().get("areas").valueStream()
                .collect(Collectors.toMap(a -> a.get("code").asString(), a -> a.get("name").asString()));
        assertThat(names.get(DemoUsers.DASHE_GRID.substring(0, 12))).isEqualTo("大舍村");
        assertThat(names.get(DemoUsers.DASHE_GRID.substring(0, 9))).isEqualTo("理川镇");
        assertThat(names.get(DemoUsers.MALIAN_GRID.substring(0, 12))).isEqualTo("马莲村");
        assertThat(names.get(DemoUsers.MALIAN_GRID.substring(0, 9))).isEqualTo("木耳乡");
        assertThat(names.get(DemoUsers.HEJIAPU_GRID.substring(0, 9))).isEqualTo("何家堡乡");
        assertThat(users.get("member.dashe").scopeCodes()).containsExactly(DemoUsers.DASHE_GRID);
        assertThat(users.get("member.hejiapu").scopeCodes()).containsExactly(DemoUsers.HEJIAPU_GRID);
    }
}
