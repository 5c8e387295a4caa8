// Shared by the fault tests (tests/fault/): loop counts from the environment (a CI default, a
// long mode for a soak by hand), the process's memory from /proc, feeds of a chosen size, and
// running the podium binary as a child that can be killed at any moment.
#pragma once

#include "sync/demo_feed.hpp"
#include "sync/model/c_handle.hpp"
#include "sync/model/feed.hpp"
#include "sync/store_schema.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <malloc.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace podium::test::fault {

// Under AddressSanitizer the process's memory says nothing about ours: freed blocks wait in its
// quarantine (up to 256 MiB) and malloc's statistics read 0. The soaks then leave memory to
// LeakSanitizer, which fails the test at exit on any block nothing points to.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kMemoryMeasurable = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kMemoryMeasurable = false;
#else
inline constexpr bool kMemoryMeasurable = true;
#endif
#else
inline constexpr bool kMemoryMeasurable = true;
#endif

// A positive number from the environment, else `fallback` (CI's value).
inline long env_count(const char* name, long fallback) {
    const char* v = std::getenv(name);
    if (!v || !*v) return fallback;
    char* end = nullptr;
    const long n = std::strtol(v, &end, 10);
    return end && *end == '\0' && n > 0 ? n : fallback;
}

// A field of /proc/self/status in KiB ("VmRSS", "VmHWM"), or -1.
inline long status_kib(const std::string& field) {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(field + ":", 0) == 0) return std::atol(line.c_str() + field.size() + 1);
    return -1;
}
inline long rss_kib() { return status_kib("VmRSS"); }
// malloc's bytes in use (the main arena), in KiB.
inline long heap_in_use_kib() {
    const struct mallinfo2 mi = mallinfo2();
    return static_cast<long>((mi.uordblks + mi.hblkhd) / 1024);
}
// The soaks' memory samples, and the largest RSS and heap among them.
struct MemorySample {
    long cycle = 0, rss_kib = 0, heap_kib = 0;
};
inline MemorySample sample_memory(long cycle) { return {cycle, rss_kib(), heap_in_use_kib()}; }
inline MemorySample peak_of(const std::vector<MemorySample>& samples) {
    MemorySample peak;
    for (const auto& s : samples) {
        peak.rss_kib = std::max(peak.rss_kib, s.rss_kib);
        peak.heap_kib = std::max(peak.heap_kib, s.heap_kib);
    }
    return peak;
}
inline long peak_rss_kib() { return status_kib("VmHWM"); }
// Resets VmHWM to the current RSS (Linux 4.0+); false when the kernel does not allow it.
inline bool reset_peak_rss() {
    std::ofstream out("/proc/self/clear_refs");
    out << "5";
    out.flush();
    return out.good();
}

// The demo feed with `champions` champions (12 months each), named after `tag` so two feeds of
// the same size still differ everywhere.
inline model::Feed sized_feed(int champions, const std::string& tag) {
    auto f = sync::generate_demo_feed();
    f.organisation.name = tag;
    const auto base = f.champions;
    const auto months = f.monthly;
    f.champions.clear();
    f.monthly.clear();
    f.successes.clear();
    for (int i = 0; i < champions; ++i) {
        auto c = base[static_cast<std::size_t>(i) % base.size()];
        c.id = tag + "-" + std::to_string(i);
        c.name += " " + std::to_string(i);
        f.champions.push_back(c);
        for (int m = 1; m <= 12; ++m) {
            auto row = months[static_cast<std::size_t>(m) % months.size()];
            row.champion = c.id;
            row.month = {2026, m};
            f.monthly.push_back(row);
        }
    }
    return f;
}

inline std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Starts PODIUM_BINARY with `args`, stdout and stderr to files; the caller waits or kills.
inline pid_t spawn_podium(const std::vector<std::string>& args, const std::string& out,
                          const std::string& err) {
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&fa, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::vector<std::string> all{PODIUM_BINARY};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, PODIUM_BINARY, &fa, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    REQUIRE_MESSAGE(rc == 0, "cannot start " << PODIUM_BINARY);
    return pid;
}

struct Exit {
    int code = -1;   // the exit code, or -1 when a signal ended it
    int signal = 0;  // the signal that ended it, or 0
};

inline Exit wait_for(pid_t pid) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
    }
    if (WIFSIGNALED(status)) return {-1, WTERMSIG(status)};
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, 0};
}

// A store as Podium 0.1 left it: schema version 1 (the first migration only), holding `feed`
// (data version 1, from "feed.json") and `settings`, in WAL mode, closed cleanly. Written with
// plain SQL, since today's Store only writes the latest schema.
inline void make_v1_store(const std::string& path, const model::Feed& feed,
                          const std::vector<std::pair<std::string, std::string>>& settings) {
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) == SQLITE_OK);
    podium::CHandle<sqlite3, sqlite3_close_v2> db(raw);
    const auto exec = [&](const std::string& sql) {
        char* msg = nullptr;
        const int rc = sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, &msg);
        const std::string text = msg ? msg : "";
        sqlite3_free(msg);
        REQUIRE_MESSAGE(rc == SQLITE_OK, sql.substr(0, 60) << ": " << text);
    };
    // Rows as SQL literals: enough for test data (quotes doubled).
    const auto q = [](const std::string& v) {
        std::string out = "'";
        for (char c : v) out += c == '\'' ? std::string("''") : std::string(1, c);
        return out + "'";
    };
    exec("PRAGMA journal_mode = WAL");
    exec("BEGIN");
    exec(sync::kMigrations[0]);
    exec("PRAGMA user_version = 1");
    const auto& o = feed.organisation;
    char goal[64];
    std::snprintf(goal, sizeof goal, "%.17g", o.champion_goal_percent);
    exec("INSERT INTO organisation VALUES (1, " + q(o.name) + ", " +
         (o.headcount ? std::to_string(*o.headcount) : "NULL") + ", " + q(o.currency) + ", " + goal + ", " +
         q(feed.generated_at) + ")");
    int position = 0;
    for (const auto& c : feed.champions)
        exec("INSERT INTO champions VALUES (" + std::to_string(position++) + ", " + q(c.id) + ", " + q(c.name) +
             ", " + q(c.team) + ", " + q(c.photo) + ", " + std::to_string(int{c.consent.internal}) + ", " +
             std::to_string(int{c.consent.is_public}) + ", " + std::to_string(int{c.consent.photo}) + ")");
    position = 0;
    for (const auto& m : feed.monthly) {
        std::string row = std::to_string(position++) + ", " + q(m.champion) + ", " + q(model::format_year_month(m.month));
        for (auto v : m.counts) row += ", " + std::to_string(v);
        exec("INSERT INTO monthly VALUES (" + row + ", " + std::to_string(m.deal_value_cents) + ")");
    }
    position = 0;
    for (const auto& s : feed.successes) {
        char value[64];
        std::snprintf(value, sizeof value, "%.17g", s.value);
        exec("INSERT INTO successes VALUES (" + std::to_string(position++) + ", " + q(s.champion) + ", " +
             q(model::format_date(s.date)) + ", " + q(s.kind) + ", " + q(s.title) + ", " + q(s.story) + ", " +
             value + ")");
    }
    position = 0;
    for (const auto& i : feed.investment) {
        char values[96];
        std::snprintf(values, sizeof values, "%.17g, %.17g", i.hours, i.cost);
        exec("INSERT INTO investment VALUES (" + std::to_string(position++) + ", " +
             q(model::format_year_month(i.month)) + ", " + values + ")");
    }
    exec("INSERT INTO feed_meta VALUES (1, 1, 'feed.json', 0, '2026-11-01T07:00:00Z')");
    for (const auto& [k, v] : settings)
        exec("INSERT INTO settings VALUES (" + q(k) + ", " + q(v) + ", '2026-11-01T07:00:00Z')");
    exec("COMMIT");
}

} // namespace podium::test::fault
