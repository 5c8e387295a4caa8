// `podium plan`: the contract others script against — START<TAB>END<TAB>SLIDE<TAB>AUDIENCE, local
// ISO 8601 times with offsets, from the same engine the player uses.
#include "cli_support.hpp"
#include "display/app/cli.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <regex>

using namespace podium::test::cli_support;

namespace {

void write(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

std::vector<std::string> fields(const std::string& line) {
    std::vector<std::string> out;
    std::size_t at = 0;
    for (;;) {
        const auto tab = line.find('\t', at);
        out.push_back(line.substr(at, tab - at));
        if (tab == std::string::npos) return out;
        at = tab + 1;
    }
}

// A lobby in Amsterdam: internal on weekdays 09:00-17:00, off at night, a campaign in December.
constexpr const char* kConfig = R"([display]
time_zone = "Europe/Amsterdam"

[[playlist]]
slide = "leaderboard"
duration = 20

[[playlist]]
slide = "results"
duration = "40s"

[[playlist]]
slide = "spotlight"
duration = 30
from = 2026-12-01
until = 2026-12-31

[audience]
internal = [ { days = "mon-fri", start = "09:00", end = "17:00" } ]

[screen_off]
windows = [ { days = "daily", start = "22:00", end = "07:00" } ]
)";

} // namespace

TEST_CASE("plan cli: one line per stretch, contiguous, with offsets, audiences and screen-off") {
    TempDir dir;
    const std::string db = dir.file("podium.db"), config = dir.file("lobby.toml");
    write(config, kConfig);
    // Friday 27 November 2026, 16:59:30 in Amsterdam (CET, +01:00), for 16 hours.
    const Run r = run_podium(dir, {"--db", db, "--config", config, "plan", "--from",
                                   "2026-11-27T16:59:30", "--hours", "16"});
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    const auto lines = lines_of(r.out);
    REQUIRE(lines.size() > 3);
    const std::regex iso(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d)");
    std::string previous_end = "2026-11-27T16:59:30+01:00";
    bool saw_internal = false, saw_public = false, saw_off = false;
    for (const auto& line : lines) {
        CAPTURE(line);
        const auto f = fields(line);
        REQUIRE(f.size() == 4);
        CHECK(std::regex_match(f[0], iso));
        CHECK(std::regex_match(f[1], iso));
        CHECK(f[0] == previous_end); // no gap, no overlap
        previous_end = f[1];
        CHECK((f[2] == "leaderboard" || f[2] == "results" || f[2] == "screen-off"));
        CHECK(f[2] != "spotlight"); // its campaign starts in December
        CHECK((f[3] == "internal" || f[3] == "public"));
        saw_internal |= f[3] == "internal";
        saw_public |= f[3] == "public";
        saw_off |= f[2] == "screen-off";
    }
    CHECK(previous_end == "2026-11-28T08:59:30+01:00");
    CHECK(saw_internal);
    CHECK(saw_public);
    // The first slide is internal and cut at 17:00, when visitors may come: names must not linger.
    CHECK(lines[0] == "2026-11-27T16:59:30+01:00\t2026-11-27T16:59:50+01:00\tleaderboard\tinternal");
    CHECK(lines[1] == "2026-11-27T16:59:50+01:00\t2026-11-27T17:00:00+01:00\tresults\tinternal");
    CHECK(lines[2] == "2026-11-27T17:00:00+01:00\t2026-11-27T17:00:20+01:00\tleaderboard\tpublic");
    CHECK(saw_off);
    bool night = false;
    for (const auto& line : lines)
        night |= line == "2026-11-27T22:00:00+01:00\t2026-11-28T07:00:00+01:00\tscreen-off\tpublic";
    CHECK(night);
}

TEST_CASE("plan cli: an offset in --from names the instant; bad values are usage errors") {
    TempDir dir;
    const std::string db = dir.file("podium.db"), config = dir.file("lobby.toml");
    write(config, kConfig);
    const Run r = run_podium(dir, {"--db", db, "--config", config, "plan", "--from",
                                   "2026-11-27T15:59:00Z", "--hours", "1"});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.starts_with("2026-11-27T16:59:00+01:00\t"));

    for (const std::vector<std::string>& bad :
         {std::vector<std::string>{"plan", "--hours", "0"}, {"plan", "--hours", "745"},
          {"plan", "--hours", "ten"}, {"plan", "--from", "tomorrow"}, {"plan", "--from"},
          {"plan", "--audience", "public"}}) {
        auto args = bad;
        args.insert(args.begin(), {"--db", db});
        const Run u = run_podium(dir, args);
        CAPTURE(bad.back());
        CHECK(u.exit_code == 2);
        CHECK(lines_of(u.err).size() == 1);
        CHECK(u.out.empty());
    }
}

TEST_CASE("plan cli: the help documents plan and its line format") {
    const std::string help(podium::app::help_text());
    CHECK(contains(help, "plan [--from TIME] [--hours N]"));
    CHECK(contains(help, "START<TAB>END<TAB>SLIDE<TAB>AUDIENCE"));
    CHECK(contains(help, "screen-off"));
}
