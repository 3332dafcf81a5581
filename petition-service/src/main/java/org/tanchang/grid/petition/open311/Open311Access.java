package org.tanchang.grid.petition.open311;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.tanchang.grid.platform.audit.AuditAction;
import org.tanchang.grid.platform.audit.AuditEntry;
import org.tanchang.grid.platform.audit.AuditOutcome;
import org.tanchang.grid.platform.audit.AuditTrail;
import org.tanchang.grid.platform.security.Access;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Callers;
import org.tanchang.grid.platform.security.PublicEndpoint;

/**
 * The platform's role check and audit for {@code /open311/**}, which the platform applies to {@code /api/**} only
 * (its filter chain lets other paths through without a token, and its interceptors are registered for /api/**).
 * Same rules: {@link PublicEndpoint} open, {@link Allowed} roles (and a system's client scopes) else 401/403, fail
 * closed without either; every
 * write audited as a {@code service-requests} record, refused ones included.
 */
class Open311Access implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(Open311Access.class);

    private final AuditTrail trail;

    Open311Access(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || method.hasMethodAnnotation(PublicEndpoint.class)) {
            return true;
        }
        Allowed allowed = method.getMethodAnnotation(Allowed.class);
        Caller caller = Callers.current(request);
        if (allowed == null) {
            throw new Open311Exception(HttpStatus.FORBIDDEN, "This endpoint is not open to any role");
        }
        if (caller == null) {
            throw new Open311Exception(HttpStatus.UNAUTHORIZED, "A valid bearer token from the auth server is "
                    + "required (Authorization: Bearer …; this facade takes no api_key)");
        }
        String refusal = Access.refusal(allowed, caller);
        if (refusal != null) {
            throw new Open311Exception(HttpStatus.FORBIDDEN, refusal);
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        if (!(handler instanceof HandlerMethod) || !"POST".equals(request.getMethod())) {
            return;
        }
        Caller caller = Callers.current(request);
        String location = response.getHeader(HttpHeaders.LOCATION);
        int status = response.getStatus();
        AuditEntry entry = new AuditEntry(caller == null ? "anonymous" : caller.subject(),
                caller == null ? null : caller.primaryRole(), caller == null ? null : caller.clientId(),
                AuditAction.CREATE, "service-requests",
                location == null ? null : location.substring(location.lastIndexOf('/') + 1),
                status < 400 ? AuditOutcome.SUCCESS : status == 401 || status == 403 ? AuditOutcome.DENIED
                        : AuditOutcome.FAILED, request.getRemoteAddr()).withOperation("service-request.create");
        try {
            trail.append(entry);
        } catch (RuntimeException failed) {
            log.error("AUDIT RECORD MISSING for POST {} by {} (status {}): {}", request.getRequestURI(),
                    entry.actor(), status, failed.toString());
        }
    }
}
