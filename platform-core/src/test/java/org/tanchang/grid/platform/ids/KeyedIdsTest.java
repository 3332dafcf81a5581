package org.tanchang.grid.platform.ids;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The ids each endpoint stored before the derivations moved here, for a fixed caller and key (computed with the code
 * the endpoints had): a retry after an upgrade must find the object its first attempt stored.
 */
class KeyedIdsTest {

    @Test
    void incidentsAndDisputesKeepTheirNameBasedIds() {
        assertThat(KeyedIds.nameBased("inc-").of("officer.lichuan", "desk-0001"))
                .isEqualTo("inc-414f329e-438f-3197-9d23-a47dadc6064b");
        assertThat(KeyedIds.nameBased("dispute-").of("officer.lichuan", "desk-0001"))
                .isEqualTo("dispute-414f329e-438f-3197-9d23-a47dadc6064b");
    }

    @Test
    void lostReportsAndFoundItemsKeepTheirPrefixInTheName() {
        assertThat(KeyedIds.nameBased("lost-", "lost-").of("officer.lichuan", "desk-0001"))
                .isEqualTo("lost-1f044219-40a6-34b9-8bec-06801dd6dd7b");
        assertThat(KeyedIds.nameBased("found-", "found-").of("officer.lichuan", "desk-0001"))
                .isEqualTo("found-34129583-d564-3bb6-8e48-9dcb7138602b");
    }

    @Test
    void patrolReportsKeepTheirSha256Ids() {
        assertThat(KeyedIds.sha256("pr-").of("member.yangjia", "desk-0001"))
                .isEqualTo("pr-4e33443cb064afec539aebdaf3041672");
    }

    @Test
    void anotherCallersEqualKeyIsAnotherId() {
        KeyedIds ids = KeyedIds.nameBased("inc-");
        assertThat(ids.of("officer.lichuan", "desk-0001")).isNotEqualTo(ids.of("officer.muer", "desk-0001"));
        // length prefix: "ab" + "c:d" cannot spell "abc" + "d"
        assertThat(ids.of("ab", "c:d")).isNotEqualTo(ids.of("ab:c", "d"));
    }

    @Test
    void withoutAKeyEveryCallIsNew() {
        KeyedIds ids = KeyedIds.sha256("pr-");
        assertThat(ids.of("member.yangjia", null)).startsWith("pr-").isNotEqualTo(ids.of("member.yangjia", null));
    }
}
