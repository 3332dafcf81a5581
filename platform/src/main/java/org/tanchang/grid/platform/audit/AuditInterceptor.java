package org.tanchang.grid.platform.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Callers;

/**
 * Appends an audit record for every write through the API ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}
 * on {@code /api/**}), whatever its outcome, including the ones the role check refused (it is registered before
 * that check, so it still sees them). The object type is the collection's path segment ({@code patrol-reports}),
 * the id the {@code id} path variable or the new resource's {@code Location}, the operation ({@code incident.void})
 * derived from the handler's path pattern by {@link AuditOperations} or named by its {@link AuditOperation}.
 *
 * <p>Written after the response: if MongoDB fails just then, the write stands and the missing record is logged as
 * an ERROR, not hidden. Requests refused before reaching a service's handlers (no or bad token: 401) have no
 * actor to record; the gateway's access log has them. Writes made by event consumers are the services' own acts
 * on behalf of an audited request in another service, and are traced by their event ids instead.
 */
class AuditInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AuditInterceptor.class);

    private final AuditTrail trail;

    AuditInterceptor(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        String method = request.getMethod();
        if (!(handler instanceof HandlerMethod handlerMethod) || "GET".equals(method) || "HEAD".equals(method)
                || "OPTIONS".equals(method)) {
            return;
        }
        Caller caller = Callers.current(request);
        String objectId = objectId(request, response);
        AuditEntry entry = new AuditEntry(caller == null ? "anonymous" : caller.subject(),
                caller == null ? null : caller.primaryRole(), caller == null ? null : caller.clientId(),
                action(method, objectIdFromPath(request) != null), objectType(request.getRequestURI()), objectId,
                outcome(response.getStatus()), request.getRemoteAddr())
                .withOperation(operation(request, handlerMethod));
        try {
            trail.append(entry);
        } catch (RuntimeException failed) {
            log.error("AUDIT RECORD MISSING for {} {} by {} (status {}): {}", method, request.getRequestURI(),
                    entry.actor(), response.getStatus(), failed.toString());
        }
    }

    /** The handler's {@link AuditOperation}, else the name derived from the path pattern it was mapped by. */
    static String operation(HttpServletRequest request, HandlerMethod handler) {
        AuditOperation named = handler.getMethodAnnotation(AuditOperation.class);
        if (named != null) {
            return named.value();
        }
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return AuditOperations.of(request.getMethod(), pattern == null ? request.getRequestURI() : pattern.toString());
    }

    static String action(String method, boolean onAnObject) {
        return switch (method) {
            case "POST" -> onAnObject ? AuditAction.TRANSITION : AuditAction.CREATE;
            case "DELETE" -> AuditAction.DELETE;
            default -> AuditAction.UPDATE;
        };
    }

    /** {@code /api/patrol-reports/pr-1} → {@code patrol-reports}. */
    static String objectType(String uri) {
        String[] parts = uri.split("/");
        return parts.length > 2 && !parts[2].isBlank() ? parts[2] : "api";
    }

    static AuditOutcome outcome(int status) {
        if (status < 400) {
            return AuditOutcome.SUCCESS;
        }
        return status == 401 || status == 403 || status == 404 ? AuditOutcome.DENIED : AuditOutcome.FAILED;
    }

    private static String objectId(HttpServletRequest request, HttpServletResponse response) {
        String fromPath = objectIdFromPath(request);
        if (fromPath != null) {
            return fromPath;
        }
        String location = response.getHeader(HttpHeaders.LOCATION);
        return location == null ? null : location.substring(location.lastIndexOf('/') + 1);
    }

    @SuppressWarnings("unchecked")
    private static String objectIdFromPath(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables instanceof Map<?, ?> map ? (String) ((Map<String, String>) map).get("id") : null;
    }
}
