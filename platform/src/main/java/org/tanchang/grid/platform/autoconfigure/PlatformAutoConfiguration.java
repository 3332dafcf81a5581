package org.tanchang.grid.platform.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.tanchang.grid.platform.audit.AuditConfiguration;
import org.tanchang.grid.platform.files.FilesConfiguration;
import org.tanchang.grid.platform.commendation.CommendationConfiguration;
import org.tanchang.grid.platform.geo.GridMapConfiguration;
import org.tanchang.grid.platform.personaldata.PersonalDataConfiguration;
import org.tanchang.grid.platform.time.CalendarConfiguration;
import org.tanchang.grid.platform.workflow.WorkflowConfiguration;

/**
 * The domain kernel every service gets by depending on the platform: audit, personal data, the local grid map,
 * the work calendar, the workflow kernel and the file store. The core, web and messaging modules it brings configure themselves (their own
 * {@code AutoConfiguration.imports}).
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.tanchang.grid.platform.core.CoreAutoConfiguration"})
@Import({AuditConfiguration.class, PersonalDataConfiguration.class, GridMapConfiguration.class,
        CalendarConfiguration.class, WorkflowConfiguration.class, FilesConfiguration.class,
        CommendationConfiguration.class})
@EnableConfigurationProperties
public class PlatformAutoConfiguration {
}
