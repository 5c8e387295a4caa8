// kill -9 at random moments (issue #9): the podium binary is killed during syncs (feeds A and B
// in turn), during settings saves (`config apply`, configs A and B in turn) and during a schema
// upgrade. After every kill the store passes PRAGMA integrity_check and holds exactly the state
// before or after the interrupted command, never a mix.
//
// PODIUM_FAULT_KILLS sets the kills per kind (CI: 80 syncs, 80 settings saves, 40 upgrades,
// about 40 s in all); e.g. PODIUM_FAULT_KILLS=2000 for a long run. Kills land in every phase
// (start-up, parsing, the write transaction, the commit, the exit): a delay uniform over the time
// an uninterrupted run takes (measured first), or over its writing, or a moment after the store's
// journal first has frames (see Strike).
#include "fault_support.hpp"

#include "../sync/store_support.hpp"

#include "sync/feed_json.hpp"
#include "sync/store.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <random>
#include <signal.h>
#include <string>
#include <vector>

using namespace podium;
using namespace podium::test::store_support;
namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

long kills_per_kind(long ci_default) {
    const long all = test::fault::env_count("PODIUM_FAULT_KILLS", 0);
    return all > 0 ? all : ci_default;
}

// Uninterrupted runs of the command: how long one takes, and when its first write to the store's
// journal appears (polled every 200 us), in microseconds from its start. The median of the runs:
// one slow start (a cold cache, a burst of other work on the machine) must not stretch the
// delays so far that most kills come after the command has ended.
struct Timing {
    long span_us = 0;
    long first_write_us = 0;
    // What the kill rounds see of later runs (a run that ended before its kill, a journal that got
    // its first frames) moves the figures: the median of the last few. So a machine that gets
    // busier or quieter during the test (other tests, a sanitizer build) keeps the kills on the
    // work instead of after it.
    std::vector<long> spans, first_writes;
    static long median_of_last(std::vector<long>& v, long x) {
        v.push_back(x);
        std::vector<long> last(v.end() - static_cast<long>(std::min<std::size_t>(v.size(), 7)), v.end());
        std::sort(last.begin(), last.end());
        return last[last.size() / 2];
    }
    void saw_span(long us) { span_us = median_of_last(spans, us); }
    void saw_first_write(long us) { first_write_us = std::min(median_of_last(first_writes, us), span_us); }
};

Timing uninterrupted(const std::vector<std::string>& args, const TempDir& dir, const std::string& db, int runs = 3) {
    std::vector<long> spans, first_writes;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        const auto since = [&] {
            return static_cast<long>(std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start).count());
        };
        const pid_t pid = test::fault::spawn_podium(args, dir.file("out.txt"), dir.file("err.txt"));
        long first_write = -1;
        int status = 0;
        std::error_code ec;
        while (::waitpid(pid, &status, WNOHANG) == 0) {
            if (first_write < 0 && fs::file_size(db + "-wal", ec) > 0 && !ec) first_write = since();
            ::usleep(200);
        }
        const long span = since();
        REQUIRE_MESSAGE((WIFEXITED(status) && WEXITSTATUS(status) == 0), test::fault::slurp(dir.file("err.txt")));
        spans.push_back(span);
        first_writes.push_back(first_write < 0 ? span : first_write);
    }
    const auto median = [](std::vector<long> v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    return {median(spans), median(first_writes), spans, first_writes};
}

// When a kill lands. A delay alone depends on how busy the machine is (a loaded CI run makes the
// command slower than its calibration, and the kills then miss the write), so a third of the
// kills watch the store's journal instead and strike as soon as it has frames, plus a little:
// those land inside the write transaction or its commit on any machine.
struct Strike {
    long delay_us = 0;            // after the start, or after the journal's first frames
    bool on_journal = false;
};

// A third of the kills anywhere in the run (and a little after), a third around the writing at its
// end, a third on the journal. A write transaction lasts about a millisecond or two from its first
// frames to its commit (1.5 ms under AddressSanitizer), while the run goes on for tens of
// milliseconds after it (the attempt's record, the photos, the exit): a journal kill therefore
// strikes within 2 ms of the first frames, or it would mostly land after the commit (measured:
// 2 of 30 kills mid-write, some runs none).
Strike pick_strike(const Timing& t, std::mt19937& rng) {
    switch (std::uniform_int_distribution<int>(0, 2)(rng)) {
    case 0: return {std::uniform_int_distribution<long>(0, t.span_us * 11 / 10)(rng), false};
    case 1: return {std::uniform_int_distribution<long>(t.first_write_us * 9 / 10, t.span_us)(rng), false};
    default: {
        const long after_first = std::max(1L, (t.span_us - t.first_write_us) / 2);
        return {std::uniform_int_distribution<long>(0, std::min(2000L, after_first))(rng), true};
    }
    }
}

struct Tally {
    int killed_before_writing = 0; // no journal written yet
    int killed_mid_write = 0;      // the journal had frames, the old state was kept
    int killed_after_commit = 0;   // the new state was committed, the process had not exited yet
    int finished = 0;              // the command ended before the kill
    int total() const { return killed_before_writing + killed_mid_write + killed_after_commit + finished; }
};

// Starts the command, kills it after a random delay, and classifies what the kill interrupted.
// `check` then judges the store: it returns 0 for the old state, 1 for the new, -1 for neither.
template <class Check>
void kill_round(const std::vector<std::string>& args, const TempDir& dir, const std::string& db, Strike strike,
                Timing& timing, Tally& tally, int& state, int new_state, Check&& check) {
    const auto start = Clock::now();
    const auto since = [&] {
        return static_cast<long>(std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start).count());
    };
    const pid_t pid = test::fault::spawn_podium(args, dir.file("out.txt"), dir.file("err.txt"));
    const auto running = [pid] {
        siginfo_t info{};
        return ::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == 0;
    };
    // Polled every 50 us: when the journal first has frames, and whether the command has ended.
    long frames_at = -1;
    const auto watch_until = [&](auto&& done) {
        std::error_code ec;
        while (!done() && running()) {
            if (frames_at < 0 && fs::file_size(db + "-wal", ec) > 0 && !ec) frames_at = since();
            ::usleep(50);
        }
    };
    long from = 0;
    if (strike.on_journal) {
        watch_until([&] { return frames_at >= 0; });
        from = since();
    }
    watch_until([&] { return since() >= from + strike.delay_us; });
    if (!running()) timing.saw_span(since()); // it ended before its kill: runs take this long now
    if (frames_at >= 0) timing.saw_first_write(frames_at);
    ::kill(pid, SIGKILL);
    const long delay_us = strike.delay_us;
    const auto exit = test::fault::wait_for(pid);
    const bool wrote = fs::exists(db + "-wal") && fs::file_size(db + "-wal") > 0;

    // Integrity first, on a plain connection (it recovers the WAL like any reader).
    {
        Db raw = connect(db);
        const std::string integrity = query_text(raw.get(), "PRAGMA integrity_check");
        REQUIRE_MESSAGE(integrity == "ok", "after a kill at " << delay_us << " us: " << integrity);
        CHECK(query_text(raw.get(), "PRAGMA foreign_key_check") == "");
    }
    const int seen = check();
    REQUIRE_MESSAGE((seen == state || seen == new_state), "after a kill at " << delay_us << " us the store holds "
                                                           << (seen < 0 ? "a mix" : "an unexpected state"));
    if (exit.signal == 0) {
        CHECK(exit.code == 0);
        CHECK(seen == new_state);
        ++tally.finished;
    } else if (seen == new_state) {
        ++tally.killed_after_commit;
    } else if (wrote) {
        ++tally.killed_mid_write;
    } else {
        ++tally.killed_before_writing;
    }
    if (std::getenv("PODIUM_FAULT_TRACE"))
        std::fprintf(stderr, "kill at %ld us%s: signal %d, journal %d, state %d -> %d\n", delay_us, strike.on_journal ? " after the journal's first frames" : "", exit.signal, int{wrote}, state, seen);
    state = seen;
}

// Rounds of kills of a command that flips the store between two states (A -> B, B -> A, ...):
// `args(i)` is the command that makes state i. Returns the tally; the store ends in a whole state.
template <class Args, class Check>
Tally alternate_kills(long rounds, std::uint32_t seed, Args&& args, const TempDir& dir, const std::string& db,
                      Timing& timing, Check&& check) {
    std::mt19937 rng(seed);
    Tally tally;
    int state = 0;
    for (long i = 0; i < rounds; ++i)
        kill_round(args(1 - state), dir, db, pick_strike(timing, rng), timing, tally, state, 1 - state, check);
    return tally;
}

std::string describe(const Tally& t) {
    return std::to_string(t.total()) + " kills: " + std::to_string(t.killed_before_writing) + " before writing, " +
           std::to_string(t.killed_mid_write) + " mid-transaction (old state kept), " +
           std::to_string(t.killed_after_commit) + " after the commit (new state), " + std::to_string(t.finished) +
           " after the command had finished";
}

// The settings as "key=value" lines, sorted; when they were changed does not count.
std::vector<std::string> settings_of(const std::string& db) {
    Db raw = connect(db);
    std::vector<std::string> out;
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(raw.get(), "SELECT key || '=' || value FROM settings ORDER BY key", -1, &st, nullptr) ==
            SQLITE_OK);
    while (sqlite3_step(st) == SQLITE_ROW) out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
    sqlite3_finalize(st);
    return out;
}

const char* kConfigA = R"(
[source]
url = "/srv/podium/a.json"
interval = "15m"
[organisation]
name = "Alpha Advisory"
headcount = 250
[display]
language = "en"
time_zone = "Europe/Amsterdam"
text_size = 1.0
[[playlist]]
slide = "leaderboard"
duration = "15s"
[[playlist]]
slide = "spotlight"
duration = "20s"
)";

const char* kConfigB = R"(
[source]
url = "/srv/podium/b.json"
interval = "30m"
[organisation]
name = "Bravo Bureau"
headcount = 900
[display]
language = "nl"
time_zone = "Europe/London"
text_size = 1.5
[[playlist]]
slide = "results"
duration = "10s"
)";

} // namespace

TEST_CASE("fault/crash: kill -9 during syncs leaves a whole store with the old or the new feed") {
    TempDir dir("podium-fault-crash");
    const std::string db = dir.file("podium.db");
    const model::Feed feeds[2] = {test::fault::sized_feed(1500, "Alpha"), test::fault::sized_feed(1200, "Bravo")};
    const std::string paths[2] = {dir.write("a.json", sync::feed_to_json(feeds[0])),
                                  dir.write("b.json", sync::feed_to_json(feeds[1]))};
    const auto sync_args = [&](int i) { return std::vector<std::string>{"--db", db, "sync", "--once", "--source", paths[i]}; };
    // Calibrate on the real work: B replacing A, then A replacing B (the store ends on A).
    REQUIRE(test::fault::wait_for(test::fault::spawn_podium(sync_args(0), dir.file("o"), dir.file("e"))).code == 0);
    // Three runs each way, the median; the store ends on A, the state the kills start from.
    std::vector<Timing> pairs;
    for (int i = 0; i < 3; ++i) {
        const Timing b_over_a = uninterrupted(sync_args(1), dir, db, 1);
        const Timing a_over_b = uninterrupted(sync_args(0), dir, db, 1);
        const long span = std::max(b_over_a.span_us, a_over_b.span_us);
        const long first_write = std::min(b_over_a.first_write_us, a_over_b.first_write_us);
        pairs.push_back({span, first_write, {span}, {first_write}});
    }
    std::sort(pairs.begin(), pairs.end(), [](const Timing& x, const Timing& y) { return x.span_us < y.span_us; });
    Timing timing = pairs[1];

    const auto check = [&] {
        auto store = Store::open(db);
        REQUIRE(store.ok());
        const auto snap = store.value().load_snapshot();
        REQUIRE(snap.ok());
        return snap.value()->feed == feeds[0] ? 0 : snap.value()->feed == feeds[1] ? 1 : -1;
    };
    const long rounds = kills_per_kind(80);
    const Tally tally = alternate_kills(rounds, 20261125, sync_args, dir, db, timing, check);
    MESSAGE("syncs (" << timing.span_us / 1000 << " ms uninterrupted, writing from " << timing.first_write_us / 1000
                      << " ms): " << describe(tally));
    CHECK(tally.total() - tally.finished > rounds / 3);
    CHECK(tally.killed_mid_write > 0);
}

TEST_CASE("fault/crash: kill -9 during settings saves leaves all of the old or all of the new settings") {
    TempDir dir("podium-fault-crash");
    const std::string db = dir.file("podium.db");
    const std::string configs[2] = {dir.write("a.toml", kConfigA), dir.write("b.toml", kConfigB)};
    const auto apply_args = [&](int i) { return std::vector<std::string>{"--db", db, "config", "apply", configs[i]}; };
    // The two states, from clean runs.
    std::vector<std::string> states[2];
    REQUIRE(test::fault::wait_for(test::fault::spawn_podium(apply_args(1), dir.file("o"), dir.file("e"))).code == 0);
    states[1] = settings_of(db);
    Timing timing = uninterrupted(apply_args(0), dir, db);
    states[0] = settings_of(db);
    REQUIRE(states[0].size() == states[1].size()); // the same keys, so B replaces all of A and back
    REQUIRE(states[0] != states[1]);

    const auto check = [&] {
        const auto now = settings_of(db);
        return now == states[0] ? 0 : now == states[1] ? 1 : -1;
    };
    const long rounds = kills_per_kind(80);
    const Tally tally = alternate_kills(rounds, 20261126, apply_args, dir, db, timing, check);
    MESSAGE("settings saves (" << timing.span_us / 1000 << " ms uninterrupted): " << describe(tally));
    CHECK(tally.total() - tally.finished > rounds / 3);
    CHECK(tally.killed_mid_write + tally.killed_after_commit > 0);
}

TEST_CASE("fault/crash: kill -9 during a schema upgrade leaves the old or the upgraded store, whole") {
    TempDir dir("podium-fault-crash");
    const std::string db = dir.file("podium.db");
    const std::string v1 = dir.file("v1.db");
    const auto feed = test::fault::sized_feed(800, "Alpha");
    test::fault::make_v1_store(v1, feed, {{"display.language", "nl"}});
    const auto fresh_copy = [&] {
        for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db + suffix);
        for (const auto& e : fs::directory_iterator(dir.path()))
            if (e.path().filename().string().starts_with("podium.db.pre-v")) fs::remove(e.path());
        fs::copy_file(v1, db);
    };
    // `config apply` opens (and so upgrades) the store, then saves one setting.
    const std::string config = dir.write("c.toml", "[display]\nlanguage = \"en\"\n");
    const std::vector<std::string> args{"--db", db, "config", "apply", config};
    std::vector<Timing> runs;
    for (int i = 0; i < 3; ++i) {
        fresh_copy();
        runs.push_back(uninterrupted(args, dir, db, 1));
    }
    std::sort(runs.begin(), runs.end(), [](const Timing& x, const Timing& y) { return x.span_us < y.span_us; });
    Timing timing = runs[1];

    const auto check = [&] {
        Db raw = connect(db);
        const auto version = query_int(raw.get(), "PRAGMA user_version");
        if (version != 1 && version != Store::latest_schema_version()) return -1;
        CHECK(count(raw.get(), "champions") == 800);
        return version == 1 ? 0 : 1;
    };
    const long rounds = std::max(1L, kills_per_kind(80) / 2);
    std::mt19937 rng(20261127);
    Tally tally;
    int upgraded_then_opened = 0;
    for (long i = 0; i < rounds; ++i) {
        fresh_copy();
        int state = 0;
        kill_round(args, dir, db, pick_strike(timing, rng), timing, tally, state, 1, check);
        // Whatever was interrupted, the next start completes the upgrade with the data intact.
        auto store = Store::open(db);
        REQUIRE_MESSAGE(store.ok(), (store.ok() ? "" : store.error().message));
        CHECK(store.value().schema_version() == Store::latest_schema_version());
        CHECK(store.value().load_snapshot().value()->feed == feed);
        upgraded_then_opened += 1;
    }
    MESSAGE("upgrades (" << timing.span_us / 1000 << " ms uninterrupted): " << describe(tally) << "; "
                         << upgraded_then_opened << " upgraded fine at the next start");
}
