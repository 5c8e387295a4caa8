// The managed config's schedule, privacy and display tables: each key's valid values and the
// setting text they become (canonical JSON for the playlist, windows and weights), invalid ones
// with line, column and path, every problem reported in file order, and applying them.
#include "../sync/store_support.hpp"
#include "display/app/kiosk_config.hpp"
#include "display/scene/schedule_settings.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

using namespace podium::test::store_support;
using podium::app::apply_config;
using podium::app::check_config;
using podium::app::check_config_file;
using podium::app::ConfigCheck;
using podium::app::ConfigValues;

namespace {

ConfigCheck check(std::string_view text) {
    return check_config(text, "podium.toml");
}

// `key = value` in [table], on line 3 after a comment and the header; column = key size + 4.
std::string one_key(std::string_view table, std::string_view key, std::string_view value) {
    return "# managed by IT\n[" + std::string(table) + "]\n" + std::string(key) + " = " +
           std::string(value) + "\n";
}

bool contains(const std::string& s, std::string_view part) {
    return s.find(part) != std::string::npos;
}

// The problems device_settings finds in a set of values, as the device would read them.
std::vector<std::string> device_problems(const ConfigValues& values) {
    std::vector<std::string> problems;
    podium::scene::device_settings(
        [&](const std::string& key) -> std::optional<std::string> {
            const auto it = values.find(key);
            return it == values.end() ? std::nullopt : std::optional(it->second);
        },
        problems);
    return problems;
}

struct Case {
    std::string_view table, key;
    std::string value;
    std::string_view setting;
    std::string expected; // the setting's text, or the message after "table.key: "
};

} // namespace

TEST_CASE("config: display, screen-off commands, interrupts and privacy become settings") {
    const Case cases[] = {
        {"display", "time_zone", "\"Europe/Amsterdam\"", "display.time_zone", "Europe/Amsterdam"},
        {"display", "time_zone", "\"UTC\"", "display.time_zone", "UTC"},
        {"display", "time_zone", "\"\"", "display.time_zone", ""},
        {"display", "text_size", "1.25", "display.text_size", "1.25"},
        {"display", "text_size", "1", "display.text_size", "1"},
        {"display", "text_size", "0.75", "display.text_size", "0.75"},
        {"display", "text_size", "1.5", "display.text_size", "1.5"},
        {"display", "transition", "\"slide\"", "display.transition", "slide"},
        {"display", "transition", "\"crossfade\"", "display.transition", "crossfade"},
        {"display", "stale_after", "\"45m\"", "display.stale_after", "2700"},
        {"display", "stale_after", "86400", "display.stale_after", "86400"},
        {"screen_off", "on_enter", "\"cec-ctl --to 0 --standby\"", "schedule.screen_off_command",
         "cec-ctl --to 0 --standby"},
        {"screen_off", "on_enter", "\"\"", "schedule.screen_off_command", ""},
        {"screen_off", "on_leave", "'cec-ctl --to 0 --image-view-on'", "schedule.screen_on_command",
         "cec-ctl --to 0 --image-view-on"},
        {"interrupts", "internal", "true", "schedule.interrupts.internal", "true"},
        {"interrupts", "public", "false", "schedule.interrupts.public", "false"},
        {"privacy.public", "names", "\"initials\"", "privacy.public.names", "initials"},
        {"privacy.public", "names", "\"first_initial\"", "privacy.public.names", "first_initial"},
        {"privacy.internal", "names", "\"anonymous\"", "privacy.internal.names", "anonymous"},
        {"privacy.internal", "money", "false", "privacy.internal.money", "false"},
        {"privacy.public", "figures", "true", "privacy.public.figures", "true"},
        {"privacy.public", "teams", "false", "privacy.public.teams", "false"},
        {"privacy.public", "without_consent", "\"omit\"", "privacy.public.without_consent", "omit"},
        {"privacy.internal", "without_consent", "\"anonymise\"", "privacy.internal.without_consent",
         "anonymise"},
        {"privacy.public", "team_min", "5", "privacy.public.team_min", "5"},
        {"privacy.internal", "team_min", "1", "privacy.internal.team_min", "1"},
        {"privacy.public", "success_titles", "\"shown\"", "privacy.public.success_titles", "shown"},
        {"privacy.public", "success_stories", "\"hidden\"", "privacy.public.success_stories", "hidden"},
        {"privacy.internal", "success_titles", "\"hidden\"", "privacy.internal.success_titles", "hidden"},
        {"privacy.internal", "success_stories", "\"shown\"", "privacy.internal.success_stories", "shown"},
    };
    for (const Case& c : cases) {
        const std::string text = one_key(c.table, c.key, c.value);
        CAPTURE(text);
        const ConfigCheck result = check(text);
        CHECK(result.errors == std::vector<std::string>{});
        CHECK(result.values == ConfigValues{{std::string(c.setting), c.expected}});
        CHECK(device_problems(result.values) == std::vector<std::string>{});
    }
}

TEST_CASE("config: invalid display, schedule, privacy and scoring values name line and column") {
    const Case cases[] = {
        {"display", "time_zone", "\"Europe/Amsterdan\"", "",
         "unknown time zone \"Europe/Amsterdan\""},
        {"display", "time_zone", "\"../etc/passwd\"", "", "expected an IANA time zone"},
        {"display", "time_zone", "1", "",
         "expected an IANA time zone such as \"Europe/Amsterdam\" "
         "(or \"\" for the system's), got 1"},
        {"display", "text_size", "2", "", "expected a number from 0.75 to 1.5, got 2"},
        {"display", "text_size", "0.5", "", "got 0.5"},
        {"display", "text_size", "\"1.25\"", "", "got \"1.25\""},
        {"display", "transition", "\"wipe\"", "",
         "expected \"crossfade\" or \"slide\", got \"wipe\""},
        {"display", "stale_after", "\"10s\"", "", "expected a duration from 1 minute to 7 days"},
        {"display", "stale_after", "\"soon\"", "", "got \"soon\""},
        {"screen_off", "on_enter", "\"a\\nb\"", "", "control character U+000A"},
        {"screen_off", "on_leave", "5", "", "expected a string, got an integer"},
        {"interrupts", "internal", "\"yes\"", "", "expected true or false, got \"yes\""},
        {"interrupts", "public", "1", "", "expected true or false, got 1"},
        {"privacy.public", "names", "\"initial\"", "",
         "expected full, first_initial, initials or anonymous, got \"initial\""},
        {"privacy.public", "money", "0", "", "expected true or false, got 0"},
        {"privacy.internal", "without_consent", "\"hide\"", "",
         "expected anonymise or omit, got \"hide\""},
        {"privacy.public", "team_min", "0", "", "expected a whole number from 1 to 100 (champions in a team), got 0"},
        {"privacy.public", "team_min", "5.5", "", "got 5.5"},
        {"privacy.public", "success_titles", "true", "", "expected shown or hidden, got true"},
        {"privacy.internal", "success_stories", "\"show\"", "", "expected shown or hidden, got \"show\""},
        {"scoring", "deals", "2000", "", "expected a number from 0 to 1000, got 2000"},
        {"scoring", "deals", "-1", "", "got -1"},
        {"scoring", "leads", "\"2\"", "", "got \"2\""},
        {"screen_off", "windows", "5", "", "expected an array of windows like [{ days = "},
        {"audience", "internal", "\"mon-fri\"", "", "got a string"},
    };
    for (const Case& c : cases) {
        const std::string text = one_key(c.table, c.key, c.value);
        CAPTURE(text);
        const ConfigCheck result = check(text);
        REQUIRE(result.errors.size() == 1);
        const std::string where = "podium.toml:3:" + std::to_string(c.key.size() + 4) + ": " +
                                  std::string(c.table) + "." + std::string(c.key) + ": ";
        CHECK(result.errors[0].starts_with(where));
        CHECK(contains(result.errors[0], c.expected));
        CHECK(result.values.empty());
    }
}

TEST_CASE("config: [[playlist]] becomes the canonical JSON the device reads") {
    const ConfigCheck c = check(R"([[playlist]]
slide = "leaderboard"
duration = "12s"
metric = "deals"
period = "quarter"
top = 10
enabled = true
windows = [ { days = "mon-fri", start = "08:00", end = "18:00" } ]
from = 2026-11-01
until = 2026-12-31

[[playlist]]
slide = "spotlight"
duration = 20
from = "2026-11-01"

[[playlist]]
slide = "leaderboard"
metric = "score"
windows = [ { days = "Sat,Sun" }, { start = "22:00", end = "00:00" } ]
)");
    CHECK(c.errors == std::vector<std::string>{});
    const std::string json =
        R"([{"slide":"leaderboard","duration":12,"enabled":true,"metric":"deals","period":"quarter","top":10,)"
        R"("windows":[{"days":"mon-fri","start":"08:00","end":"18:00"}],"from":"2026-11-01","until":"2026-12-31"},)"
        R"({"slide":"spotlight","duration":20,"enabled":true,"from":"2026-11-01"},)"
        R"({"slide":"leaderboard","duration":12,"enabled":true,"metric":"score","period":"month","top":10,)"
        R"("windows":[{"days":"sat,sun","start":"00:00","end":"24:00"},{"days":"daily","start":"22:00","end":"24:00"}]}])";
    CHECK(c.values == ConfigValues{{"schedule.playlist", json}});
    CHECK(device_problems(c.values) == std::vector<std::string>{});

    CHECK(check("playlist = []\n").values == ConfigValues{{"schedule.playlist", "[]"}});
    CHECK(check("playlist = [{ slide = \"results\" }]\n").values ==
          ConfigValues{
              {"schedule.playlist", R"([{"slide":"results","duration":12,"enabled":true}])"}});
}

TEST_CASE("config: every playlist problem is reported with its line, in file order") {
    const ConfigCheck c = check("[[playlist]]\n"                       // 1
                                "slide = \"leaderbord\"\n"             // 2
                                "duration = 1000\n"                    // 3
                                "windows = [{ days = \"mon-fry\" }]\n" // 4
                                "colour = \"red\"\n"                   // 5
                                "[[playlist]]\n"                       // 6
                                "slide = \"results\"\n"                // 7
                                "top = 5\n"                            // 8
                                "from = 2026-12-01\n"                  // 9
                                "until = 2026-11-30\n"                 // 10
                                "[[playlist]]\n"                       // 11
                                "enabled = false\n");                  // 12
    CHECK(c.errors ==
          std::vector<std::string>{
              "podium.toml:2:9: playlist[0].slide: expected leaderboard, spotlight, results, "
              "adoption or successes, got \"leaderbord\"",
              "podium.toml:3:12: playlist[0].duration: expected 3 to 600 seconds, got 1000",
              "podium.toml:4:21: playlist[0].windows[0].days: expected days like \"mon-fri\", "
              "\"sat,sun\" or \"daily\", got \"mon-fry\"",
              "podium.toml:5:1: unknown key \"playlist[0].colour\"",
              "podium.toml:8:7: playlist[1].top: only a leaderboard has a top; this entry's slide "
              "is results",
              "podium.toml:10:9: playlist[1].until: expected a date on or after from (2026-12-01), "
              "got 2026-11-30",
              "podium.toml:11:1: playlist[2].slide: missing: every entry names its slide "
              "(leaderboard, spotlight, results, adoption or successes)"});
    CHECK(c.values.empty());

    CHECK(check("playlist = \"all\"\n").errors ==
          std::vector<std::string>{
              "podium.toml:1:12: playlist: expected [[playlist]] tables, got a string"});
    CHECK(check("playlist = [1, { slide = \"results\" }]\n").errors ==
          std::vector<std::string>{"podium.toml:1:13: playlist[0]: expected a table like "
                                   "[[playlist]], got an integer"});
    CHECK(check("[[playlist]]\nslide = \"results\"\nwindows = { days = \"mon\" }\n").errors ==
          std::vector<std::string>{
              "podium.toml:3:11: playlist[0].windows: expected an array of windows like [{ days = "
              "\"mon-fri\", start = \"08:00\", end = \"18:00\" }], got a table"});
}

TEST_CASE("config: [audience], [screen_off] windows and [scoring] become JSON settings") {
    const ConfigCheck c = check(R"([audience]
internal = [{ days = "mon-fri", start = "08:30", end = "17:30" }]
public = [{ days = "wed", start = "12:00", end = "13:00" }, { days = "sat" }]
[screen_off]
windows = [
  { days = "mon-fri", start = "20:00", end = "07:00" },
  { days = "sat,sun" },
  { days = "mon", end = "07:00" },
]
[scoring]
deals = 10
leads = 2.5
)");
    CHECK(c.errors == std::vector<std::string>{});
    CHECK(
        c.values ==
        ConfigValues{{"schedule.audience",
                      R"([{"audience":"internal","days":"mon-fri","start":"08:30","end":"17:30"},)"
                      R"({"audience":"public","days":"wed","start":"12:00","end":"13:00"},)"
                      R"({"audience":"public","days":"sat","start":"00:00","end":"24:00"}])"},
                     {"schedule.screen_off", R"([{"days":"mon-fri","start":"20:00","end":"07:00"},)"
                                             R"({"days":"sat,sun","start":"00:00","end":"24:00"},)"
                                             R"({"days":"mon","start":"00:00","end":"07:00"}])"},
                     {"score.weights", R"({"leads":2.5,"deals":10})"}});
    CHECK(device_problems(c.values) == std::vector<std::string>{});

    // An empty table sets nothing, like an empty [source]; an empty list sets "none".
    CHECK(check("[audience]\n[scoring]\n[screen_off]\n").values.empty());
    CHECK(check("[audience]\ninternal = []\n").values == ConfigValues{{"schedule.audience", "[]"}});
    CHECK(check("[screen_off]\nwindows = []\n").values ==
          ConfigValues{{"schedule.screen_off", "[]"}});
    CHECK(check("[scoring]\ndeals = 0\n").values == ConfigValues{{"score.weights", "{}"}});
}

TEST_CASE("config: problems across the new tables are all reported, in file order") {
    const ConfigCheck c =
        check("[display]\n"                                                              // 1
              "time_zone = \"Mars/Olympus\"\n"                                           // 2
              "text_size = 2\n"                                                          // 3
              "[audience]\n"                                                             // 4
              "internal = [{ days = \"mon-fri\", start = \"8:30\", end = \"17:70\" }]\n" // 5
              "visitors = []\n"                                                          // 6
              "[screen_off]\n"                                                           // 7
              "windows = [{ days = \"sun\", start = \"24:00\" }]\n"                      // 8
              "on_enter = 7\n"                                                           // 9
              "[interrupts]\n"                                                           // 10
              "public = \"no\"\n"                                                        // 11
              "[privacy.public]\n"                                                       // 12
              "names = \"first\"\n"                                                      // 13
              "[privacy.guests]\n"                                                       // 14
              "[scoring]\n"                                                              // 15
              "dealz = 1\n"                                                              // 16
              "[[playlist]]\n"                                                           // 17
              "slide = \"fallback\"\n");                                                 // 18
    const std::vector<std::pair<int, std::string>> expected = {
        {2, "display.time_zone: unknown time zone \"Mars/Olympus\""},
        {3, "display.text_size: expected a number from 0.75 to 1.5, got 2"},
        {5, "audience.internal[0].end: expected a time HH:MM from 00:00 to 24:00, got \"17:70\""},
        {6, "unknown key \"audience.visitors\""},
        {8, "screen_off.windows[0].start: expected a time HH:MM from 00:00 to 23:59, got "
            "\"24:00\""},
        {9, "screen_off.on_enter: expected a string, got an integer"},
        {11, "interrupts.public: expected true or false, got \"no\""},
        {13, "privacy.public.names: expected full, first_initial, initials or anonymous"},
        {14, "unknown table \"privacy.guests\""},
        {16, "unknown key \"scoring.dealz\" (did you mean \"scoring.deals\"?)"},
        {18, "playlist[0].slide: the fallback plays by itself"},
    };
    REQUIRE(c.errors.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CAPTURE(c.errors[i]);
        CHECK(c.errors[i].starts_with("podium.toml:" + std::to_string(expected[i].first) + ":"));
        CHECK(contains(c.errors[i], ": " + expected[i].second));
    }
}

TEST_CASE("config: unknown names in the new tables get suggestions") {
    const std::pair<std::string_view, std::string_view> cases[] = {
        {"[privacy.public]\nnmes = \"full\"\n",
         "podium.toml:2:1: unknown key \"privacy.public.nmes\" (did you mean "
         "\"privacy.public.names\"?)"},
        {"[display]\ntimezone = \"UTC\"\n",
         "podium.toml:2:1: unknown key \"display.timezone\" (did you mean \"display.time_zone\"?)"},
        {"[interrupts]\npublik = true\n", "podium.toml:2:1: unknown key \"interrupts.publik\" (did "
                                          "you mean \"interrupts.public\"?)"},
        {"[audience]\ninternl = []\n",
         "podium.toml:2:1: unknown key \"audience.internl\" (did you mean \"audience.internal\"?)"},
        {"[screen-off]\nwindows = []\n",
         "podium.toml:1:2: unknown table \"screen-off\" (did you mean \"screen_off\"?)"},
        {"[privcy.public]\nnames = \"full\"\n",
         "podium.toml:1:2: unknown table \"privcy\" (did you mean \"privacy\"?)"},
        {"[[playlists]]\nslide = \"results\"\n",
         "podium.toml:1:3: unknown key \"playlists\" (did you mean \"playlist\"?)"},
        {"[[playlist]]\nslide = \"results\"\ndurration = 5\n",
         "podium.toml:3:1: unknown key \"playlist[0].durration\" (did you mean "
         "\"playlist[0].duration\"?)"},
        {"[screen_off]\nwindows = [{ day = \"mon\" }]\n",
         "podium.toml:2:14: unknown key \"screen_off.windows[0].day\" (did you mean "
         "\"screen_off.windows[0].days\"?)"},
        {"[privacy]\nnames = \"full\"\n", "podium.toml:2:1: unknown key \"privacy.names\" (did "
                                          "you mean \"privacy.internal.names\"?)"},
        {"privacy = 1\n", "podium.toml:1:1: privacy: expected a table, got an integer"},
    };
    for (const auto& [text, error] : cases) {
        CAPTURE(text);
        CHECK(check(text).errors == std::vector<std::string>{std::string(error)});
    }
}

TEST_CASE("config: apply writes the JSON settings and marks them managed") {
    Store store = open_store(":memory:");
    const ConfigCheck floor =
        check_config_file(std::string(PODIUM_SOURCE_DIR) + "/kiosk-config/office-floor.toml");
    REQUIRE(floor.ok());
    REQUIRE(apply_config(store, floor.values, "2026-11-25T07:00:00Z").ok());
    const std::string managed = *store.setting("config.managed_keys");
    for (const std::string key :
         {"schedule.playlist", "schedule.audience", "schedule.screen_off", "score.weights",
          "schedule.interrupts.internal", "privacy.internal.names", "display.time_zone"}) {
        CAPTURE(key);
        CHECK(store.setting(key) == floor.values.at(key));
        CHECK(contains("," + managed + ",", "," + key + ","));
    }

    // The device reads back what IT wrote, with no problem.
    std::vector<std::string> problems;
    const auto s = podium::scene::device_settings(
        [&](const std::string& key) { return store.setting(key); }, problems);
    CHECK(problems == std::vector<std::string>{});
    REQUIRE(s.schedule.playlist.size() == 6);
    CHECK(s.schedule.playlist[0].options.score);
    CHECK(s.schedule.playlist[4].dates.from == podium::model::Date{2026, 11, 1});
    CHECK(s.schedule.playlist[4].dates.until == podium::model::Date{2026, 12, 31});
    CHECK_FALSE(s.schedule.playlist[5].enabled);
    REQUIRE(s.schedule.audience_windows.size() == 1);
    CHECK(s.schedule.audience_windows[0].audience == podium::scene::Audience::internal);
    CHECK(s.schedule.audience_windows[0].window == podium::scene::Window{0x1f, 510, 1050});
    CHECK(s.schedule.interrupts_internal);
    CHECK(s.time_zone == "Europe/Amsterdam");
    CHECK(s.transition == podium::scene::Transition::slide);
    CHECK(s.privacy.internal.names == podium::scene::NameFormat::full);
    CHECK(s.score_weights.weight[static_cast<std::size_t>(podium::model::Metric::deals)] == 10);
    CHECK(store.setting("display.text_size") == std::nullopt); // not in the file: not set
}

TEST_CASE("config: the lobby example is public all day, careful, and off at night") {
    const ConfigCheck lobby =
        check_config_file(std::string(PODIUM_SOURCE_DIR) + "/kiosk-config/lobby.toml");
    REQUIRE(lobby.ok());
    CHECK(lobby.values.count("schedule.audience") == 0); // no internal windows: always public
    CHECK(lobby.values.at("schedule.screen_off") ==
          R"([{"days":"mon-fri","start":"20:00","end":"07:00"},)"
          R"({"days":"sat,sun","start":"00:00","end":"24:00"},)"
          R"({"days":"mon","start":"00:00","end":"07:00"}])");
    CHECK(lobby.values.at("schedule.screen_off_command") == "cec-ctl --to 0 --standby");
    CHECK(lobby.values.at("schedule.screen_on_command") == "cec-ctl --to 0 --image-view-on");
    CHECK(lobby.values.at("display.time_zone") == "Europe/Amsterdam");
    CHECK(lobby.values.at("display.text_size") == "1.25");
    CHECK(lobby.values.at("privacy.public.money") == "false");
    CHECK(lobby.values.at("privacy.public.without_consent") == "omit");
    CHECK(lobby.values.at("schedule.interrupts.public") == "false");
    CHECK(device_problems(lobby.values) == std::vector<std::string>{});
    // No leaderboard of money in the lobby.
    CHECK_FALSE(contains(lobby.values.at("schedule.playlist"), "deal_value"));
}
