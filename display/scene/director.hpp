// The director: what goes on screen next, decided from the schedule, the clock and what the last
// sync brought. Pure (time is a parameter), so the player's choices are tested without a window;
// the player only draws the cue and runs the screen commands it asks for.
#pragma once

#include "celebration.hpp"
#include "schedule.hpp"

#include <chrono>
#include <functional>
#include <vector>

namespace podium::scene {

inline constexpr std::chrono::seconds kCelebrationSeconds{8};

struct Cue {
    enum class What { slide, celebration, fallback, screen_off };
    What what = What::fallback;
    SlideKind kind = SlideKind::fallback; // what to build (screen_off: nothing)
    SlideOptions options;                 // the playlist entry's options
    std::vector<Celebration> celebrations; // for a celebration cue
    Audience audience = Audience::visitors;
    Instant start, end;
    bool run_screen_off_command = false; // entering a screen-off window
    bool run_screen_on_command = false;  // leaving one
};

class Director {
  public:
    explicit Director(Schedule schedule) : schedule_(std::move(schedule)) {}

    // New settings (the overlay or a config apply): the playlist continues from the same entry
    // when it still exists.
    void set_schedule(Schedule schedule);
    const Schedule& schedule() const { return schedule_; }

    // What a sync brought; it plays once, at the next cue, if the audience then allows
    // celebrations and `visible` says the View shows at least one of them; otherwise it is
    // dropped (news goes stale).
    void celebrate(std::vector<Celebration> news) { pending_ = std::move(news); }

    // The cue from `now`, when the previous one ended (or at start).
    using Visible = std::function<bool(Audience, const std::vector<Celebration>&)>;
    Cue next(Instant now, const Visible& visible);

  private:
    Schedule schedule_;
    std::size_t last_entry_ = kNoEntry;
    bool off_ = false;
    std::vector<Celebration> pending_;
};

} // namespace podium::scene
