package org.tanchang.grid.petition.open311;

import java.util.ArrayList;
import java.util.List;
import org.tanchang.grid.petition.catalogue.CatalogueItem;
import org.tanchang.grid.petition.catalogue.FormField;

/**
 * The catalogue as Open311 services. Every item is {@code realtime} (the request id comes back at once) and has
 * metadata: besides its form fields, a request needs two attributes of this window, the grid it is about (unless
 * lat/long fall in a known grid) and the applicant's identity number, as the window serves identified citizens.
 */
final class Open311Services {

    static final String GRID_CODE = "gridCode";
    static final String ID_NUMBER = "applicantIdNumber";

    private Open311Services() {
    }

    static Open311Model.Service service(CatalogueItem item) {
        String description = item.nameEn() + "; " + item.responsibleUnit() + "; promised " + item.completionLimit()
                + (item.instant() ? " (instant)" : "") + (item.online() ? "; can be applied for online"
                : "; citizens come to the window, staff and other systems may submit");
        return new Open311Model.Service(item.code(), item.nameZh(), description, true, "realtime",
                String.join(",", item.nameEn(), item.nameZh(), item.category().name()), item.category().name());
    }

    static Open311Model.ServiceDefinition definition(CatalogueItem item) {
        List<Open311Model.Attribute> attributes = new ArrayList<>();
        attributes.add(new Open311Model.Attribute(true, GRID_CODE, "string", false, "15 digits", 1,
                "所在网格编码 (required unless lat/long lie in a known grid)", null));
        attributes.add(new Open311Model.Attribute(true, ID_NUMBER, "string", true,
                "18-character resident identity number (GB 11643)", 2, "申请人居民身份证号码", null));
        int order = 3;
        for (FormField field : item.formFields()) {
            attributes.add(attribute(field, order++));
        }
        return new Open311Model.ServiceDefinition(item.code(), attributes);
    }

    private static Open311Model.Attribute attribute(FormField field, int order) {
        return switch (field.type()) {
            case TEXT -> new Open311Model.Attribute(true, field.name(), "string", field.required(),
                    "up to 500 characters", order, field.label(), null);
            case DATE -> new Open311Model.Attribute(true, field.name(), "datetime", field.required(),
                    "a date, yyyy-MM-dd", order, field.label(), null);
            case NUMBER -> new Open311Model.Attribute(true, field.name(), "number", field.required(),
                    "a number", order, field.label(), null);
            case BOOLEAN -> new Open311Model.Attribute(true, field.name(), "singlevaluelist", field.required(),
                    null, order, field.label(), List.of(new Open311Model.Value("true", "是"),
                            new Open311Model.Value("false", "否")));
        };
    }
}
