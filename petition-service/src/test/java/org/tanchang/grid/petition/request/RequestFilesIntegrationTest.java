package org.tanchang.grid.petition.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestFiles;
import org.tanchang.grid.platform.test.TestUsers;

/**
 * A request's materials as files: the applicant uploads a scan (PDF of several GridFS chunks) and a photo, the
 * window reads them back byte for byte (the photo without its GPS position), another citizen and another
 * township's window get 404, what only claims to be a document is refused and nothing is stored.
 */
@ServiceIntegrationTest
class RequestFilesIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void anApplicantsMaterialsReachTheWindowAndNobodyElse() {
        RequestFixtures requests = new RequestFixtures(port);
        String id = requests.submit("citizen-materials", false).get("id").asString();
        String files = "/api/service-requests/" + id + "/files";
        ApiClient applicant = requests.as(TestUsers.citizen("citizen-materials"));
        byte[] scan = TestFiles.pdf(1_000_000);

        var pdf = applicant.upload(files, "户口簿.pdf", "application/pdf", scan);
        assertThat(pdf.status()).as(pdf.text()).isEqualTo(201);
        var photo = applicant.upload(files, "相片.jpg", "image/jpeg", TestFiles.jpegWithGps());
        assertThat(photo.status()).as(photo.text()).isEqualTo(201);

        ApiClient clerk = requests.as(RequestFixtures.clerk());
        assertThat(clerk.get(files).json().findValuesAsString("id")).containsExactly(
                pdf.json().get("id").asString(), photo.json().get("id").asString());
        var readScan = clerk.download(files + "/" + pdf.json().get("id").asString());
        assertThat(readScan.status()).isEqualTo(200);
        assertThat(readScan.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(readScan.bytes()).isEqualTo(scan);
        var readPhoto = clerk.download(files + "/" + photo.json().get("id").asString());
        assertThat(TestFiles.jpegHasGps(readPhoto.bytes())).isFalse();

        assertThat(requests.as(TestUsers.citizen("citizen-other")).get(files).status()).isEqualTo(404);
        ApiClient muerClerk = requests.as(TestUsers.token("clerk-muer", "WINDOW_CLERK", TestUsers.MUER));
        assertThat(muerClerk.get(files).status()).isEqualTo(404);
        assertThat(muerClerk.upload(files, "x.pdf", "application/pdf", TestFiles.pdf(100)).status()).isEqualTo(404);
        assertThat(requests.as(TestUsers.gridMember(TestUsers.YANGJIA_GRID)).get(files).status()).isEqualTo(403);

        assertThat(applicant.upload(files, "户口簿.pdf", "application/pdf", TestFiles.html()).status()).isEqualTo(415);
        assertThat(applicant.upload(files, "setup.pdf", "application/pdf", TestFiles.exe()).status()).isEqualTo(415);
        assertThat(applicant.upload(files, "big.pdf", "application/pdf", TestFiles.pdf(8 * 1024 * 1024 + 1))
                .status()).isEqualTo(413);
        assertThat(mongo.getCollection("attachments").countDocuments(new Document("matterId", id))).isEqualTo(2);

        var events = TestEvents.readAll(Topics.REQUESTS, Duration.ofMillis(800)).stream()
                .filter(r -> id.equals(r.key()) && "RequestFileAttached".equals(TestEvents.eventName(r))).toList();
        assertThat(events).hasSize(2);
    }
}
