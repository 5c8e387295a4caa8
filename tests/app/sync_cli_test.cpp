// `podium sync --once` and `podium export` through the real binary: exit codes, messages, the
// round trip, and kill -9 at random moments during syncs (the store must stay whole and hold the
// old or the new snapshot, never a mix).
#include "../fault/fault_support.hpp"
#include "../support/fixtures.hpp"
#include "../support/temp_dir.hpp"

#include "sync/demo_feed.hpp"
#include "sync/feed_json.hpp"
#include "sync/sqlite.hpp"
#include "sync/store.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

using namespace podium;
namespace fs = std::filesystem;

namespace {

using Dir = test::TempDir;

struct Run {
    int code = -1;
    std::string out, err;
};

std::string slurp(const std::string& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

pid_t spawn(const std::vector<std::string>& args, const std::string& out, const std::string& err) {
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&fa, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    REQUIRE(rc == 0);
    return pid;
}

Run invoke(const Dir& dir, std::vector<std::string> args) {
    args.insert(args.begin(), PODIUM_BINARY);
    const pid_t pid = spawn(args, dir.file("out.txt"), dir.file("err.txt"));
    int status = 0;
    waitpid(pid, &status, 0);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(dir.file("out.txt")), slurp(dir.file("err.txt"))};
}

std::size_t lines(const std::string& s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')); }


} // namespace

TEST_CASE("sync cli: exit codes and one-line messages; the store is untouched on failure") {
    Dir dir;
    const std::string db = dir.file("store.db");
    const std::string good = dir.file("feed.json");
    std::ofstream(good) << sync::feed_to_json(sync::generate_demo_feed());
    std::ofstream(dir.file("bad.json")) << "{\"format\": \"podium-feed\", \"version\": 2}";

    auto r = invoke(dir, {"--db", db, "sync", "--once", "--source", good});
    CHECK(r.code == 0);
    CHECK(r.out.find("applied") != std::string::npos);
    r = invoke(dir, {"--db", db, "sync", "--once", "--source", good});
    CHECK(r.code == 0);
    CHECK(r.out.find("unchanged") != std::string::npos);

    r = invoke(dir, {"--db", db, "sync", "--once", "--source", dir.file("bad.json")});
    CHECK(r.code == 3);
    CHECK(lines(r.err) == 1);
    CHECK(r.err.find("version") != std::string::npos);
    r = invoke(dir, {"--db", db, "sync", "--once", "--source", dir.file("nowhere.json")});
    CHECK(r.code == 4);
    CHECK(lines(r.err) == 1);
    CHECK(r.err.find("nowhere.json") != std::string::npos);
    r = invoke(dir, {"--db", db, "sync", "--once", "--source", "ftp://x/y"});
    CHECK(r.code == 2);
    r = invoke(dir, {"--db", db, "sync"});
    CHECK(r.code == 2);
    r = invoke(dir, {"--db", dir.file("fresh.db"), "sync", "--once"});
    CHECK(r.code == 1); // no source configured
    CHECK(r.err.find("no source configured") != std::string::npos);

    auto store = sync::Store::open(db).value();
    CHECK(store.load_snapshot().value()->feed == sync::generate_demo_feed());
    CHECK(store.load_snapshot().value()->meta.data_version == 1);
}

TEST_CASE("sync cli: export, sync of the export, export again gives the same document") {
    Dir dir;
    REQUIRE(sync::Store::open(dir.file("a.db")).ok()); // export reads a store, never creates one
    const std::string first = invoke(dir, {"--db", dir.file("a.db"), "export"}).out; // the demo
    REQUIRE(sync::parse_feed_json(first).ok());
    std::ofstream(dir.file("export.json")) << first;
    REQUIRE(invoke(dir, {"--db", dir.file("b.db"), "sync", "--once", "--source", dir.file("export.json")}).code == 0);
    const auto second = invoke(dir, {"--db", dir.file("b.db"), "export"});
    CHECK(second.code == 0);
    CHECK(second.out == first);
}

TEST_CASE("sync cli: kill -9 at random moments never leaves a broken or mixed store") {
    Dir dir;
    const std::string db = dir.file("store.db");
    const model::Feed a = test::fault::sized_feed(1500, "Alpha"), b = test::fault::sized_feed(1200, "Bravo");
    std::ofstream(dir.file("a.json")) << sync::feed_to_json(a);
    std::ofstream(dir.file("b.json")) << sync::feed_to_json(b);
    REQUIRE(invoke(dir, {"--db", db, "sync", "--once", "--source", dir.file("a.json")}).code == 0);

    std::mt19937 rng(20261125);
    std::uniform_int_distribution<int> delay_us(0, 400000);
    int killed_mid_sync = 0;
    constexpr int kRounds = 60;
    for (int i = 0; i < kRounds; ++i) {
        const std::string src = dir.file(i % 2 ? "a.json" : "b.json");
        const pid_t pid = spawn({PODIUM_BINARY, "--db", db, "sync", "--once", "--source", src},
                                dir.file("o.txt"), dir.file("e.txt"));
        usleep(static_cast<useconds_t>(delay_us(rng)));
        kill(pid, SIGKILL);
        int status = 0;
        waitpid(pid, &status, 0);
        killed_mid_sync += WIFSIGNALED(status) ? 1 : 0;

        auto store = sync::Store::open(db);
        REQUIRE(store.ok());
        sync::Statement check(store.value().raw(), "PRAGMA integrity_check");
        REQUIRE(check.step());
        CHECK(check.get_text(0) == "ok");
        const auto snap = store.value().load_snapshot().value();
        const bool is_a = snap->feed == a, is_b = snap->feed == b;
        CHECK((is_a || is_b)); // never a mix
    }
    MESSAGE(killed_mid_sync << " of " << kRounds << " syncs were killed before they finished");
    CHECK(killed_mid_sync > kRounds / 4); // the test really interrupted syncs
}
