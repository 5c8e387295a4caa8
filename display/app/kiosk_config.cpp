// The managed kiosk config: the schema of single-value keys, the walk over the document, and
// applying the result. Many-field values (playlist, windows, weights) are in
// kiosk_config_schedule.cpp.
#include "kiosk_config.hpp"
#include "kiosk_config_toml.hpp"

#include "display/scene/schedule_settings.hpp"
#include "display/scene/time_zone.hpp"
#include "sync/feed_validate.hpp"
#include "sync/file_read.hpp"
#include "sync/column_mapping.hpp"
#include "sync/source.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <optional>
#include <utility>

namespace podium::app {
namespace {

using namespace config_detail;
using sync::format_number;
using sync::quote_for_message;

constexpr std::int64_t kMinIntervalSeconds = 30; // below this a shared source is hammered
constexpr std::int64_t kMaxIntervalSeconds = 24 * 3600;
constexpr std::size_t kMaxFileBytes = 1 << 20; // a config is a few hundred bytes; more is a mix-up

// An error message (without the key's name), or nullopt when the value is fine.
using Check = std::optional<std::string>;
// Turns a TOML value into the setting's text in `out`, or says what is wrong with it.
using Checker = Check (*)(const toml::node& node, std::string& out);

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
    if (!sync::is_valid_utf8_text(s->get(), &why)) return why;
    out = s->get();
    return std::nullopt;
}

Check check_source(const toml::node& node, std::string& out) {
    if (auto e = text_of(node, out)) return e;
    auto source = sync::parse_source(out);
    if (!source) return source.error().message;
    // The service's working folder is nobody's choice: a relative path would depend on it.
    if (source.value().kind == sync::SourceKind::file && !source.value().location.starts_with('/'))
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
    const std::size_t n = *sync::utf8_length(out); // text_of checked the UTF-8
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

// A value through one of the scene's field validators, stored as `format` writes it.
template <class Parse, class Format>
Check via_field(const toml::node& node, std::string& out, Parse parse, Format format) {
    auto r = parse(field_value(node));
    if (!r) return r.error().message;
    out = std::string(format(r.value()));
    return std::nullopt;
}

// How old the data may be before the "data as of" badge shows: "45m", "2h" or seconds, 1 min to 7 days.
Check check_stale_after(const toml::node& node, std::string& out) {
    std::optional<std::int64_t> seconds;
    if (const auto* i = node.as_integer()) seconds = i->get();
    if (const auto* s = node.as_string()) seconds = parse_duration(s->get());
    if (!seconds || *seconds < scene::kMinStaleAfterSeconds || *seconds > scene::kMaxStaleAfterSeconds)
        return "expected a duration from 1 minute to 7 days like \"45m\", \"2h\" or a number of "
               "seconds, got " + shown(node);
    out = std::to_string(*seconds);
    return std::nullopt;
}

Check check_time_zone(const toml::node& node, std::string& out) {
    auto name = scene::parse_time_zone_name(field_value(node));
    if (!name) return name.error().message;
    // The zone must exist here too: a config checked on the build machine runs on the screens,
    // and both read the same Debian tzdata.
    if (!name.value().empty())
        if (auto zone = scene::TimeZone::locate(name.value()); !zone) return zone.error().message;
    out = name.value();
    return std::nullopt;
}

Check check_text_size(const toml::node& node, std::string& out) {
    return via_field(node, out, scene::parse_text_size, scene::format_number_text);
}

Check check_transition(const toml::node& node, std::string& out) {
    return via_field(node, out, scene::parse_transition, scene::transition_name);
}

Check check_theme(const toml::node& node, std::string& out) {
    return via_field(node, out, scene::parse_theme, scene::theme_name);
}

Check check_rotation(const toml::node& node, std::string& out) {
    return via_field(node, out, scene::parse_rotation, [](int degrees) { return std::to_string(degrees); });
}

Check check_command(const toml::node& node, std::string& out) {
    if (auto e = text_of(node, out)) return e; // UTF-8 and no control characters
    return via_field(node, out, scene::parse_command, [](const std::string& s) { return s; });
}

Check check_flag(const toml::node& node, std::string& out) {
    return via_field(node, out, scene::parse_bool, scene::flag_text);
}

Check check_names(const toml::node& node, std::string& out) {
    return via_field(node, out, scene::parse_name_format, scene::name_format_name);
}

Check check_without_consent(const toml::node& node, std::string& out) {
    return via_field(node, out, scene::parse_without_consent, scene::without_consent_name);
}

Check check_team_min(const toml::node& node, std::string& out) {
    return via_field(node, out, scene::parse_team_min, [](int n) { return std::to_string(n); });
}

Check check_visibility(const toml::node& node, std::string& out) {
    return via_field(node, out, scene::parse_visibility, scene::visibility_name);
}

// [source] preset: the name of one of sync::presets().
Check check_preset(const toml::node& node, std::string& out) {
    if (auto e = text_of(node, out)) return e;
    if (auto m = sync::make_mapping(out, {}, "", ""); !m) return m.error().message;
    return std::nullopt;
}

// [source] month: "previous" or YYYY-MM, for an export without a month column.
Check check_month(const toml::node& node, std::string& out) {
    if (auto e = text_of(node, out)) return e;
    auto month = sync::check_month_setting(out);
    if (!month) return month.error().message;
    return std::nullopt;
}

struct KeySpec {
    std::string_view table, key, setting; // table "" for a key at the top level
    Checker check;                        // a single value, or
    Composite composite;                  // a value of many fields
};

// The schema (see the header): every key a config file may hold, and the setting it sets.
constexpr KeySpec kSchema[] = {
    {"source", "url", "sync.source", check_source, nullptr},
    {"source", "interval", "sync.interval_seconds", check_interval, nullptr},
    {"source", "token_file", "sync.token_file", check_absolute_path, nullptr},
    {"source", "ca_file", "sync.ca_file", check_absolute_path, nullptr},
    {"source", "preset", "source.preset", check_preset, nullptr},
    {"source", "month", "source.month", check_month, nullptr},
    {"source", "columns", "source.columns", nullptr, check_columns},
    {"organisation", "name", "organisation.name", check_name, nullptr},
    {"organisation", "headcount", "organisation.headcount", check_headcount, nullptr},
    {"organisation", "currency", "organisation.currency", check_currency, nullptr},
    {"organisation", "goal_percent", "organisation.goal_percent", check_percent, nullptr},
    {"display", "language", "display.language", check_language, nullptr},
    {"display", "time_zone", "display.time_zone", check_time_zone, nullptr},
    {"display", "text_size", "display.text_size", check_text_size, nullptr},
    {"display", "transition", "display.transition", check_transition, nullptr},
    {"display", "theme", "display.theme", check_theme, nullptr},
    {"display", "rotation", "display.rotation", check_rotation, nullptr},
    {"display", "stale_after", "display.stale_after", check_stale_after, nullptr},
    {"", "playlist", "schedule.playlist", nullptr, check_playlist},
    {"", "audience", "schedule.audience", nullptr, check_audience},
    {"screen_off", "windows", "schedule.screen_off", nullptr, check_screen_off_windows},
    {"screen_off", "on_enter", "schedule.screen_off_command", check_command, nullptr},
    {"screen_off", "on_leave", "schedule.screen_on_command", check_command, nullptr},
    {"interrupts", "internal", "schedule.interrupts.internal", check_flag, nullptr},
    {"interrupts", "public", "schedule.interrupts.public", check_flag, nullptr},
    {"privacy.internal", "names", "privacy.internal.names", check_names, nullptr},
    {"privacy.internal", "money", "privacy.internal.money", check_flag, nullptr},
    {"privacy.internal", "figures", "privacy.internal.figures", check_flag, nullptr},
    {"privacy.internal", "teams", "privacy.internal.teams", check_flag, nullptr},
    {"privacy.internal", "without_consent", "privacy.internal.without_consent",
     check_without_consent, nullptr},
    {"privacy.internal", "team_min", "privacy.internal.team_min", check_team_min, nullptr},
    {"privacy.internal", "success_titles", "privacy.internal.success_titles", check_visibility, nullptr},
    {"privacy.internal", "success_stories", "privacy.internal.success_stories", check_visibility, nullptr},
    {"privacy.public", "names", "privacy.public.names", check_names, nullptr},
    {"privacy.public", "money", "privacy.public.money", check_flag, nullptr},
    {"privacy.public", "figures", "privacy.public.figures", check_flag, nullptr},
    {"privacy.public", "teams", "privacy.public.teams", check_flag, nullptr},
    {"privacy.public", "without_consent", "privacy.public.without_consent", check_without_consent,
     nullptr},
    {"privacy.public", "team_min", "privacy.public.team_min", check_team_min, nullptr},
    {"privacy.public", "success_titles", "privacy.public.success_titles", check_visibility, nullptr},
    {"privacy.public", "success_stories", "privacy.public.success_stories", check_visibility, nullptr},
    {"", "scoring", "score.weights", nullptr, check_scoring},
};

std::string join(std::string_view table, std::string_view key) {
    return table.empty() ? std::string(key) : std::string(table) + "." + std::string(key);
}

// Whether `path` names a table of the schema ("source", "privacy", "privacy.public").
bool is_table(std::string_view path) {
    return std::any_of(std::begin(kSchema), std::end(kSchema), [&](const KeySpec& s) {
        return s.table == path || (s.table.starts_with(path) && s.table.size() > path.size() &&
                                   s.table[path.size()] == '.');
    });
}

// Every name of the schema, for suggestions under `table`: its own names first, then keys of
// other tables (a known key in the wrong table is suggested in its right one).
std::vector<Candidate> schema_candidates(std::string_view table) {
    std::vector<Candidate> out;
    for (const KeySpec& spec : kSchema) {
        out.push_back({spec.key, spec.table != table, join(spec.table, spec.key)});
        // The tables on the way: "privacy" and "privacy.public" for "privacy.public".
        for (std::size_t dot = 0; dot != std::string_view::npos;) {
            dot = spec.table.find('.', dot + 1);
            const std::string_view path = spec.table.substr(0, dot);
            const std::size_t last = path.rfind('.');
            const std::string_view parent = last == path.npos ? "" : path.substr(0, last);
            const std::string_view name = last == path.npos ? path : path.substr(last + 1);
            if (!name.empty()) out.push_back({name, parent != table, std::string(path)});
        }
    }
    return out;
}

void check_value(const KeySpec& spec, const toml::node& node, const std::string& path,
                 ConfigValues& values, Problems& problems) {
    if (spec.check) {
        std::string value;
        if (auto e = spec.check(node, value))
            problems.push_back({node.source().begin, path + ": " + *e});
        else
            values[std::string(spec.setting)] = std::move(value);
        return;
    }
    std::optional<std::string> value;
    const std::size_t before = problems.size();
    spec.composite(node, path, value, problems);
    if (value && problems.size() == before) values[std::string(spec.setting)] = std::move(*value);
}

// A table of the schema ("" for the document): its keys, and the tables within it.
void check_table(const toml::table& table, std::string_view name, ConfigValues& values,
                 Problems& problems) {
    for (auto&& [key, node] : table) {
        const std::string path = join(name, key.str());
        const std::string_view key_name = key.str(); // clang 14 cannot capture a binding
        const auto spec = std::find_if(std::begin(kSchema), std::end(kSchema), [&](const auto& s) {
            return s.table == name && s.key == key_name;
        });
        if (spec != std::end(kSchema)) {
            check_value(*spec, node, path, values, problems);
        } else if (!is_table(path)) {
            problems.push_back(unknown_key(key, node, path, schema_candidates(name)));
        } else if (const auto* sub = node.as_table()) {
            check_table(*sub, path, values, problems);
        } else {
            problems.push_back({key.source().begin,
                                path + ": expected a table, got " + std::string(type_name(node))});
        }
    }
}

// The bytes of s that `pick` selects written as \xNN (a line break as \n).
template <class Pick> std::string escape_bytes(std::string_view s, Pick pick) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : s) {
        const auto byte = static_cast<unsigned char>(c);
        if (!pick(byte))
            out += c;
        else if (c == '\n')
            out += "\\n";
        else
            out += {'\\', 'x', kHex[byte >> 4], kHex[byte & 0xF]};
    }
    return out;
}

// toml++ says "Error while parsing ..."; our messages start in lower case. It quotes what it saw
// as it is in the file ("expected 'true', saw 'tr\n'"), but a message is one line of text: so
// control characters are escaped, and every non-ASCII byte too if the text is not clean UTF-8.
std::string syntax_message(std::string_view description) {
    const auto control = [](unsigned char b) { return b < 0x20 || b == 0x7F; };
    std::string s = escape_bytes(description, control);
    if (!sync::is_valid_utf8_text(s, nullptr))
        s = escape_bytes(s, [](unsigned char b) { return b >= 0x80; });
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return "invalid TOML: " + s;
}

} // namespace

ConfigCheck check_config(std::string_view text, std::string_view file_name, FileChecks files) {
    ConfigCheck result;
    Problems problems;
    try {
        const toml::table root = toml::parse(text, file_name);
        check_table(root, "", result.values, problems);
        if (files == FileChecks::on) check_named_files(root, result.values, problems);
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

ConfigCheck check_config_file(const std::string& path, FileChecks files) {
    auto text = sync::read_regular_file(path, kMaxFileBytes);
    if (!text) return {{}, {text.error().message}}; // 1 MiB: a kiosk config is a few lines
    return check_config(text.value(), path, files);
}

Status apply_config(sync::Store& store, const ConfigValues& values, const std::string& now) {
    std::vector<std::pair<std::string, std::string>> entries(values.begin(), values.end());
    std::string managed;
    for (const auto& [key, value] : values)
        managed += (managed.empty() ? "" : ",") + key;
    entries.emplace_back(kManagedKeysSetting, std::move(managed));
    return store.set_settings(entries, now);
}

} // namespace podium::app
