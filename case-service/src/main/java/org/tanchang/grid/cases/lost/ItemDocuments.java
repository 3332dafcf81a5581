package org.tanchang.grid.cases.lost;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.tanchang.grid.platform.personaldata.ChineseIdNumber;
import org.tanchang.grid.platform.personaldata.Masker;
import org.tanchang.grid.platform.personaldata.PersonalData;
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

    static String gridOf(String areaCode) {
        return areaCode != null && areaCode.length() == 15 ? areaCode : null;
    }
}
