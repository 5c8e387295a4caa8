// The fields of the schedule, privacy and display settings, one validator each. The managed TOML
// config (display/app/kiosk_config*.cpp), the stored JSON (schedule_settings.cpp) and the admin
// overlay all use these, so a value means the same everywhere and is refused with the same words.
// Every message quotes the bad input: `expected 3 to 600 seconds, got 1000`.
#pragma once

#include "privacy.hpp"
#include "schedule.hpp"
#include "sync/model/feed.hpp"
#include "sync/model/result.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace podium::scene {

// A value that is not a scalar (an array, a table, null): only named, so a message can say what
// it got ("an array").
struct OtherValue {
    std::string_view what;
};
// A scalar as JSON or TOML holds it; both readers convert their nodes to this.
using FieldValue = std::variant<std::string, std::int64_t, double, bool, model::Date, OtherValue>;

// How a message shows a value: strings quoted (escaped, cut after 60 characters), numbers as
// written, dates as YYYY-MM-DD, others by kind.
std::string shown(const FieldValue& value);
std::string quoted_text(std::string_view text);

// An error message, or nullopt when the value was taken.
using FieldError = std::optional<std::string>;

// ---- days and clock times ----

// "mon-fri", "sat,sun", "daily", "weekdays", "weekends", one day ("tue" or "tuesday"), a range
// that wraps over the week's end ("fri-mon"), or a comma list of those ("mon,wed-fri"). Case does
// not matter; spaces around the parts are ignored. The result is a Window::days bit set.
Result<std::uint8_t> parse_days(const FieldValue& value);
Result<std::uint8_t> parse_days_text(std::string_view text);
// Canonical text: "daily" for all seven days; runs of three or more days as a range ("mon-fri",
// "fri-mon"); shorter runs listed ("sat,sun", "mon,wed"). parse_days_text reads it back to the
// same set. "" for no day at all (which parse_days never returns).
std::string format_days(std::uint8_t days);

// "HH:MM" (also "H:MM") as minutes since midnight. A start is 00:00..23:59. An end is
// 00:00..24:00, and both "24:00" and "00:00" mean the midnight that ends the day (1440): an end
// of 00:00 can only mean "until midnight", never an empty window. An end at or before its start
// ends the next day ("22:00"-"07:00"), as Window defines.
Result<int> parse_start_time(const FieldValue& value);
Result<int> parse_end_time(const FieldValue& value);
std::string format_clock(int minute); // "08:30"; 1440 -> "24:00"

// A window field by field (days, start, end); a field left out keeps its default: every day,
// 00:00, 24:00. So {days = "sat,sun"} is the whole of Saturday and Sunday.
class WindowReader {
  public:
    static bool has_field(std::string_view field);
    FieldError set(std::string_view field, const FieldValue& value); // a field of has_field
    const Window& window() const { return window_; }

  private:
    Window window_;
};

// ---- playlist entries ----

// The slides a playlist may hold: not the fallback (what plays when no entry is eligible) nor the
// celebration (what plays after a sync brings news): those are the player's, not scheduled.
Result<SlideKind> parse_playlist_slide(const FieldValue& value);
// Whole seconds, kMinEntrySeconds..kMaxEntrySeconds: 12, "12", "12s", "2m".
Result<int> parse_duration(const FieldValue& value);
// A name of model::kMetricNames, or "score" (nullopt): the weighted score of SlideOptions::score.
Result<std::optional<model::Metric>> parse_leaderboard_metric(const FieldValue& value);
Result<Period> parse_period_field(const FieldValue& value);    // month, quarter, year
Result<int> parse_top(const FieldValue& value);                // 1..kMaxTop
Result<bool> parse_bool(const FieldValue& value);              // true or false
Result<model::Date> parse_date_field(const FieldValue& value); // a date, or "YYYY-MM-DD"
std::string_view period_name(Period p);
inline constexpr int kMaxTop = 50; // more names than fit a screen readable from five metres

struct FieldProblem {
    std::string field; // the field to blame; when it is absent, the entry as a whole
    std::string message;
};

// A playlist entry field by field, in any order (JSON objects and TOML tables iterate by name);
// finish() then checks what needs several fields.
class EntryReader {
  public:
    static constexpr std::string_view kFields[] = {
        "slide", "duration", "enabled", "metric", "period", "top", "windows", "from", "until"};
    static bool has_field(std::string_view field);
    FieldError set(std::string_view field, const FieldValue& value); // any field but windows
    void add_window(const Window& w) { entry_.windows.push_back(w); }
    // The slide is required; metric, period and top belong to a leaderboard only; from <= until.
    std::vector<FieldProblem> finish() const;
    const PlaylistEntry& entry() const { return entry_; }

  private:
    PlaylistEntry entry_;
    bool has_slide_ = false;
    std::vector<std::string> options_; // the leaderboard fields that were set
};

// ---- display and privacy ----

enum class Transition { crossfade, slide };
Result<Transition> parse_transition(const FieldValue& value);
std::string_view transition_name(Transition t);

// The slides' colours: dark (the default: calm in a lobby, no glare) or light (a bright room).
enum class ThemeName { dark, light };
Result<ThemeName> parse_theme(const FieldValue& value);
std::string_view theme_name(ThemeName t);

// How the picture is turned for a screen mounted on its side or upside down, clockwise degrees:
// 0, 90, 180 or 270 (a number, or its text).
Result<int> parse_rotation(const FieldValue& value);

inline constexpr double kMinTextSize = 0.75, kMaxTextSize = 1.5;
// A number (stored as text: "1", "1.25"); below 0.75 text breaks the five-metre rule, above 1.5
// the layouts run out of room.
Result<double> parse_text_size(const FieldValue& value);
Result<double> parse_text_size_text(std::string_view text);
std::string format_number_text(double value); // the shortest text that reads back the same

// An IANA name's shape only ("Europe/Amsterdam", "Etc/GMT+1"), or "" for the system's zone;
// whether the zone exists is for TimeZone::locate, which needs the system's database.
Result<std::string> parse_time_zone_name(const FieldValue& value);

// A shell command line: one line, no control characters; may be empty (nothing is run).
Result<std::string> parse_command(const FieldValue& value);

// Stored booleans: exactly "true" or "false".
Result<bool> parse_flag_text(std::string_view text);
inline std::string flag_text(bool b) {
    return b ? "true" : "false";
}

Result<NameFormat> parse_name_format(const FieldValue& value); // full|first_initial|initials|...
std::string_view name_format_name(NameFormat f);
Result<WithoutConsent> parse_without_consent(const FieldValue& value); // anonymise|omit
std::string_view without_consent_name(WithoutConsent w);
// How many champions a team needs in the View before an anonymised colleague's team shows:
// kMinTeamMin..kMaxTeamMin, a whole number or its text ("5").
Result<int> parse_team_min(const FieldValue& value);
// Success titles and stories: "shown" (true) or "hidden" (false).
Result<bool> parse_visibility(const FieldValue& value);
std::string_view visibility_name(bool shown);

// A weight of the "score" metric: a number from 0 to kMaxWeight.
inline constexpr double kMaxWeight = 1000;
Result<double> parse_weight(const FieldValue& value);

} // namespace podium::scene
