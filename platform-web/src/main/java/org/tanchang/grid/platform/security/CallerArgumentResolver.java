package org.tanchang.grid.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.tanchang.grid.platform.problem.ProblemException;

/** Lets a controller method declare a {@link Caller} parameter. Never null: no token on such an endpoint is a 401. */
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
            WebDataBinderFactory binders) {
        Caller caller = Callers.current(request.getNativeRequest(HttpServletRequest.class));
        if (caller == null) {
            throw new ProblemException(org.springframework.http.HttpStatus.UNAUTHORIZED, "unauthorized",
                    "Unauthorized", "A valid bearer token from the auth server is required", java.util.Map.of());
        }
        return caller;
    }
}
