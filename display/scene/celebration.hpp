// Celebrations ("interrupts"): after a sync brings a new deal or hire, a short slide celebrates it
// once, at the next slide change. Detection compares the raw feeds (ids only, never names); the
// slide draws through the privacy-filtered View like every other slide.
#pragma once

#include "sync/model/feed.hpp"

#include <string>
#include <vector>

namespace podium::scene {

struct Celebration {
    std::string champion; // the feed id (a View key)
    std::string kind;     // "deal" or "hire"
    std::string title;    // the success story's title; empty when only the count rose
    model::Date date;
    bool operator==(const Celebration&) const = default;
};

// What `after` brings that `before` did not: new success stories of kind deal or hire dated in
// the last 31 days up to `today` (a back-filled story from last year is no news), newest first;
// then champions whose deals or hires rose in `today`'s month without such a story. At most
// `limit`.
std::vector<Celebration> detect_celebrations(const model::Feed& before, const model::Feed& after,
                                             model::Date today, std::size_t limit = 5);

} // namespace podium::scene
