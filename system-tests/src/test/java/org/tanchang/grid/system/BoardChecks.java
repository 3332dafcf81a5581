package org.tanchang.grid.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * What a person sees on the boards (deadline board, window queue, trends), checked in a signed-in
 * {@link ConsoleBrowser}; called by {@link ConsoleBrowserIT} after it has made the matters these checks look for.
 * Each check reads a row in one script call, since a live-feed refresh may redraw the table between two Selenium
 * calls. Texts are the zh-CN ones the browser is started with.
 */
final class BoardChecks {

    /** How long a matter may take to reach the board: its service's event, the feed, the debounced reload. */
    static final Duration ARRIVAL = Duration.ofSeconds(60);
    private static final long REFRESH_EVERY_NANOS = Duration.ofSeconds(5).toNanos();

    static final Map<String, String> FLAG_TEXT = Map.of("RED", "红牌超期", "YELLOW", "黄牌预警");
    static final Map<String, String> KIND_TEXT = Map.of("incident", "案事件", "dispute", "矛盾纠纷", "visit", "回访",
            "request", "办事申请", "bundle-task", "一件事任务", "hazard", "安全隐患");

    /** The cells' texts, the flag and the matter link of the first row matching a selector; null while there is none. */
    private static final String READ_ROW = "const r = document.querySelector(arguments[0]); if (!r) return null;"
            + "const a = r.querySelector('a[href]');"
            + "return {flag: r.dataset.flag || '', cells: [...r.cells].map(c => c.innerText.trim()),"
            + " href: a ? a.getAttribute('href') : '', link: a ? a.innerText.trim() : ''};";

    private BoardChecks() {
    }

    /** Opens the deadline board (for {@link #deadlineBoardReceivesMatter}, before the matter turns yellow or red). */
    static void openDeadlineBoard(ConsoleBrowser browser) {
        browser.open("/console/#/deadlines");
        browser.screenReady();
        browser.find(By.id("deadline-updated"));
    }

    /**
     * Opens the deadline board and waits until the matter's row is there (pressing "Refresh" now and then, in case
     * the flag changed without a feed item), then checks the row as a person reads it: the flag in words, the kind,
     * the link to the matter, the due time and "overdue by" or "due in". Returns the row's flag (RED or YELLOW).
     */
    static String deadlineBoardListsMatter(ConsoleBrowser browser, String kind, String id) {
        openDeadlineBoard(browser);
        return assertRow(browser, kind, id, true, ARRIVAL);
    }

    /**
     * On a board opened earlier ({@link #openDeadlineBoard}), waits for the matter's row without touching the page:
     * it must come from the live feed (a feed item makes the board read its lists again). Returns the row's flag.
     */
    static String deadlineBoardReceivesMatter(ConsoleBrowser browser, String kind, String id) {
        return assertRow(browser, kind, id, false, ARRIVAL);
    }

    /** The same, waiting as long as given (a hazard rising GRID → TOWNSHIP → COUNTY is red for good only at the top). */
    static String deadlineBoardReceivesMatter(ConsoleBrowser browser, String kind, String id, Duration within) {
        return assertRow(browser, kind, id, false, within);
    }

    @SuppressWarnings("unchecked")
    private static String assertRow(ConsoleBrowser browser, String kind, String id, boolean pressRefresh,
            Duration within) {
        String selector = "#deadline-table tr[data-kind='" + kind + "'][data-id='" + id + "']";
        long[] lastRefresh = {System.nanoTime()};
        Map<String, Object> row = browser.until(within, driver -> {
            Object found = ((JavascriptExecutor) driver).executeScript(READ_ROW, selector);
            if (found != null) {
                return (Map<String, Object>) found;
            }
            List<WebElement> refresh = driver.findElements(By.id("deadline-refresh"));
            if (pressRefresh && !refresh.isEmpty() && refresh.get(0).isEnabled()
                    && System.nanoTime() - lastRefresh[0] > REFRESH_EVERY_NANOS) {
                refresh.get(0).click();
                lastRefresh[0] = System.nanoTime();
            }
            return null;
        });
        String flag = (String) row.get("flag");
        List<String> cells = (List<String>) row.get("cells");
        assertThat(flag).as("the flag of %s %s", kind, id).isIn("RED", "YELLOW");
        assertThat(cells).as("the row of %s %s: flag, kind, matter, grid, handler, due, overdue by/due in", kind, id)
                .hasSize(7);
        assertThat(cells.get(0)).as("the flag in words, not colour alone").isEqualTo(FLAG_TEXT.get(flag));
        assertThat(cells.get(1)).as("the kind").isEqualTo(KIND_TEXT.get(kind));
        if (!"bundle-task".equals(kind)) {
            assertThat(row.get("href")).as("the link to the matter").isEqualTo("#/matter/" + kind + "/" + id);
        }
        assertThat(cells.get(5)).as("the due time").matches("\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}");
        assertThat(cells.get(6)).as("overdue by / due in").matches("(已超期|剩余) .+");
        assertThat(browser.text(By.id("deadline-counts"))).as("the counts above the table")
                .contains(FLAG_TEXT.get("RED"), FLAG_TEXT.get("YELLOW"));
        return flag;
    }

    /** The board's kind filter keeps only that kind; "all kinds" brings the rest back. */
    static void deadlineBoardFiltersByKind(ConsoleBrowser browser, String kind) {
        Select kinds = new Select(browser.find(By.id("deadline-kind")));
        kinds.selectByValue(kind);
        List<String> shown = browser.until(driver -> {
            Object kindsShown = ((JavascriptExecutor) driver).executeScript("return [...document.querySelectorAll("
                    + "'#deadline-table tbody tr')].map(r => r.dataset.kind)");
            return kindsShown == null ? null : castList(kindsShown);
        });
        assertThat(shown).as("rows when filtered by %s", kind).isNotEmpty().containsOnly(kind);
        kinds.selectByValue("");
    }

    /**
     * Opens the window's queue and waits for the request's row (its number linking to the matter, its item and
     * state, how long it has waited); the service levels table (or its "nothing measured yet") is below it.
     */
    @SuppressWarnings("unchecked")
    static void windowQueueShowsRequest(ConsoleBrowser browser, String requestId, String number) {
        browser.open("/console/#/window");
        browser.screenReady();
        String selector = "#window-table tr[data-kind='request'][data-id='" + requestId + "']";
        long[] lastRefresh = {System.nanoTime()};
        Map<String, Object> row = browser.until(ARRIVAL, driver -> {
            Object found = ((JavascriptExecutor) driver).executeScript(READ_ROW, selector);
            if (found != null) {
                return (Map<String, Object>) found;
            }
            List<WebElement> refresh = driver.findElements(By.id("window-refresh"));
            if (!refresh.isEmpty() && refresh.get(0).isEnabled()
                    && System.nanoTime() - lastRefresh[0] > REFRESH_EVERY_NANOS) {
                refresh.get(0).click();
                lastRefresh[0] = System.nanoTime();
            }
            return null;
        });
        List<String> cells = (List<String>) row.get("cells");
        assertThat(row.get("link")).as("the request's number").isEqualTo(number);
        assertThat(row.get("href")).as("the link to the request").isEqualTo("#/matter/request/" + requestId);
        assertThat(cells).as("number, item, state, grid, submitted, waiting, due, due in, flag").hasSize(9);
        assertThat(cells.get(1)).as("the item").isNotBlank();
        assertThat(cells.get(2)).as("the state").isNotBlank();
        assertThat(cells.get(5)).as("how long it has waited").matches("\\d+(天|小时|分钟).*");
        assertThat(cells.get(8)).as("the flag in words").isIn("正常", "黄牌预警", "红牌超期");
        WebElement levels = browser.until(driver -> driver.findElements(By.cssSelector("#levels-table, "
                + "#levels-title ~ div .board-empty")).stream().findFirst().orElse(null));
        assertThat(levels.getText()).as("the service levels").isNotBlank();
    }

    /**
     * Opens the trends and checks that every chart is drawn and has a data table with the same numbers: one row per
     * week (12) by default, one per day (14) after choosing "by day".
     */
    static void trendsDrawCharts(ConsoleBrowser browser) {
        browser.open("/console/#/trends");
        browser.screenReady();
        browser.until(driver -> !driver.findElements(By.id("trend-reports-canvas")).isEmpty());
        assertChartsMatchTables(browser, 12);
        new Select(browser.find(By.id("trends-period"))).selectByValue("DAY");
        browser.until(driver -> Long.valueOf(14).equals(((JavascriptExecutor) driver).executeScript(
                "return document.querySelectorAll('#trend-reports-table tbody tr').length")));
        assertChartsMatchTables(browser, 14);
        new Select(browser.find(By.id("trends-period"))).selectByValue("WEEK");
        browser.until(driver -> Long.valueOf(12).equals(((JavascriptExecutor) driver).executeScript(
                "return document.querySelectorAll('#trend-reports-table tbody tr').length")));
    }

    /** Per period chart: drawn by Chart.js, captioned like its heading, and its first series equal to its table's. */
    @SuppressWarnings("unchecked")
    private static void assertChartsMatchTables(ConsoleBrowser browser, int periods) {
        List<Map<String, Object>> figures = (List<Map<String, Object>>) browser.script(
                "return [...document.querySelectorAll('#trends-body section.trend')].filter(s => s.querySelector"
                + "('canvas')).map(s => { const c = s.querySelector('canvas'); const chart = window.Chart &&"
                + " window.Chart.getChart(c); const rows = [...s.querySelectorAll('tbody tr')];"
                + " return {id: s.id, title: s.querySelector('h2').textContent.trim(), drawn: !!chart,"
                + " caption: s.querySelector('table caption').textContent.trim(), rows: rows.length,"
                + " chart: chart ? chart.data.datasets[0].data.map(n => n === null ? null : Number(n)) : [],"
                + " table: rows.map(r => r.cells[1].textContent.trim()),"
                + " percent: rows.some(r => r.cells[1].textContent.includes('%'))}; })");
        assertThat(figures).extracting(f -> f.get("id")).as("the charts drawn")
                .contains("trend-reports", "trend-findings");
        for (Map<String, Object> figure : figures) {
            String id = (String) figure.get("id");
            assertThat(figure.get("drawn")).as("%s is drawn", id).isEqualTo(true);
            assertThat(figure.get("caption")).as("%s's table caption", id).isEqualTo(figure.get("title"));
            if (id.equals("trend-children") || id.equals("trend-ontime")) {
                continue;   // one row per area, not per period
            }
            assertThat(((Number) figure.get("rows")).intValue()).as("%s's periods", id).isEqualTo(periods);
            if (!Boolean.TRUE.equals(figure.get("percent"))) {
                List<Object> chart = (List<Object>) figure.get("chart");
                List<Object> table = (List<Object>) figure.get("table");
                for (int i = 0; i < table.size(); i++) {
                    String cell = String.valueOf(table.get(i)).replaceAll("[^0-9.]", "");
                    Object value = chart.get(i);
                    assertThat(cell.isEmpty() ? null : Double.valueOf(cell)).as("%s period %d: table and chart", id, i)
                            .isEqualTo(value == null ? null : ((Number) value).doubleValue());
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object value) {
        return (List<String>) value;
    }
}
