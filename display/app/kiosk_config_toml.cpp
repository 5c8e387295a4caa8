// Helpers of the kiosk config checker: naming TOML nodes, suggestions for near misses, and the
// checks of the files a config names.
#include "kiosk_config_toml.hpp"

#include "sync/file_read.hpp"

#include <algorithm>
#include <cerrno>
#include <numeric>
#include <utility>

#include <sys/stat.h>

namespace podium::app::config_detail {
namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    std::iota(row.begin(), row.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            const std::size_t substitution = a[i - 1] == b[j - 1] ? 0 : 1;
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + substitution});
            diagonal = above;
        }
    }
    return row[b.size()];
}

} // namespace

std::string_view type_name(const toml::node& node) {
    switch (node.type()) {
    case toml::node_type::string:
        return "a string";
    case toml::node_type::integer:
        return "an integer";
    case toml::node_type::floating_point:
        return "a floating-point number";
    case toml::node_type::boolean:
        return "a boolean";
    case toml::node_type::array:
        return "an array";
    case toml::node_type::table:
        return "a table";
    case toml::node_type::date:
    case toml::node_type::time:
    case toml::node_type::date_time:
        return "a date or time";
    default:
        return "nothing";
    }
}

scene::FieldValue field_value(const toml::node& node) {
    if (const auto* s = node.as_string()) return s->get();
    if (const auto* i = node.as_integer()) return i->get();
    if (const auto* f = node.as_floating_point()) return f->get();
    if (const auto* b = node.as_boolean()) return b->get();
    if (const auto* d = node.as_date()) {
        const toml::date& v = d->get();
        return model::Date{v.year, v.month, v.day};
    }
    return scene::OtherValue{type_name(node)};
}

std::string suggestion(std::string_view name, const std::vector<Candidate>& candidates) {
    const std::size_t allowed = std::clamp<std::size_t>(name.size() / 3, 1, 2);
    std::pair<std::size_t, bool> best{allowed + 1, true}; // (distance, elsewhere)
    const Candidate* found = nullptr;
    for (const Candidate& c : candidates) {
        const std::pair score{edit_distance(name, c.name), c.elsewhere};
        if (score < best) {
            best = score;
            found = &c;
        }
    }
    return found ? " (did you mean \"" + found->full + "\"?)" : "";
}

Problem unknown_key(const toml::key& key, const toml::node& node, const std::string& path,
                    const std::vector<Candidate>& candidates) {
    return {key.source().begin, std::string(node.is_table() ? "unknown table" : "unknown key") +
                                    " \"" + path + "\"" + suggestion(key.str(), candidates)};
}

std::vector<Candidate> candidates_of(std::string_view path,
                                     const std::vector<std::string_view>& names) {
    std::vector<Candidate> out;
    for (const auto name : names)
        out.push_back({name, false, std::string(path) + "." + std::string(name)});
    return out;
}

// What sync would trip over in the files the config names: the token file (a regular file, one
// line) and the CA file (a regular file). A file that does not exist yet is not reported: it is
// often installed after the config is checked, and sync says so when it runs.
void check_named_files(const toml::table& root, ConfigValues& values, Problems& problems) {
    const struct {
        const char* key;
        const char* setting;
        Status (*check)(const std::string&);
    } named[] = {
        {"token_file", "sync.token_file",
         [](const std::string& p) -> Status {
             if (auto t = sync::read_token_file(p); !t) return t.error();
             return Ok{};
         }},
        {"ca_file", "sync.ca_file", sync::check_ca_file},
    };
    const toml::table* source = root["source"].as_table();
    for (const auto& n : named) {
        const auto value = values.find(n.setting);
        const toml::node* node = source ? source->get(n.key) : nullptr;
        if (value == values.end() || !node) continue;
        struct stat st {};
        if (::stat(value->second.c_str(), &st) != 0 && errno == ENOENT) continue;
        if (auto ok = n.check(value->second); !ok) {
            problems.push_back({node->source().begin,
                                "source." + std::string(n.key) + ": " + ok.error().message});
            values.erase(value);
        }
    }
}

} // namespace podium::app::config_detail
