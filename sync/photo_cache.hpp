// Photos named by the feed, kept in a local folder so the screen never waits on the network.
// Only photos of champions with photo consent are fetched at all; a champion gone from the feed
// (or who withdrew photo consent) loses its cached photo at the next sync. URLs are fetched in
// parallel with conditional requests; a photo that failed waits out a growing back-off, kept in
// a small state file beside it (`<name>.meta`) so that it survives a restart.
#pragma once

#include "sync/model/feed.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace podium::sync {

class HttpClient;

struct PhotoSyncReport {
    int fetched = 0, kept = 0, deleted = 0;
    int deferred = 0;                  // failed before and not due again yet
    std::vector<std::string> problems; // one line each; a missing photo never fails a sync
};

struct PhotoOptions {
    // The feed's token and CA file: used only for photos of the feed's own origin (scheme, host
    // and port), never sent to another host.
    std::string bearer_token;
    std::string ca_file;
    // After a failure a photo is not tried again for retry_first, doubling with each failure in
    // a row up to retry_cap. The sync service sets retry_first to its interval.
    std::chrono::seconds retry_first{std::chrono::minutes(15)};
    std::chrono::seconds retry_cap{std::chrono::hours(24)};
    // A URL whose server sends neither ETag nor Last-Modified cannot be asked "changed?": it is
    // downloaded again at most this often.
    std::chrono::seconds recheck_without_validators{std::chrono::hours(24)};
    int parallel = 6;               // photo downloads at once
    long total_timeout_ms = 20'000; // per photo
    long connect_timeout_ms = 10'000;
    // Asked while downloads run: true stops them (the sync service shutting down); the photos
    // not finished are simply tried at the next sync.
    std::function<bool()> cancelled;
};

class PhotoCache {
  public:
    static constexpr std::int64_t kMaxBytes = 8LL << 20;

    explicit PhotoCache(std::string dir, PhotoOptions options = {})
        : dir_(std::move(dir)), options_(std::move(options)) {}

    // Brings the folder in line with `feed`. `feed_location` is the feed's URL or file path:
    // relative photo paths are resolved against it. `now` decides which failed photos are due.
    PhotoSyncReport
    sync(const model::Feed& feed, const std::string& feed_location, HttpClient* http,
         std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

    const std::string& dir() const { return dir_; }
    // The file a champion's photo is kept in (whether or not it exists): a hash of the id, so
    // every id gives a short, safe file name.
    std::string path_for(const std::string& champion_id) const;

  private:
    std::string dir_;
    PhotoOptions options_;
};

// `photo` resolved against the feed's location: a URL stays a URL; a relative path becomes a URL
// (for a URL feed) or a path next to the feed file.
std::string resolve_photo(const std::string& photo, const std::string& feed_location);

} // namespace podium::sync
