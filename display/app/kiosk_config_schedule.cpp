// The kiosk config's many-field values: [[playlist]], [audience], [screen_off] windows and
// [scoring]. Each field goes through the validators the stored settings use (setting_fields.hpp),
// and the result is stored as the same canonical JSON (schedule_settings.hpp).
#include "kiosk_config_toml.hpp"

#include "sync/column_mapping.hpp"

#include "display/scene/schedule_settings.hpp"

#include <string>
#include <vector>

namespace podium::app::config_detail {
namespace {

void report(Problems& problems, const toml::node& node, const std::string& path,
            const std::string& message) {
    problems.push_back({node.source().begin, path + ": " + message});
}

std::string index_path(const std::string& path, std::size_t i) {
    return path + "[" + std::to_string(i) + "]";
}

// The tables of an array: calls read(table, path) for each, and reports anything else.
template <class Read>
void each_table(const toml::array& array, const std::string& path, std::string_view like,
                Problems& problems, Read read) {
    for (std::size_t i = 0; i < array.size(); ++i) {
        const toml::node& item = *array.get(i);
        if (const auto* table = item.as_table())
            read(*table, index_path(path, i));
        else
            report(problems, item, index_path(path, i),
                   "expected a table like " + std::string(like) + ", got " +
                       std::string(type_name(item)));
    }
}

constexpr std::string_view kWindowLike = R"({ days = "mon-fri", start = "08:00", end = "18:00" })";

std::vector<scene::Window> read_windows(const toml::node& node, const std::string& path,
                                        Problems& problems) {
    std::vector<scene::Window> windows;
    const auto* array = node.as_array();
    if (!array) {
        report(problems, node, path,
               "expected an array of windows like [" + std::string(kWindowLike) + "], got " +
                   std::string(type_name(node)));
        return windows;
    }
    each_table(*array, path, kWindowLike, problems,
               [&](const toml::table& table, const std::string& at) {
                   scene::WindowReader reader;
                   for (auto&& [key, value] : table) {
                       const std::string field = at + "." + std::string(key.str());
                       if (!scene::WindowReader::has_field(key.str()))
                           problems.push_back(unknown_key(
                               key, value, field, candidates_of(at, {"days", "start", "end"})));
                       else if (auto e = reader.set(key.str(), field_value(value)))
                           report(problems, value, field, *e);
                   }
                   windows.push_back(reader.window());
               });
    return windows;
}

scene::PlaylistEntry read_entry(const toml::table& table, const std::string& path,
                                Problems& problems) {
    scene::EntryReader reader;
    for (auto&& [key, value] : table) {
        const std::string field = path + "." + std::string(key.str());
        if (!scene::EntryReader::has_field(key.str())) {
            const std::vector<std::string_view> names(std::begin(scene::EntryReader::kFields),
                                                      std::end(scene::EntryReader::kFields));
            problems.push_back(unknown_key(key, value, field, candidates_of(path, names)));
        } else if (key.str() == "windows") {
            for (const scene::Window& w : read_windows(value, field, problems))
                reader.add_window(w);
        } else if (auto e = reader.set(key.str(), field_value(value))) {
            report(problems, value, field, *e);
        }
    }
    // A problem of several fields is shown at the field to blame, or at the entry's header.
    for (const auto& p : reader.finish()) {
        const toml::node* blamed = table.get(p.field);
        report(problems, blamed ? *blamed : table, path + "." + p.field, p.message);
    }
    return reader.entry();
}

} // namespace

void check_playlist(const toml::node& node, const std::string& path,
                    std::optional<std::string>& out, Problems& problems) {
    const auto* array = node.as_array();
    if (!array) {
        report(problems, node, path,
               "expected [[playlist]] tables, got " + std::string(type_name(node)));
        return;
    }
    std::vector<scene::PlaylistEntry> entries;
    each_table(*array, path, "[[playlist]]", problems,
               [&](const toml::table& table, const std::string& at) {
                   entries.push_back(read_entry(table, at, problems));
               });
    out = scene::playlist_to_json(entries);
}

void check_audience(const toml::node& node, const std::string& path,
                    std::optional<std::string>& out, Problems& problems) {
    const auto* table = node.as_table();
    if (!table) {
        report(problems, node, path, "expected a table, got " + std::string(type_name(node)));
        return;
    }
    std::vector<scene::AudienceWindow> windows;
    for (auto&& [key, value] : *table) {
        const std::string field = path + "." + std::string(key.str());
        const auto audience = scene::parse_audience(key.str());
        if (!audience) {
            problems.push_back(
                unknown_key(key, value, field, candidates_of(path, {"internal", "public"})));
            continue;
        }
        for (const scene::Window& w : read_windows(value, field, problems))
            windows.push_back({*audience, w});
    }
    if (!table->empty()) out = scene::audience_windows_to_json(windows);
}

void check_screen_off_windows(const toml::node& node, const std::string& path,
                              std::optional<std::string>& out, Problems& problems) {
    out = scene::windows_to_json(read_windows(node, path, problems));
}

void check_scoring(const toml::node& node, const std::string& path, std::optional<std::string>& out,
                   Problems& problems) {
    const auto* table = node.as_table();
    if (!table) {
        report(problems, node, path, "expected a table, got " + std::string(type_name(node)));
        return;
    }
    std::vector<std::string_view> metric_names(model::kMetricNames.begin(),
                                               model::kMetricNames.end());
    scene::ScoreWeights weights; // all zero: a metric not listed does not count
    for (auto&& [key, value] : *table) {
        const std::string field = path + "." + std::string(key.str());
        const auto metric = model::parse_metric(key.str());
        if (!metric) {
            problems.push_back(unknown_key(key, value, field, candidates_of(path, metric_names)));
        } else if (auto w = scene::parse_weight(field_value(value))) {
            weights.weight[static_cast<std::size_t>(*metric)] = w.value();
        } else {
            report(problems, value, field, w.error().message);
        }
    }
    if (!table->empty()) out = scene::weights_to_json(weights);
}

void check_columns(const toml::node& node, const std::string& path, std::optional<std::string>& out,
                   Problems& problems) {
    const auto* table = node.as_table();
    if (!table) {
        report(problems, node, path, "expected a table, got " + std::string(type_name(node)));
        return;
    }
    const std::vector<std::string_view> fields = sync::mappable_fields();
    sync::ColumnNames columns;
    const std::size_t before = problems.size();
    for (auto&& [key, value] : *table) {
        const std::string field = path + "." + std::string(key.str());
        if (!sync::is_mappable_field(key.str())) {
            problems.push_back(unknown_key(key, value, field, candidates_of(path, fields)));
        } else if (const auto* s = value.as_string(); !s || s->get().empty()) {
            report(problems, value, field, "expected the export's column name as a string");
        } else {
            columns[std::string(key.str())] = s->get();
        }
    }
    if (problems.size() != before || columns.empty()) return;
    // The same checks as at sync time (one line of text, no column for two fields).
    if (auto mapping = sync::make_mapping("", columns, "", ""); !mapping)
        report(problems, node, path, mapping.error().message);
    else
        out = sync::columns_to_json(columns);
}

} // namespace podium::app::config_detail
