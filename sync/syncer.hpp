// One sync attempt: fetch from the source, parse and validate completely, and only then apply the
// whole snapshot in one transaction. On any failure the store keeps its last good data. Every
// attempt is recorded (when, source, outcome, error, duration, rows). Photos come after, in a
// call of their own, so that new figures never wait on photo downloads.
#pragma once

#include "sync/feed_source.hpp"
#include "sync/photo_cache.hpp"
#include "sync/source.hpp"
#include "sync/store.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace podium::sync {

class HttpClient;

struct SyncReport {
    SyncAttempt attempt;
    model::SnapshotPtr snapshot; // the new snapshot when applied
    // The data whose photos refresh_photos brings up to date: the new or the unchanged data;
    // null after a failure.
    model::SnapshotPtr photos_of;
};

class Syncer {
  public:
    explicit Syncer(Store& store);
    ~Syncer();
    Syncer(const Syncer&) = delete;
    Syncer& operator=(const Syncer&) = delete;

    // The data only: publish report.snapshot, then call refresh_photos.
    SyncReport run_once(const SyncConfig& config, const std::string& now_utc);
    // The photo cache brought in line with report.photos_of (parallel downloads, conditional
    // requests, a back-off for failures); each problem is logged as a warning. A photo that
    // arrives now is shown from the next slide change.
    PhotoSyncReport refresh_photos(const SyncReport& report, const SyncConfig& config,
                                   std::chrono::system_clock::time_point now);

  private:
    Store& store_;
    std::unique_ptr<HttpClient> http_; // its curl handles, kept for connection reuse
};

// The organisation a CSV feed cannot carry: the device's settings (organisation.name,
// organisation.headcount, organisation.currency, organisation.goal_percent), else the
// organisation of the feed the store holds now (`current`), unless that is the demo. The name may
// be empty (none set anywhere): the slides then show none. A setting, when set, always wins.
Result<model::Organisation> csv_organisation(const Store& store, const model::Snapshot* current);

} // namespace podium::sync
