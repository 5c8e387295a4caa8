// The managed kiosk config: a TOML file that IT provisions (/etc/podium/podium.toml), checked in
// full and applied to the store's settings, so a fleet of screens is set up from files rather than
// by hand on each device. Examples: kiosk-config/*.toml. It lives in the app layer because it
// checks schedule and privacy values with the scene's validators, and podium_sync must not depend
// on podium_scene.
//
// Schema, version 1. Every table and key is optional; anything not listed here is an error, so
// a typo never silently does nothing.
//
//   [source]
//   url = "https://intranet.example/podium/feed.json"  -> sync.source
//       an http(s) URL, sqlite:///path, postgresql://..., file:///path or an absolute path
//   interval = "15m"                  -> sync.interval_seconds
//       "30s".."24h" (units s, m, h) or an integer number of seconds, 30..86400
//   token_file = "/etc/podium/token"  -> sync.token_file (an absolute path)
//   ca_file = "/etc/ssl/certs/intranet.pem"  -> sync.ca_file (an absolute path)
//   preset = "everyonesocial"         -> source.preset: another tool's export (sync/column_mapping.hpp)
//   month = "previous"                -> source.month: "previous" or YYYY-MM, for an export
//                                        without a month column
//
//   [source.columns]                  -> source.columns (JSON): Podium field = the export's
//   champion_id = "Email"                column; fields: champion_id, email, name, team, photo,
//   interactions = "Points"              consent_*, month and the metrics
//
//   [organisation]                    for CSV feeds, which cannot carry it
//   name = "Example Advisory"         -> organisation.name (1-200 characters, one line)
//   headcount = 1200                  -> organisation.headcount (an integer >= 0)
//   currency = "EUR"                  -> organisation.currency (3 capital letters)
//   goal_percent = 10                 -> organisation.goal_percent (a number from 0 to 100)
//
//   [display]
//   language = "nl"                   -> display.language (en or nl)
//   time_zone = "Europe/Amsterdam"    -> display.time_zone (an IANA zone this system knows, or
//                                        "" for the system's zone)
//   text_size = 1.25                  -> display.text_size (a number from 0.75 to 1.5)
//   transition = "slide"              -> display.transition (crossfade or slide)
//   stale_after = "45m"               -> display.stale_after (seconds, 1 minute to 7 days): when the
//                                        "data as of" badge shows; unset: three sync intervals
//
//   [[playlist]]                      -> schedule.playlist (canonical JSON, see
//   slide = "leaderboard"                 display/scene/schedule_settings.hpp). The whole
//   duration = "12s"                      playlist: when present, it replaces the device's. Only
//   metric = "deals"                      slide is required. duration: 3 to 600 seconds, as 12,
//   period = "quarter"                    "12s" or "2m". metric (a feed metric or "score"),
//   top = 10                              period (month, quarter, year), top (1-50): a
//   enabled = true                        leaderboard's only. windows: none = at any time.
//   windows = [ { days = "mon-fri", start = "08:00", end = "18:00" } ]
//   from = 2026-11-01                     from/until: TOML dates or "YYYY-MM-DD" strings,
//   until = 2026-12-31                    inclusive, from <= until.
//
//   A window: { days = "mon-fri", start = "08:00", end = "18:00" }, every field optional: days
//   ("daily", "weekdays", "weekends", "sat,sun", "fri-mon", ...; default daily), start
//   ("HH:MM", default "00:00"), end ("HH:MM" up to "24:00", default "24:00"; "00:00" as an end is
//   midnight too; an end at or before the start ends the next day).
//
//   [audience]                        -> schedule.audience (JSON; the two lists together: setting
//   internal = [ window, ... ]           either replaces both). Outside them the screen is public;
//   public = [ window, ... ]             where they overlap, public wins.
//
//   [screen_off]
//   windows = [ window, ... ]         -> schedule.screen_off (JSON)
//   on_enter = "cec-ctl --to 0 --standby"       -> schedule.screen_off_command (one line)
//   on_leave = "cec-ctl --to 0 --image-view-on" -> schedule.screen_on_command (one line)
//
//   [interrupts]                      celebrate a new deal or hire at the next slide change
//   internal = true                   -> schedule.interrupts.internal ("true"/"false")
//   public = false                    -> schedule.interrupts.public
//
//   [privacy.internal] and [privacy.public]  -> privacy.internal.* / privacy.public.*
//   names = "first_initial"           full, first_initial, initials or anonymous
//   money = false                     booleans, stored as "true"/"false"
//   figures = true
//   teams = true
//   without_consent = "anonymise"     anonymise or omit
//   team_min = 5                      1 to 100: an anonymised colleague's team shows only when
//                                        the team has that many champions on the screen's data
//   success_titles = "hidden"         shown or hidden: free text may name anyone (default hidden
//   success_stories = "hidden"           in public, shown internal)
//
//   [scoring]                         -> score.weights (JSON): points per unit of each metric
//   deals = 10                           named (a feed metric name), 0 to 1000, for the "score"
//   leads = 2                            leaderboard metric; a metric left out weighs 0.
#pragma once

#include "sync/model/result.hpp"
#include "sync/store.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace podium::app {

// Setting key -> value, as the settings table stores it ("900", "12.5", "nl", JSON for the
// playlist, windows and weights).
using ConfigValues = std::map<std::string, std::string>;

struct ConfigCheck {
    ConfigValues values;             // the valid entries; complete only when errors is empty
    std::vector<std::string> errors; // "FILE:LINE:COLUMN: message", in file order
    bool ok() const { return errors.empty(); }
};

// The setting that lists the keys the config file set (comma-separated, sorted), so the admin
// overlay can show them locked: a value edited on the device would be overwritten at the next
// start anyway.
inline constexpr std::string_view kManagedKeysSetting = "config.managed_keys";

// Whether a check also opens the files the config names (token_file, ca_file): `config check`
// does, to report what sync would trip over; a start with --config does not, since the screen
// must play whatever a setting names (sync then reports the file and stays off).
enum class FileChecks { off, on };

// Checks a config document; file_name prefixes every error. All problems are reported, except
// that a TOML syntax error stops the parse, so it comes alone.
ConfigCheck check_config(std::string_view text, std::string_view file_name,
                         FileChecks files = FileChecks::off);
// The same for a file (a regular file of at most 1 MiB); one error when it cannot be read.
ConfigCheck check_config_file(const std::string& path, FileChecks files = FileChecks::off);

// Writes every value and kManagedKeysSetting in one transaction: all or nothing.
Status apply_config(sync::Store& store, const ConfigValues& values, const std::string& now);

} // namespace podium::app
