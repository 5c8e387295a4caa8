// Sync benchmark (not a test: it prints figures and never fails a build on time).
//   podium_bench_sync write json|csv FILE [CHAMPIONS] [MONTHS]   make a feed (default 10,000 x 24)
//   podium_bench_sync sync FILE                                  parse, validate, apply into a new store
//   podium_bench_sync unchanged [CHAMPIONS] [MONTHS]             a sync answered by 304 (median of 50)
// `sync` runs in a fresh process so that its peak memory is the sync's alone (bench/run does this).
#include "sync/demo_feed.hpp"
#include "sync/feed_csv.hpp"
#include "sync/feed_json.hpp"
#include "sync/syncer.hpp"
#include "tests/support/http_test_server.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <sys/resource.h>
#include <unistd.h>

using namespace podium;
namespace fs = std::filesystem;

namespace {

// The calling thread's CPU time: the test server's thread does not count against the sync.
double cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

double peak_mib() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_maxrss) / 1024.0;
}

// CHAMPIONS x MONTHS of plausible figures, from the demo feed's champions and months.
model::Feed make_feed(int champions, int months) {
    const auto demo = sync::generate_demo_feed();
    model::Feed f;
    f.generated_at = demo.generated_at;
    f.organisation = demo.organisation;
    f.organisation.headcount = champions * 10;
    for (int i = 0; i < champions; ++i) {
        auto c = demo.champions[static_cast<std::size_t>(i) % demo.champions.size()];
        c.id = "c-" + std::to_string(i);
        c.name += " " + std::to_string(i);
        f.champions.push_back(c);
        model::YearMonth ym{2024, 11};
        for (int m = 0; m < months; ++m, ym = ym.next()) {
            auto row = demo.monthly[static_cast<std::size_t>(i * 7 + m) % demo.monthly.size()];
            row.champion = c.id;
            row.month = ym;
            f.monthly.push_back(row);
        }
    }
    return f;
}

int write_feed(bool csv, const std::string& path, int champions, int months) {
    const auto feed = make_feed(champions, months);
    std::ofstream(path, std::ios::binary) << (csv ? sync::feed_to_csv(feed) : sync::feed_to_json(feed));
    return 0;
}

int bench_sync(const std::string& path) {
    const fs::path dir = fs::temp_directory_path() / ("podium-bench-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const bool csv = path.ends_with(".csv");
    auto store = sync::Store::open((dir / "store.db").string()).value();
    if (csv) (void)store.set_setting("organisation.name", "Bench Org", "2026-11-25T00:00:00Z");
    sync::Syncer syncer(store);
    sync::SyncConfig config;
    config.source = sync::parse_source(path).value();
    config.max_body_bytes = 1LL << 30; // the default 64 MiB is a device setting; measure the work
    const double base_mib = peak_mib();
    const auto wall0 = std::chrono::steady_clock::now();
    const double cpu0 = cpu_seconds();
    const auto report = syncer.run_once(config, "2026-11-25T00:00:00Z");
    const double cpu = cpu_seconds() - cpu0;
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
    std::printf("%s\t%.1f MiB\t%lld rows\t%s\twall %.3f s\tcpu %.3f s\tpeak RSS %.1f MiB (%.1f at start)\n",
                csv ? "csv " : "json", static_cast<double>(fs::file_size(path)) / 1048576.0,
                static_cast<long long>(report.attempt.rows),
                std::string(sync::outcome_name(report.attempt.outcome)).c_str(), wall, cpu, peak_mib(), base_mib);
    if (!report.attempt.error.empty()) std::printf("error: %s\n", report.attempt.error.c_str());
    fs::remove_all(dir);
    return report.attempt.outcome == sync::SyncOutcome::applied ? 0 : 1;
}

int bench_unchanged(int champions, int months) {
    const fs::path dir = fs::temp_directory_path() / ("podium-bench-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string body = sync::feed_to_json(make_feed(champions, months));
    test::HttpTestServer server;
    server.on("/feed.json", [&](const test::Request& r) {
        if (r.header("If-None-Match") == "\"v1\"") return test::Reply{304, "Not Modified", {{"ETag", "\"v1\""}}, ""};
        return test::Reply{200, "OK", {{"Content-Type", "application/json"}, {"ETag", "\"v1\""}}, body};
    });
    auto store = sync::Store::open((dir / "store.db").string()).value();
    sync::Syncer syncer(store);
    sync::SyncConfig config;
    config.source = sync::parse_source(server.url("/feed.json")).value();
    config.max_body_bytes = 1LL << 30;
    if (syncer.run_once(config, "2026-11-25T00:00:00Z").attempt.outcome != sync::SyncOutcome::applied) return 1;
    std::vector<double> cpu, wall;
    for (int i = 0; i < 50; ++i) {
        const auto w0 = std::chrono::steady_clock::now();
        const double c0 = cpu_seconds();
        const auto r = syncer.run_once(config, "2026-11-25T00:00:00Z");
        cpu.push_back(cpu_seconds() - c0);
        wall.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - w0).count());
        if (r.attempt.outcome != sync::SyncOutcome::unchanged) return 1;
    }
    std::sort(cpu.begin(), cpu.end());
    std::sort(wall.begin(), wall.end());
    std::printf("unchanged (304)\t%d x %d\tmedian cpu %.2f ms\tmedian wall %.2f ms\t"
                "max cpu %.2f ms\n",
                champions, months, cpu[cpu.size() / 2] * 1e3, wall[wall.size() / 2] * 1e3, cpu.back() * 1e3);
    fs::remove_all(dir);
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> a(argv + 1, argv + argc);
    auto num = [&](std::size_t i, int fallback) { return a.size() > i ? std::atoi(a[i].c_str()) : fallback; };
    if (a.size() >= 3 && a[0] == "write") return write_feed(a[1] == "csv", a[2], num(3, 10000), num(4, 24));
    if (a.size() == 2 && a[0] == "sync") return bench_sync(a[1]);
    if (!a.empty() && a[0] == "unchanged") return bench_unchanged(num(1, 10000), num(2, 24));
    std::fprintf(stderr, "usage: podium_bench_sync write json|csv FILE [C] [M] | sync FILE | unchanged [C] [M]\n");
    return 2;
}
