package org.tanchang.grid.console.settings;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The two pages (the console and the grid member's phone page) under clean URLs, and the installation's settings the
 * pages read at start. Everything here is public: the pages hold no data, they ask the API through the gateway,
 * which answers by the signed-in person's roles and areas.
 */
@Controller
class PagesController {

    private final ConsoleSettings settings;

    PagesController(ConsoleSettings settings) {
        this.settings = settings;
    }

    @GetMapping({"/console", "/console/"})
    String console() {
        return "forward:/console/index.html";
    }

    @GetMapping({"/console/phone", "/console/phone/"})
    String phone() {
        return "forward:/console/phone.html";
    }

    @GetMapping("/console/settings.json")
    @ResponseBody
    ResponseEntity<ConsoleSettings> settings() {
        // short: an operator who changes the tile URL sees it on the next reload within a minute
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(1))).body(settings);
    }
}
