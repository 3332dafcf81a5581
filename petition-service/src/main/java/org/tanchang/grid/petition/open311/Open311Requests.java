package org.tanchang.grid.petition.open311;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;
import org.tanchang.grid.petition.request.RequestState;
import org.tanchang.grid.petition.request.RequestView;
import org.tanchang.grid.petition.request.SubmitRequest;

/**
 * Requests between Open311 and the window. Status: {@code open} while the service is owed (SUBMITTED, PRECHECKED,
 * INCOMPLETE, ACCEPTED, IN_PROCESS), {@code closed} once it was delivered, refused or referred (COMPLETED, REFUSED,
 * CLOSED, RATED, REFERRED); the status notes say which.
 */
final class Open311Requests {

    private Open311Requests() {
    }

    /** The form of POST requests.{format}; {@code attribute[code]} answers the service definition's attributes. */
    static SubmitRequest submission(MultiValueMap<String, String> form, String gridFromLocation) {
        Map<String, String> fields = new LinkedHashMap<>();
        form.forEach((key, values) -> {
            if (key.startsWith("attribute[") && key.endsWith("]") && !values.isEmpty()) {
                fields.put(key.substring("attribute[".length(), key.length() - 1), values.get(0));
            }
        });
        String grid = fields.remove(Open311Services.GRID_CODE);
        String idNumber = fields.remove(Open311Services.ID_NUMBER);
        String name = String.join("", nonNull(form.getFirst("last_name")), nonNull(form.getFirst("first_name")));
        Double lat = number(form.getFirst("lat"));
        Double lon = number(form.getFirst("long"));
        String address = form.getFirst("address_string");
        String media = form.getFirst("media_url");
        SubmitRequest.Location location = lat == null && lon == null && address == null && media == null ? null
                : new SubmitRequest.Location(address, lat, lon, media);
        return new SubmitRequest(form.getFirst("service_code"), grid != null ? grid : gridFromLocation, null,
                new SubmitRequest.Applicant(name.isBlank() ? null : name, idNumber, blankToNull(form.getFirst("phone"))),
                fields, List.of(), form.getFirst("description"), location, null);
    }

    static Open311Model.Request request(RequestView r) {
        RequestView.LocationView at = r.location();
        OffsetDateTime updated = r.timeline().isEmpty() ? r.submittedAt()
                : r.timeline().get(r.timeline().size() - 1).at();
        return new Open311Model.Request(r.id(), r.state().isOpen() ? "open" : "closed", notes(r), r.itemName(),
                r.itemCode(), r.timeline().isEmpty() ? null : r.timeline().get(0).remark(), r.responsibleUnit(),
                notice(r), text(r.submittedAt()), text(updated), text(r.serviceLevel().completionDueAt()),
                at == null ? null : at.address(), null, null, at == null ? null : at.latitude(),
                at == null ? null : at.longitude(), at == null ? null : at.mediaUrl());
    }

    static String notice(RequestView r) {
        return "办件编号 " + r.number() + "，承诺时限 " + r.serviceLevel().completionLimit();
    }

    private static String notes(RequestView r) {
        return switch (r.state()) {
            case INCOMPLETE -> "请一次性补齐材料：" + String.join("、", r.missingMaterials());
            case REFUSED -> "不予受理：" + r.refusalReason();
            case REFERRED -> "已转" + ("CASE".equals(r.referral().target()) ? "案件办理" : "矛盾纠纷调解") + "："
                    + r.referral().reason();
            default -> r.state() + (r.waitingFor().isEmpty() ? "" : "；" + String.join("；", r.waitingFor()));
        };
    }

    /** Open311's status filter: open, closed or both (comma-separated). */
    static List<RequestState> states(String status) {
        if (status == null || status.isBlank()) {
            return List.of();
        }
        boolean open = status.contains("open");
        boolean closed = status.contains("closed");
        return Arrays.stream(RequestState.values()).filter(s -> s.isOpen() ? open : closed).toList();
    }

    private static String text(OffsetDateTime time) {
        return time == null ? null : time.toString();
    }

    private static Double number(String text) {
        try {
            return text == null || text.isBlank() ? null : Double.valueOf(text);
        } catch (NumberFormatException e) {
            throw Open311Exception.badRequest("lat/long: must be decimal degrees");
        }
    }

    private static String nonNull(String text) {
        return text == null ? "" : text.strip();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
