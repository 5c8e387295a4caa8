// One sync attempt: fetch from the source, parse and validate completely, and only then apply the
// whole snapshot in one transaction. On any failure the store keeps its last good data. Every
// attempt is recorded (when, source, outcome, error, duration, rows).
#pragma once

#include "sync/source.hpp"
#include "sync/store.hpp"

#include <cstdint>
#include <memory>
#include <string>

namespace podium::sync {

class HttpClient;

struct SyncConfig {
    Source source;
    std::string bearer_token; // never logged
    std::string ca_file;
    std::int64_t max_body_bytes = 64LL << 20;
    long connect_timeout_ms = 10'000;
    long total_timeout_ms = 60'000;
};

struct SyncReport {
    SyncAttempt attempt;
    model::SnapshotPtr snapshot; // the new snapshot when applied
};

class Syncer {
  public:
    explicit Syncer(Store& store);
    ~Syncer();
    Syncer(const Syncer&) = delete;
    Syncer& operator=(const Syncer&) = delete;

    SyncReport run_once(const SyncConfig& config, const std::string& now_utc);

  private:
    Store& store_;
    std::unique_ptr<HttpClient> http_; // one curl handle, kept for connection reuse
};

// The organisation a CSV feed cannot carry: the device's settings (organisation.name,
// organisation.headcount, organisation.currency, organisation.goal_percent), else the
// organisation of the feed the store holds now (`current`), unless that is the demo. The name may
// be empty (none set anywhere): the slides then show none. A setting, when set, always wins.
Result<model::Organisation> csv_organisation(const Store& store, const model::Snapshot* current);

} // namespace podium::sync
