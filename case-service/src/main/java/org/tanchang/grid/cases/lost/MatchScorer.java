package org.tanchang.grid.cases.lost;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tanchang.grid.contracts.GeoPoint;

/**
 * Scores a found item against a lost report: category, time (found within or shortly after the loss window),
 * distance, document numbers (equal keyed hashes: the strongest evidence there is) and description similarity
 * (character-bigram Jaccard, which works for Chinese without word segmentation). A document of the same type with a
 * different number vetoes the pair: it is someone else's ID card, however similar the bag.
 */
final class MatchScorer {

    /** One ranked candidate and why it scored. */
    record Candidate(FoundItem item, double score, List<String> reasons) {
    }

    private final MatchingProperties p;

    MatchScorer(MatchingProperties properties) {
        this.p = properties;
    }

    List<Candidate> rank(LostItem lost, List<FoundItem> found) {
        List<Candidate> candidates = new ArrayList<>();
        Set<String> lostBigrams = bigrams(lost.description);   // once, not once per found item
        for (FoundItem item : found) {
            score(lost, lostBigrams, item).filter(c -> c.score() >= p.minimumScore()).ifPresent(candidates::add);
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed()
                .thenComparing(c -> c.item().receiptNumber));
        return candidates.size() > p.maxCandidates() ? candidates.subList(0, p.maxCandidates()) : candidates;
    }

    Optional<Candidate> score(LostItem lost, FoundItem found) {
        return score(lost, bigrams(lost.description), found);
    }

    private Optional<Candidate> score(LostItem lost, Set<String> lostBigrams, FoundItem found) {
        List<String> reasons = new ArrayList<>();
        double documents = 0;
        for (LostItem.DocumentNumber mine : lost.documents) {
            for (LostItem.DocumentNumber theirs : found.item.documents) {
                if (!mine.type().equals(theirs.type())) {
                    continue;
                }
                if (!mine.number().hash().equals(theirs.number().hash())) {
                    return Optional.empty();
                }
                documents = 1;
                reasons.add(mine.type() + " number matches");
            }
        }
        double category = lost.category.equals(found.item.category) ? 1 : 0;
        if (category > 0) {
            reasons.add("same category " + lost.category);
        }
        double time = time(lost, found.item);
        if (time > 0) {
            reasons.add(time == 1 ? "found within the loss window" : "found shortly after the loss window");
        }
        double distance = distance(lost.location, found.item.location, reasons);
        double description = jaccard(lostBigrams, bigrams(found.item.description));
        if (description > 0.2) {
            reasons.add(String.format("similar description (%.2f)", description));
        }
        double total = p.categoryWeight() + p.timeWeight() + p.distanceWeight() + p.documentWeight()
                + p.descriptionWeight();
        double score = (p.categoryWeight() * category + p.timeWeight() * time + p.distanceWeight() * distance
                + p.documentWeight() * documents + p.descriptionWeight() * description) / total;
        return Optional.of(new Candidate(found, Math.round(score * 1000) / 1000.0, reasons));
    }

    private double time(LostItem lost, LostItem found) {
        if (found.from.isBefore(lost.from.minus(Duration.ofHours(1)))) {
            return 0;   // found before it was lost: another item
        }
        if (!found.from.isAfter(lost.to)) {
            return 1;
        }
        double late = Duration.between(lost.to, found.from).toMillis() / (double) p.timeSlack().toMillis();
        return Math.max(0, 1 - late);
    }

    private double distance(GeoPoint a, GeoPoint b, List<String> reasons) {
        if (a == null || b == null) {
            return 0.5;   // unknown is neither for nor against
        }
        double km = kilometres(a, b);
        if (km < 2) {
            reasons.add(String.format("found %.1f km from where it was lost", km));
        }
        return Math.pow(0.5, km / p.distanceScaleKm());
    }

    static double kilometres(GeoPoint a, GeoPoint b) {
        double lat1 = Math.toRadians(a.latitude());
        double lat2 = Math.toRadians(b.latitude());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.longitude() - a.longitude());
        double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6371 * Math.asin(Math.sqrt(h));
    }

    /** Jaccard similarity of the sets of adjacent character pairs, ignoring blanks and punctuation. */
    static double bigramJaccard(String a, String b) {
        return jaccard(bigrams(a), bigrams(b));
    }

    private static double jaccard(Set<String> x, Set<String> y) {
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        Set<String> both = new HashSet<>(x);
        both.retainAll(y);
        return both.size() / (double) (x.size() + y.size() - both.size());
    }

    private static Set<String> bigrams(String text) {
        Set<String> grams = new HashSet<>();
        if (text == null) {
            return grams;
        }
        StringBuilder letters = new StringBuilder(text.length());
        text.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase)
                .forEach(letters::appendCodePoint);
        for (int i = 0; i + 1 < letters.length(); i++) {
            grams.add(letters.substring(i, i + 2));
        }
        return grams;
    }
}
