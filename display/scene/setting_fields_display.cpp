// The display, privacy and scoring validators of setting_fields.hpp.
#include "setting_fields.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace podium::scene {
namespace {

// A string that must be one of `names`; returns its index.
Result<std::size_t> one_of(const FieldValue& v, std::initializer_list<std::string_view> names,
                           std::string_view expected) {
    if (const auto* s = std::get_if<std::string>(&v))
        for (std::size_t i = 0; i < names.size(); ++i)
            if (*s == names.begin()[i]) return i;
    return Error{"expected " + std::string(expected) + ", got " + shown(v)};
}

// A finite number in [low, high] from an integer or a floating-point value.
std::optional<double> number_in(const FieldValue& v, double low, double high) {
    std::optional<double> n;
    if (const auto* i = std::get_if<std::int64_t>(&v)) n = static_cast<double>(*i);
    if (const auto* d = std::get_if<double>(&v)) n = *d;
    if (!n || !std::isfinite(*n) || *n < low || *n > high) return std::nullopt;
    return n;
}

// A whole number as TOML holds it (an integer) or as the store keeps it (its text, "90").
std::optional<std::int64_t> whole_number(const FieldValue& value) {
    if (const auto* i = std::get_if<std::int64_t>(&value)) return *i;
    if (const auto* s = std::get_if<std::string>(&value)) {
        std::int64_t v = 0;
        const auto [end, ec] = std::from_chars(s->data(), s->data() + s->size(), v);
        if (!s->empty() && ec == std::errc{} && end == s->data() + s->size()) return v;
    }
    return std::nullopt;
}

bool zone_character(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' ||
           c == '_' || c == '-' || c == '+';
}

} // namespace

Result<Transition> parse_transition(const FieldValue& value) {
    auto r = one_of(value, {"crossfade", "slide"}, "\"crossfade\" or \"slide\"");
    if (!r) return r.error();
    return static_cast<Transition>(r.value());
}

std::string_view transition_name(Transition t) {
    return t == Transition::crossfade ? "crossfade" : "slide";
}

Result<ThemeName> parse_theme(const FieldValue& value) {
    auto r = one_of(value, {"dark", "light"}, "\"dark\" or \"light\"");
    if (!r) return r.error();
    return static_cast<ThemeName>(r.value());
}

std::string_view theme_name(ThemeName t) {
    return t == ThemeName::dark ? "dark" : "light";
}

Result<int> parse_rotation(const FieldValue& value) {
    const auto n = whole_number(value);
    if (n && (*n == 0 || *n == 90 || *n == 180 || *n == 270)) return static_cast<int>(*n);
    return Error{"expected 0, 90, 180 or 270 (degrees clockwise), got " + shown(value)};
}

Result<double> parse_text_size(const FieldValue& value) {
    if (const auto n = number_in(value, kMinTextSize, kMaxTextSize)) return *n;
    return Error{"expected a number from 0.75 to 1.5, got " + shown(value)};
}

Result<double> parse_text_size_text(std::string_view text) {
    double n = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    const bool whole = !text.empty() && ec == std::errc{} && end == text.data() + text.size();
    if (whole && parse_text_size(FieldValue{n})) return n;
    return Error{"expected a number from 0.75 to 1.5, got " + quoted_text(text)};
}

std::string format_number_text(double value) {
    char buf[32];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
    return ec == std::errc{} ? std::string(buf, end) : std::string("?");
}

Result<std::string> parse_time_zone_name(const FieldValue& value) {
    const auto* s = std::get_if<std::string>(&value);
    // Components of letters, digits, _ - +, separated by single slashes: the shape of every name
    // in the IANA database, and nothing that could climb out of /usr/share/zoneinfo.
    const bool shaped =
        s && s->size() <= 64 && std::all_of(s->begin(), s->end(), zone_character) &&
        (s->empty() || (s->front() != '/' && s->back() != '/' && s->find("//") == s->npos));
    if (!shaped)
        return Error{"expected an IANA time zone such as \"Europe/Amsterdam\" (or \"\" for the "
                     "system's), got " +
                     shown(value)};
    return *s;
}

Result<std::string> parse_command(const FieldValue& value) {
    const auto* s = std::get_if<std::string>(&value);
    const bool one_line = s && std::none_of(s->begin(), s->end(), [](char c) {
                              const auto u = static_cast<unsigned char>(c);
                              return u < 0x20 || u == 0x7f;
                          });
    if (!one_line)
        return Error{"expected a command on one line without control characters, got " +
                     shown(value)};
    return *s;
}

Result<bool> parse_flag_text(std::string_view text) {
    if (text == "true") return true;
    if (text == "false") return false;
    return Error{"expected \"true\" or \"false\", got " + quoted_text(text)};
}

Result<NameFormat> parse_name_format(const FieldValue& value) {
    auto r = one_of(value, {"full", "first_initial", "initials", "anonymous"},
                    "full, first_initial, initials or anonymous");
    if (!r) return r.error();
    return static_cast<NameFormat>(r.value());
}

std::string_view name_format_name(NameFormat f) {
    switch (f) {
    case NameFormat::full:
        return "full";
    case NameFormat::first_initial:
        return "first_initial";
    case NameFormat::initials:
        return "initials";
    case NameFormat::anonymous:
        return "anonymous";
    }
    return "full";
}

Result<WithoutConsent> parse_without_consent(const FieldValue& value) {
    auto r = one_of(value, {"anonymise", "omit"}, "anonymise or omit");
    if (!r) return r.error();
    return static_cast<WithoutConsent>(r.value());
}

std::string_view without_consent_name(WithoutConsent w) {
    return w == WithoutConsent::anonymise ? "anonymise" : "omit";
}

Result<int> parse_team_min(const FieldValue& value) {
    const auto n = whole_number(value);
    if (n && *n >= kMinTeamMin && *n <= kMaxTeamMin) return static_cast<int>(*n);
    return Error{"expected a whole number from " + std::to_string(kMinTeamMin) + " to " +
                 std::to_string(kMaxTeamMin) + " (champions in a team), got " + shown(value)};
}

Result<bool> parse_visibility(const FieldValue& value) {
    auto r = one_of(value, {"hidden", "shown"}, "shown or hidden");
    if (!r) return r.error();
    return r.value() == 1;
}

std::string_view visibility_name(bool shown) {
    return shown ? "shown" : "hidden";
}

Result<double> parse_weight(const FieldValue& value) {
    if (const auto n = number_in(value, 0, kMaxWeight)) return *n;
    return Error{"expected a number from 0 to 1000, got " + shown(value)};
}

} // namespace podium::scene
