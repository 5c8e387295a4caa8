// `podium config check|apply` and the global --config, on the real binary: exit codes, what goes
// to stdout and stderr, and that the configured source is the one sync then uses.
#include "cli_support.hpp"
#include "display/app/cli.hpp"

#include "sync/demo_feed.hpp"
#include "sync/feed_json.hpp"
#include "sync/store.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <optional>
#include <string>
#include <vector>

using namespace podium::test::cli_support;

namespace {

std::string example(const std::string& name) {
    return std::string(PODIUM_SOURCE_DIR) + "/kiosk-config/" + name;
}

// Three problems, on lines 2, 4 and 5.
constexpr const char* kBadConfig = "[source]\n"
                                   "interval = \"5x\"\n"
                                   "[display]\n"
                                   "language = \"fr\"\n"
                                   "colour = \"red\"\n";

void write(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

// A config pointing at a demo feed written into `dir`; returns the feed's path.
std::string write_good_config(const TempDir& dir, const std::string& config_path) {
    const std::string feed = dir.file("feed.json");
    write(feed, podium::sync::feed_to_json(podium::sync::generate_demo_feed()));
    write(config_path, "[source]\nurl = \"" + feed +
                           "\"\ninterval = \"1m\"\n"
                           "[display]\nlanguage = \"nl\"\n");
    return feed;
}

std::optional<std::string> setting(const std::string& db, const std::string& key) {
    auto store = podium::sync::Store::open(db);
    REQUIRE(store.ok());
    return store.value().setting(key);
}

// Every line on stderr is "podium: FILE:LINE:..." and the lines name `lines`, in order.
void check_error_lines(const Run& r, const std::string& file, const std::vector<int>& lines) {
    const auto err = lines_of(r.err);
    REQUIRE(err.size() == lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        CAPTURE(err[i]);
        CHECK(err[i].starts_with("podium: " + file + ":" + std::to_string(lines[i]) + ":"));
    }
}

} // namespace

TEST_CASE("config cli: check prints ok, or every problem with exit 1") {
    TempDir dir;
    for (const std::string name : {"lobby.toml", "office-floor.toml"}) {
        const Run r = run_podium(dir, {"config", "check", example(name)});
        CHECK(r.exit_code == 0);
        CHECK(r.err.empty());
        CHECK(r.out ==
              example(name) + ": ok, " + (name == "lobby.toml" ? "19" : "27") + " settings\n");
    }

    const std::string bad = dir.file("bad.toml");
    write(bad, kBadConfig);
    const Run r = run_podium(dir, {"config", "check", bad});
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    check_error_lines(r, bad, {2, 4, 5});
    CHECK(contains(r.err, "source.interval: expected a duration like"));
    CHECK(contains(r.err, "unknown key \"display.colour\""));

    const Run missing = run_podium(dir, {"config", "check", dir.file("nowhere.toml")});
    CHECK(missing.exit_code == 1);
    CHECK(lines_of(missing.err).size() == 1);
    CHECK(contains(missing.err, "nowhere.toml: cannot read it"));
}

TEST_CASE("config cli: parse_cli reads config ACTION FILE; help documents both") {
    using podium::app::Command;
    for (const std::string_view action : {"check", "apply"}) {
        auto r = podium::app::parse_cli({"--db", "x.db", "config", action, "/etc/podium/p.toml"});
        REQUIRE(r.ok());
        CHECK(r.value().command == Command::config);
        CHECK(r.value().config_command.action == action);
        CHECK(r.value().config_command.file == "/etc/podium/p.toml");
        CHECK(r.value().db == "x.db");
    }
    const std::string help(podium::app::help_text());
    CHECK(contains(help, "config check FILE"));
    CHECK(contains(help, "config apply FILE"));
    CHECK(contains(help, "--config PATH"));
}

TEST_CASE("config cli: usage errors exit 2 with one line") {
    TempDir dir;
    const std::vector<std::vector<std::string>> cases = {{"config"},
                                                         {"config", "check"},
                                                         {"config", "apply"},
                                                         {"config", "frob", "x.toml"},
                                                         {"config", "check", "a.toml", "b.toml"},
                                                         {"config", "check", "--force", "a.toml"}};
    for (const auto& args : cases) {
        CAPTURE(args.size());
        const Run r = run_podium(dir, args);
        CHECK(r.exit_code == 2);
        CHECK(lines_of(r.err).size() == 1);
        CHECK(r.out.empty());
    }
}

TEST_CASE("config cli: apply, then sync --once uses the configured source") {
    TempDir dir;
    const std::string db = dir.file("podium.db");
    const std::string config = dir.file("podium.toml");
    const std::string feed = write_good_config(dir, config);

    const Run applied = run_podium(dir, {"--db", db, "config", "apply", config});
    CHECK(applied.exit_code == 0);
    CHECK(applied.err.empty());
    CHECK(applied.out == config + ": applied 3 settings to " + db + "\n");
    CHECK(setting(db, "sync.source") == feed);
    CHECK(setting(db, "sync.interval_seconds") == "60");
    CHECK(setting(db, "config.managed_keys") ==
          "display.language,sync.interval_seconds,sync.source");

    const Run synced = run_podium(dir, {"--db", db, "sync", "--once"}); // no --source
    CHECK(synced.exit_code == 0);
    CHECK(contains(synced.out, "sync applied: " + feed));

    // A file with any problem changes nothing, not even its valid keys.
    const std::string bad = dir.file("bad.toml");
    write(bad, "# the URL is fine, the rest is not\n"
               "[source]\nurl = \"https://elsewhere.example/f.json\"\n" +
                   std::string(kBadConfig).substr(std::string("[source]\n").size()));
    const Run refused = run_podium(dir, {"--db", db, "config", "apply", bad});
    CHECK(refused.exit_code == 1);
    CHECK(refused.out.empty());
    check_error_lines(refused, bad, {4, 6, 7});
    CHECK(setting(db, "sync.source") == feed);
}

TEST_CASE("config cli: --config is checked and applied at start by render, sync and run") {
    TempDir dir;
    const std::string db = dir.file("podium.db");
    const std::string bad = dir.file("bad.toml");
    write(bad, kBadConfig);

    SUBCASE("a bad file stops the command before it does anything, naming each line") {
        std::vector<std::string> render = {"--db", db, "--config", bad};
        render.insert(render.end(), kLeaderboardText.begin(), kLeaderboardText.end());
        const std::vector<std::vector<std::string>> commands = {
            render,
            {"--db", db, "--config", bad, "sync", "--once"},
            {"--db", db, "--config", bad, "run", "--windowed", "640x480"}};
        for (const auto& args : commands) {
            CAPTURE(args[4]);
            const Run r = run_podium(dir, args);
            CHECK(r.exit_code == 1);
            CHECK(r.out.empty());
            check_error_lines(r, bad, {2, 4, 5});
        }
        CHECK_FALSE(setting(db, "config.managed_keys").has_value());
    }
    SUBCASE("a good file is applied before the command runs") {
        const std::string config = dir.file("podium.toml");
        const std::string feed = write_good_config(dir, config);
        REQUIRE(podium::sync::Store::open(db).ok()); // render writes into a store, never creates one
        std::vector<std::string> render = {"--db", db, "--config", config};
        render.insert(render.end(), kLeaderboardText.begin(), kLeaderboardText.end());
        const Run rendered = run_podium(dir, render);
        CHECK(rendered.exit_code == 0);
        CHECK_FALSE(rendered.out.empty());
        CHECK(setting(db, "display.language") == "nl");
        CHECK(setting(db, "sync.source") == feed);

        write(feed, "not json"); // the sync must read the configured source, and fail on it
        const Run synced = run_podium(dir, {"--db", db, "--config", config, "sync", "--once"});
        CHECK(synced.exit_code == 3);
        CHECK(contains(synced.err, feed));
    }
}
