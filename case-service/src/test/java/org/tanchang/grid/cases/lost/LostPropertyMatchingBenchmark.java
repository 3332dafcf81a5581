package org.tanchang.grid.cases.lost;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.tanchang.grid.cases.incident.DeadlineSweepBenchmark;
import org.tanchang.grid.contracts.GeoPoint;
import org.tanchang.grid.platform.personaldata.ProtectedValue;

/**
 * Figures for issue 5, printed, not asserted (not run by the test command):
 * <ol>
 * <li>matching latency of one lost report against 10,000 found items: the in-memory scoring and ranking of
 * {@link MatchScorer} (what {@code GET /api/lost-reports/{id}/matches} does after loading the candidates), p50 and p99
 * over 500 runs after warm-up;</li>
 * <li>ranking quality on the scenario set: for each scenario the true item is hidden among the 10,000 and its rank is
 * reported (top-1 rate and mean reciprocal rank), and a look-alike holding another ID number must never appear;</li>
 * <li>the deadline sweep over 100,000 open cases against the Mongo wire server ({@link DeadlineSweepBenchmark}).</li>
 * </ol>
 */
public final class LostPropertyMatchingBenchmark {

    private static final String[] CATEGORIES = {"BAG", "WALLET", "PHONE", "DOCUMENTS", "KEYS", "OTHER"};
    private static final String[] WORDS = {"黑色", "棕色", "红色", "双肩", "背包", "钱包", "手机", "钥匙", "身份证", "银行卡",
            "充电宝", "雨伞", "眼镜", "皮质", "帆布", "挎包", "现金", "驾驶证", "药材", "当归"};
    private static final Instant BASE = Instant.parse("2026-11-28T06:00:00Z");

    record Scenario(String name, LostItem lost, FoundItem truth, FoundItem otherIdLookAlike) {
    }

    public static void main(String[] args) {
        MatchingProperties properties = new MatchingProperties(0.2, 0.15, 0.15, 0.35, 0.15, Duration.ofDays(3), 20,
                0.3, 10, Duration.ofDays(365));
        MatchScorer scorer = new MatchScorer(properties);
        Random random = new Random(20261129);
        List<FoundItem> found = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            found.add(randomItem(random, i));
        }
        List<Scenario> scenarios = scenarios();
        for (Scenario s : scenarios) {
            found.add(s.truth());
            found.add(s.otherIdLookAlike());
        }
        LostItem probe = scenarios.get(0).lost();
        for (int i = 0; i < 200; i++) {
            scorer.rank(probe, found);
        }
        long[] nanos = new long[500];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            scorer.rank(scenarios.get(i % scenarios.size()).lost(), found);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("matching, one lost report against %,d found items (in-memory scoring and ranking):%n",
                found.size());
        System.out.printf("  p50 %.2f ms, p99 %.2f ms%n", nanos[nanos.length / 2] / 1e6,
                nanos[(int) (nanos.length * 0.99)] / 1e6);
        double reciprocal = 0;
        int top1 = 0;
        for (Scenario s : scenarios) {
            List<String> ranked = scorer.rank(s.lost(), found).stream().map(c -> c.item().id).toList();
            int rank = ranked.indexOf(s.truth().id) + 1;
            boolean leaked = ranked.contains(s.otherIdLookAlike().id);
            System.out.printf("  %-40s true item at rank %s of %d; other-ID look-alike listed: %s%n", s.name(),
                    rank == 0 ? "-" : rank, ranked.size(), leaked);
            reciprocal += rank == 0 ? 0 : 1.0 / rank;
            top1 += rank == 1 ? 1 : 0;
        }
        System.out.printf("  ranking quality: top-1 %d/%d, MRR %.3f%n", top1, scenarios.size(),
                reciprocal / scenarios.size());
        DeadlineSweepBenchmark.run(100_000);
        System.exit(0);
    }

    private static FoundItem randomItem(Random random, int i) {
        FoundItem item = new FoundItem();
        item.id = "found-" + i;
        item.receiptNumber = String.format("621223-SW-20261128-%08d", i);
        item.status = LostStates.Found.IN_CUSTODY;
        item.item.category = CATEGORIES[random.nextInt(CATEGORIES.length)];
        StringBuilder description = new StringBuilder();
        for (int w = 0; w < 4; w++) {
            description.append(WORDS[random.nextInt(WORDS.length)]);
        }
        item.item.description = description.toString();
        item.item.from = BASE.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 10)));
        item.item.to = item.item.from;
        item.item.location = new GeoPoint(104.0 + random.nextDouble(), 33.6 + random.nextDouble());
        if (random.nextInt(5) == 0) {
            item.item.documents.add(document("ID_CARD", "hash-random-" + i));
        }
        return item;
    }

    private static List<Scenario> scenarios() {
        return List.of(
                scenario("traveller's bag at the service area", "BAG", "黑色双肩背包，内有身份证、两张银行卡和充电宝",
                        "黑色双肩包一个，里面有身份证和银行卡", new GeoPoint(104.55, 34.02), "hash-traveller"),
                scenario("farmer's wallet at the herb market", "WALLET", "棕色皮质钱包，内有现金和身份证",
                        "棕色钱包，有身份证", new GeoPoint(104.39, 34.04), "hash-farmer"),
                scenario("student's phone on the bus", "PHONE", "红色手机，手机壳上有卡通图案",
                        "红色手机一部，卡通手机壳", new GeoPoint(104.40, 34.05), null),
                scenario("driver's licence in the taxi", "DOCUMENTS", "驾驶证和行驶证，装在黑色皮套里",
                        "黑色皮套内有驾驶证", new GeoPoint(104.42, 34.03), "hash-driver"));
    }

    private static Scenario scenario(String name, String category, String lostText, String foundText,
            GeoPoint where, String idHash) {
        LostItem lost = new LostItem();
        lost.category = category;
        lost.description = lostText;
        lost.from = BASE.plus(Duration.ofHours(2));
        lost.to = BASE.plus(Duration.ofHours(4));
        lost.location = where;
        if (idHash != null) {
            lost.documents.add(document("ID_CARD", idHash));
        }
        FoundItem truth = new FoundItem();
        truth.id = "truth-" + name;
        truth.receiptNumber = "truth-" + name;
        truth.item.category = category;
        truth.item.description = foundText;
        truth.item.from = BASE.plus(Duration.ofHours(5));
        truth.item.location = new GeoPoint(where.longitude() + 0.01, where.latitude());
        if (idHash != null) {
            truth.item.documents.add(document("ID_CARD", idHash));
        }
        FoundItem lookAlike = new FoundItem();
        lookAlike.id = "lookalike-" + name;
        lookAlike.receiptNumber = "lookalike-" + name;
        lookAlike.item.category = category;
        lookAlike.item.description = lostText;   // word for word, to tempt the matcher
        lookAlike.item.from = BASE.plus(Duration.ofHours(3));
        lookAlike.item.location = where;
        lookAlike.item.documents.add(document("ID_CARD", "hash-someone-else-" + name));
        return new Scenario(name, lost, truth, lookAlike);
    }

    private static LostItem.DocumentNumber document(String type, String hash) {
        return new LostItem.DocumentNumber(type, new ProtectedValue("v1:bench:x", hash, "****"));
    }
}
