package org.tanchang.grid.petition.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.tanchang.grid.platform.security.AreaScope;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.test.TestUsers;

class WindowsTest {

    private static final Caller CLERK = new Caller("clerk-lichuan", "理川镇窗口", Set.of("WINDOW_CLERK"),
            new AreaScope(List.of(TestUsers.LICHUAN)), "test", null);
    private static final Caller CITIZEN = new Caller("citizen-1", "杨建国", Set.of("CITIZEN"), null, "app", null);

    @Test
    void oneRequestIsLookedUpByItsIdAtTheTopWithTheCallersVisibilityBesideIt() {
        Document query = Windows.byId("req-1", Windows.visibleTo(CLERK)).getCriteriaObject();

        assertThat(query.get("_id")).isEqualTo("req-1");
        // as JSON: the area prefixes are regex Patterns, which have no equals
        assertThat(query.getList("$and", Document.class)).map(Document::toJson)
                .containsExactly(Windows.visibleTo(CLERK).getCriteriaObject().toJson());
    }

    @Test
    void aCitizenStillSeesOnlyTheirOwn() {
        Document query = Windows.byId("req-1", Windows.visibleTo(CITIZEN)).getCriteriaObject();

        assertThat(query.get("_id")).isEqualTo("req-1");
        assertThat(query.getList("$and", Document.class)).containsExactly(new Document("citizenId", "citizen-1"));
    }
}
