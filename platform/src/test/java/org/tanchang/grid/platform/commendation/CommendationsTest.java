package org.tanchang.grid.platform.commendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.tanchang.grid.contracts.commendation.MatterCommended;
import org.tanchang.grid.platform.personaldata.FieldCipher;
import org.tanchang.grid.platform.personaldata.KeyedHash;
import org.tanchang.grid.platform.personaldata.PersonalData;
import org.tanchang.grid.platform.personaldata.PersonalDataProperties;
import org.tanchang.grid.platform.problem.ProblemException;
import org.tanchang.grid.platform.security.AreaScope;
import org.tanchang.grid.platform.security.Caller;

/** The shared rules of a commendation, without Spring: whom it may name, when, and what leaves the service. */
class CommendationsTest {

    private static final Caller CLERK = new Caller("clerk-lichuan", "理川镇窗口", Set.of("WINDOW_CLERK"),
            new AreaScope(List.of("621223101")), null, null);
    /** 2026-07-28 10:00 in the county. */
    private static final Instant AT = Instant.parse("2026-07-28T02:00:00Z");

    private final Commendations commendations = new Commendations(personalData());

    private static PersonalData personalData() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String encoded = Base64.getEncoder().encodeToString(key);
        PersonalDataProperties properties = new PersonalDataProperties("k1", encoded, null, encoded);
        return new PersonalData(FieldCipher.from(properties), KeyedHash.from(properties));
    }

    private static RecordCommendation banner(LocalDate receivedOn, String... staff) {
        return new RecordCommendation(CommendationKind.BANNER, " 为民解忧、情系百姓 ", receivedOn, "杨某某",
                "13893912345", List.of(staff));
    }

    @Test
    void theGiverIsProtectedAndOnlyIdsCodesAndNamesOfStaffLeave() {
        Commendation c = commendations.create(CLERK, banner(LocalDate.parse("2026-07-28"), "clerk-a", "clerk-a "),
                Set.of("clerk-a", "clerk-b"), AT);

        CommendationView view = Commendations.view(c);
        assertThat(view.giverName()).isEqualTo("杨**");
        assertThat(view.giverPhone()).isNotEqualTo("13893912345").endsWith("2345");
        assertThat(view.text()).isEqualTo("为民解忧、情系百姓");
        assertThat(view.namedStaff()).as("named once").containsExactly("clerk-a");
        assertThat(c.giverName().ciphertext()).doesNotContain("杨某某");
        MatterCommended data = Commendations.data(MatterCommended.REQUEST_MATTER, "req-1", null, c);
        assertThat(data.toString()).doesNotContain("杨", "13893912345");
        assertThat(data.recordedBy()).isEqualTo("clerk-lichuan");
        assertThat(Commendations.remark(banner(LocalDate.parse("2026-07-28"), "clerk-a")))
                .isEqualTo("BANNER 「为民解忧、情系百姓」 → clerk-a").doesNotContain("杨");
    }

    @Test
    void itNamesOnlyWhoHandledTheMatterAndIsNotReceivedInTheFuture() {
        assertThatThrownBy(() -> commendations.create(CLERK, banner(LocalDate.parse("2026-07-29"), "clerk-x"),
                Set.of("clerk-a"), AT))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.properties().toString()).contains("receivedOn", "namedStaff", "clerk-x");
                });
        assertThat(commendations.create(CLERK, banner(LocalDate.parse("2026-07-28"), "clerk-a"), Set.of("clerk-a"),
                AT).receivedOn()).as("the county's today is not the future").isEqualTo("2026-07-28");
    }
}
