package org.tanchang.grid.mediation.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tanchang.grid.platform.security.AreaScope;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.problem.ProblemException;
import org.tanchang.grid.platform.workflow.Step;

/** A step's own rules, called as the plain functions they are: no Spring, no database. */
class DisputeEffectsTest {

    private static final Caller MEDIATOR = new Caller("mediator-621223101", "李调解", Set.of("MEDIATOR"),
            new AreaScope(List.of("621223101")), null, null);
    private static final Instant AT = Instant.parse("2026-01-10T02:00:00Z");

    private static Step<DisputeState> step(String action, DisputeState in) {
        return new Step<>(action, in, in, MEDIATOR, AT, null);
    }

    private static Dispute withParties(String... names) {
        Dispute d = new Dispute();
        d.id = "dispute-1";
        d.gridCode = "621223101001001";
        d.state = DisputeState.PERFORMING;
        for (int i = 0; i < names.length; i++) {
            d.parties.add(new Parts.Party(i, PartyKind.PERSON, PartyRole.APPLICANT, names[i], null, null, null));
        }
        return d;
    }

    @Test
    void anExcuseIsRecordedByWhoTookTheStepAndALaterOneReplacesIt() {
        Dispute d = withParties("杨某某", "马某某");

        DisputeActions.excusing(new DisputeRequests.ExcuseVisit(1, "已外出务工")).apply(d,
                step("excuse-visit", DisputeState.PERFORMING));
        DisputeActions.excusing(new DisputeRequests.ExcuseVisit(1, "电话确认赔偿到位")).apply(d,
                step("excuse-visit", DisputeState.PERFORMING));

        assertThat(d.visitExcuses).singleElement().satisfies(e -> {
            assertThat(e.partyName()).isEqualTo("马某某");
            assertThat(e.reason()).isEqualTo("电话确认赔偿到位");
            assertThat(e.recordedBy()).isEqualTo("mediator-621223101");
            assertThat(e.recordedAt()).isEqualTo(AT);
        });
    }

    @Test
    void anExcuseForSomeoneNotAPartyIsRefusedAndChangesNothing() {
        Dispute d = withParties("杨某某");

        assertThatThrownBy(() -> DisputeActions.excusing(new DisputeRequests.ExcuseVisit(5, "不认识")).apply(d,
                step("excuse-visit", DisputeState.PERFORMING)))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status().value()).isEqualTo(400));
        assertThat(d.visitExcuses).isEmpty();
    }

    @Test
    void theDisputesOwnGridAndRepeatsAreNotAddedAgain() {
        Dispute d = withParties("杨某某");

        DisputeActions.spanning(List.of("621223101002001", "621223101001001", "621223101002001")).apply(d,
                step("add-grids", DisputeState.MEDIATING));

        assertThat(d.otherGridCodes).containsExactly("621223101002001");
    }

    @Test
    void aDisputeSpansAtMostTwentyOtherGrids() {
        Dispute d = withParties("杨某某");
        List<String> many = new ArrayList<>(IntStream.rangeClosed(1, 21)
                .mapToObj(i -> "621223101%06d".formatted(i)).toList());

        assertThatThrownBy(() -> DisputeActions.spanning(many).apply(d, step("add-grids", DisputeState.MEDIATING)))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status().value()).isEqualTo(400));
    }

    @Test
    @SuppressWarnings("unchecked") // the problem's properties are JSON-shaped maps
    void fulfilIsRefusedWhileATermIsUnperformed() {
        Dispute d = withParties("杨某某", "马某某");
        LocalDate signed = LocalDate.of(2026, 1, 6);
        d.agreement = new Parts.Agreement("agreement-1", signed, signed, List.of(
                new Parts.Term(0, 1, 0, "赔偿", 120000, signed.plusDays(14), signed.plusDays(2), "mediator"),
                new Parts.Term(1, 1, 0, "补种", 0, signed.plusDays(14), null, null)));

        assertThatThrownBy(() -> DisputeActions.FULFILLING.apply(d, step("fulfil", DisputeState.PERFORMING)))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status().value()).isEqualTo(409);
                    assertThat((List<?>) p.properties().get("missing")).singleElement()
                            .satisfies(m -> assertThat((Map<String, Object>) m).containsEntry("kind", "UNPERFORMED_TERM")
                                    .containsEntry("reference", "term-1"));
                });
    }
}
