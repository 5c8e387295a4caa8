// Other tools' exports (feed-format.md, "Other tools' exports"): a CSV file whose columns have
// other names is read through a mapping, Podium's field = the file's column, given by hand
// (`[source.columns]`) or by a named preset (`[source] preset`), with the month from a setting
// (`[source] month`) when the export has none. A champion's id may come from an e-mail column
// (lower-cased) or, failing both, from the name.
#pragma once

#include "sync/model/feed.hpp"
#include "sync/model/result.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace podium::sync {

using ColumnNames = std::map<std::string, std::string, std::less<>>; // field -> file's column

struct ColumnMapping {
    ColumnNames columns;                  // only the fields that are not under their own names
    std::optional<model::YearMonth> month; // for an export without a month column
    std::string preset;                   // its name, for messages; "" for none
};

// The fields a mapping may name: champion_id, email, name, team, photo, consent_internal,
// consent_public, consent_photo, month and the metrics. "email" is no feed field: an e-mail
// column whose lower-cased value becomes the id when there is no champion_id column.
bool is_mappable_field(std::string_view field);
std::vector<std::string_view> mappable_fields(); // in that order
std::string mappable_fields_text();              // for messages: "champion_id, email, name, ..."

struct Preset {
    std::string_view name;
    std::string_view tool; // what it is for, as the README and the overlay say it
    std::vector<std::pair<std::string_view, std::string_view>> columns;
};
const std::vector<Preset>& presets();
const Preset* find_preset(std::string_view name);

// `[source] month`: "YYYY-MM", or "previous" (the month before the sync's, in UTC), or "" (none:
// the file must have a month column). The canonical text, or what is wrong.
Result<std::string> check_month_setting(std::string_view text);
// The month a setting names for a sync at `now` ("YYYY-MM-DD..." UTC); nullopt for "".
std::optional<model::YearMonth> resolve_month_setting(std::string_view setting, std::string_view now_utc);

// Checks a mapping as the settings give it: the preset exists, every field is mappable, every
// column name is one line of text and no two fields share a column.
Result<ColumnMapping> make_mapping(std::string_view preset, const ColumnNames& columns,
                                   std::string_view month_setting, std::string_view now_utc);

// The columns as the store keeps them: a JSON object {"name":"Person"}; "" for none.
std::string columns_to_json(const ColumnNames& columns);
Result<ColumnNames> columns_from_json(std::string_view json);

// The columns as one line for a text field: "name = Person; team = Department"; "" for none.
std::string format_columns_line(const ColumnNames& columns);
Result<ColumnNames> parse_columns_line(std::string_view line);

// An id made from an e-mail address or a name: lower-cased and trimmed, white space as one
// space; longer than 64 bytes, cut and made unique again by a hash of the whole.
std::string derived_id(std::string_view text);

} // namespace podium::sync
