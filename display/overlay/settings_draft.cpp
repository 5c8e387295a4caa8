#include "settings_draft.hpp"

#include "display/scene/format.hpp"
#include "display/scene/time_zone.hpp"
#include "sync/column_mapping.hpp"
#include "sync/source.hpp"

#include <charconv>

namespace podium::overlay {
namespace {

using scene::Audience;
using scene::FieldValue;

std::string trim(std::string_view s) {
    const auto a = s.find_first_not_of(" \t");
    if (a == std::string_view::npos) return {};
    const auto b = s.find_last_not_of(" \t");
    return std::string(s.substr(a, b - a + 1));
}

// An entry's fields through the shared EntryReader: the same rules and words as the config file
// and the stored JSON. Problems go to `out` under "playlist.I.FIELD".
std::optional<scene::PlaylistEntry> read_entry(const EntryDraft& d, std::size_t index,
                                               DraftProblems* out) {
    const std::string prefix = "playlist." + std::to_string(index) + ".";
    bool ok = true;
    auto note = [&](const std::string& field, const scene::FieldError& e) {
        if (!e) return;
        ok = false;
        if (out) out->emplace(prefix + field, *e);
    };
    scene::EntryReader reader;
    note("slide", reader.set("slide", FieldValue{std::string(scene::slide_kind_name(d.slide))}));
    note("duration", reader.set("duration", FieldValue{trim(d.duration)}));
    note("enabled", reader.set("enabled", FieldValue{d.enabled}));
    if (d.slide == scene::SlideKind::leaderboard) {
        note("metric", reader.set("metric", FieldValue{trim(d.metric)}));
        note("period", reader.set("period", FieldValue{trim(d.period)}));
        // A number typed is a number: the shared reader wants an integer, as TOML gives it.
        const std::string top = trim(d.top);
        std::int64_t n = 0;
        const auto [end, ec] = std::from_chars(top.data(), top.data() + top.size(), n);
        note("top", reader.set("top", ec == std::errc{} && end == top.data() + top.size() && !top.empty()
                                          ? FieldValue{n}
                                          : FieldValue{top}));
    }
    if (!trim(d.from).empty()) note("from", reader.set("from", FieldValue{trim(d.from)}));
    if (!trim(d.until).empty()) note("until", reader.set("until", FieldValue{trim(d.until)}));
    if (auto windows = parse_window_line(d.windows))
        for (const auto& w : windows.value()) reader.add_window(w);
    else
        note("windows", windows.error().message);
    if (ok)
        for (const auto& p : reader.finish()) note(p.field.empty() ? "slide" : p.field, p.message);
    if (!ok) return std::nullopt;
    return reader.entry();
}

// One window from days and times typed separately; problems under "PREFIX.days" etc.
std::optional<scene::Window> read_window(const std::string& days, const std::string& start,
                                         const std::string& end, const std::string& prefix,
                                         DraftProblems* out) {
    scene::WindowReader reader;
    bool ok = true;
    auto set = [&](const char* field, const std::string& text) {
        if (auto e = reader.set(field, FieldValue{trim(text)})) {
            ok = false;
            if (out) out->emplace(prefix + field, *e);
        }
    };
    set("days", days);
    set("start", start);
    set("end", end);
    if (!ok) return std::nullopt;
    return reader.window();
}

std::optional<int> parse_interval(const std::string& text) {
    const std::string t = trim(text);
    int v = 0;
    const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc{} || end != t.data() + t.size()) return std::nullopt;
    if (v < kMinIntervalSeconds || v > kMaxIntervalSeconds) return std::nullopt;
    return v;
}

EntryDraft entry_draft(const scene::PlaylistEntry& e) {
    EntryDraft d;
    d.enabled = e.enabled;
    d.slide = e.kind;
    d.duration = std::to_string(e.duration_seconds);
    d.windows = format_window_line(e.windows);
    if (e.dates.from) d.from = model::format_date(*e.dates.from);
    if (e.dates.until) d.until = model::format_date(*e.dates.until);
    d.metric = e.options.score ? "score" : std::string(model::metric_name(e.options.metric));
    d.period = std::string(scene::period_name(e.options.period));
    d.top = std::to_string(e.options.top_n);
    return d;
}

} // namespace

Result<std::vector<scene::Window>> parse_window_line(std::string_view line) {
    std::vector<scene::Window> out;
    std::size_t at = 0, part = 0;
    while (at <= line.size()) {
        const std::size_t semi = std::min(line.find(';', at), line.size());
        const std::string text = trim(line.substr(at, semi - at));
        at = semi + 1;
        ++part;
        if (text.empty()) continue;
        // "DAYS HH:MM-HH:MM", "DAYS" or "HH:MM-HH:MM": the times are the last word with a ':'.
        std::string days = text, times;
        const auto space = text.find_last_of(' ');
        const std::string last = space == std::string::npos ? text : text.substr(space + 1);
        if (last.find(':') != std::string::npos) {
            times = last;
            days = space == std::string::npos ? "" : trim(text.substr(0, space));
        }
        scene::WindowReader reader;
        auto fail = [&](const std::string& m) {
            return Error{"window " + std::to_string(part) + " (" + scene::quoted_text(text) + "): " + m};
        };
        if (!days.empty())
            if (auto e = reader.set("days", FieldValue{days})) return fail(*e);
        if (!times.empty()) {
            const auto dash = times.find('-');
            if (dash == std::string::npos) return fail("expected times as HH:MM-HH:MM");
            if (auto e = reader.set("start", FieldValue{times.substr(0, dash)})) return fail(*e);
            if (auto e = reader.set("end", FieldValue{times.substr(dash + 1)})) return fail(*e);
        }
        out.push_back(reader.window());
    }
    return out;
}

std::string format_window_line(const std::vector<scene::Window>& windows) {
    std::string out;
    for (const auto& w : windows) {
        if (!out.empty()) out += "; ";
        out += scene::format_days(w.days);
        if (w.start_minute != 0 || w.end_minute != 1440) {
            out += ' ';
            out += scene::format_clock(w.start_minute);
            out += '-';
            out += scene::format_clock(w.end_minute);
        }
    }
    return out;
}

SettingsDraft make_draft(const scene::SettingLookup& lookup) {
    std::vector<std::string> ignored; // the status tab reports stored problems; defaults here
    const auto s = scene::device_settings(lookup, ignored);
    SettingsDraft d;
    for (const auto& e : s.schedule.playlist) d.playlist.push_back(entry_draft(e));
    for (const auto& a : s.schedule.audience_windows)
        d.audience.push_back({a.audience == Audience::internal, scene::format_days(a.window.days),
                              scene::format_clock(a.window.start_minute),
                              scene::format_clock(a.window.end_minute)});
    for (const auto& w : s.schedule.screen_off)
        d.screen_off.push_back({scene::format_days(w.days), scene::format_clock(w.start_minute),
                                scene::format_clock(w.end_minute)});
    d.screen_off_command = s.schedule.screen_off_command;
    d.screen_on_command = s.schedule.screen_on_command;
    d.interrupts_internal = s.schedule.interrupts_internal;
    d.interrupts_public = s.schedule.interrupts_public;
    d.privacy_internal = s.privacy.internal;
    d.privacy_public = s.privacy.visitors;
    d.source = lookup(kSourceSetting).value_or("");
    if (auto v = lookup(kIntervalSetting); v && parse_interval(*v)) d.interval = *v;
    d.preset = lookup(kPresetSetting).value_or("");
    d.month = lookup(kMonthSetting).value_or("");
    if (auto columns = sync::columns_from_json(lookup(kColumnsSetting).value_or("")))
        d.columns = sync::format_columns_line(columns.value());
    if (auto v = lookup(kLanguageSetting); v && scene::parse_lang(*v)) d.language = *v;
    // The stored text, not the float the slideshow keeps: 1.05 stays "1.05".
    if (auto v = lookup(std::string(scene::kTextSizeSetting)))
        if (auto size = scene::parse_text_size_text(*v)) d.text_size = scene::format_number_text(size.value());
    d.time_zone = s.time_zone;
    d.transition = s.transition;
    d.theme = s.theme;
    d.rotation = s.rotation;
    return d;
}

DraftProblems validate(const SettingsDraft& d) {
    DraftProblems out;
    for (std::size_t i = 0; i < d.playlist.size(); ++i) (void)read_entry(d.playlist[i], i, &out);
    for (std::size_t i = 0; i < d.audience.size(); ++i)
        (void)read_window(d.audience[i].days, d.audience[i].start, d.audience[i].end,
                          "audience." + std::to_string(i) + ".", &out);
    for (std::size_t i = 0; i < d.screen_off.size(); ++i)
        (void)read_window(d.screen_off[i].days, d.screen_off[i].start, d.screen_off[i].end,
                          "screen_off." + std::to_string(i) + ".", &out);
    if (auto r = scene::parse_command(FieldValue{d.screen_off_command}); !r)
        out.emplace("screen_off_command", r.error().message);
    if (auto r = scene::parse_command(FieldValue{d.screen_on_command}); !r)
        out.emplace("screen_on_command", r.error().message);
    if (!trim(d.source).empty())
        if (auto r = sync::parse_source(trim(d.source)); !r) out.emplace("source", r.error().message);
    if (!parse_interval(d.interval))
        out.emplace("interval", "expected whole seconds from " + std::to_string(kMinIntervalSeconds) +
                                    " to " + std::to_string(kMaxIntervalSeconds) + ", got " +
                                    scene::quoted_text(d.interval));
    if (auto m = sync::make_mapping(trim(d.preset), {}, "", ""); !m) out.emplace("preset", m.error().message);
    if (auto m = sync::check_month_setting(trim(d.month)); !m) out.emplace("month", m.error().message);
    if (auto c = sync::parse_columns_line(d.columns); !c) out.emplace("columns", c.error().message);
    if (d.token.find_first_of("\r\n") != std::string::npos)
        out.emplace("token", "a token is one line");
    if (!scene::parse_lang(d.language))
        out.emplace("language", "expected en or nl, got " + scene::quoted_text(d.language));
    if (auto r = scene::parse_text_size_text(trim(d.text_size)); !r)
        out.emplace("text_size", r.error().message);
    if (auto r = scene::parse_time_zone_name(FieldValue{trim(d.time_zone)}); !r)
        out.emplace("time_zone", r.error().message);
    else if (!r.value().empty())
        if (auto z = scene::TimeZone::locate(r.value()); !z) out.emplace("time_zone", z.error().message);
    return out;
}

scene::ScheduleSettings schedule_of(const SettingsDraft& d) {
    scene::ScheduleSettings s;
    s.playlist.clear();
    for (std::size_t i = 0; i < d.playlist.size(); ++i)
        if (auto e = read_entry(d.playlist[i], i, nullptr)) s.playlist.push_back(*e);
    for (const auto& a : d.audience)
        if (auto w = read_window(a.days, a.start, a.end, "", nullptr))
            s.audience_windows.push_back({a.internal ? Audience::internal : Audience::visitors, *w});
    for (const auto& r : d.screen_off)
        if (auto w = read_window(r.days, r.start, r.end, "", nullptr)) s.screen_off.push_back(*w);
    s.screen_off_command = d.screen_off_command;
    s.screen_on_command = d.screen_on_command;
    s.interrupts_internal = d.interrupts_internal;
    s.interrupts_public = d.interrupts_public;
    return s;
}

scene::PrivacySettings privacy_of(const SettingsDraft& d) {
    scene::PrivacySettings p;
    p.internal = d.privacy_internal;
    p.visitors = d.privacy_public;
    return p;
}

namespace {
// validate() has checked the line; a line that does not parse maps nothing.
std::string columns_json(const std::string& line) {
    auto columns = sync::parse_columns_line(line);
    return columns ? sync::columns_to_json(columns.value()) : std::string();
}
} // namespace

std::vector<std::pair<std::string, std::string>> encode(const SettingsDraft& d) {
    const auto s = schedule_of(d);
    const auto size = scene::parse_text_size_text(trim(d.text_size));
    using Entry = std::pair<std::string, std::string>;
    std::vector<Entry> out{
        {std::string(scene::kPlaylistSetting), scene::playlist_to_json(s.playlist)},
        {std::string(scene::kAudienceSetting), scene::audience_windows_to_json(s.audience_windows)},
        {std::string(scene::kScreenOffSetting), scene::windows_to_json(s.screen_off)},
        {std::string(scene::kScreenOffCommandSetting), s.screen_off_command},
        {std::string(scene::kScreenOnCommandSetting), s.screen_on_command},
        {std::string(scene::kInterruptsInternalSetting), scene::flag_text(s.interrupts_internal)},
        {std::string(scene::kInterruptsPublicSetting), scene::flag_text(s.interrupts_public)},
        Entry{kSourceSetting, trim(d.source)},
        Entry{kIntervalSetting, std::to_string(parse_interval(d.interval).value_or(900))},
        Entry{kPresetSetting, trim(d.preset)},
        Entry{kMonthSetting, trim(d.month)},
        Entry{kColumnsSetting, columns_json(d.columns)},
        Entry{kLanguageSetting, d.language},
        {std::string(scene::kTextSizeSetting),
         scene::format_number_text(size ? size.value() : 1.0)},
        {std::string(scene::kTransitionSetting), std::string(scene::transition_name(d.transition))},
        {std::string(scene::kTimeZoneSetting), trim(d.time_zone)},
        {std::string(scene::kThemeSetting), std::string(scene::theme_name(d.theme))},
        {std::string(scene::kRotationSetting), std::to_string(d.rotation)},
    };
    for (Audience a : {Audience::internal, Audience::visitors}) {
        const auto& r = a == Audience::internal ? d.privacy_internal : d.privacy_public;
        out.emplace_back(scene::privacy_setting(a, "names"), std::string(scene::name_format_name(r.names)));
        out.emplace_back(scene::privacy_setting(a, "money"), scene::flag_text(r.show_money));
        out.emplace_back(scene::privacy_setting(a, "figures"), scene::flag_text(r.show_figures));
        out.emplace_back(scene::privacy_setting(a, "teams"), scene::flag_text(r.show_teams));
        out.emplace_back(scene::privacy_setting(a, "without_consent"),
                         std::string(scene::without_consent_name(r.without_consent)));
        out.emplace_back(scene::privacy_setting(a, "team_min"), std::to_string(r.team_min));
        out.emplace_back(scene::privacy_setting(a, "success_titles"),
                         std::string(scene::visibility_name(r.show_success_titles)));
        out.emplace_back(scene::privacy_setting(a, "success_stories"),
                         std::string(scene::visibility_name(r.show_success_stories)));
    }
    return out;
}

Result<scene::Instant> parse_local_moment(std::string_view text, const scene::TimeZone& zone,
                                          scene::Instant now) {
    const std::string t = trim(text);
    if (t.empty()) return now;
    model::Date date = zone.local(now).date;
    std::string clock = t;
    if (const auto space = t.find(' '); space != std::string::npos) {
        auto d = scene::parse_date_field(FieldValue{t.substr(0, space)});
        if (!d) return Error{"expected YYYY-MM-DD HH:MM or HH:MM, got " + scene::quoted_text(t)};
        date = d.value();
        clock = trim(t.substr(space + 1));
    }
    auto minute = scene::parse_start_time(FieldValue{clock});
    if (!minute) return Error{"expected YYYY-MM-DD HH:MM or HH:MM, got " + scene::quoted_text(t)};
    return zone.first_instant(date, minute.value());
}

std::vector<std::pair<std::string, std::string>> changes(const SettingsDraft& base,
                                                         const SettingsDraft& edited) {
    const auto before = encode(base);
    auto after = encode(edited);
    std::vector<std::pair<std::string, std::string>> out;
    for (std::size_t i = 0; i < after.size(); ++i)
        if (after[i].second != before[i].second) out.push_back(std::move(after[i]));
    return out;
}

} // namespace podium::overlay
