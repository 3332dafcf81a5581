package org.tanchang.grid.system;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The console's browser tests alone, against a suite that is already running ({@code ./run.sh start}), for working
 * on the console: {@code ./mvnw -pl system-tests verify -Dit.test=ConsoleBrowserIT -Dsuite.attach=true}. The test
 * command runs the same tests on FanOutSystemIT's suite and skips this class.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT extends ConsoleInTheBrowser {

    @BeforeAll
    static void onlyAgainstARunningSuite() {
        assumeTrue(Boolean.getBoolean("suite.attach"), "runs with -Dsuite.attach=true against a running suite");
    }
}
