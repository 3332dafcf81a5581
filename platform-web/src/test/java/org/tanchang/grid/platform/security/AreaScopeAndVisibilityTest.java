package org.tanchang.grid.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;
import org.tanchang.grid.platform.problem.ProblemException;

class AreaScopeAndVisibilityTest {

    private static final String YANGJIA_GRID = "621223101001001";

    @Test
    void aCodeCoversEveryAreaBelowItAndNothingBeside() {
        assertThat(new AreaScope(List.of("621223")).covers(YANGJIA_GRID)).isTrue();
        assertThat(new AreaScope(List.of("621223101")).covers(YANGJIA_GRID)).isTrue();
        assertThat(new AreaScope(List.of("621223101001")).covers(YANGJIA_GRID)).isTrue();
        assertThat(new AreaScope(List.of(YANGJIA_GRID)).covers(YANGJIA_GRID)).isTrue();
        assertThat(new AreaScope(List.of("621223101002001")).covers(YANGJIA_GRID)).isFalse();
        assertThat(new AreaScope(List.of("621223102")).covers(YANGJIA_GRID)).isFalse();
        assertThat(new AreaScope(List.of(YANGJIA_GRID)).covers("621223101")).as("a grid does not cover its township")
                .isFalse();
        assertThat(AreaScope.none().covers(YANGJIA_GRID)).isFalse();
    }

    @Test
    void codesThatAreNotAreaCodesAreDroppedSoTheyCannotWidenAQuery() {
        AreaScope scope = new AreaScope(List.of("", "6", ".*", "^", "62122310100100", "621223101"));

        assertThat(scope.codes()).containsExactly("621223101");
        assertThat(new AreaScope(List.of(".*")).criteria("gridCode").getCriteriaObject().toJson())
                .contains("\"$in\": []");
    }

    @Test
    void theQueryConditionIsAnAnchoredPrefixPerCode() {
        String json = Query.query(new AreaScope(List.of("621223101", "621223102001")).criteria("gridCode"))
                .getQueryObject().toJson();

        assertThat(json).contains("$or").contains("^621223101").contains("^621223102001");
    }

    @Test
    void aCitizenSeesOnlyWhatTheySubmittedStaffTheirAreas() {
        Caller citizen = new Caller("citizen.liu", null, Set.of(Roles.CITIZEN), AreaScope.none(), "tanchang-app", null);
        Caller member = new Caller("member.yangjia", null, Set.of(Roles.GRID_MEMBER),
                new AreaScope(List.of(YANGJIA_GRID)), "tanchang-app", null);

        assertThat(Visibility.criteria(citizen, "gridCode", "submittedBy").getCriteriaObject().toJson())
                .contains("\"submittedBy\": \"citizen.liu\"").doesNotContain("gridCode");
        assertThat(Visibility.criteria(citizen, "gridCode", null).getCriteriaObject().toJson())
                .as("citizens own nothing here").contains("\"$in\": []");
        assertThat(Visibility.sees(citizen, YANGJIA_GRID, "citizen.liu")).isTrue();
        assertThat(Visibility.sees(citizen, YANGJIA_GRID, "someone.else")).isFalse();
        assertThat(Visibility.sees(member, YANGJIA_GRID, null)).isTrue();
        assertThat(Visibility.sees(member, "621223101002001", null)).isFalse();
        assertThatThrownBy(() -> Visibility.requireArea(member, "621223101002001"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status().value()).isEqualTo(403));
    }

    @Test
    void theAuditRoleIsTheFirstByAFixedOrder() {
        Caller both = new Caller("x", "", Set.of(Roles.SUPERVISOR, Roles.OFFICER), AreaScope.none(), null, null);

        assertThat(both.primaryRole()).isEqualTo(Roles.OFFICER);
        assertThat(both.name()).as("a blank name falls back to the subject").isEqualTo("x");
        assertThat(both.isOnlyCitizen()).isFalse();
    }
}
