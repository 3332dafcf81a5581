package org.tanchang.grid.gridservice.sentiment;

/** The codes a piece of public sentiment is recorded with; the warning rules and statistics read them by name. */
final class SentimentCodes {

    private SentimentCodes() {
    }

    /** What it is about (a category; the recorder may add their own words in {@code topicDetail}). */
    enum Topic { LAND, WAGES, HERB_TRADE, ROAD, WATER, HOUSING, SOCIAL_SECURITY, EDUCATION, MEDICAL, ENVIRONMENT,
        POLICY, SAFETY, OTHER }

    enum Mood { CALM, CONCERNED, ANXIOUS, ANGRY }

    enum Risk { LOW, MEDIUM, HIGH }

    /** Where it was heard: a patrol finding (opened from the report's event), the window, a visit, said directly. */
    enum Source { PATROL_FINDING, WINDOW, VISIT, DIRECT }
}
