// Snapshot: an immutable view of the local store that the display draws from. Sync publishes a new
// std::shared_ptr<const Snapshot>; the render loop swaps it in once per frame, without locks.
#pragma once

#include "feed.hpp"

#include <cstdint>
#include <memory>
#include <string>

namespace podium::model {

struct SnapshotMeta {
    std::int64_t data_version = 0; // increases with every applied feed
    bool is_demo = false;          // the bundled demo feed is on screen
    std::string source;            // where the data came from ("demo", a URL, a path)
    std::string applied_at;        // RFC 3339 UTC, when the feed was applied to the store
    std::string photo_dir;         // where cached photos are (empty: none)
};

struct Snapshot {
    Feed feed;
    SnapshotMeta meta;

    bool empty() const { return feed.champions.empty(); }
};

using SnapshotPtr = std::shared_ptr<const Snapshot>;

} // namespace podium::model
