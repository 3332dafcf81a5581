package org.tanchang.grid.petition.open311;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.tanchang.grid.platform.audit.AuditTrail;

/** Puts the facade under the same role check and audit as the API (see {@link Open311Access}). */
@Configuration(proxyBeanMethods = false)
class Open311Configuration implements WebMvcConfigurer {

    private final AuditTrail trail;

    Open311Configuration(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new Open311Access(trail)).addPathPatterns("/open311/**");
    }
}
