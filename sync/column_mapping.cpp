#include "column_mapping.hpp"

#include "feed_validate.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <set>

namespace podium::sync {
namespace {

constexpr std::string_view kFixedFields[] = {"champion_id", "email", "name", "team", "photo",
                                             "consent_internal", "consent_public",
                                             "consent_photo", "month"};

} // namespace

bool is_mappable_field(std::string_view field) {
    return std::find(std::begin(kFixedFields), std::end(kFixedFields), field) != std::end(kFixedFields) ||
           model::parse_metric(field).has_value();
}

std::vector<std::string_view> mappable_fields() {
    std::vector<std::string_view> out(std::begin(kFixedFields), std::end(kFixedFields));
    out.insert(out.end(), model::kMetricNames.begin(), model::kMetricNames.end());
    return out;
}

std::string mappable_fields_text() {
    std::string out;
    for (const auto f : mappable_fields()) out += (out.empty() ? "" : ", ") + std::string(f);
    return out;
}

const std::vector<Preset>& presets() {
    // Only exports whose columns their makers document publicly.
    static const std::vector<Preset> kPresets = {
        {"everyonesocial",
         "EveryoneSocial's leaderboard report (Rank, Person, Last active, Department, Location, "
         "Points): Person is the name (and the id), Department the team, Points the interactions; "
         "it has no month, so [source] month must say which",
         {{"name", "Person"}, {"team", "Department"}, {"interactions", "Points"}}},
    };
    return kPresets;
}

const Preset* find_preset(std::string_view name) {
    for (const auto& p : presets())
        if (p.name == name) return &p;
    return nullptr;
}

Result<std::string> check_month_setting(std::string_view text) {
    if (text.empty() || text == "previous") return std::string(text);
    if (model::parse_year_month(text)) return std::string(text);
    return Error{"expected \"previous\" or a month as YYYY-MM, got " + quote_for_message(text)};
}

std::optional<model::YearMonth> resolve_month_setting(std::string_view setting, std::string_view now_utc) {
    if (setting.empty()) return std::nullopt;
    if (setting == "previous") {
        const auto today = model::parse_year_month(now_utc.substr(0, 7));
        return today ? std::optional(today->prev()) : std::nullopt;
    }
    return model::parse_year_month(setting);
}

Result<ColumnMapping> make_mapping(std::string_view preset, const ColumnNames& columns,
                                   std::string_view month_setting, std::string_view now_utc) {
    ColumnMapping mapping;
    mapping.preset = std::string(preset);
    if (!preset.empty()) {
        const Preset* p = find_preset(preset);
        if (!p) {
            std::string names;
            for (const auto& known : presets()) names += (names.empty() ? "" : ", ") + std::string(known.name);
            return Error{"unknown preset " + quote_for_message(preset) + " (known: " + names + ")"};
        }
        for (const auto& [field, column] : p->columns) mapping.columns[std::string(field)] = column;
    }
    for (const auto& [field, column] : columns) { // the hand-made mapping wins over the preset's
        if (!is_mappable_field(field))
            return Error{"unknown field " + quote_for_message(field) + " (fields: " + mappable_fields_text() + ")"};
        std::string why;
        if (column.empty() || !is_valid_utf8_text(column, &why))
            return Error{field + ": expected a column name, got " + quote_for_message(column)};
        mapping.columns[field] = column;
    }
    std::set<std::string> seen;
    for (const auto& [field, column] : mapping.columns) {
        std::string key = column;
        std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (!seen.insert(key).second)
            return Error{"column " + quote_for_message(column) + " is mapped to two fields"};
    }
    if (auto month = check_month_setting(month_setting); !month) return month.error();
    mapping.month = resolve_month_setting(month_setting, now_utc);
    return mapping;
}

std::string columns_to_json(const ColumnNames& columns) {
    if (columns.empty()) return "";
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    for (const auto& [field, column] : columns) j[field] = column;
    return j.dump();
}

Result<ColumnNames> columns_from_json(std::string_view json) {
    ColumnNames out;
    if (json.empty()) return out;
    const auto j = nlohmann::json::parse(json, nullptr, false);
    if (!j.is_object()) return Error{"expected a JSON object of field: column"};
    for (const auto& [field, column] : j.items()) {
        if (!column.is_string()) return Error{field + ": expected a column name"};
        out[field] = column.get<std::string>();
    }
    return out;
}

std::string format_columns_line(const ColumnNames& columns) {
    std::string out;
    for (const auto& [field, column] : columns) out += (out.empty() ? "" : "; ") + field + " = " + column;
    return out;
}

Result<ColumnNames> parse_columns_line(std::string_view line) {
    const auto trimmed = [](std::string_view s) {
        while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
        while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
        return std::string(s);
    };
    ColumnNames out;
    while (!line.empty()) {
        const std::size_t end = std::min(line.find(';'), line.size());
        const std::string_view part = line.substr(0, end);
        line.remove_prefix(std::min(end + 1, line.size()));
        if (trimmed(part).empty()) continue;
        const std::size_t eq = part.find('=');
        if (eq == std::string_view::npos)
            return Error{"expected field = column, got " + quote_for_message(trimmed(part))};
        const std::string field = trimmed(part.substr(0, eq)), column = trimmed(part.substr(eq + 1));
        if (out.count(field)) return Error{"the field " + quote_for_message(field) + " is mapped twice"};
        out[field] = column;
    }
    if (auto checked = make_mapping("", out, "", ""); !checked) return checked.error();
    return out;
}

std::string derived_id(std::string_view text) {
    std::string id;
    bool space = false;
    for (const char c : text) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            space = !id.empty();
            continue;
        }
        if (space) id += ' ';
        space = false;
        id += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    if (id.size() <= 64) return id;
    std::uint64_t h = 1469598103934665603ULL; // FNV-1a: stable everywhere, enough to tell apart
    for (const char c : id) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
    std::string cut = id.substr(0, 47);
    while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80) cut.pop_back();
    if (!cut.empty() && static_cast<unsigned char>(cut.back()) >= 0xC0) cut.pop_back(); // a lead byte
    return cut + "~" + hex;
}

} // namespace podium::sync
