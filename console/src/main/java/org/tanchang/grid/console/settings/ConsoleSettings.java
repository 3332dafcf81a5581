package org.tanchang.grid.console.settings;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the pages need to know about the installation, none of it secret: the map's base layer (an XYZ tile URL such
 * as a provincial 天地图 service; empty: boundaries on a plain background, so the console works offline), where the
 * map opens, and the county's language, time zone and formats.
 *
 * @param tileUrl         XYZ template with {z}/{x}/{y} (and {s} if subdomains are given); empty for none
 * @param tileAttribution the provider's required credit line, shown on the map
 * @param tileSubdomains  values for {s}, e.g. 0..7 for 天地图's t0–t7
 * @param center          [latitude, longitude] where the map opens before the person's grids are drawn
 * @param zoom            the zoom it opens at
 * @param locale          the default language (zh-CN; en is the second)
 * @param timeZone        the county's zone for dates and times (Asia/Shanghai)
 * @param countyName      the name in the title bar
 */
@ConfigurationProperties("tanchang.console")
public record ConsoleSettings(String tileUrl, String tileAttribution, List<String> tileSubdomains, List<Double> center,
        int zoom, String locale, String timeZone, String countyName) {

    public ConsoleSettings {
        tileUrl = tileUrl == null ? "" : tileUrl.trim();
        tileAttribution = tileAttribution == null ? "" : tileAttribution;
        tileSubdomains = tileSubdomains == null ? List.of() : List.copyOf(tileSubdomains);
        center = center == null || center.size() != 2 ? List.of(34.05, 104.38) : List.copyOf(center);
        locale = locale == null || locale.isBlank() ? "zh-CN" : locale;
        timeZone = timeZone == null || timeZone.isBlank() ? "Asia/Shanghai" : timeZone;
        countyName = countyName == null ? "" : countyName;
    }
}
