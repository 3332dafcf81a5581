package org.tanchang.grid.platform.workflow;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.method.HandlerMethod;

/** Finds the table a {@link WorkflowStep} names: the one static {@link Workflow} field of its class. */
final class WorkflowTables {

    private static final Map<Class<?>, Workflow<?>> TABLES = new ConcurrentHashMap<>();

    private WorkflowTables() {
    }

    /** The step a handler is the endpoint of, or {@code null} when it is none. */
    static Workflow.Action<?> actionOf(HandlerMethod handler) {
        WorkflowStep step = handler.getMethodAnnotation(WorkflowStep.class);
        return step == null ? null : of(step.of()).action(step.value());
    }

    static Workflow<?> of(Class<?> holder) {
        return TABLES.computeIfAbsent(holder, WorkflowTables::find);
    }

    private static Workflow<?> find(Class<?> holder) {
        Workflow<?> found = null;
        for (Field field : holder.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && Workflow.class.isAssignableFrom(field.getType())) {
                if (found != null) {
                    throw new IllegalStateException(holder.getName() + " holds more than one workflow table");
                }
                try {
                    field.setAccessible(true);
                    found = (Workflow<?>) field.get(null);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read the workflow table of " + holder.getName(), e);
                }
            }
        }
        if (found == null) {
            throw new IllegalStateException(holder.getName() + " holds no static Workflow table");
        }
        return found;
    }
}
