// The managed kiosk config: a TOML file that IT provisions (/etc/podium/podium.toml), checked in
// full and applied to the store's settings, so a fleet of screens is set up from files rather than
// by hand on each device. Examples: kiosk-config/*.toml.
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
//
//   [organisation]                    for CSV feeds, which cannot carry it
//   name = "Example Advisory"         -> organisation.name (1-200 characters, one line)
//   headcount = 1200                  -> organisation.headcount (an integer >= 0)
//   currency = "EUR"                  -> organisation.currency (3 capital letters)
//   goal_percent = 10                 -> organisation.goal_percent (a number from 0 to 100)
//
//   [display]
//   language = "nl"                   -> display.language (en or nl)
#pragma once

#include "sync/model/result.hpp"
#include "sync/store.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace podium::sync {

// Setting key -> value, as the settings table stores it ("900", "12.5", "nl").
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

// Checks a config document; file_name prefixes every error. All problems are reported, except
// that a TOML syntax error stops the parse, so it comes alone.
ConfigCheck check_config(std::string_view text, std::string_view file_name);
// The same for a file; one error when it cannot be read.
ConfigCheck check_config_file(const std::string& path);

// Writes every value and kManagedKeysSetting in one transaction: all or nothing.
Status apply_config(Store& store, const ConfigValues& values, const std::string& now);

} // namespace podium::sync
