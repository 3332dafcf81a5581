package org.tanchang.grid.cases.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The agencies' configuration: one code and one system client per agency, else the service does not start. */
class AgenciesTest {

    private static Agencies.Agency agency(String code, String clientId) {
        return new Agencies.Agency(code, "某单位", Agencies.Kind.OTHER, Agencies.Delivery.PERSON, clientId, 5);
    }

    @Test
    void anAgencyIsFoundByItsCode() {
        Agencies agencies = new Agencies(List.of(agency("court", "agency-court"), agency("market", "agency-market")));

        assertThat(agencies.byCode("market")).map(Agencies.Agency::clientId).contains("agency-market");
        assertThat(agencies.byCode("nobody")).isEmpty();
        assertThat(new Agencies(null).agencies()).isEmpty();
    }

    @Test
    void twoAgenciesMayShareNeitherACodeNorAClient() {
        assertThatThrownBy(() -> new Agencies(List.of(agency("a", "agency-x"), agency("b", "agency-x"))))
                .hasMessageContaining("Client agency-x");
        assertThatThrownBy(() -> new Agencies(List.of(agency("a", "agency-x"), agency("a", "agency-y"))))
                .hasMessageContaining("Agency code a");
    }
}
