#include "kiosk_config.hpp"

#include "feed_validate.hpp"
#include "source.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <numeric>
#include <optional>
#include <utility>

namespace podium::sync {
namespace {

constexpr std::int64_t kMinIntervalSeconds = 30; // below this a shared source is hammered
constexpr std::int64_t kMaxIntervalSeconds = 24 * 3600;
constexpr std::size_t kMaxFileBytes = 1 << 20; // a config is a few hundred bytes; more is a mix-up

// An error message (without the key's name), or nullopt when the value is fine.
using Check = std::optional<std::string>;
// Turns a TOML value into the setting's text in `out`, or says what is wrong with it.
using Checker = Check (*)(const toml::node& node, std::string& out);

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

// The value as the message quotes it: strings in quotes, numbers as written, others by type.
std::string shown(const toml::node& node) {
    if (const auto* s = node.as_string()) return quote_for_message(s->get());
    if (const auto* i = node.as_integer()) return std::to_string(i->get());
    if (const auto* f = node.as_floating_point()) return format_number(f->get());
    return std::string(type_name(node));
}

// One line of text: a string, well-formed UTF-8, no control characters.
Check text_of(const toml::node& node, std::string& out) {
    const auto* s = node.as_string();
    if (!s) return "expected a string, got " + std::string(type_name(node));
    std::string why;
    if (!is_valid_utf8_text(s->get(), &why)) return why;
    out = s->get();
    return std::nullopt;
}

Check check_source(const toml::node& node, std::string& out) {
    if (auto e = text_of(node, out)) return e;
    auto source = parse_source(out);
    if (!source) return source.error().message;
    // The service's working folder is nobody's choice: a relative path would depend on it.
    if (source.value().kind == SourceKind::file && !source.value().location.starts_with('/'))
        return "expected a URL or an absolute path, got " + quote_for_message(out);
    return std::nullopt;
}

// "45s", "15m", "1h", or a bare number of seconds; nullopt for anything else.
std::optional<std::int64_t> parse_duration(std::string_view s) {
    std::size_t digits = 0;
    std::int64_t n = 0;
    for (; digits < s.size() && digits < 9 && s[digits] >= '0' && s[digits] <= '9'; ++digits)
        n = n * 10 + (s[digits] - '0');
    if (digits == 0) return std::nullopt;
    const std::string_view unit = s.substr(digits);
    if (unit.empty() || unit == "s") return n;
    if (unit == "m") return n * 60;
    if (unit == "h") return n * 3600;
    return std::nullopt;
}

Check check_interval(const toml::node& node, std::string& out) {
    std::optional<std::int64_t> seconds;
    if (const auto* i = node.as_integer()) seconds = i->get();
    if (const auto* s = node.as_string()) seconds = parse_duration(s->get());
    if (!seconds)
        return "expected a duration like \"15m\", \"1h\" or a number of seconds ≥ 30, got " +
               shown(node);
    if (*seconds < kMinIntervalSeconds || *seconds > kMaxIntervalSeconds)
        return "expected from 30 seconds to 24 hours, got " + shown(node);
    out = std::to_string(*seconds);
    return std::nullopt;
}

Check check_absolute_path(const toml::node& node, std::string& out) {
    if (auto e = text_of(node, out)) return e;
    if (!out.starts_with('/'))
        return "expected an absolute path (starting with /), got " + quote_for_message(out);
    return std::nullopt;
}

Check check_name(const toml::node& node, std::string& out) {
    if (auto e = text_of(node, out)) return e;
    const std::size_t n = *utf8_length(out); // text_of checked the UTF-8
    if (n == 0) return "must not be empty";
    if (n > 200) return "too long (" + std::to_string(n) + " characters; at most 200)";
    return std::nullopt;
}

Check check_headcount(const toml::node& node, std::string& out) {
    const auto* i = node.as_integer();
    if (!i || i->get() < 0) return "expected an integer ≥ 0, got " + shown(node);
    out = std::to_string(i->get());
    return std::nullopt;
}

Check check_currency(const toml::node& node, std::string& out) {
    if (auto e = text_of(node, out)) return e;
    const bool shaped = out.size() == 3 && std::all_of(out.begin(), out.end(),
                                                       [](char c) { return c >= 'A' && c <= 'Z'; });
    if (!shaped)
        return "expected a 3-letter ISO 4217 code such as \"EUR\", got " + quote_for_message(out);
    return std::nullopt;
}

Check check_percent(const toml::node& node, std::string& out) {
    std::optional<double> v;
    if (const auto* i = node.as_integer()) v = static_cast<double>(i->get());
    if (const auto* f = node.as_floating_point()) v = f->get();
    if (!v || !std::isfinite(*v) || *v < 0 || *v > 100)
        return "expected a number from 0 to 100, got " + shown(node);
    out = format_number(*v);
    return std::nullopt;
}

Check check_language(const toml::node& node, std::string& out) {
    if (auto e = text_of(node, out)) return e;
    if (out != "en" && out != "nl")
        return "expected \"en\" or \"nl\", got " + quote_for_message(out);
    return std::nullopt;
}

struct KeySpec {
    std::string_view table, key, setting;
    Checker check;
};

// The schema (see the header): every key a config file may hold, and the setting it sets.
constexpr KeySpec kSchema[] = {
    {"source", "url", "sync.source", check_source},
    {"source", "interval", "sync.interval_seconds", check_interval},
    {"source", "token_file", "sync.token_file", check_absolute_path},
    {"source", "ca_file", "sync.ca_file", check_absolute_path},
    {"organisation", "name", "organisation.name", check_name},
    {"organisation", "headcount", "organisation.headcount", check_headcount},
    {"organisation", "currency", "organisation.currency", check_currency},
    {"organisation", "goal_percent", "organisation.goal_percent", check_percent},
    {"display", "language", "display.language", check_language},
};

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

// " (did you mean "source.url"?)" for a near miss, else "". `table` is empty for a top-level
// name. A known key in the wrong table, or outside any table, is suggested in its right one.
std::string suggestion(std::string_view table, std::string_view name) {
    const std::size_t allowed = std::clamp<std::size_t>(name.size() / 3, 1, 2);
    std::pair<std::size_t, bool> best{allowed + 1, true}; // (distance, in another table)
    std::string found;
    const auto consider = [&](std::string_view candidate, bool other_table, std::string full) {
        const std::pair score{edit_distance(name, candidate), other_table};
        if (score < best) {
            best = score;
            found = std::move(full);
        }
    };
    for (const KeySpec& spec : kSchema) {
        if (table.empty()) consider(spec.table, false, std::string(spec.table));
        consider(spec.key, spec.table != table,
                 std::string(spec.table) + "." + std::string(spec.key));
    }
    return found.empty() ? "" : " (did you mean \"" + found + "\"?)";
}

struct Problem {
    toml::source_position at;
    std::string message;
};

Problem unknown(const toml::key& key, const toml::node& node, std::string_view table) {
    const std::string path =
        table.empty() ? std::string(key.str()) : std::string(table) + "." + std::string(key.str());
    return {key.source().begin, std::string(node.is_table() ? "unknown table" : "unknown key") +
                                    " \"" + path + "\"" + suggestion(table, key.str())};
}

void check_table(const toml::table& table, std::string_view name, ConfigValues& values,
                 std::vector<Problem>& problems) {
    for (auto&& [key, node] : table) {
        const auto spec = std::find_if(std::begin(kSchema), std::end(kSchema), [&](const auto& s) {
            return s.table == name && s.key == key.str();
        });
        if (spec == std::end(kSchema)) {
            problems.push_back(unknown(key, node, name));
            continue;
        }
        std::string value;
        if (auto e = spec->check(node, value))
            problems.push_back({node.source().begin,
                                std::string(name) + "." + std::string(key.str()) + ": " + *e});
        else
            values[std::string(spec->setting)] = std::move(value);
    }
}

void check_root(const toml::table& root, ConfigValues& values, std::vector<Problem>& problems) {
    for (auto&& [key, node] : root) {
        const bool known = std::any_of(std::begin(kSchema), std::end(kSchema),
                                       [&](const auto& s) { return s.table == key.str(); });
        if (!known) {
            problems.push_back(unknown(key, node, {}));
        } else if (const auto* table = node.as_table()) {
            check_table(*table, key.str(), values, problems);
        } else {
            problems.push_back({key.source().begin, std::string(key.str()) +
                                                        ": expected a table, got " +
                                                        std::string(type_name(node))});
        }
    }
}

// toml++ says "Error while parsing ..."; our messages start in lower case.
std::string syntax_message(std::string_view description) {
    std::string s(description);
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return "invalid TOML: " + s;
}

} // namespace

ConfigCheck check_config(std::string_view text, std::string_view file_name) {
    ConfigCheck result;
    std::vector<Problem> problems;
    try {
        const toml::table root = toml::parse(text, file_name);
        check_root(root, result.values, problems);
    } catch (const toml::parse_error& e) {
        problems.push_back({e.source().begin, syntax_message(e.description())});
    }
    // Tables iterate in key order; people read a file top to bottom.
    std::stable_sort(problems.begin(), problems.end(), [](const Problem& a, const Problem& b) {
        return std::pair(a.at.line, a.at.column) < std::pair(b.at.line, b.at.column);
    });
    for (const Problem& p : problems)
        result.errors.push_back(std::string(file_name) + ":" + std::to_string(p.at.line) + ":" +
                                std::to_string(p.at.column) + ": " + p.message);
    return result;
}

ConfigCheck check_config_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::string text(kMaxFileBytes + 1, '\0');
    if (in) in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (!in && !in.eof()) return {{}, {path + ": cannot read it: " + std::strerror(errno)}};
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (text.size() > kMaxFileBytes)
        return {{}, {path + ": larger than 1 MiB; a kiosk config is a few lines"}};
    return check_config(text, path);
}

Status apply_config(Store& store, const ConfigValues& values, const std::string& now) {
    std::vector<std::pair<std::string, std::string>> entries(values.begin(), values.end());
    std::string managed;
    for (const auto& [key, value] : values)
        managed += (managed.empty() ? "" : ",") + key;
    entries.emplace_back(kManagedKeysSetting, std::move(managed));
    return store.set_settings(entries, now);
}

} // namespace podium::sync
