package org.tanchang.grid.platform.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service built on the platform, as a real service would be, to test the platform end to end. */
@SpringBootApplication
class PlatformTestApplication {
}
