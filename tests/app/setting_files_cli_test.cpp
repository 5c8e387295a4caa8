// Files named by a setting (issue 16, item 1): a token or CA file that is a directory, a device,
// a FIFO, too large or more than one line is reported by `config check` (exit 1, naming the
// file), makes `sync --once` a configuration error (exit 1, not a crash, not "unreachable"), and
// leaves `run` playing with sync off and the reason said.
#include "cli_support.hpp"

#include "sync/demo_feed.hpp"
#include "sync/feed_json.hpp"
#include "sync/store.hpp"

#include <doctest/doctest.h>

#include <signal.h>
#include <sys/stat.h>

using namespace podium;
using namespace podium::test::cli_support;

namespace {

struct BadFile {
    std::string name, path, says;
};

// Each kind of file a setting must not name, made in `dir`.
std::vector<BadFile> bad_files(const TempDir& dir) {
    const std::string fifo = dir.file("token-fifo");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::filesystem::create_directories(dir.file("token-dir"));
    return {{"a directory", dir.file("token-dir"), "is a directory, not a file"},
            {"/dev/zero", "/dev/zero", "is a character device, not a file"},
            {"a FIFO", fifo, "is a named pipe (FIFO), not a file"},
            {"a file too large", dir.write("token-big", std::string(1 << 20, 'x')),
             "larger than 64 KiB"},
            {"two lines", dir.write("token-two", "abc\ndef\n"), "holds 2 lines"}};
}

std::string config_with(const TempDir& dir, const std::string& key, const std::string& path) {
    const std::string feed = dir.write("feed.json", sync::feed_to_json(sync::generate_demo_feed()));
    return dir.write("podium.toml",
                     "[source]\nurl = \"" + feed + "\"\n" + key + " = \"" + path + "\"\n");
}

} // namespace

TEST_CASE("setting files: config check reports a token or CA file that sync would trip over") {
    TempDir dir;
    for (const auto& bad : bad_files(dir)) {
        for (const std::string key : {"token_file", "ca_file"}) {
            if (key == "ca_file" && bad.name == "two lines") continue; // a PEM file has many lines
            if (key == "ca_file" && bad.name == "a file too large")
                continue; // 1 MiB is a fine CA bundle
            CAPTURE(bad.name);
            CAPTURE(key);
            const std::string config = config_with(dir, key, bad.path);
            const Run r = run_podium(dir, {"config", "check", config});
            CHECK(r.exit_code == 1);
            CHECK(r.out.empty());
            REQUIRE(lines_of(r.err).size() == 1);
            CHECK(r.err.starts_with("podium: " + config + ":3:"));
            CHECK(contains(r.err, "source." + key + ": "));
            CHECK(contains(r.err, bad.path + ": " + bad.says));
        }
    }
    // A file not there yet is no error for check: a token is often installed after its config.
    const Run later =
        run_podium(dir, {"config", "check", config_with(dir, "token_file", dir.file("later"))});
    CHECK(later.exit_code == 0);
    const Run fine = run_podium(
        dir, {"config", "check", config_with(dir, "token_file", dir.write("t", "abc\n"))});
    CHECK(fine.exit_code == 0);
    CHECK(fine.err.empty());
}

TEST_CASE(
    "setting files: sync --once with such a token or CA file is a configuration error, exit 1") {
    TempDir dir;
    const std::string db = dir.file("podium.db");
    for (const auto& bad : bad_files(dir)) {
        CAPTURE(bad.name);
        const Run r = run_podium(dir, {"--db", db, "--config",
                                       config_with(dir, "token_file", bad.path), "sync", "--once"});
        CHECK(r.exit_code == 1);
        REQUIRE(lines_of(r.err).size() == 1);
        CHECK(r.err.starts_with("podium: cannot sync: token file " + bad.path + ": "));
        CHECK(contains(r.err, bad.says));
        // --source given on the command line: still a configuration error, not a usage error.
        const Run with_source =
            run_podium(dir, {"--db", db, "sync", "--once", "--source", dir.file("feed.json")});
        CHECK(with_source.exit_code == 1);
        CHECK(contains(with_source.err, bad.path));
    }
    const Run ca = run_podium(dir, {"--db", dir.file("ca.db"), "--config",
                                    config_with(dir, "ca_file", "/dev/zero"), "sync", "--once"});
    CHECK(ca.exit_code == 1);
    CHECK(ca.err == "podium: cannot sync: CA file /dev/zero: is a character device, not a file\n");
}

TEST_CASE("setting files: sync --source naming a directory says so") {
    TempDir dir;
    const Run r = run_podium(
        dir, {"--db", dir.file("podium.db"), "sync", "--once", "--source", dir.path().string()});
    CHECK(r.exit_code == 4);
    CHECK(contains(r.err, dir.path().string() + ": is a directory, not a file"));
    CHECK_FALSE(contains(r.err, "empty"));
}

TEST_CASE(
    "setting files: run with a token file that is a directory keeps playing, sync off and said") {
    TempDir dir;
    std::filesystem::create_directories(dir.file("token-dir"));
    const std::string db = dir.file("podium.db");
    const auto [code, err] = run_podium_for(dir,
                                            {"--db", db, "--config",
                                             config_with(dir, "token_file", dir.file("token-dir")),
                                             "run", "--windowed", "640x360"},
                                            2.5, SIGTERM);
    CHECK(code == 0); // stopped by SIGTERM, cleanly: not an abort (134)
    CHECK(contains(err, "podium: sync is off: token file " + dir.file("token-dir") +
                            ": is a directory, not a file"));
    auto store = sync::Store::open(db);
    REQUIRE(store.ok());
    CHECK_FALSE(store.value().recent_plays(10).empty()); // the screen played
}
