package org.tanchang.grid.gridservice;

/** Request bodies the tests share. */
final class GridTestData {

    private GridTestData() {
    }

    /** A closed square ring as GeoJSON Polygon, south-west corner at (west, south). */
    static String square(double west, double south, double side) {
        double e = west + side;
        double n = south + side;
        return "{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}"
                .formatted(west, south, e, south, e, n, west, n, west, south);
    }

    static String createGrid(String code, String name, String boundaryJson) {
        return "{\"code\":\"%s\",\"name\":\"%s\",\"boundary\":%s}".formatted(code, name, boundaryJson);
    }

    static String point(String gridCode, String name, double longitude, double latitude) {
        return """
                {"gridCode":"%s","name":"%s","location":{"longitude":%s,"latitude":%s},"keyPeriods":["19:00-22:00"]}
                """.formatted(gridCode, name, longitude, latitude);
    }

    static String route(String gridCode, double lon1, double lat1, double lon2, double lat2) {
        return """
                {"gridCode":"%s","name":"村道一号线","line":[{"longitude":%s,"latitude":%s},{"longitude":%s,"latitude":%s}]}
                """.formatted(gridCode, lon1, lat1, lon2, lat2);
    }

    static String plan(String gridCode, String memberId, String start, String end, String pointId) {
        return """
                {"gridCode":"%s","memberId":"%s","windowStart":"%s","windowEnd":"%s","pointIds":["%s"]}
                """.formatted(gridCode, memberId, start, end, pointId);
    }

    static String assignment(String role, String personId, String validFrom, String validTo) {
        return "{\"role\":\"%s\",\"personId\":\"%s\",\"personName\":\"李德明\",\"validFrom\":\"%s\"%s}".formatted(role,
                personId, validFrom, validTo == null ? "" : ",\"validTo\":\"" + validTo + "\"");
    }

    static String member(String id, String gridCode) {
        return """
                {"id":"%s","name":"李德明","force":"RETIRED_OFFICER","duties":["DISPUTE_MEDIATOR","POLICY_PUBLICIST"],
                 "gridCodes":["%s"],"mobile":"13800138000"}""".formatted(id, gridCode);
    }

    static String household(String gridCode, String idNumber) {
        return """
                {"gridCode":"%s","unitCode":"%s001","address":"理川镇杨家村一组12号","careTags":["ELDERLY_LIVING_ALONE"],
                 "residents":[{"name":"王秀英","relation":"户主","idNumber":"%s","mobile":"13800138000",
                               "careTags":["ELDERLY_LIVING_ALONE"]}]}""".formatted(gridCode, gridCode, idNumber);
    }

    static String unit(String name, double longitude, double latitude) {
        return """
                {"kind":"COMMUNITY_POLICE_OFFICE","name":"%s","longitude":%s,"latitude":%s,"contactName":"王建国"}"""
                .formatted(name, longitude, latitude);
    }

    static String publicity(String gridCode) {
        return """
                {"gridCode":"%s","topic":"ANTI_FRAUD","title":"树下反诈宣讲","place":"村口核桃树下","speaker":"李德明",
                 "heldAt":"2026-01-04T15:00:00+08:00","attendance":46,"materials":["反诈宣传册"]}""".formatted(gridCode);
    }

    static String sentiment(String gridCode) {
        return """
                {"gridCode":"%s","topic":"HERB_TRADE","peopleAffected":30,"mood":"CONCERNED","risk":"MEDIUM",
                 "summary":"药农议论当归收购价被压","source":"VISIT"}""".formatted(gridCode);
    }
}
