// The managed config's [display] theme and rotation: stored as the overlay and the player read
// them, and refused with the line and column of the bad value.
#include "display/app/kiosk_config.hpp"

#include <doctest/doctest.h>

using podium::app::check_config;

TEST_CASE("kiosk config: display theme and rotation") {
    const auto ok = check_config("[display]\ntheme = \"light\"\nrotation = 270\n", "lobby.toml");
    REQUIRE(ok.ok());
    CHECK(ok.values.at("display.theme") == "light");
    CHECK(ok.values.at("display.rotation") == "270");
    const auto bad = check_config("[display]\ntheme = \"neon\"\nrotation = 45\n", "lobby.toml");
    REQUIRE(bad.errors.size() == 2);
    CHECK(bad.errors[0].rfind("lobby.toml:2:", 0) == 0);
    CHECK(bad.errors[0].find("\"neon\"") != std::string::npos);
    CHECK(bad.errors[1].rfind("lobby.toml:3:", 0) == 0);
    CHECK(bad.errors[1].find("0, 90, 180 or 270") != std::string::npos);
}
