// Shared by the parts of the kiosk config checker (kiosk_config.cpp, kiosk_config_schedule.cpp):
// problems with their place in the file, how a TOML node is named and shown, near-miss
// suggestions. Not a public interface: include it only from those files.
#pragma once

#include "kiosk_config.hpp"

#include "display/scene/setting_fields.hpp"

#include <toml++/toml.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace podium::app::config_detail {

struct Problem {
    toml::source_position at;
    std::string message;
};
using Problems = std::vector<Problem>;

std::string_view type_name(const toml::node& node); // "a string", "an array", ...
// A TOML scalar as the shared field validators take it; others become OtherValue.
scene::FieldValue field_value(const toml::node& node);

struct Candidate {
    std::string_view name; // compared with the unknown name
    bool elsewhere;        // in another table: suggested only when nothing here is as close
    std::string full;      // what the suggestion says
};
// " (did you mean "source.url"?)" for a near miss, else "".
std::string suggestion(std::string_view name, const std::vector<Candidate>& candidates);
// `unknown key "playlist[0].colour" (did you mean ...)` at the key.
Problem unknown_key(const toml::key& key, const toml::node& node, const std::string& path,
                    const std::vector<Candidate>& candidates);
// The candidates of a fixed list of names in one table.
std::vector<Candidate> candidates_of(std::string_view path,
                                     const std::vector<std::string_view>& names);

// A checker for a value that holds many fields (the playlist, windows, weights): it reports every
// problem it finds, and sets `out` to the setting's text when there is something to set (an empty
// [audience] or [scoring] table sets nothing, like an empty [source]).
using Composite = void (*)(const toml::node& node, const std::string& path,
                           std::optional<std::string>& out, Problems& problems);

void check_playlist(const toml::node& node, const std::string& path,
                    std::optional<std::string>& out, Problems& problems);
void check_audience(const toml::node& node, const std::string& path,
                    std::optional<std::string>& out, Problems& problems);
void check_screen_off_windows(const toml::node& node, const std::string& path,
                              std::optional<std::string>& out, Problems& problems);
void check_scoring(const toml::node& node, const std::string& path, std::optional<std::string>& out,
                   Problems& problems);
// [source.columns]: Podium field = the export's column name (sync/column_mapping.hpp).
void check_columns(const toml::node& node, const std::string& path, std::optional<std::string>& out,
                   Problems& problems);

// What sync would trip over in the files a config names (token_file, ca_file): each problem at
// its key, and the key's value dropped from `values`.
void check_named_files(const toml::table& root, ConfigValues& values, Problems& problems);

} // namespace podium::app::config_detail
