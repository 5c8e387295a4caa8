// display.theme and display.rotation: their validators, device_settings, and the light theme's
// slides (every colour from the theme, initials white on their hue in both).
#include "display/scene/schedule_settings.hpp"
#include "display/scene/slides.hpp"
#include "tests/support/fixtures.hpp"

#include <doctest/doctest.h>

#include <map>

using namespace podium::scene;

TEST_CASE("display settings: theme and rotation are read, and bad values keep the default") {
    CHECK(parse_theme(FieldValue{std::string("light")}).value() == ThemeName::light);
    CHECK(parse_theme(FieldValue{std::string("dark")}).value() == ThemeName::dark);
    CHECK(parse_theme(FieldValue{std::string("neon")}).error().message.find("\"neon\"") != std::string::npos);
    CHECK(parse_rotation(FieldValue{std::int64_t{90}}).value() == 90);
    CHECK(parse_rotation(FieldValue{std::string("270")}).value() == 270);
    CHECK_FALSE(parse_rotation(FieldValue{std::int64_t{45}}).ok());
    CHECK_FALSE(parse_rotation(FieldValue{std::string("90deg")}).ok());

    std::map<std::string, std::string> stored{{"display.theme", "light"}, {"display.rotation", "180"}};
    auto lookup = [&](const std::string& k) -> std::optional<std::string> {
        if (auto it = stored.find(k); it != stored.end()) return it->second;
        return std::nullopt;
    };
    std::vector<std::string> problems;
    auto s = device_settings(lookup, problems);
    CHECK(problems.empty());
    CHECK(s.theme == ThemeName::light);
    CHECK(s.rotation == 180);
    stored = {{"display.theme", "pink"}, {"display.rotation", "45"}};
    problems.clear();
    s = device_settings(lookup, problems);
    CHECK(s.theme == ThemeName::dark);
    CHECK(s.rotation == 0);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].find("display.") != std::string::npos);
}

TEST_CASE("light theme: the slide's background and text take the theme's colours") {
    const auto snapshot = podium::test::demo_snapshot();
    const auto view = make_view(snapshot, Audience::visitors, PrivacySettings{}, Lang::en);
    const SlideContext ctx = podium::test::context(1920, 1080);
    const auto& metrics = podium::test::metrics();
    const Theme light = light_theme();
    const auto list = build_slide(SlideKind::leaderboard, view, ctx, metrics, light);
    CHECK(list.background == light.bg_top);
    bool dark_text = false;
    for (const auto* t : list.texts()) dark_text |= t->color == light.text;
    CHECK(dark_text);
    const auto dark = build_slide(SlideKind::leaderboard, view, ctx, metrics);
    CHECK(dark.background == Theme{}.bg_top);
    CHECK_FALSE(list.background == dark.background);
}
