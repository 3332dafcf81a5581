package org.tanchang.grid.mediation.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tanchang.grid.contracts.patrol.FindingDispute;
import org.tanchang.grid.contracts.patrol.FindingParty;

/** A patrol finding's codes as mediation reads them: every code the contracts list is known, an unknown one is empty. */
class PatrolHintCodesTest {

    enum Theirs { PERSON, ORGANISATION, ASSOCIATION }

    @Test
    void everyCodeTheContractsListHasAConstantOfTheSameNameInMediation() {
        assertThat(names(PartyKind.values())).containsAll(names(FindingParty.Kind.values()));
        assertThat(names(PartyRole.values())).containsAll(names(FindingParty.Role.values()));
        assertThat(names(DisputeType.values())).containsAll(names(FindingDispute.Type.values()));
        assertThat(names(RiskLevel.values())).containsAll(names(FindingDispute.RiskLevel.values()));
    }

    @Test
    void aCodeMediationDoesNotKnowIsEmptyNotAnException() {
        assertThat(PatrolHint.ours(PartyKind.class, Theirs.ORGANISATION)).contains(PartyKind.ORGANISATION);
        assertThat(PatrolHint.ours(PartyKind.class, Theirs.ASSOCIATION)).isEmpty();
        assertThat(PatrolHint.ours(PartyKind.class, null)).isEmpty();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
