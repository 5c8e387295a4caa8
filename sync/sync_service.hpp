// The sync thread inside `podium run`: an attempt at a set interval with jitter, exponential
// back-off (with a cap) after failures, and "sync now" on request. It owns its own store
// connection (WAL) and curl handles; each new snapshot is handed to `publish`, which must not block
// (the render loop swaps it in at its next slide change and never waits for sync), before the
// photos are brought up to date.
#pragma once

#include "sync/syncer.hpp"

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <thread>

namespace podium::sync {

struct SyncSchedule {
    std::chrono::milliseconds interval{std::chrono::minutes(15)};
    double jitter = 0.1; // ± this share of the interval, so a fleet of screens does not stampede
    std::chrono::milliseconds backoff_first{std::chrono::seconds(30)};
    std::chrono::milliseconds backoff_cap{std::chrono::hours(1)};
};

// The wait before the next attempt: after success the interval ± jitter; after n failures in a
// row backoff_first * 2^(n-1) ± jitter, at most backoff_cap. random01 is in [0, 1).
std::chrono::milliseconds next_delay(const SyncSchedule& s, int failures_in_a_row, double random01);

// The data on screen is stale when its last successful sync (applied or unchanged) is longer ago
// than `factor` intervals: then the screen says "data as of ..." instead of hiding it.
bool is_stale(std::chrono::system_clock::time_point last_success,
              std::chrono::system_clock::time_point now, std::chrono::milliseconds interval,
              int factor = 3);
// "2026-11-25T10:00:00Z" as a time point; nullopt when it is not in that UTC form.
std::optional<std::chrono::system_clock::time_point> parse_utc(const std::string& rfc3339);

struct SyncStatus {
    std::optional<SyncAttempt> last;
    // The last attempt that applied or confirmed the data (from the store's records at start).
    std::optional<std::chrono::system_clock::time_point> last_success;
    int failures_in_a_row = 0;
    std::chrono::system_clock::time_point next_attempt;
};

class SyncService {
  public:
    using Publish = std::function<void(model::SnapshotPtr, const SyncAttempt&)>;
    using Clock = std::function<std::string()>; // RFC 3339 UTC "now", for records

    SyncService(std::string db_path, SyncConfig config, SyncSchedule schedule, Publish publish, Clock now);
    ~SyncService(); // stops the thread and waits for it (an attempt in flight finishes first)
    SyncService(const SyncService&) = delete;
    SyncService& operator=(const SyncService&) = delete;

    void sync_now(); // from any thread; never blocks on the attempt
    SyncStatus status() const;
    std::chrono::milliseconds interval() const { return schedule_.interval; }

  private:
    void loop();

    std::string db_path_;
    SyncConfig config_;
    SyncSchedule schedule_;
    Publish publish_;
    Clock now_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool stop_ = false;
    bool now_requested_ = false;
    SyncStatus status_;
    std::thread thread_;
};

} // namespace podium::sync
