package org.tanchang.grid.cases.publicsurface;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.PublicSurfaces;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestFiles;
import org.tanchang.grid.platform.test.TestUsers;

/**
 * An officer types ID numbers, mobiles and addresses into every free text of a found item and its public notice;
 * every public operation of case-service (found in its OpenAPI document) shows the notice without any of them.
 */
@ServiceIntegrationTest
class PublicOperationsCarryNoPersonalDataTest {

    @LocalServerPort
    int port;

    @Test
    void noPublicOperationShowsAnIdNumberMobileOrAddressTypedIntoAnyText() {
        PublicSurfaces.Seed description = PublicSurfaces.Seed.random();
        PublicSurfaces.Seed custody = PublicSurfaces.Seed.random();
        PublicSurfaces.Seed notice = PublicSurfaces.Seed.random();
        ApiClient officer = ApiClient.local(port).withToken(TestUsers.officer(TestUsers.LICHUAN));
        var intake = officer.post("/api/found-items", "{\"category\":\"BAG\",\"description\":\"" + description.text()
                + "\",\"foundAt\":\"2026-11-28T16:10:00+08:00\",\"areaCode\":\"" + TestUsers.YANGJIA_GRID
                + "\",\"custodyLocation\":\"" + custody.text() + "\",\"finderName\":\"赵师傅\",\"documents\":"
                + "[{\"type\":\"ID_CARD\",\"number\":\"" + description.idNumber() + "\"}]}");
        assertThat(intake.status()).as(intake.text()).isEqualTo(201);
        String foundId = intake.json().get("id").asString();
        var picture = officer.upload("/api/found-items/" + foundId + "/files", "bag.jpg", "image/jpeg",
                TestFiles.jpegWithGps());
        assertThat(picture.status()).as(picture.text()).isEqualTo(201);
        var noticed = officer.post("/api/found-items/" + foundId + "/notice",
                "{\"publicDescription\":\"" + notice.text() + "\"}");
        assertThat(noticed.status()).as(noticed.text()).isEqualTo(200);

        // the notice's pictures are public too: the walk reads them by the notice's receipt number
        List<PublicSurfaces.Answer> answers = PublicSurfaces.walk(port, Map.of(
                "receiptNumber", List.of(intake.json().get("receiptNumber").asString()),
                "fileId", List.of(picture.json().get("id").asString())));

        assertThat(answers).extracting(PublicSurfaces.Answer::operation)
                .contains("GET /api/public/lost-property-notices");
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.url()).isEqualTo(200));
        String shown = answers.stream().map(PublicSurfaces.Answer::text).reduce("", String::concat);
        assertThat(shown).as("the planted texts were shown, masked").contains(notice.marker(), custody.marker())
                .contains("人民路", "杨家村");
        for (PublicSurfaces.Seed seed : List.of(description, custody, notice)) {
            assertThat(shown).doesNotContain(seed.secrets());
        }
    }
}
