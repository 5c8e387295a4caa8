// Photos named by the feed, kept in a local folder so the screen never waits on the network.
// Only photos of champions with photo consent are fetched at all; a champion gone from the feed
// (or who withdrew photo consent) loses its cached photo at the next sync.
#pragma once

#include "sync/model/feed.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace podium::sync {

class HttpClient;

struct PhotoSyncReport {
    int fetched = 0, kept = 0, deleted = 0;
    std::vector<std::string> problems; // one line each; a missing photo never fails a sync
};

class PhotoCache {
  public:
    static constexpr std::int64_t kMaxBytes = 8LL << 20;

    explicit PhotoCache(std::string dir) : dir_(std::move(dir)) {}

    // Brings the folder in line with `feed`. `feed_location` is the feed's URL or file path:
    // relative photo paths are resolved against it.
    PhotoSyncReport sync(const model::Feed& feed, const std::string& feed_location, HttpClient* http);

    const std::string& dir() const { return dir_; }
    // The file a champion's photo is kept in (whether or not it exists).
    std::string path_for(const std::string& champion_id) const;

  private:
    std::string dir_;
};

// `photo` resolved against the feed's location: a URL stays a URL; a relative path becomes a URL
// (for a URL feed) or a path next to the feed file.
std::string resolve_photo(const std::string& photo, const std::string& feed_location);

} // namespace podium::sync
