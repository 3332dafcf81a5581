package org.tanchang.grid.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.tanchang.grid.platform.problem.ProblemException;

/**
 * Enforces {@link Allowed} (or a workflow step's roles, {@link AccessRules}) on every {@code /api/**} handler before it runs, so a refused request changes nothing.
 * Fail closed: an API handler with neither {@link Allowed} nor {@link PublicEndpoint} is refused for everybody, and
 * one open to systems but naming no client scope is refused to every system ({@link Access}).
 */
class RoleCheckInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(RoleCheckInterceptor.class);

    private final AccessRules rules;

    RoleCheckInterceptor(AccessRules rules) {
        this.rules = rules;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !request.getRequestURI().startsWith("/api/")) {
            return true;
        }
        if (annotation(method, PublicEndpoint.class) != null) {
            return true;
        }
        AccessRule allowed = rules.find(method);
        if (allowed == null) {
            log.error("{} has no @Allowed or @PublicEndpoint; refused for everybody", method.getShortLogMessage());
            throw ProblemException.forbidden("This endpoint is not open to any role");
        }
        Caller caller = Callers.current(request);
        if (caller == null) {
            throw new ProblemException(org.springframework.http.HttpStatus.UNAUTHORIZED, "unauthorized",
                    "Unauthorized", "A valid bearer token from the auth server is required", java.util.Map.of());
        }
        String refusal = Access.refusal(allowed, caller);
        if (refusal != null) {
            throw ProblemException.forbidden(refusal);
        }
        return true;
    }

    private static <A extends java.lang.annotation.Annotation> A annotation(HandlerMethod method, Class<A> type) {
        A onMethod = method.getMethodAnnotation(type);
        return onMethod != null ? onMethod : method.getBeanType().getAnnotation(type);
    }
}
