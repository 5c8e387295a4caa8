// The canonical JSON of the playlist, audience windows, screen-off windows and score weights.
#include "schedule_settings.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <limits>

namespace podium::scene {
namespace {

using Json = nlohmann::json;
// Written in a fixed field order, so the stored text reads like the documentation.
using OrderedJson = nlohmann::ordered_json;

FieldValue field_value(const Json& j) {
    switch (j.type()) {
    case Json::value_t::string:
        return j.get<std::string>();
    case Json::value_t::boolean:
        return j.get<bool>();
    case Json::value_t::number_integer:
        return j.get<std::int64_t>();
    case Json::value_t::number_unsigned: {
        const auto u = j.get<std::uint64_t>();
        if (u <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            return static_cast<std::int64_t>(u);
        return static_cast<double>(u);
    }
    case Json::value_t::number_float:
        return j.get<double>();
    case Json::value_t::array:
        return OtherValue{"an array"};
    case Json::value_t::object:
        return OtherValue{"an object"};
    default:
        return OtherValue{"null"};
    }
}

Result<Json> parse_json(std::string_view text, std::string_view key) {
    try {
        return Json::parse(text);
    } catch (const Json::exception& e) {
        return Error{std::string(key) + ": invalid JSON: " + e.what()};
    }
}

// Each element of an array through read(element, path), stopping at the first error.
template <class T, class Read>
Result<std::vector<T>> read_array(const Json& array, const std::string& path, Read read) {
    if (!array.is_array())
        return Error{path + ": expected an array, got " + shown(field_value(array))};
    std::vector<T> out;
    for (std::size_t i = 0; i < array.size(); ++i) {
        const std::string at = path + "[" + std::to_string(i) + "]";
        if (!array[i].is_object())
            return Error{at + ": expected an object, got " + shown(field_value(array[i]))};
        auto one = read(array[i], at);
        if (!one) return one.error();
        out.push_back(std::move(one).value());
    }
    return out;
}

template <class T, class Read>
Result<std::vector<T>> read_array_text(std::string_view text, std::string_view key, Read read) {
    auto doc = parse_json(text, key);
    if (!doc) return doc.error();
    return read_array<T>(doc.value(), std::string(key), read);
}

// A window object; `skip` is a field the caller reads itself (an audience window's "audience").
Result<Window> read_window(const Json& object, const std::string& path,
                           std::string_view skip = {}) {
    WindowReader reader;
    for (const auto& [key, value] : object.items()) {
        if (key == skip) continue;
        if (!WindowReader::has_field(key)) return Error{path + "." + key + ": unknown key"};
        if (auto e = reader.set(key, field_value(value)))
            return Error{path + "." + key + ": " + *e};
    }
    return reader.window();
}

Result<PlaylistEntry> read_entry(const Json& object, const std::string& path) {
    EntryReader reader;
    for (const auto& [key, value] : object.items()) {
        const std::string at = path + "." + key;
        if (!EntryReader::has_field(key)) return Error{at + ": unknown key"};
        if (key == "windows") {
            auto windows = read_array<Window>(
                value, at, [](const Json& o, const std::string& p) { return read_window(o, p); });
            if (!windows) return windows.error();
            for (const Window& w : windows.value())
                reader.add_window(w);
        } else if (auto e = reader.set(key, field_value(value))) {
            return Error{at + ": " + *e};
        }
    }
    const auto problems = reader.finish();
    if (!problems.empty())
        return Error{path + "." + problems.front().field + ": " + problems.front().message};
    return reader.entry();
}

Result<AudienceWindow> read_audience_window(const Json& object, const std::string& path) {
    const auto found = object.find("audience");
    if (found == object.end())
        return Error{path + ".audience: missing: \"internal\" or \"public\""};
    const FieldValue value = field_value(*found);
    const auto* name = std::get_if<std::string>(&value);
    const auto audience = name ? parse_audience(*name) : std::nullopt;
    if (!audience)
        return Error{path + ".audience: expected \"internal\" or \"public\", got " + shown(value)};
    auto window = read_window(object, path, "audience");
    if (!window) return window.error();
    return AudienceWindow{*audience, window.value()};
}

OrderedJson window_json(const Window& w) {
    OrderedJson o = OrderedJson::object();
    o["days"] = format_days(w.days);
    o["start"] = format_clock(w.start_minute);
    o["end"] = format_clock(w.end_minute);
    return o;
}

OrderedJson entry_json(const PlaylistEntry& e) {
    OrderedJson o = OrderedJson::object();
    o["slide"] = std::string(slide_kind_name(e.kind));
    o["duration"] = e.duration_seconds;
    o["enabled"] = e.enabled;
    if (e.kind == SlideKind::leaderboard) { // the options mean nothing to the other slides
        o["metric"] = e.options.score ? "score" : std::string(model::metric_name(e.options.metric));
        o["period"] = std::string(period_name(e.options.period));
        o["top"] = e.options.top_n;
    }
    if (!e.windows.empty()) {
        OrderedJson windows = OrderedJson::array();
        for (const Window& w : e.windows)
            windows.push_back(window_json(w));
        o["windows"] = std::move(windows);
    }
    if (e.dates.from) o["from"] = model::format_date(*e.dates.from);
    if (e.dates.until) o["until"] = model::format_date(*e.dates.until);
    return o;
}

} // namespace

std::string privacy_setting(Audience a, std::string_view field) {
    return "privacy." + std::string(audience_name(a)) + "." + std::string(field);
}

std::vector<std::string> device_setting_keys() {
    std::vector<std::string> keys;
    for (const auto key :
         {kPlaylistSetting, kAudienceSetting, kScreenOffSetting, kScreenOffCommandSetting,
          kScreenOnCommandSetting, kInterruptsInternalSetting, kInterruptsPublicSetting,
          kTimeZoneSetting, kTextSizeSetting, kTransitionSetting, kStaleAfterSetting,
          kThemeSetting, kRotationSetting, kScoreWeightsSetting})
        keys.emplace_back(key);
    for (const Audience a : {Audience::internal, Audience::visitors})
        for (const auto field : kPrivacyFields)
            keys.push_back(privacy_setting(a, field));
    return keys;
}

std::string playlist_to_json(const std::vector<PlaylistEntry>& playlist) {
    OrderedJson a = OrderedJson::array();
    for (const PlaylistEntry& e : playlist)
        a.push_back(entry_json(e));
    return a.dump();
}

Result<std::vector<PlaylistEntry>> playlist_from_json(std::string_view json) {
    return read_array_text<PlaylistEntry>(json, kPlaylistSetting, read_entry);
}

std::string audience_windows_to_json(const std::vector<AudienceWindow>& windows) {
    OrderedJson a = OrderedJson::array();
    for (const AudienceWindow& w : windows) {
        OrderedJson o = OrderedJson::object();
        o["audience"] = std::string(audience_name(w.audience));
        o.update(window_json(w.window));
        a.push_back(std::move(o));
    }
    return a.dump();
}

Result<std::vector<AudienceWindow>> audience_windows_from_json(std::string_view json) {
    return read_array_text<AudienceWindow>(json, kAudienceSetting, read_audience_window);
}

std::string windows_to_json(const std::vector<Window>& windows) {
    OrderedJson a = OrderedJson::array();
    for (const Window& w : windows)
        a.push_back(window_json(w));
    return a.dump();
}

Result<std::vector<Window>> windows_from_json(std::string_view json, std::string_view key) {
    return read_array_text<Window>(
        json, key, [](const Json& o, const std::string& path) { return read_window(o, path); });
}

std::string weights_to_json(const ScoreWeights& weights) {
    OrderedJson o = OrderedJson::object();
    for (std::size_t i = 0; i < weights.weight.size(); ++i) {
        const double weight = weights.weight[i];
        if (weight == 0) continue;
        const std::string name(model::kMetricNames[i]);
        // Whole weights as integers ("10", not "10.0"): people read and diff this text.
        if (std::abs(weight) <= kMaxWeight && weight == std::trunc(weight))
            o[name] = static_cast<std::int64_t>(weight);
        else
            o[name] = weight;
    }
    return o.dump();
}

Result<ScoreWeights> weights_from_json(std::string_view json) {
    const std::string key(kScoreWeightsSetting);
    auto doc = parse_json(json, key);
    if (!doc) return doc.error();
    if (!doc.value().is_object())
        return Error{key + ": expected an object, got " + shown(field_value(doc.value()))};
    ScoreWeights weights; // all zero: only the listed metrics count
    for (const auto& [name, value] : doc.value().items()) {
        const auto metric = model::parse_metric(name);
        if (!metric) return Error{key + ": unknown metric " + quoted_text(name)};
        auto weight = parse_weight(field_value(value));
        if (!weight) return Error{key + "." + name + ": " + weight.error().message};
        weights.weight[static_cast<std::size_t>(*metric)] = weight.value();
    }
    return weights;
}

} // namespace podium::scene
