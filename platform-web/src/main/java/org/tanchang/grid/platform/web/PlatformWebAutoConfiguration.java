package org.tanchang.grid.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/** The servlet side of a service: request ids, problems, strict JSON, the OpenAPI document's shared parts. */
@AutoConfiguration
@Import({WebConfiguration.class, OpenApiConfiguration.class})
public class PlatformWebAutoConfiguration {
}
