// What the admin overlay edits: the settings as text buffers and choices, made from the stored
// settings when the overlay unlocks, validated field by field with the shared validators
// (display/scene/setting_fields.hpp), and turned back into stored values. No ImGui here: the
// overlay draws these fields, the tests check them directly.
//
// A draft is the admin's pending edit, not a copy of the data: the slideshow keeps reading the
// store, and the draft is dropped when the overlay closes or saves.
#pragma once

#include "display/scene/schedule_settings.hpp"
#include "display/scene/slides.hpp"
#include "display/scene/time_zone.hpp"

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace podium::overlay {

struct EntryDraft {
    bool enabled = true;
    scene::SlideKind slide = scene::SlideKind::leaderboard;
    std::string duration = "12"; // seconds ("12", "12s", "2m")
    // Windows as one line: "mon-fri 08:00-18:00; sat,sun 10:00-14:00"; "" = at any time.
    std::string windows;
    std::string from, until;                 // YYYY-MM-DD or ""
    std::string metric = "interactions";     // leaderboard only
    std::string period = "month", top = "10"; // leaderboard only
    bool operator==(const EntryDraft&) const = default;
};

struct AudienceRow {
    bool internal = true;
    std::string days = "mon-fri", start = "08:00", end = "18:00";
    bool operator==(const AudienceRow&) const = default;
};

struct WindowRow {
    std::string days = "sat,sun", start = "00:00", end = "24:00";
    bool operator==(const WindowRow&) const = default;
};

struct SettingsDraft {
    std::vector<EntryDraft> playlist;
    std::vector<AudienceRow> audience;
    std::vector<WindowRow> screen_off;
    std::string screen_off_command, screen_on_command;
    bool interrupts_internal = true, interrupts_public = false;
    scene::AudienceRules privacy_internal, privacy_public;
    std::string source, interval = "900";
    // Another tool's export: a preset's name, the month ("previous", YYYY-MM or ""), and the
    // columns as one line ("name = Person; interactions = Points").
    std::string preset, month, columns;
    std::string token; // typed here only; "" keeps the token there is
    std::string language = "en", text_size = "1", time_zone;
    scene::Transition transition = scene::Transition::crossfade;
    scene::ThemeName theme = scene::ThemeName::dark;
    int rotation = 0;
    bool operator==(const SettingsDraft&) const = default;
};

// Keys the overlay writes beyond device_setting_keys().
inline constexpr const char* kSourceSetting = "sync.source";
inline constexpr const char* kIntervalSetting = "sync.interval_seconds";
inline constexpr const char* kTokenFileSetting = "sync.token_file";
inline constexpr const char* kLanguageSetting = "display.language";
inline constexpr const char* kPresetSetting = "source.preset";
inline constexpr const char* kMonthSetting = "source.month";
inline constexpr const char* kColumnsSetting = "source.columns";
inline constexpr int kMinIntervalSeconds = 30, kMaxIntervalSeconds = 24 * 3600;

// The draft of the settings `lookup` holds (their defaults where unset or unreadable).
SettingsDraft make_draft(const scene::SettingLookup& lookup);

// Problems by field: "playlist.2.duration", "audience.0.start", "source", "text_size", ...
// Each message says what is wrong with what was typed. Empty: the draft can be saved.
using DraftProblems = std::map<std::string, std::string>;
DraftProblems validate(const SettingsDraft& draft);

// A window line ("mon-fri 08:00-18:00; sat") as windows, or the first problem.
Result<std::vector<scene::Window>> parse_window_line(std::string_view line);
std::string format_window_line(const std::vector<scene::Window>& windows);

// Every setting the draft sets, as the store keeps it (key, value). Requires validate() empty.
// The token is not among them: it goes to a file (see the session).
std::vector<std::pair<std::string, std::string>> encode(const SettingsDraft& draft);
// The entries of `edited` whose stored value differs from `base`'s: what a save writes.
std::vector<std::pair<std::string, std::string>> changes(const SettingsDraft& base,
                                                         const SettingsDraft& edited);
// The playlist the draft describes (validate() must be empty), for the "what plays at" preview.
scene::ScheduleSettings schedule_of(const SettingsDraft& draft);
scene::PrivacySettings privacy_of(const SettingsDraft& draft);

// "2026-12-24 09:30" or "09:30" (today, in `zone`) as an instant; "" is `now`.
Result<scene::Instant> parse_local_moment(std::string_view text, const scene::TimeZone& zone,
                                          scene::Instant now);

} // namespace podium::overlay
