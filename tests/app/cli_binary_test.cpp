// The command-line contract, on the real podium binary: spawned with its own --db in a temporary
// folder so the user's store is never touched, checking exit codes, stdout, stderr and the PNG it
// writes.
#include "cli_support.hpp"
#include "display/app/cli.hpp"
#include "sync/store.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <filesystem>
#include <regex>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace podium::test::cli_support;

TEST_CASE("cli binary: --version, --help and help") {
    TempDir dir;
    const Run version = run_podium(dir, {"--version"});
    CHECK(version.exit_code == 0);
    CHECK(version.out == "podium " + project_version() + "\n");
    CHECK(version.err.empty());

    const Run help = run_podium(dir, {"--help"});
    CHECK(help.exit_code == 0);
    CHECK(help.err.empty());
    CHECK(help.out == podium::app::help_text());
    for (const char* word : {"run", "render", "--db", "--config", "--windowed", "--slide", "--size",
                             "--out", "--format", "--audience", "--lang", "--at"}) {
        CAPTURE(word);
        CHECK(std::regex_search(
            help.out, std::regex(std::string("(^|[\\s\\[(|])") + word + "($|[\\s\\]),|])")));
    }
    CHECK(run_podium(dir, {"-h"}).out == help.out);
    const Run help_command = run_podium(dir, {"help"});
    CHECK(help_command.exit_code == 0);
    CHECK(help_command.out == help.out);
    // None of these touch a store.
    CHECK_FALSE(fs::exists(dir.file("env-default.db")));
}

TEST_CASE("cli binary: usage errors exit 2 with one line on stderr") {
    TempDir dir;
    SUBCASE("an unknown command") {
        const Run r = run_podium(dir, {"frobnicate"});
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CAPTURE(r.err);
        REQUIRE(lines_of(r.err).size() == 1);
        CHECK(r.err.back() == '\n');
        CHECK(contains(r.err, "frobnicate"));
    }
    SUBCASE("an unknown slide") {
        const Run r = run_podium(dir, with_db(dir, {"render", "--slide", "nope", "--size",
                                                    "1920x1080", "--format", "text"}));
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CAPTURE(r.err);
        CHECK(lines_of(r.err).size() == 1);
        CHECK(contains(r.err, "nope"));
        CHECK_FALSE(fs::exists(dir.file("podium.db"))); // refused before opening the store
    }
    SUBCASE("a bad size") {
        const Run r = run_podium(dir, with_db(dir, {"render", "--slide", "leaderboard", "--size",
                                                    "100x100", "--format", "text"}));
        CHECK(r.exit_code == 2);
        CAPTURE(r.err);
        CHECK(lines_of(r.err).size() == 1);
        CHECK(contains(r.err, "100x100"));
    }
}

TEST_CASE("cli binary: render --format text") {
    TempDir dir;
    // An empty store, which render fills with the demo; a missing one it would not create.
    REQUIRE(podium::sync::Store::open(dir.file("podium.db")).ok());
    const Run en = run_podium(dir, with_db(dir, kLeaderboardText));
    CHECK(en.exit_code == 0);
    CAPTURE(en.err);
    const auto lines = lines_of(en.out);
    REQUIRE(lines.size() >= 5);
    CHECK(lines.front() == "Leaderboard");
    CHECK(en.out.back() == '\n');

    // It used the --db given: the empty store there got the demo feed; the environment's was
    // not used.
    CHECK(fs::exists(dir.file("podium.db")));
    CHECK_FALSE(fs::exists(dir.file("env-default.db")));
    {
        auto store = podium::sync::Store::open(dir.file("podium.db"));
        REQUIRE(store.ok());
        auto snap = store.value().load_snapshot();
        REQUIRE(snap.ok());
        CHECK(snap.value()->meta.is_demo);
        CHECK(snap.value()->meta.data_version == 1);
        CHECK_FALSE(snap.value()->empty());
    }

    SUBCASE("the same command gives the same text, and the demo is loaded once") {
        const Run again = run_podium(dir, with_db(dir, kLeaderboardText));
        CHECK(again.exit_code == 0);
        CHECK(again.out == en.out);
        auto store = podium::sync::Store::open(dir.file("podium.db"));
        REQUIRE(store.ok());
        auto snap = store.value().load_snapshot();
        REQUIRE(snap.ok());
        CHECK(snap.value()->meta.data_version == 1);
    }
    SUBCASE("in Dutch") {
        auto args = kLeaderboardText;
        args.insert(args.end(), {"--lang", "nl"});
        const Run nl = run_podium(dir, with_db(dir, args));
        CHECK(nl.exit_code == 0);
        const auto nl_lines = lines_of(nl.out);
        REQUIRE(nl_lines.size() >= 5);
        CHECK(nl_lines.front() == "Ranglijst");
    }
}

TEST_CASE("cli binary: render --out writes a PNG of the requested size") {
    TempDir dir;
    const std::string png = dir.file("leaderboard.png");
    const Run r =
        run_podium(dir, with_db(dir, {"render", "--slide", "leaderboard", "--size", "1280x720",
                                      "--out", png, "--at", "2026-11-25T10:00"}));
    CAPTURE(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.empty());
    REQUIRE(fs::exists(png));
    CHECK(fs::file_size(png) > 1000);
    const PngSize size = png_size(png);
    CHECK(size.width == 1280);
    CHECK(size.height == 720);
}

TEST_CASE("cli binary: failures exit 1 with a message") {
    TempDir dir;
    SUBCASE("an unwritable --out path") {
        const std::string out = "/nonexistent-dir/x.png";
        REQUIRE_FALSE(fs::exists("/nonexistent-dir"));
        const Run r =
            run_podium(dir, with_db(dir, {"render", "--slide", "leaderboard", "--size", "1280x720",
                                          "--out", out, "--at", "2026-11-25T10:00"}));
        CHECK(r.exit_code == 1);
        CAPTURE(r.err);
        CHECK(contains(r.err, out));
        CHECK(lines_of(r.err).size() == 1);
        CHECK_FALSE(fs::exists(out));
    }
    SUBCASE("a store from a newer Podium") {
        {
            auto store = podium::sync::Store::open(dir.file("podium.db"));
            REQUIRE(store.ok());
            REQUIRE(sqlite3_exec(store.value().raw(), "PRAGMA user_version = 99", nullptr, nullptr,
                                 nullptr) == SQLITE_OK);
        }
        const Run r = run_podium(dir, with_db(dir, kLeaderboardText));
        CHECK(r.exit_code == 1);
        CHECK(r.out.empty());
        CAPTURE(r.err);
        CHECK(contains(r.err, "99"));
        CHECK(contains(r.err, dir.file("podium.db")));
    }
}
