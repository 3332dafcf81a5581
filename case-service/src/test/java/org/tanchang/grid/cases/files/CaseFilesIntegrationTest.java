package org.tanchang.grid.cases.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.tanchang.grid.cases.incident.Walk;
import org.tanchang.grid.cases.lost.LostFixtures;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.platform.test.AccessProfile;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestFiles;
import org.tanchang.grid.platform.test.TestUsers;

/**
 * Evidence of an incident and pictures of lost and found items, through the API: upload, list, read back (EXIF
 * removed), the matter's own visibility (another township's officer gets 404, a citizen 403 on evidence), files that
 * are not what they say (415, nothing stored), too big (413), the public notice's pictures without a token, and the
 * events that refer to the files by id.
 */
@ServiceIntegrationTest
class CaseFilesIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void anIncidentsEvidenceIsStoredReadBackAndKeptInItsArea() {
        Walk walk = new Walk(port, "officer-files", AccessProfile.OWNER);
        String id = walk.to("REGISTERED", "files-" + UUID.randomUUID());
        ApiClient officer = walk.officer();
        byte[] photo = TestFiles.jpegWithGps();

        var created = officer.upload("/api/incidents/" + id + "/files", "scene.jpg", "image/jpeg", photo);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String fileId = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/incidents/" + id + "/files/" + fileId);
        assertThat(created.json().get("mediaType").asString()).isEqualTo("image/jpeg");
        assertThat(created.json().get("metadataRemoved").asBoolean()).isTrue();
        assertThat(created.json().get("uploadedBy").asString()).isEqualTo("officer-files");

        var list = officer.get("/api/incidents/" + id + "/files");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().findValuesAsString("id")).containsExactly(fileId);

        var read = officer.download("/api/incidents/" + id + "/files/" + fileId);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(read.header("Content-Disposition")).startsWith("attachment").contains(fileId + ".jpg");
        assertThat(read.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(TestFiles.jpegHasGps(photo)).isTrue();
        assertThat(TestFiles.jpegHasGps(read.bytes())).as("the GPS position is gone").isFalse();
        assertThat(read.bytes().length).isEqualTo(created.json().get("size").asInt());

        // another township's officer: the incident, and so its files, do not exist for them
        ApiClient muer = ApiClient.local(port).withToken(TestUsers.officer(TestUsers.MUER));
        assertThat(muer.get("/api/incidents/" + id + "/files").status()).isEqualTo(404);
        assertThat(muer.download("/api/incidents/" + id + "/files/" + fileId).status()).isEqualTo(404);
        assertThat(muer.upload("/api/incidents/" + id + "/files", "x.png", "image/png", TestFiles.png()).status())
                .isEqualTo(404);
        // the citizen who reported it does not see evidence
        assertThat(walk.citizen().get("/api/incidents/" + id + "/files").status()).isEqualTo(403);
        // a file of this incident is not reachable through another incident
        String other = walk.to("REPORTED", "files-" + UUID.randomUUID());
        assertThat(officer.download("/api/incidents/" + other + "/files/" + fileId).status()).isEqualTo(404);

        // not what they claim: refused by content, nothing stored
        var html = officer.upload("/api/incidents/" + id + "/files", "photo.jpg", "image/jpeg", TestFiles.html());
        assertThat(html.status()).as(html.text()).isEqualTo(415);
        assertThat(html.json().get("detectedType").asString()).isEqualTo("text/html");
        assertThat(officer.upload("/api/incidents/" + id + "/files", "photo.jpg", "image/jpeg", TestFiles.exe())
                .status()).isEqualTo(415);
        assertThat(officer.upload("/api/incidents/" + id + "/files", "photo.jpg", "image/jpeg", TestFiles.png())
                .status()).isEqualTo(422);
        assertThat(officer.get("/api/incidents/" + id + "/files").json().get("items").size()).isEqualTo(1);
        assertThat(mongo.getCollection("attachments").countDocuments(new Document("matterId", id))).isEqualTo(1);

        // the event refers to the file by id, on the incident's topic, keyed by the incident
        var events = TestEvents.readAll(Topics.INCIDENTS, Duration.ofSeconds(1)).stream()
                .filter(r -> id.equals(r.key()) && "IncidentFileAttached".equals(TestEvents.eventName(r))).toList();
        assertThat(events).singleElement().satisfies(r -> assertThat(r.value()).contains("\"fileId\":\"" + fileId + "\"")
                .doesNotContain("officer-files"));
    }

    @Test
    void lostAndFoundPicturesReachTheOwnerTheAreaAndWhileNoticedThePublic() {
        LostFixtures lost = new LostFixtures(port);
        String lostId = lost.lost(AccessProfile.OWNER);
        ApiClient owner = ApiClient.local(port).withToken(TestUsers.citizen(AccessProfile.OWNER));

        var mine = owner.upload("/api/lost-reports/" + lostId + "/files", "bag.png", "image/png", TestFiles.png());
        assertThat(mine.status()).as(mine.text()).isEqualTo(201);
        assertThat(lost.officer().get("/api/lost-reports/" + lostId + "/files").json().findValuesAsString("id"))
                .containsExactly(mine.json().get("id").asString());
        ApiClient stranger = ApiClient.local(port).withToken(TestUsers.citizen("citizen-stranger"));
        assertThat(stranger.get("/api/lost-reports/" + lostId + "/files").status()).isEqualTo(404);
        assertThat(stranger.upload("/api/lost-reports/" + lostId + "/files", "bag.png", "image/png", TestFiles.png())
                .status()).isEqualTo(404);
        // too big for a photo (4 MB): refused before it is read, nothing stored
        var big = owner.upload("/api/lost-reports/" + lostId + "/files", "bag.jpg", "image/jpeg",
                TestFiles.pdf(4 * 1024 * 1024 + 1));
        assertThat(big.status()).as(big.text()).isEqualTo(413);
        assertThat(mongo.getCollection("attachments").countDocuments(new Document("matterId", lostId))).isEqualTo(1);

        // a found item's picture, taken in custody, is public only while the item is under notice
        String foundId = lost.found();
        String receipt = lost.officer().get("/api/found-items/" + foundId).json().get("receiptNumber").asString();
        var picture = lost.officer().upload("/api/found-items/" + foundId + "/files", "found.jpg", "image/jpeg",
                TestFiles.jpegWithGps());
        assertThat(picture.status()).as(picture.text()).isEqualTo(201);
        String fileId = picture.json().get("id").asString();
        ApiClient anonymous = ApiClient.local(port);
        String notice = "/api/public/lost-property-notices/" + receipt + "/files";
        assertThat(anonymous.get(notice).status()).isEqualTo(404);
        assertThat(anonymous.download(notice + "/" + fileId).status()).isEqualTo(404);

        assertThat(lost.officer().post("/api/found-items/" + foundId + "/notice",
                "{\"publicDescription\":\"拾得黑色背包一个\"}").status()).isEqualTo(200);
        var shown = anonymous.get(notice);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().findValuesAsString("id")).containsExactly(fileId);
        assertThat(shown.json().get("items").get(0).path("uploadedBy").isNull() || shown.json().get("items").get(0).path("uploadedBy")
                .isMissingNode()).as("no staff name on a public page").isTrue();
        var published = anonymous.download(notice + "/" + fileId);
        assertThat(published.status()).isEqualTo(200);
        assertThat(TestFiles.jpegHasGps(published.bytes())).as("no position on the public copy").isFalse();
        // the notice is public, the item's own files are not
        assertThat(anonymous.get("/api/found-items/" + foundId + "/files").status()).isEqualTo(401);
    }
}
