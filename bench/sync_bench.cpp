// Sync benchmark (not a test: it prints figures and never fails a build on time).
//   podium_bench_sync json|csv|unchanged [CHAMPIONS] [MONTHS]
// json/csv: time to parse, validate and apply a feed of CHAMPIONS x MONTHS (default 10,000 x 24)
// into a fresh store, and the process's peak memory. unchanged: the CPU cost of a sync against an
// HTTP server on 127.0.0.1 that answers 304 Not Modified (median of 50). Run each mode in its own
// process (bench/run does) so that peak memory is that mode's alone.
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

int bench_file(bool csv, int champions, int months) {
    const fs::path dir = fs::temp_directory_path() / ("podium-bench-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const auto feed = make_feed(champions, months);
    const std::string path = (dir / (csv ? "feed.csv" : "feed.json")).string();
    std::ofstream(path, std::ios::binary) << (csv ? sync::feed_to_csv(feed) : sync::feed_to_json(feed));
    const auto bytes = fs::file_size(path);
    const double base_mib = peak_mib(); // the generator's own memory, before the sync starts

    auto store = sync::Store::open((dir / "store.db").string()).value();
    if (csv) (void)store.set_setting("organisation.name", feed.organisation.name, "2026-11-25T00:00:00Z");
    sync::Syncer syncer(store);
    const auto wall0 = std::chrono::steady_clock::now();
    const double cpu0 = cpu_seconds();
    const auto report = syncer.run_once({sync::parse_source(path).value()}, "2026-11-25T00:00:00Z");
    const double cpu = cpu_seconds() - cpu0;
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
    std::printf("%s\t%d x %d\t%.1f MiB file\t%s\twall %.3f s\tcpu %.3f s\tpeak RSS %.1f MiB (%.1f MiB before)\n",
                csv ? "csv" : "json", champions, months, static_cast<double>(bytes) / 1048576.0,
                std::string(sync::outcome_name(report.attempt.outcome)).c_str(), wall, cpu, peak_mib(), base_mib);
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
    const sync::SyncConfig config{sync::parse_source(server.url("/feed.json")).value()};
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
    const std::string mode = argc > 1 ? argv[1] : "";
    const int champions = argc > 2 ? std::atoi(argv[2]) : 10000;
    const int months = argc > 3 ? std::atoi(argv[3]) : 24;
    if (mode == "json" || mode == "csv") return bench_file(mode == "csv", champions, months);
    if (mode == "unchanged") return bench_unchanged(champions, months);
    std::fprintf(stderr, "usage: podium_bench_sync json|csv|unchanged [CHAMPIONS] [MONTHS]\n");
    return 2;
}
