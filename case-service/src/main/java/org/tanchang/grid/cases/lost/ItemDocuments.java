package org.tanchang.grid.cases.lost;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.tanchang.grid.platform.personaldata.ChineseIdNumber;
import org.tanchang.grid.platform.personaldata.Masker;
import org.tanchang.grid.platform.personaldata.PersonalData;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.problem.FieldError;

/** What lost reports and found items share on the way in: document numbers checked and protected, keyed ids. */
@Component
class ItemDocuments {

    private final PersonalData personalData;

    ItemDocuments(PersonalData personalData) {
        this.personalData = personalData;
    }

    List<LostItem.DocumentNumber> protect(String context, List<LostRequests.Document> documents) {
        if (documents == null) {
            return new ArrayList<>();
        }
        return new ArrayList<>(documents.stream().map(d -> new LostItem.DocumentNumber(d.type(),
                personalData.protect(context + "." + d.type(), d.number(),
                        d.type().equals("ID_CARD") ? Masker.ID_NUMBER : Masker.HIDDEN))).toList());
    }

    static List<FieldError> errors(List<LostRequests.Document> documents) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; documents != null && i < documents.size(); i++) {
            var d = documents.get(i);
            if ("ID_CARD".equals(d.type()) && d.number() != null && !ChineseIdNumber.check(d.number()).valid()) {
                errors.add(new FieldError("documents[" + i + "].number", ChineseIdNumber.check(d.number()).reason()));
            }
        }
        return errors;
    }

    /**
     * The id a create gets: random without an Idempotency-Key; with one, derived from the caller and the key, so the
     * same caller's retry finds its first object and another caller's equal key makes its own. The subject is
     * length-prefixed so that no subject/key pair can spell another one.
     */
    static String idOf(String prefix, Caller caller, String idempotencyKey) {
        if (idempotencyKey == null) {
            return prefix + UUID.randomUUID();
        }
        String name = "api:" + prefix + caller.subject().length() + ":" + caller.subject() + ":" + idempotencyKey;
        return prefix + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    static String gridOf(String areaCode) {
        return areaCode != null && areaCode.length() == 15 ? areaCode : null;
    }
}
