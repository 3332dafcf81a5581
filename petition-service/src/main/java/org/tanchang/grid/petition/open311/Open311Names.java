package org.tanchang.grid.petition.open311;

import java.util.Map;

/** The Open311 parameter behind a field of the window's request, so an error names what the client sent. */
final class Open311Names {

    private static final Map<String, String> NAMES = Map.of("itemCode", "service_code",
            "gridCode", "attribute[" + Open311Services.GRID_CODE + "]",
            "applicant.idNumber", "attribute[" + Open311Services.ID_NUMBER + "]",
            "applicant.name", "first_name/last_name", "applicant.phone", "phone", "location.latitude", "lat",
            "location.longitude", "long", "location.address", "address_string", "location.mediaUrl", "media_url");

    private Open311Names() {
    }

    static String of(String field) {
        if (field.startsWith("fields.")) {
            return "attribute[" + field.substring("fields.".length()) + "]";
        }
        if (field.startsWith("fields[")) {
            return "attribute[" + field.substring("fields[".length(), field.indexOf(']')) + "]";
        }
        return NAMES.getOrDefault(field, field);
    }
}
