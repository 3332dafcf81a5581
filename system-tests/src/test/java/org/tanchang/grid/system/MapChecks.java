package org.tanchang.grid.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * What a person sees on the command map (js/screens/map.js), for the console's browser tests to call with a browser
 * signed in as the person: the grids of their areas and nobody else's (the grid table is the map's accessible
 * equivalent, so it is what the checks read), a grid's side panel, and a live item arriving without a reload.
 */
final class MapChecks {

    /** The demo's townships: 理川镇, 木耳乡, 何家堡乡. */
    static final Set<String> DEMO_TOWNSHIPS = Set.of("621223101", "621223102", "621223103");
    static final Set<String> YANGJIA_GRIDS = Set.of("621223101001001", "621223101001002");
    private static final By TABLE_ROWS = By.cssSelector("#map-grid-table tbody tr[data-grid]");

    private MapChecks() {
    }

    /** Opens the map and waits until its boundaries and figures are drawn; returns the grid codes of its table. */
    static List<String> openMap(ConsoleBrowser browser) {
        browser.open("/console/#/map");
        browser.screenReady();
        browser.find(By.cssSelector("[data-map][data-map-ready=true]"));
        return gridCodes(browser);
    }

    static List<String> gridCodes(ConsoleBrowser browser) {
        return browser.all(TABLE_ROWS).stream().map(row -> row.getAttribute("data-grid")).toList();
    }

    /** supervisor.county: every demo township's grids, on the map and in its table, with a legend in numbers. */
    static void countySupervisorSeesEveryTownship(ConsoleBrowser browser) {
        List<String> codes = openMap(browser);
        assertThat(codes.stream().map(code -> code.substring(0, 9)).collect(Collectors.toSet()))
                .as("the townships of the grids %s sees", browser.username()).containsAll(DEMO_TOWNSHIPS);
        assertThat(Integer.parseInt(browser.find(By.cssSelector("[data-map]")).getAttribute("data-grids-drawn")))
                .as("boundaries drawn on the map").isEqualTo(codes.size());
        // the legend names each colour class by its numbers, not by colour alone
        assertThat(browser.text(By.id("map-legend"))).as("the legend").contains("在办案事件").containsPattern("\\d+ 件");
        assertThat(browser.text(By.id("map-problems"))).as("errors on the map").isEmpty();
        browser.screenshot("map");
        assertThat(browser.accessibilityViolations()).as("serious accessibility violations on the map").isEmpty();
    }

    /** supervisor.lichuan: the grids of 理川镇 and none of another township. */
    static void townshipSupervisorSeesOnlyTheirTownship(ConsoleBrowser browser) {
        List<String> codes = openMap(browser);
        assertThat(codes).as("the grids %s sees", browser.username()).isNotEmpty()
                .allSatisfy(code -> assertThat(code).startsWith("621223101"));
    }

    /** member.yangjia: exactly the two grids of 杨家村 they are the member of. */
    static void memberSeesOnlyTheirGrids(ConsoleBrowser browser) {
        List<String> codes = openMap(browser);
        assertThat(codes).as("the grids %s sees", browser.username()).containsExactlyInAnyOrderElementsOf(YANGJIA_GRIDS);
    }

    /**
     * A mediator may read grids and disputes but no incidents, hazards or patrol points: the map shows their
     * township's grids and no error, since a list the role does not have is nothing to show rather than a failure.
     */
    static void mediatorSeesGridsWithoutErrors(ConsoleBrowser browser) {
        List<String> codes = openMap(browser);
        assertThat(codes).as("the grids %s sees", browser.username()).isNotEmpty()
                .allSatisfy(code -> assertThat(code).startsWith("621223101"));
        assertThat(browser.text(By.id("map-problems"))).as("errors on the map").isEmpty();
        assertThat(browser.all(By.cssSelector(".map-marker-incident.leaflet-marker-icon")))
                .as("incident markers for a mediator").isEmpty();
    }

    /**
     * Choosing a grid in the table (as a keyboard user would) opens its panel: its name with the focus on it, its
     * code, its roster and its open matters as links to their screens.
     */
    static void choosingAGridShowsItsRosterAndMatters(ConsoleBrowser browser, String gridCode, String rosterName) {
        openMap(browser);
        browser.click(By.cssSelector("#map-grid-table button[data-grid='" + gridCode + "']"));
        WebElement title = browser.find(By.id("map-side-title"));
        String name = browser.text(By.cssSelector("#map-grid-table button[data-grid='" + gridCode + "']"));
        browser.until(d -> name.equals(title.getText()));
        assertThat(browser.script("return document.activeElement.id")).as("focus after choosing a grid")
                .isEqualTo("map-side-title");
        assertThat(browser.text(By.id("map-side"))).as("the grid's panel").contains(gridCode);
        browser.until(d -> !d.findElements(By.cssSelector("#map-side-roster li")).isEmpty());
        assertThat(browser.text(By.id("map-side-roster"))).as("the grid's roster").contains(rosterName);
        assertThat(browser.all(By.cssSelector("#map-side-matters a")))
                .as("links of the grid's open matters")
                .allSatisfy(a -> assertThat(a.getAttribute("href")).matches(".*#/matter/(incident|dispute|hazard)/.+"));
    }

    /**
     * A patrol report submitted elsewhere appears in "实时动态" without a reload: an entry for the report, naming its
     * grid, and the grid's row marked as the one it came from.
     */
    static void liveItemArrives(ConsoleBrowser browser, String reportId, String gridCode) {
        By entry = By.cssSelector("#map-live-list li[data-type=PatrolReportSubmitted][data-subject='" + reportId + "']");
        WebElement item = browser.until(Duration.ofSeconds(30), d -> d.findElements(entry).stream().findFirst().orElse(null));
        String gridName = browser.text(By.cssSelector("#map-grid-table button[data-grid='" + gridCode + "']"));
        assertThat(item.getText()).as("the live entry").contains("提交巡查报告").contains(gridName);
        assertThat(browser.find(By.cssSelector("#map-grid-table tr[data-grid='" + gridCode + "']")).getAttribute("class"))
                .as("the grid the report came from is marked").contains("lit");
    }
}
