// Where the sync thread leaves each new snapshot for the render thread, already put through the
// privacy filter for what the screen shows now. The render thread takes it at its next slide
// change (a slide never changes its figures while on screen) and draws at once: at 10,000
// champions the filter takes a fifth of a second, which the render thread would otherwise spend
// between two slides.
#pragma once

#include "display/scene/privacy.hpp"
#include "sync/model/snapshot.hpp"

#include <mutex>
#include <optional>

namespace podium::app {

// What the render thread shows now: the audience and the rules its view follows.
struct Viewing {
    scene::Audience audience = scene::Audience::visitors;
    scene::PrivacySettings privacy;
    scene::Lang lang = scene::Lang::en;
    bool operator==(const Viewing&) const = default;
};

// A snapshot, and its view for `viewing` (none when nothing was viewing yet).
struct Prepared {
    model::SnapshotPtr snapshot;
    Viewing viewing;
    std::optional<scene::View> view;
};

class SnapshotMailbox {
  public:
    // The render thread: what it shows now (at every slide change; cheap).
    void viewing(const Viewing& v);
    // The sync thread: a new snapshot, filtered for the latest viewing outside the lock. A newer
    // one replaces one not yet taken.
    void put(model::SnapshotPtr s);
    // The render thread: the newest prepared snapshot, if one came since the last take.
    std::optional<Prepared> take();

  private:
    std::mutex mutex_;
    std::optional<Viewing> viewing_;
    std::optional<Prepared> latest_;
};

} // namespace podium::app
