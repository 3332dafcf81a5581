package org.tanchang.grid.platform.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.util.unit.DataSize;
import org.tanchang.grid.platform.outbox.OutboxEvent;
import org.tanchang.grid.platform.problem.ProblemException;
import org.tanchang.grid.platform.test.TestFiles;
import org.tanchang.grid.platform.test.TestInfrastructure;

/**
 * The file store on the real wire server: the tests' (memory backend, from platform-test) and the local stack's
 * (H2 backend). GridFS upload, read, delete, a file of several chunks, sniffing, limits and EXIF removal.
 */
class FileStoreTest {

    private static final MongoServer H2 = new MongoServer(H2Backend.inMemory());
    private static final String H2_URI = uri(H2.bind());

    static Stream<String> wireServers() {
        return Stream.of(TestInfrastructure.mongoUri(), H2_URI);
    }

    /** The clients the fixtures opened: closed before the H2 server stops, so none keeps dialling it. */
    private static final List<SimpleMongoClientDatabaseFactory> FACTORIES = new java.util.concurrent.CopyOnWriteArrayList<>();

    @AfterAll
    static void stop() throws Exception {
        for (SimpleMongoClientDatabaseFactory factory : FACTORIES) {
            factory.destroy();
        }
        H2.shutdownNow();
    }

    @ParameterizedTest
    @MethodSource("wireServers")
    void storesReadsAndDeletesInGridFs(String uri) {
        Fixture f = new Fixture(uri);
        // a PDF of about 1 MB: four GridFS chunks of 255 KB
        byte[] pdf = TestFiles.pdf(1_000_000);
        StoredFile stored = f.store.store(upload("evidence", "application/pdf", pdf), f::announce);

        assertThat(stored.mediaType()).isEqualTo("application/pdf");
        assertThat(stored.size()).isEqualTo(pdf.length);
        assertThat(stored.uploadedBy()).isEqualTo("wang.officer");
        assertThat(f.mongo.getCollection("fs.chunks").countDocuments(new Document("files_id",
                new org.bson.types.ObjectId(stored.id())))).isEqualTo(4);
        FileContent read = f.store.read("incident", "inc-1", stored.id());
        assertThat(read.bytes()).isEqualTo(pdf);
        assertThat(read.file().sha256()).isEqualTo(sha256(pdf));
        assertThat(f.store.list("incident", "inc-1")).extracting(StoredFile::id).containsExactly(stored.id());
        // the announcing event is in the record's outbox, written with it
        Document record = f.mongo.getCollection("attachments").find(new Document("_id",
                new org.bson.types.ObjectId(stored.id()))).first();   // a hex id is stored as the ObjectId GridFS uses
        assertThat(record.getList("outbox", Document.class)).singleElement()
                .satisfies(e -> assertThat(e.getString("subject")).isEqualTo("inc-1"));

        // another matter's path does not reach the file
        assertThatThrownBy(() -> f.store.read("incident", "inc-2", stored.id()))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status().value()).isEqualTo(404));

        f.store.delete(stored.id());
        assertThatThrownBy(() -> f.store.read("incident", "inc-1", stored.id()))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status().value()).isEqualTo(404));
        assertThat(f.mongo.getCollection("fs.chunks").countDocuments()).isZero();
        assertThat(f.mongo.getCollection("fs.files").countDocuments()).isZero();
    }

    @ParameterizedTest
    @MethodSource("wireServers")
    void refusesByContentAndSizeAndStoresNothing(String uri) {
        Fixture f = new Fixture(uri);
        byte[] html = TestFiles.html();
        byte[] exe = TestFiles.exe();
        byte[] text = "just some notes, not a photo".getBytes(StandardCharsets.UTF_8);

        assertStatus(f, upload("photo", "image/jpeg", html), 415);
        assertStatus(f, upload("photo", "image/jpeg", exe), 415);
        assertStatus(f, upload("photo", "image/jpeg", text), 415);
        assertStatus(f, upload("photo", "image/png", TestFiles.pdf(2_000)), 415);   // a PDF is no photo
        assertStatus(f, upload("photo", "image/jpeg", TestFiles.png()), 422);       // a PNG sent as JPEG
        assertStatus(f, upload("photo", "image/jpeg", new byte[0]), 422);
        // too big: as declared, and as sent when the declared size lies
        byte[] big = TestFiles.pdf(8 * 1024 * 1024 + 1);
        assertStatus(f, upload("evidence", "application/pdf", big), 413);
        assertStatus(f, new FileUpload("evidence", "incident", "inc-1", "621223100001001", "wang.officer",
                "application/pdf", 10, new ByteArrayResource(big)), 413);

        assertThat(f.mongo.getCollection("attachments").countDocuments()).isZero();
        assertThat(f.mongo.getCollection("fs.files").countDocuments()).isZero();
        assertThat(f.mongo.getCollection("fs.chunks").countDocuments()).isZero();

        // a PNG declared as octet-stream (what some clients send) is what its bytes say
        StoredFile png = f.store.store(upload("photo", "application/octet-stream", TestFiles.png()), f::announce);
        assertThat(png.mediaType()).isEqualTo("image/png");
    }

    @ParameterizedTest
    @MethodSource("wireServers")
    void removesLocationFromJpegs(String uri) throws IOException {
        Fixture f = new Fixture(uri);
        byte[] withGps = TestFiles.jpegWithGps();
        assertThat(LocationMetadata.hasGps(withGps)).as("the fixture carries GPS").isTrue();

        StoredFile stored = f.store.store(upload("photo", "image/jpeg", withGps), f::announce);

        byte[] kept = f.store.read("incident", "inc-1", stored.id()).bytes();
        assertThat(stored.metadataRemoved()).isTrue();
        assertThat(LocationMetadata.hasGps(kept)).isFalse();
        assertThat(TestFiles.jpegHasGps(kept)).isFalse();
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(kept)).getWidth()).isEqualTo(32);
        assertThat(stored.sha256()).isEqualTo(sha256(kept));
    }

    private static void assertStatus(Fixture f, FileUpload upload, int status) {
        assertThatThrownBy(() -> f.store.store(upload, f::announce))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status().value()).isEqualTo(status));
    }

    private static FileUpload upload(String kind, String declared, byte[] bytes) {
        return new FileUpload(kind, "incident", "inc-1", "621223100001001", "wang.officer", declared, bytes.length,
                new ByteArrayResource(bytes));
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String uri(InetSocketAddress address) {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    /** A fresh database per test on the given server, with the limits of the platform's defaults. */
    private static final class Fixture {

        final MongoTemplate mongo;
        final FileStore store;

        Fixture(String uri) {
            SimpleMongoClientDatabaseFactory factory = new SimpleMongoClientDatabaseFactory(
                    uri + "/files-" + Long.toHexString(System.nanoTime()));
            FACTORIES.add(factory);
            mongo = new MongoTemplate(factory);
            FilesProperties properties = new FilesProperties("fs", Map.of(
                    "photo", new FilesProperties.Limits(DataSize.ofMegabytes(4),
                            List.of("image/jpeg", "image/png", "image/webp")),
                    "evidence", new FilesProperties.Limits(DataSize.ofMegabytes(8),
                            List.of("image/jpeg", "image/png", "image/webp", "application/pdf"))));
            store = new FileStore(new org.springframework.data.mongodb.gridfs.GridFsTemplate(factory,
                    mongo.getConverter(), properties.bucket()), mongo, properties,
                    Clock.fixed(Instant.parse("2026-12-07T02:00:00Z"), ZoneId.of("Asia/Shanghai")));
        }

        OutboxEvent announce(StoredFile file) {
            return new OutboxEvent("e-" + file.id(), "case.incidents.v1", "/tanchang-grid/test", "FileAttached",
                    file.matterId(), file.uploadedAt(), "urn:test", null, "{\"fileId\":\"" + file.id() + "\"}");
        }
    }
}
