package org.tanchang.grid.platform.files;

import java.time.Clock;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.util.unit.DataSize;

/** The file store on GridFS and the shared endpoint part; the limits are {@code tanchang.files}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FilesProperties.class)
public class FilesConfiguration {

    @Bean
    FileStore fileStore(MongoDatabaseFactory factory, MongoConverter converter, MongoOperations mongo,
            MongoMappingContext mapping, FilesProperties properties, Environment environment, Clock clock) {
        requireMultipartLetsThrough(properties, environment);
        // known to the mapping from the start, so the outbox relay reads this collection after a restart too
        mapping.getPersistentEntity(StoredFile.class);
        return new FileStore(new GridFsTemplate(factory, converter, properties.bucket()), mongo, properties, clock);
    }

    @Bean
    FileEndpoints fileEndpoints(FileStore store) {
        return new FileEndpoints(store);
    }

    @Bean
    OperationCustomizer fileOperationDocumentation(FilesProperties properties) {
        return new FileOperations(properties);
    }

    /**
     * A kind's limit above the servlet's multipart limit would never be reached (the container refuses first, with
     * a less helpful answer): refuse to start instead of letting the two drift apart.
     */
    static void requireMultipartLetsThrough(FilesProperties properties, Environment environment) {
        DataSize file = environment.getProperty("spring.servlet.multipart.max-file-size", DataSize.class,
                DataSize.ofMegabytes(1));
        DataSize request = environment.getProperty("spring.servlet.multipart.max-request-size", DataSize.class,
                DataSize.ofMegabytes(10));
        long largest = properties.largest().toBytes();
        if (file.toBytes() < largest || request.toBytes() < largest) {
            throw new IllegalStateException("spring.servlet.multipart.max-file-size (" + file + ") and "
                    + "max-request-size (" + request + ") must be at least the largest tanchang.files kind ("
                    + properties.largest() + ")");
        }
    }
}
