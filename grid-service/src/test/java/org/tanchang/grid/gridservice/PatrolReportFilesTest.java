package org.tanchang.grid.gridservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestFiles;
import org.tanchang.grid.platform.test.TestUsers;

/**
 * A finding's photo through the API: the member who patrolled attaches it, it is listed and read back without its
 * GPS position, another grid's member gets 404 and a citizen 403, a "photo" that is HTML or too big is refused and
 * nothing is stored, the upload is audited and announced by id on the report's topic.
 */
@ServiceIntegrationTest
class PatrolReportFilesTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void aFindingsPhotoIsStoredReadBackWithoutItsPositionAndKeptInTheGrid() {
        ApiClient member = ApiClient.local(port).withToken(TestUsers.gridMember(TestUsers.YANGJIA_GRID));
        var report = member.post("/api/patrol-reports", PatrolReportFlowTest.report(TestUsers.YANGJIA_GRID));
        assertThat(report.status()).as(report.text()).isEqualTo(201);
        String id = report.json().get("id").asString();
        String files = "/api/patrol-reports/" + id + "/files";

        var created = member.upload(files, "IMG_0001.jpg", "image/jpeg", TestFiles.jpegWithGps());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String fileId = created.json().get("id").asString();
        assertThat(member.get(files).json().findValuesAsString("id")).containsExactly(fileId);
        var read = member.download(files + "/" + fileId);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(read.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(read.header("Content-Disposition")).startsWith("attachment");
        assertThat(TestFiles.jpegHasGps(read.bytes())).isFalse();

        ApiClient otherGrid = ApiClient.local(port).withToken(TestUsers.gridMember(TestUsers.MALIAN_GRID));
        assertThat(otherGrid.get(files).status()).isEqualTo(404);
        assertThat(otherGrid.download(files + "/" + fileId).status()).isEqualTo(404);
        assertThat(otherGrid.upload(files, "x.png", "image/png", TestFiles.png()).status()).isEqualTo(404);
        ApiClient citizen = ApiClient.local(port).withToken(TestUsers.citizen("citizen-curious"));
        assertThat(citizen.get(files).status()).isEqualTo(403);

        assertThat(member.upload(files, "photo.jpg", "image/jpeg", TestFiles.html()).status()).isEqualTo(415);
        assertThat(member.upload(files, "photo.jpg", "image/jpeg", TestFiles.exe()).status()).isEqualTo(415);
        assertThat(member.upload(files, "scan.pdf", "application/pdf", TestFiles.pdf(2_000)).status())
                .as("a PDF is no photo").isEqualTo(415);
        assertThat(member.upload(files, "huge.jpg", "image/jpeg", TestFiles.pdf(4 * 1024 * 1024 + 1)).status())
                .isEqualTo(413);
        assertThat(mongo.getCollection("attachments").countDocuments(new Document("matterId", id))).isEqualTo(1);
        assertThat(mongo.getCollection("fs.files").countDocuments(new Document("metadata.matterId", id)))
                .isEqualTo(1);

        assertThat(mongo.find(Query.query(Criteria.where("objectId").is(id)), Document.class, "audit_trail"))
                .extracting(d -> d.getString("operation")).contains("patrol-report.attach-file");
        var events = TestEvents.readAll(Topics.PATROL_REPORTS, Duration.ofMillis(800)).stream()
                .filter(r -> id.equals(r.key()) && "PatrolReportFileAttached".equals(TestEvents.eventName(r)))
                .toList();
        assertThat(events).singleElement().satisfies(r -> assertThat(r.value()).contains(fileId));
    }
}
