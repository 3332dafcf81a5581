package org.tanchang.grid.petition.open311;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.tanchang.grid.platform.audit.AuditTrail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts the facade under the same role check and audit as the API (see {@link Open311Access}), and makes its XML
 * converter Spring MVC's only one (Boot's would write any body as XML).
 */
@Configuration(proxyBeanMethods = false)
class Open311Configuration implements WebMvcConfigurer {

    private final AuditTrail trail;
    private final JsonMapper json;

    Open311Configuration(AuditTrail trail, JsonMapper json) {
        this.trail = trail;
        this.json = json;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new Open311Access(trail)).addPathPatterns("/open311/**");
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
        converters.withXmlConverter(new Open311Xml.Converter(json));
    }
}
