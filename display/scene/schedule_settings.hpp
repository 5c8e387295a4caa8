// The schedule, privacy and display settings as the store keeps them: string key/value pairs
// (Store::setting), some holding canonical JSON. This file names the keys, encodes and decodes the
// JSON, and reads all of them into DeviceSettings, where a bad stored value costs only that
// setting (its default is used and a problem is reported): a bad setting never stops the screen.
//
// Keys and their stored text:
//   schedule.playlist     JSON array of entries; only "slide" is required:
//       [{"slide":"leaderboard","duration":12,"enabled":true,"metric":"deals","period":"quarter",
//         "top":10,"windows":[{"days":"mon-fri","start":"08:00","end":"18:00"}],
//         "from":"2026-11-01","until":"2026-12-31"}]
//       slide: leaderboard|spotlight|results|adoption|successes; duration: 3..600 seconds (12,
//       "12s", "2m"); metric (a name of model::kMetricNames, or "score" for the weighted score),
//       period (month|quarter|year) and top (1..50) on a leaderboard only; windows: see below,
//       none = at any time; from/until: inclusive local dates, from <= until. "[]" is allowed:
//       the fallback plays.
//   schedule.audience     JSON array
//   [{"audience":"internal"|"public","days":..,"start":..,"end":..}] schedule.screen_off   JSON
//   array of windows [{"days":"sat,sun"}]
//       A window's fields are all optional: days (default "daily"; see parse_days), start
//       (default "00:00"), end (default "24:00"; "00:00" as an end also means midnight).
//   schedule.screen_off_command, schedule.screen_on_command   a command line, may be empty
//   schedule.interrupts.internal, schedule.interrupts.public  "true" | "false"
//   display.time_zone     an IANA name, or "" for the system's zone
//   display.text_size     a number from 0.75 to 1.5 as text ("1", "1.25")
//   display.transition    "crossfade" | "slide"
//   display.stale_after   whole seconds (60..604800) after the last good sync when the "data as
//                         of" badge shows; unset: three sync intervals
//   privacy.internal.X, privacy.public.X, where X is
//       names            full | first_initial | initials | anonymous
//       money, figures, teams   "true" | "false"
//       without_consent  anonymise | omit
//       team_min         1..100 as text: an anonymised colleague's team shows only when that
//                        team has at least this many champions in the View (default 5)
//       success_titles, success_stories   shown | hidden (default: shown internal, hidden public)
//   score.weights         JSON object {"deals":10,"leads":2}: points (0..1000) per unit of each
//                         metric named (deal_value: per whole currency unit), for the "score"
//                         leaderboard metric; a metric left out weighs 0. Unset: the defaults of
//                         ScoreWeights::defaults().
#pragma once

#include "setting_fields.hpp"
#include "stats.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace podium::scene {

inline constexpr std::string_view kPlaylistSetting = "schedule.playlist";
inline constexpr std::string_view kAudienceSetting = "schedule.audience";
inline constexpr std::string_view kScreenOffSetting = "schedule.screen_off";
inline constexpr std::string_view kScreenOffCommandSetting = "schedule.screen_off_command";
inline constexpr std::string_view kScreenOnCommandSetting = "schedule.screen_on_command";
inline constexpr std::string_view kInterruptsInternalSetting = "schedule.interrupts.internal";
inline constexpr std::string_view kInterruptsPublicSetting = "schedule.interrupts.public";
inline constexpr std::string_view kTimeZoneSetting = "display.time_zone";
inline constexpr std::string_view kTextSizeSetting = "display.text_size";
inline constexpr std::string_view kTransitionSetting = "display.transition";
inline constexpr std::string_view kStaleAfterSetting = "display.stale_after";
inline constexpr std::string_view kThemeSetting = "display.theme";       // dark | light
inline constexpr std::string_view kRotationSetting = "display.rotation"; // 0 | 90 | 180 | 270
inline constexpr int kMinStaleAfterSeconds = 60;
inline constexpr int kMaxStaleAfterSeconds = 7 * 24 * 3600;
inline constexpr std::string_view kScoreWeightsSetting = "score.weights";
// The per-audience privacy fields: privacy_setting(a, "names") -> "privacy.public.names".
inline constexpr std::string_view kPrivacyFields[] = {"names", "money", "figures", "teams",
                                                      "without_consent", "team_min",
                                                      "success_titles", "success_stories"};
std::string privacy_setting(Audience a, std::string_view field);
// Every key above, privacy ones included: what device_settings reads.
std::vector<std::string> device_setting_keys();

// ScoreWeights (stats.hpp): points per unit of each metric; the stored object lists the non-zero
// ones, a metric left out weighs 0.

// Canonical JSON (fields in a fixed order, defaults written out) and its reading. A reading error
// names the path from the key: `schedule.playlist[2].duration: expected 3 to 600 seconds, got
// 1000`; the first problem found is returned.
std::string playlist_to_json(const std::vector<PlaylistEntry>& playlist);
Result<std::vector<PlaylistEntry>> playlist_from_json(std::string_view json);
std::string audience_windows_to_json(const std::vector<AudienceWindow>& windows);
Result<std::vector<AudienceWindow>> audience_windows_from_json(std::string_view json);
std::string windows_to_json(const std::vector<Window>& windows);
// `key` starts the paths of the messages.
Result<std::vector<Window>> windows_from_json(std::string_view json,
                                              std::string_view key = kScreenOffSetting);
std::string weights_to_json(const ScoreWeights& weights); // the non-zero weights

Result<ScoreWeights> weights_from_json(std::string_view json);

struct DeviceSettings {
    ScheduleSettings schedule; // default playlist, always public, interrupts internal only
    PrivacySettings privacy;   // the defaults of privacy.hpp
    std::string time_zone;     // "" = the system's
    float text_size = 1;
    Transition transition = Transition::crossfade;
    std::optional<int> stale_after_seconds; // none: three sync intervals
    ThemeName theme = ThemeName::dark;
    int rotation = 0; // degrees clockwise
    ScoreWeights score_weights = ScoreWeights::defaults(); // score.weights unset: the defaults
    bool operator==(const DeviceSettings&) const = default;
};

using SettingLookup = std::function<std::optional<std::string>(const std::string& key)>;

// Reads every key through `lookup`. A missing key keeps its default. An invalid stored value keeps
// the default for that key and adds one line to `problems` naming the key and why, e.g.
// `setting display.text_size: expected a number from 0.75 to 1.5, got "3"; using the default`.
DeviceSettings device_settings(const SettingLookup& lookup, std::vector<std::string>& problems);

} // namespace podium::scene
