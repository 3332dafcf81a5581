package org.tanchang.grid.gridservice.publicity;

/** What a talk or campaign is about (宣讲主题). */
public enum Topic {
    ANTI_FRAUD, LAW, TRAFFIC_SAFETY, FIRE_SAFETY, DRUG_CONTROL, ANTI_GAMBLING, ANTI_PYRAMID_SELLING, POLICY, OTHER
}
