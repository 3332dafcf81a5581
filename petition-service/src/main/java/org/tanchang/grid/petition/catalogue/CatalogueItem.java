package org.tanchang.grid.petition.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tanchang.grid.platform.problem.FieldError;
import org.tanchang.grid.platform.workflow.TimeLimit;

/** A catalogue item as the other features of the service use it (requests, bundles, Open311). */
public record CatalogueItem(String code, String nameZh, String nameEn, ServiceCategory category,
        List<String> requiredMaterials, List<FormField> formFields, String responsibleUnit, boolean instant,
        TimeLimit firstResponseLimit, TimeLimit completionLimit, boolean online, boolean active) {

    static CatalogueItem of(ServiceItem item) {
        return new CatalogueItem(item.code, item.nameZh, item.nameEn, item.category, List.copyOf(item.requiredMaterials),
                List.copyOf(item.formFields), item.responsibleUnit, item.instant, TimeLimit.parse(item.firstResponseLimit),
                TimeLimit.parse(item.promisedTimeLimit), item.online, item.active);
    }

    /**
     * Every problem of a form's answers at once: required fields missing, unknown fields, values of the wrong type.
     * {@code prefix} names the request property holding the answers (e.g. {@code fields}).
     */
    public List<FieldError> check(Map<String, String> answers, String prefix) {
        Map<String, String> given = answers == null ? Map.of() : answers;
        List<FieldError> errors = new ArrayList<>();
        for (FormField field : formFields) {
            String answer = given.get(field.name());
            if (answer == null || answer.isBlank()) {
                if (field.required()) {
                    errors.add(new FieldError(prefix + "." + field.name(), "is required for " + code));
                }
            } else if (!field.type().accepts(answer)) {
                errors.add(new FieldError(prefix + "." + field.name(), "must be a valid " + field.type()));
            }
        }
        given.keySet().stream().filter(name -> formFields.stream().noneMatch(f -> f.name().equals(name))).sorted()
                .forEach(name -> errors.add(new FieldError(prefix + "." + name, "is not a field of " + code)));
        return errors;
    }

    /** The required materials not among {@code received}, in the catalogue's order. */
    public List<String> missing(List<String> received) {
        return requiredMaterials.stream().filter(m -> received == null || !received.contains(m)).toList();
    }
}
