// The schedule: what plays when, for which audience, and when the screen is off. A pure engine on
// UTC instants (time is always a parameter); local wall-clock rules (windows, date ranges) are
// resolved through a TimeZone, so daylight-saving changes are handled in one place.
//
// Windows are wall-clock ranges on chosen days. A window on day D from S to E covers the instants
// from the first time the clock reads D S to the first time it then reads E (on D, or on D+1 when
// E <= S: the window crosses midnight). So in spring a window 02:00-02:45 on the changeover day is
// empty (the clock leaps from 02:00 to 03:00) and 02:30-04:00 starts at the leap; in autumn,
// 01:30-02:30 lasts an hour and 02:30-03:00 lasts an hour and a half (from the first 02:30, through
// the repeated hour). A window starting 00:00 and ending 24:00 is the whole day.
#pragma once

#include "slides.hpp"
#include "time_zone.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace podium::scene {

inline constexpr std::uint8_t kEveryDay = 0x7f; // bit 0 = Monday … bit 6 = Sunday
inline constexpr int kMinEntrySeconds = 3;
inline constexpr int kMaxEntrySeconds = 600;

struct Window {
    std::uint8_t days = kEveryDay; // the days the window starts on
    int start_minute = 0;          // 0..1439
    int end_minute = 1440;         // 1..1440; <= start_minute: ends the next day
    bool operator==(const Window&) const = default;
};

struct DateRange {
    std::optional<model::Date> from, until; // inclusive local dates; none: open-ended
    bool operator==(const DateRange&) const = default;
};

struct PlaylistEntry {
    SlideKind kind = SlideKind::leaderboard;
    SlideOptions options;           // metric, period, top N (the spotlight fields are the player's)
    int duration_seconds = 12;      // kMinEntrySeconds..kMaxEntrySeconds
    bool enabled = true;
    std::vector<Window> windows;    // empty: at any time
    DateRange dates;                // a campaign
    bool operator==(const PlaylistEntry&) const = default;
};

struct AudienceWindow {
    Audience audience = Audience::internal;
    Window window;
    bool operator==(const AudienceWindow&) const = default;
};

struct ScheduleSettings {
    std::vector<PlaylistEntry> playlist = default_playlist();
    // Outside every audience window the screen is public: the safe side. Where an internal and a
    // public window overlap, public wins.
    std::vector<AudienceWindow> audience_windows;
    std::vector<Window> screen_off; // screen-off wins over everything else
    std::string screen_off_command; // run on entering a screen-off window (e.g. "cec-ctl --standby")
    std::string screen_on_command;  // run on leaving it
    bool interrupts_internal = true; // celebrate a new deal or hire at the next slide change
    bool interrupts_public = false;

    bool interrupts(Audience a) const {
        return a == Audience::internal ? interrupts_internal : interrupts_public;
    }
    // Every slide with data, 12 s each (the fallback is for "nothing eligible").
    static std::vector<PlaylistEntry> default_playlist();
    bool operator==(const ScheduleSettings&) const = default;
};

// What the screen shows over a stretch of time.
struct Step {
    enum class What { slide, fallback, screen_off };
    What what = What::fallback;
    std::size_t entry = 0; // the playlist index, when what == slide
    Instant start, end;
    Audience audience = Audience::visitors;
    bool operator==(const Step&) const = default;
};

inline constexpr std::size_t kNoEntry = static_cast<std::size_t>(-1);

class Schedule {
  public:
    Schedule(ScheduleSettings settings, TimeZone zone);

    const ScheduleSettings& settings() const { return settings_; }
    const TimeZone& zone() const { return zone_; }

    Audience audience_at(Instant t) const;
    bool screen_off_at(Instant t) const;
    // Enabled, inside its date range and (if it has any) one of its windows.
    bool eligible(std::size_t entry, Instant t) const;

    // What to show from `t`, after playlist entry `after` (kNoEntry at start): the next eligible
    // entry in playlist order (wrapping), for its duration. A step is cut short where the screen
    // turns off, the audience changes (a slide never shows names to the wrong audience), or its
    // entry stops being eligible. Screen off: until it ends. Nothing eligible: the fallback until
    // something changes. Never longer than a day.
    Step next(Instant t, std::size_t after) const;

    // The steps from `from` to `until` (the last one cut at `until`), as the player would play
    // them from a fresh start; consecutive fallback or screen-off steps are merged.
    std::vector<Step> plan(Instant from, Instant until) const;

  private:
    ScheduleSettings settings_;
    TimeZone zone_;
};

// "leaderboard", or "fallback" / "screen-off" for those steps: the slide column of `podium plan`.
std::string step_slide_name(const Step& s, const ScheduleSettings& settings);

} // namespace podium::scene
