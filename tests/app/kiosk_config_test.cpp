// The managed kiosk config: the shipped examples check clean; every key's valid and invalid
// values (each error naming its line, column and key); unknown names; several problems reported
// together; TOML syntax errors; and applying to the store, all or nothing.
#include "../sync/store_support.hpp"
#include "display/app/kiosk_config.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

using namespace podium::test::store_support;
using podium::app::apply_config;
using podium::app::check_config;
using podium::app::check_config_file;
using podium::app::ConfigCheck;
using podium::app::ConfigValues;

namespace {

const std::string kNow = "2026-11-25T07:00:00Z";

ConfigCheck check(std::string_view text) {
    return check_config(text, "podium.toml");
}

// `key = value` in [table], on line 3 after a comment and the header; column = key size + 4.
std::string one_key(std::string_view table, std::string_view key, std::string_view value) {
    return "# managed by IT\n[" + std::string(table) + "]\n" + std::string(key) + " = " +
           std::string(value) + "\n";
}

std::string example(const std::string& name) {
    return std::string(PODIUM_SOURCE_DIR) + "/kiosk-config/" + name;
}

// The keys, comma-separated in order: what config.managed_keys records.
std::string keys_of(const ConfigValues& values) {
    std::string keys;
    for (const auto& [key, value] : values)
        keys += (keys.empty() ? "" : ",") + key;
    return keys;
}

struct Case {
    std::string_view table, key;
    std::string value, expected; // expected: the setting's text, or part of the message
};

} // namespace

TEST_CASE("config: the example files in kiosk-config/ check clean") {
    // What each example sets; the values of the newer tables are checked in
    // kiosk_config_schedule_test.cpp.
    const ConfigCheck lobby = check_config_file(example("lobby.toml"));
    CHECK(lobby.errors == std::vector<std::string>{});
    CHECK(keys_of(lobby.values) ==
          "display.language,display.text_size,display.time_zone,display.transition,"
          "privacy.public.figures,privacy.public.money,privacy.public.names,"
          "privacy.public.success_stories,privacy.public.success_titles,privacy.public.teams,"
          "privacy.public.without_consent,schedule.interrupts.public,schedule.playlist,"
          "schedule.screen_off,schedule.screen_off_command,schedule.screen_on_command,"
          "sync.interval_seconds,sync.source,sync.token_file");
    CHECK(lobby.values.at("display.language") == "en");
    CHECK(lobby.values.at("sync.interval_seconds") == "900");
    CHECK(lobby.values.at("sync.source") == "https://intranet.example/podium/feed.json");
    CHECK(lobby.values.at("sync.token_file") == "/etc/podium/token");

    const ConfigCheck floor = check_config_file(example("office-floor.toml"));
    CHECK(floor.errors == std::vector<std::string>{});
    CHECK(keys_of(floor.values) ==
          "display.language,display.time_zone,display.transition,organisation.currency,"
          "organisation.goal_percent,organisation.headcount,organisation.name,"
          "privacy.internal.figures,privacy.internal.money,privacy.internal.names,"
          "privacy.internal.team_min,privacy.internal.teams,privacy.internal.without_consent,"
          "privacy.public.figures,privacy.public.money,privacy.public.names,"
          "privacy.public.team_min,privacy.public.teams,"
          "privacy.public.without_consent,schedule.audience,schedule.interrupts.internal,"
          "schedule.interrupts.public,schedule.playlist,schedule.screen_off,score.weights,"
          "sync.interval_seconds,sync.source");
    const ConfigValues first_seven = {{"display.language", "nl"},
                                      {"organisation.currency", "EUR"},
                                      {"organisation.goal_percent", "10"},
                                      {"organisation.headcount", "1200"},
                                      {"organisation.name", "Example Advisory"},
                                      {"sync.interval_seconds", "1800"},
                                      {"sync.source", "sqlite:///mnt/podium-share/podium-feed.db"}};
    for (const auto& [key, value] : first_seven) {
        CAPTURE(key);
        CHECK(floor.values.at(key) == value);
    }
}

TEST_CASE("config: an empty file, or only comments, sets nothing and is fine") {
    for (const std::string_view text : {"", "# nothing yet\n", "[source]\n[display]\n"}) {
        CAPTURE(text);
        const ConfigCheck c = check(text);
        CHECK(c.ok());
        CHECK(c.values.empty());
    }
}

TEST_CASE("config: every key's valid values become settings") {
    const std::string long_name(200, 'x');
    const Case cases[] = {
        {"source", "url", "\"https://intranet.example/podium/feed.json\"",
         "https://intranet.example/podium/feed.json"},
        {"source", "url", "\"http://10.0.0.5:8080/feed.csv\"", "http://10.0.0.5:8080/feed.csv"},
        {"source", "url", "\"sqlite:///srv/share/feed.db\"", "sqlite:///srv/share/feed.db"},
        {"source", "url", "\"postgresql://podium@db.example/podium\"",
         "postgresql://podium@db.example/podium"},
        {"source", "url", "\"postgres://db.example/podium\"", "postgres://db.example/podium"},
        {"source", "url", "\"file:///var/lib/podium/feed.json\"",
         "file:///var/lib/podium/feed.json"},
        {"source", "url", "\"/var/lib/podium/feed.json\"", "/var/lib/podium/feed.json"},
        {"source", "interval", "\"30s\"", "30"},
        {"source", "interval", "\"15m\"", "900"},
        {"source", "interval", "\"1h\"", "3600"},
        {"source", "interval", "\"24h\"", "86400"},
        {"source", "interval", "\"600\"", "600"},
        {"source", "interval", "45", "45"},
        {"source", "interval", "86400", "86400"},
        {"source", "token_file", "\"/etc/podium/token\"", "/etc/podium/token"},
        {"source", "ca_file", "'/etc/ssl/certs/intranet.pem'", "/etc/ssl/certs/intranet.pem"},
        {"organisation", "name", "\"Example Advisory\"", "Example Advisory"},
        {"organisation", "name", "\"Zoë & Søn — Ünïcode B.V.\"", "Zoë & Søn — Ünïcode B.V."},
        {"organisation", "name", "\"" + long_name + "\"", long_name},
        {"organisation", "headcount", "0", "0"},
        {"organisation", "headcount", "1_200", "1200"},
        {"organisation", "currency", "\"EUR\"", "EUR"},
        {"organisation", "currency", "\"CHF\"", "CHF"},
        {"organisation", "goal_percent", "0", "0"},
        {"organisation", "goal_percent", "10", "10"},
        {"organisation", "goal_percent", "12.5", "12.5"},
        {"organisation", "goal_percent", "100.0", "100"},
        {"display", "language", "\"en\"", "en"},
        {"display", "language", "\"nl\"", "nl"},
    };
    const std::map<std::string_view, std::string_view> setting_of = {
        {"url", "sync.source"},
        {"interval", "sync.interval_seconds"},
        {"token_file", "sync.token_file"},
        {"ca_file", "sync.ca_file"},
        {"name", "organisation.name"},
        {"headcount", "organisation.headcount"},
        {"currency", "organisation.currency"},
        {"goal_percent", "organisation.goal_percent"},
        {"language", "display.language"}};
    for (const Case& c : cases) {
        const std::string text = one_key(c.table, c.key, c.value);
        CAPTURE(text);
        const ConfigCheck result = check(text);
        CHECK(result.errors == std::vector<std::string>{});
        CHECK(result.values ==
              ConfigValues{{std::string(setting_of.at(c.key)), std::string(c.expected)}});
    }
}

TEST_CASE("config: every key's invalid values are reported with line, column and key") {
    // The message from the task's own example, to the letter.
    CHECK(check(one_key("source", "interval", "\"5x\"")).errors ==
          std::vector<std::string>{"podium.toml:3:12: source.interval: expected a duration like "
                                   "\"15m\", \"1h\" or a number of seconds ≥ 30, got \"5x\""});

    const std::string too_long(201, 'x');
    const Case cases[] = {
        {"source", "url", "5", "expected a string, got an integer"},
        {"source", "url", "\"\"", "empty"},
        {"source", "url", "\"ftp://files.example/feed.json\"", "unsupported scheme"},
        {"source", "url", "\"sqlite://feed.db\"", "three slashes"},
        {"source", "url", "\"feeds/feed.json\"", "expected a URL or an absolute path"},
        {"source", "url", "\"https://x\\u0007\"", "control character U+0007"},
        {"source", "interval", "\"10s\"", "expected from 30 seconds to 24 hours, got \"10s\""},
        {"source", "interval", "29", "expected from 30 seconds to 24 hours, got 29"},
        {"source", "interval", "\"25h\"", "expected from 30 seconds to 24 hours"},
        {"source", "interval", "86401", "expected from 30 seconds to 24 hours"},
        {"source", "interval", "\"1.5h\"", "expected a duration like"},
        {"source", "interval", "\"-5m\"", "expected a duration like"},
        {"source", "interval", "\"15 m\"", "expected a duration like"},
        {"source", "interval", "\"\"", "expected a duration like"},
        {"source", "interval", "900.0", "expected a duration like"},
        {"source", "interval", "true", "got a boolean"},
        {"source", "token_file", "\"token\"", "expected an absolute path (starting with /)"},
        {"source", "token_file", "\"\"", "expected an absolute path"},
        {"source", "token_file", "7", "expected a string, got an integer"},
        {"source", "ca_file", "\"certs/intranet.pem\"", "expected an absolute path"},
        {"organisation", "name", "\"\"", "must not be empty"},
        {"organisation", "name", "\"" + too_long + "\"", "too long (201 characters; at most 200)"},
        {"organisation", "name", "\"Two\\nLines\"", "control character U+000A"},
        {"organisation", "name", "42", "expected a string, got an integer"},
        {"organisation", "headcount", "-1", "expected an integer ≥ 0, got -1"},
        {"organisation", "headcount", "\"1200\"", "expected an integer ≥ 0, got \"1200\""},
        {"organisation", "headcount", "12.5", "expected an integer ≥ 0, got 12.5"},
        {"organisation", "currency", "\"eur\"", "expected a 3-letter ISO 4217 code"},
        {"organisation", "currency", "\"EURO\"", "got \"EURO\""},
        {"organisation", "currency", "\"E1R\"", "got \"E1R\""},
        {"organisation", "currency", "978", "expected a string, got an integer"},
        {"organisation", "goal_percent", "-1", "expected a number from 0 to 100, got -1"},
        {"organisation", "goal_percent", "101", "got 101"},
        {"organisation", "goal_percent", "100.5", "got 100.5"},
        {"organisation", "goal_percent", "nan", "expected a number from 0 to 100"},
        {"organisation", "goal_percent", "inf", "expected a number from 0 to 100"},
        {"organisation", "goal_percent", "\"10\"", "got \"10\""},
        {"display", "language", "\"de\"", "expected \"en\" or \"nl\", got \"de\""},
        {"display", "language", "\"NL\"", "got \"NL\""},
        {"display", "language", "1", "expected a string, got an integer"},
    };
    for (const Case& c : cases) {
        const std::string text = one_key(c.table, c.key, c.value);
        CAPTURE(text);
        const ConfigCheck result = check(text);
        REQUIRE(result.errors.size() == 1);
        const std::string& e = result.errors[0];
        const std::string where = "podium.toml:3:" + std::to_string(c.key.size() + 4) + ": " +
                                  std::string(c.table) + "." + std::string(c.key) + ": ";
        CHECK(e.starts_with(where));
        CHECK(e.find(c.expected) != std::string::npos);
        CHECK(e.find('\n') == std::string::npos);
        CHECK(result.values.empty());
    }
}

TEST_CASE("config: unknown tables and keys are errors, a near miss gets a suggestion") {
    const std::string seventh = "# 1\n# 2\n# 3\n# 4\n[source]\n# 6\nurll = \"https://x\"\n";
    CHECK(check(seventh).errors ==
          std::vector<std::string>{
              "podium.toml:7:1: unknown key \"source.urll\" (did you mean \"source.url\"?)"});

    const std::pair<std::string_view, std::string_view> cases[] = {
        {"[sourse]\nurl = \"https://x\"\n",
         "podium.toml:1:2: unknown table \"sourse\" (did you mean \"source\"?)"},
        {"[organization]\nname = \"X\"\n",
         "podium.toml:1:2: unknown table \"organization\" (did you mean \"organisation\"?)"},
        {"url = \"https://x\"\n", "podium.toml:1:1: unknown key \"url\" (did you mean "
                                  "\"source.url\"?)"},
        {"[source]\nlanguage = \"nl\"\n",
         "podium.toml:2:1: unknown key \"source.language\" (did you mean \"display.language\"?)"},
        {"[display]\nlangauge = \"nl\"\n",
         "podium.toml:2:1: unknown key \"display.langauge\" (did you mean \"display.language\"?)"},
        {"[display]\ncolour = \"red\"\n", "podium.toml:2:1: unknown key \"display.colour\""},
        {"[source.extra]\nx = 1\n", "podium.toml:1:9: unknown table \"source.extra\""},
        {"version = 1\n", "podium.toml:1:1: unknown key \"version\""},
        {"source = \"https://x\"\n", "podium.toml:1:1: source: expected a table, got a string"},
        {"[[display]]\nlanguage = \"nl\"\n",
         "podium.toml:1:3: display: expected a table, got an array"},
    };
    for (const auto& [text, error] : cases) {
        CAPTURE(text);
        const ConfigCheck c = check(text);
        CHECK(c.errors == std::vector<std::string>{std::string(error)});
    }
}

TEST_CASE("config: dotted keys and inline tables mean the same as a table") {
    for (const std::string_view text : {"source.url = \"https://x.example/f.json\"\n",
                                        "source = { url = \"https://x.example/f.json\" }\n",
                                        "[source]\nurl = \"https://x.example/f.json\"\n"}) {
        CAPTURE(text);
        const ConfigCheck c = check(text);
        CHECK(c.errors == std::vector<std::string>{});
        CHECK(c.values == ConfigValues{{"sync.source", "https://x.example/f.json"}});
    }
}

TEST_CASE("config: several problems are reported together, in file order") {
    const std::string text = "[display]\n"                          // 1
                             "language = \"fr\"\n"                  // 2
                             "[source]\n"                           // 3
                             "url = \"https://x.example/f.json\"\n" // 4: fine
                             "interval = \"5x\"\n"                  // 5
                             "tokenfile = \"/etc/podium/token\"\n"  // 6
                             "[organisation]\n"                     // 7
                             "currency = \"eur\"\n"                 // 8
                             "headcount = 12\n";                    // 9: fine
    const ConfigCheck c = check(text);
    REQUIRE(c.errors.size() == 4);
    CHECK(c.errors[0].starts_with("podium.toml:2:12: display.language: "));
    CHECK(c.errors[1].starts_with("podium.toml:5:12: source.interval: "));
    CHECK(c.errors[2] == "podium.toml:6:1: unknown key \"source.tokenfile\" (did you mean "
                         "\"source.token_file\"?)");
    CHECK(c.errors[3].starts_with("podium.toml:8:12: organisation.currency: "));
    CHECK_FALSE(c.ok());
}

TEST_CASE("config: a TOML syntax error is reported with its line") {
    const std::pair<std::string_view, std::string_view> cases[] = {
        {"[source]\nurl = \"https://x\ninterval = \"15m\"\n", "podium.toml:2:"}, // unclosed string
        {"[source]\nurl = \"a\"\nurl = \"b\"\n", "podium.toml:3:"},              // duplicate key
        {"[display]\nlanguage = nl\n", "podium.toml:2:"},                        // bare word
        {"[source]\n\ninterval =\n", "podium.toml:3:"},                          // no value
        {"[source\nurl = \"x\"\n", "podium.toml:1:"},                            // bad header
    };
    for (const auto& [text, where] : cases) {
        CAPTURE(text);
        const ConfigCheck c = check(text);
        REQUIRE(c.errors.size() == 1);
        CHECK(c.errors[0].starts_with(std::string(where)));
        CHECK(c.errors[0].find("invalid TOML: ") != std::string::npos);
        CHECK(c.errors[0].find('\n') == std::string::npos);
        CHECK(c.values.empty());
    }
}

TEST_CASE("config: check_config_file names the file, and says when it cannot be read") {
    TempDir dir;
    const std::string path = dir.file("podium.toml");
    std::ofstream(path) << "[display]\nlanguage = \"de\"\n";
    const ConfigCheck bad = check_config_file(path);
    REQUIRE(bad.errors.size() == 1);
    CHECK(bad.errors[0].starts_with(path + ":2:12: display.language: "));

    const ConfigCheck missing = check_config_file(dir.file("nowhere.toml"));
    REQUIRE(missing.errors.size() == 1);
    CHECK(missing.errors[0].starts_with(dir.file("nowhere.toml") + ": cannot read it"));

    const std::string big = dir.file("big.toml");
    std::ofstream(big) << std::string(2 << 20, '#');
    const ConfigCheck huge = check_config_file(big);
    REQUIRE(huge.errors.size() == 1);
    CHECK(huge.errors[0].find("larger than 1 MiB") != std::string::npos);
}

TEST_CASE("config: apply writes every key and config.managed_keys in one go") {
    Store store = open_store(":memory:");
    REQUIRE(
        store.set_setting("sync.source", "https://old.example/feed.json", "2026-01-01T00:00:00Z")
            .ok());
    REQUIRE(store.set_setting("schedule.slide_seconds", "20", "2026-01-01T00:00:00Z").ok());

    const ConfigCheck floor = check_config_file(example("office-floor.toml"));
    REQUIRE(floor.ok());
    REQUIRE(apply_config(store, floor.values, kNow).ok());
    for (const auto& [key, value] : floor.values) {
        CAPTURE(key);
        CHECK(store.setting(key) == value);
        CHECK(query_text(store.raw(), "SELECT updated_at FROM settings WHERE key = " +
                                          sql_literal(key)) == kNow);
    }
    const std::string managed = keys_of(floor.values);
    CHECK(store.setting("config.managed_keys") == managed);
    CHECK(managed.find("schedule.playlist,") != std::string::npos);
    CHECK(managed.find("privacy.internal.names,") != std::string::npos);
    CHECK(store.setting("schedule.slide_seconds") == "20"); // not managed: left alone

    SUBCASE("a later config with fewer keys: those it drops keep their value, unlocked") {
        REQUIRE(apply_config(store, {{"display.language", "en"}}, "2026-11-26T07:00:00Z").ok());
        CHECK(store.setting("display.language") == "en");
        CHECK(store.setting("config.managed_keys") == "display.language");
        CHECK(store.setting("organisation.name") == "Example Advisory");
    }
    SUBCASE("an empty config manages nothing") {
        REQUIRE(apply_config(store, {}, "2026-11-26T07:00:00Z").ok());
        CHECK(store.setting("config.managed_keys") == "");
    }
}

TEST_CASE("config: a failed apply leaves every old setting in place") {
    TempDir dir;
    Store store = open_store(dir.file("podium.db"));
    const std::string old_at = "2026-01-01T00:00:00Z";
    REQUIRE(store.set_setting("sync.source", "https://old.example/feed.json", old_at).ok());
    REQUIRE(store.set_setting("display.language", "en", old_at).ok());
    const ConfigValues values = {{"display.language", "nl"},
                                 {"sync.interval_seconds", "60"},
                                 {"sync.source", "/srv/new/feed.json"}};

    SUBCASE("the store refuses every write") {
        exec(store.raw(), "PRAGMA query_only = 1");
        const auto st = apply_config(store, values, kNow);
        REQUIRE_FALSE(st.ok());
        CHECK(st.error().message.find("none were changed") != std::string::npos);
        exec(store.raw(), "PRAGMA query_only = 0");
    }
    SUBCASE("the last write fails, after the others went through") {
        // config.managed_keys is written last: every value before it must be rolled back.
        exec(store.raw(), "CREATE TEMP TRIGGER fail_last BEFORE INSERT ON main.settings "
                          "WHEN NEW.key = 'config.managed_keys' "
                          "BEGIN SELECT RAISE(ABORT, 'disk full (simulated)'); END");
        const auto st = apply_config(store, values, kNow);
        REQUIRE_FALSE(st.ok());
        CHECK(st.error().message.find("disk full (simulated)") != std::string::npos);
        exec(store.raw(), "DROP TRIGGER fail_last");
    }
    CHECK(store.setting("sync.source") == "https://old.example/feed.json");
    CHECK(store.setting("display.language") == "en");
    CHECK_FALSE(store.setting("sync.interval_seconds").has_value());
    CHECK_FALSE(store.setting("config.managed_keys").has_value());
    CHECK(count(store.raw(), "settings WHERE updated_at <> " + sql_literal(old_at)) == 0);
    // And the store still takes the config once the trouble is gone.
    REQUIRE(apply_config(store, values, kNow).ok());
    CHECK(store.setting("sync.source") == "/srv/new/feed.json");
}
