// device_settings(): every stored schedule, privacy and display setting, each one on its own, so
// that a bad value costs only itself.
#include "schedule_settings.hpp"

#include <charconv>
#include <utility>

namespace podium::scene {
namespace {

class Reader {
  public:
    Reader(const SettingLookup& lookup, std::vector<std::string>& problems)
        : lookup_(lookup), problems_(problems) {}

    // A stored text that one of the JSON decoders reads; their messages start with the key.
    template <class T, class Decode> void json(std::string_view key, Decode decode, T& out) {
        const auto stored = lookup_(std::string(key));
        if (!stored) return;
        auto r = decode(*stored);
        if (!r) return problem(r.error().message);
        out = std::move(r).value();
    }

    // A stored text that a field validator reads.
    template <class T, class Parse> void field(std::string_view key, Parse parse, T& out) {
        const auto stored = lookup_(std::string(key));
        if (!stored) return;
        auto r = parse(FieldValue{*stored});
        if (!r) return problem(std::string(key) + ": " + r.error().message);
        out = static_cast<T>(std::move(r).value());
    }

    void flag(std::string_view key, bool& out) {
        field(
            key, [](const FieldValue& v) { return parse_flag_text(std::get<std::string>(v)); },
            out);
    }

  private:
    void problem(const std::string& message) {
        problems_.push_back("setting " + message + "; using the default");
    }

    const SettingLookup& lookup_;
    std::vector<std::string>& problems_;
};

void read_privacy(Reader& read, Audience a, AudienceRules& rules) {
    read.field(privacy_setting(a, "names"), parse_name_format, rules.names);
    read.flag(privacy_setting(a, "money"), rules.show_money);
    read.flag(privacy_setting(a, "figures"), rules.show_figures);
    read.flag(privacy_setting(a, "teams"), rules.show_teams);
    read.field(privacy_setting(a, "without_consent"), parse_without_consent, rules.without_consent);
    read.field(privacy_setting(a, "team_min"), parse_team_min, rules.team_min);
    read.field(privacy_setting(a, "success_titles"), parse_visibility, rules.show_success_titles);
    read.field(privacy_setting(a, "success_stories"), parse_visibility, rules.show_success_stories);
}

} // namespace

DeviceSettings device_settings(const SettingLookup& lookup, std::vector<std::string>& problems) {
    DeviceSettings s;
    Reader read(lookup, problems);
    ScheduleSettings& schedule = s.schedule;
    read.json(kPlaylistSetting, playlist_from_json, schedule.playlist);
    read.json(kAudienceSetting, audience_windows_from_json, schedule.audience_windows);
    read.json(
        kScreenOffSetting, [](std::string_view t) { return windows_from_json(t); },
        schedule.screen_off);
    read.field(kScreenOffCommandSetting, parse_command, schedule.screen_off_command);
    read.field(kScreenOnCommandSetting, parse_command, schedule.screen_on_command);
    read.flag(kInterruptsInternalSetting, schedule.interrupts_internal);
    read.flag(kInterruptsPublicSetting, schedule.interrupts_public);

    read.field(kTimeZoneSetting, parse_time_zone_name, s.time_zone);
    read.field(
        kTextSizeSetting,
        [](const FieldValue& v) { return parse_text_size_text(std::get<std::string>(v)); },
        s.text_size);
    read.field(kTransitionSetting, parse_transition, s.transition);
    read.field(kThemeSetting, parse_theme, s.theme);
    read.field(kRotationSetting, parse_rotation, s.rotation);
    read.field(
        kStaleAfterSetting,
        [](const FieldValue& v) -> Result<std::optional<int>> {
            const auto& text = std::get<std::string>(v);
            int n = 0;
            const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
            if (text.empty() || ec != std::errc{} || end != text.data() + text.size() ||
                n < kMinStaleAfterSeconds || n > kMaxStaleAfterSeconds)
                return Error{"expected whole seconds from 60 to 604800, got " + quoted_text(text)};
            return std::optional<int>(n);
        },
        s.stale_after_seconds);
    read_privacy(read, Audience::internal, s.privacy.internal);
    read_privacy(read, Audience::visitors, s.privacy.visitors);
    read.json(kScoreWeightsSetting, weights_from_json, s.score_weights);
    return s;
}

} // namespace podium::scene
