// The stored form of the schedule, privacy and display settings: the canonical JSON of each codec
// and its round trip, errors that name the path, and device_settings keeping the default (and
// saying so) for a missing or bad key.
#include "display/scene/schedule_settings.hpp"

#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

using namespace podium::scene;
using podium::model::Date;
using podium::model::Metric;

namespace {

// Everything a PlaylistEntry holds that the stored form keeps, as one comparable text.
std::string describe(const PlaylistEntry& e) {
    std::string s =
        std::string(slide_kind_name(e.kind)) + " " + std::to_string(e.duration_seconds) + "s" +
        (e.enabled ? "" : " off") + " " +
        (e.options.score ? "score" : std::string(podium::model::metric_name(e.options.metric))) +
        "/" + std::string(period_name(e.options.period)) + "/" + std::to_string(e.options.top_n);
    for (const Window& w : e.windows)
        s += " [" + format_days(w.days) + " " + std::to_string(w.start_minute) + "-" +
             std::to_string(w.end_minute) + "]";
    if (e.dates.from) s += " from " + podium::model::format_date(*e.dates.from);
    if (e.dates.until) s += " until " + podium::model::format_date(*e.dates.until);
    return s;
}

std::vector<std::string> describe(const std::vector<PlaylistEntry>& playlist) {
    std::vector<std::string> out;
    for (const auto& e : playlist)
        out.push_back(describe(e));
    return out;
}

template <class T> std::string error_of(const podium::Result<T>& r) {
    REQUIRE_FALSE(r.ok());
    return r.error().message;
}

std::vector<PlaylistEntry> sample_playlist() {
    PlaylistEntry board;
    board.options.metric = Metric::deals;
    board.options.period = Period::quarter;
    board.options.top_n = 10;
    board.windows = {{0x1f, 480, 1080}, {0x60, 1320, 420}};
    board.dates = {Date{2026, 11, 1}, Date{2026, 12, 31}};
    PlaylistEntry spotlight;
    spotlight.kind = SlideKind::spotlight;
    spotlight.duration_seconds = 20;
    spotlight.enabled = false;
    PlaylistEntry score;
    score.options.score = true;
    score.dates.from = Date{2027, 1, 1};
    return {board, spotlight, score};
}

} // namespace

TEST_CASE("settings: the playlist's canonical JSON and its round trip") {
    const auto playlist = sample_playlist();
    const std::string json = playlist_to_json(playlist);
    CHECK(
        json ==
        R"([{"slide":"leaderboard","duration":12,"enabled":true,"metric":"deals","period":"quarter","top":10,)"
        R"("windows":[{"days":"mon-fri","start":"08:00","end":"18:00"},{"days":"sat,sun","start":"22:00","end":"07:00"}],)"
        R"("from":"2026-11-01","until":"2026-12-31"},)"
        R"({"slide":"spotlight","duration":20,"enabled":false},)"
        R"({"slide":"leaderboard","duration":12,"enabled":true,"metric":"score","period":"month","top":10,"from":"2027-01-01"}])");
    const auto back = playlist_from_json(json);
    REQUIRE(back.ok());
    CHECK(describe(back.value()) == describe(playlist));
    CHECK(playlist_to_json(back.value()) == json);

    const auto defaults = ScheduleSettings::default_playlist();
    const auto default_back = playlist_from_json(playlist_to_json(defaults));
    REQUIRE(default_back.ok());
    CHECK(describe(default_back.value()) == describe(defaults));
    CHECK(playlist_from_json("[]").value().empty());
}

TEST_CASE("settings: a playlist entry needs only its slide; the rest takes defaults") {
    const auto r = playlist_from_json(
        R"([{"slide":"results"},{"slide":"leaderboard","duration":"2m","windows":[{"days":"sat,sun"}]}])");
    REQUIRE(r.ok());
    CHECK(describe(r.value()) ==
          std::vector<std::string>{"results 12s interactions/month/10",
                                   "leaderboard 120s interactions/month/10 [sat,sun 0-1440]"});
}

TEST_CASE("settings: a bad stored playlist names the path of its first problem") {
    const std::pair<std::string, std::string> cases[] = {
        {R"([{"slide":"leaderboard"},{"slide":"spotlight"},{"slide":"results","duration":1000}])",
         "schedule.playlist[2].duration: expected 3 to 600 seconds, got 1000"},
        {R"({"slide":"results"})", "schedule.playlist: expected an array, got an object"},
        {R"([1])", "schedule.playlist[0]: expected an object, got 1"},
        {R"([{"slide":"results","colour":"red"}])", "schedule.playlist[0].colour: unknown key"},
        {R"([{"duration":12}])", "schedule.playlist[0].slide: missing: every entry names its "
                                 "slide (leaderboard, spotlight, results, adoption or successes)"},
        {R"([{"slide":"spotlight","top":3}])",
         "schedule.playlist[0].top: only a leaderboard has a top; this entry's slide is spotlight"},
        {R"([{"slide":"results","windows":[{"days":"mon"},{"start":"7:60"}]}])",
         "schedule.playlist[0].windows[1].start: expected a time HH:MM from 00:00 to 23:59, got "
         "\"7:60\""},
        {R"([{"slide":"results","windows":{"days":"mon"}}])",
         "schedule.playlist[0].windows: expected an array, got an object"},
        {R"([{"slide":"results","from":"2026-12-01","until":"2026-11-01"}])",
         "schedule.playlist[0].until: expected a date on or after from (2026-12-01), got "
         "2026-11-01"},
        {R"([{"slide":"results","enabled":"yes"}])",
         "schedule.playlist[0].enabled: expected true or false, got \"yes\""},
        {R"([{"slide":null}])", "schedule.playlist[0].slide: expected leaderboard, spotlight, "
                                "results, adoption or successes, got null"},
    };
    for (const auto& [json, message] : cases) {
        CAPTURE(json);
        CHECK(error_of(playlist_from_json(json)) == message);
    }
    CHECK(error_of(playlist_from_json("[{")).starts_with("schedule.playlist: invalid JSON: "));
    CHECK(error_of(playlist_from_json("")).starts_with("schedule.playlist: invalid JSON: "));
}

TEST_CASE("settings: audience windows and screen-off windows round trip") {
    const std::vector<AudienceWindow> audience = {{Audience::internal, {0x1f, 510, 1050}},
                                                  {Audience::visitors, {0x04, 720, 780}}};
    const std::string json = audience_windows_to_json(audience);
    CHECK(json == R"([{"audience":"internal","days":"mon-fri","start":"08:30","end":"17:30"},)"
                  R"({"audience":"public","days":"wed","start":"12:00","end":"13:00"}])");
    const auto back = audience_windows_from_json(json);
    REQUIRE(back.ok());
    REQUIRE(back.value().size() == 2);
    CHECK(back.value()[0].audience == Audience::internal);
    CHECK(back.value()[0].window == audience[0].window);
    CHECK(back.value()[1].audience == Audience::visitors);
    CHECK(back.value()[1].window == audience[1].window);

    CHECK(error_of(audience_windows_from_json(R"([{"days":"mon"}])")) ==
          "schedule.audience[0].audience: missing: \"internal\" or \"public\"");
    CHECK(error_of(audience_windows_from_json(R"([{"audience":"visitors"}])")) ==
          "schedule.audience[0].audience: expected \"internal\" or \"public\", got \"visitors\"");
    CHECK(error_of(audience_windows_from_json(R"([{"audience":"public","days":"xyz"}])")) ==
          "schedule.audience[0].days: expected days like \"mon-fri\", \"sat,sun\" or \"daily\", "
          "got \"xyz\"");

    const std::vector<Window> off = {{0x1f, 1200, 420}, {0x60, 0, 1440}};
    const std::string off_json = windows_to_json(off);
    CHECK(off_json == R"([{"days":"mon-fri","start":"20:00","end":"07:00"},)"
                      R"({"days":"sat,sun","start":"00:00","end":"24:00"}])");
    CHECK(windows_from_json(off_json).value() == off);
    CHECK(windows_from_json(R"([{"days":"sat,sun"},{"end":"00:00"},{}])").value() ==
          std::vector<Window>{{0x60, 0, 1440}, {kEveryDay, 0, 1440}, {kEveryDay, 0, 1440}});
    CHECK(error_of(windows_from_json(R"([{"end":"25:00"}])")) ==
          "schedule.screen_off[0].end: expected a time HH:MM from 00:00 to 24:00, got \"25:00\"");
    CHECK(error_of(windows_from_json(R"([{"stop":"07:00"}])", "x.windows")) ==
          "x.windows[0].stop: unknown key");
}

TEST_CASE("settings: score weights round trip; only the metrics named count") {
    ScoreWeights weights;
    weights.weight[static_cast<std::size_t>(Metric::deals)] = 10;
    weights.weight[static_cast<std::size_t>(Metric::leads)] = 2.5;
    weights.weight[static_cast<std::size_t>(Metric::deal_value)] = 0.01;
    const std::string json = weights_to_json(weights);
    CHECK(json == R"({"leads":2.5,"deals":10,"deal_value":0.01})");
    CHECK(weights_from_json(json).value() == weights);
    CHECK(weights_to_json(ScoreWeights{}) == "{}");
    CHECK(weights_from_json("{}").value() == ScoreWeights{});
    CHECK(weights_from_json(weights_to_json(ScoreWeights::defaults())).value() ==
          ScoreWeights::defaults());

    CHECK(error_of(weights_from_json(R"({"dealz":1})")) ==
          "score.weights: unknown metric \"dealz\"");
    CHECK(error_of(weights_from_json(R"({"deals":1001})")) ==
          "score.weights.deals: expected a number from 0 to 1000, got 1001");
    CHECK(error_of(weights_from_json(R"({"deals":"10"})")) ==
          "score.weights.deals: expected a number from 0 to 1000, got \"10\"");
    CHECK(error_of(weights_from_json("[]")) == "score.weights: expected an object, got an array");
    CHECK(error_of(weights_from_json("{")).starts_with("score.weights: invalid JSON: "));
}

TEST_CASE("settings: device_settings with nothing stored gives every default, silently") {
    std::set<std::string> asked;
    std::vector<std::string> problems;
    const DeviceSettings s = device_settings(
        [&](const std::string& key) -> std::optional<std::string> {
            asked.insert(key);
            return std::nullopt;
        },
        problems);
    CHECK(problems.empty());
    const auto keys = device_setting_keys();
    CHECK(asked == std::set<std::string>(keys.begin(), keys.end()));
    CHECK(keys.size() == 30);
    CHECK(asked.count("privacy.public.success_titles") == 1);
    CHECK(asked.count("privacy.internal.success_stories") == 1);
    CHECK(asked.count("privacy.public.team_min") == 1);
    CHECK(asked.count("privacy.internal.team_min") == 1);
    CHECK(asked.count("privacy.public.without_consent") == 1);
    CHECK(asked.count("display.theme") == 1);
    CHECK(asked.count("display.rotation") == 1);
    CHECK(asked.count("schedule.interrupts.internal") == 1);

    CHECK(describe(s.schedule.playlist) == describe(ScheduleSettings::default_playlist()));
    CHECK(s.schedule.audience_windows.empty());
    CHECK(s.schedule.screen_off.empty());
    CHECK(s.schedule.screen_off_command.empty());
    CHECK(s.schedule.interrupts_internal);
    CHECK_FALSE(s.schedule.interrupts_public);
    CHECK(s.privacy == PrivacySettings{});
    CHECK(s.privacy.visitors.names == NameFormat::first_initial);
    CHECK_FALSE(s.privacy.visitors.show_money);
    CHECK(s.time_zone.empty());
    CHECK(s.text_size == 1.0f);
    CHECK(s.transition == Transition::crossfade);
    CHECK(s.theme == ThemeName::dark);
    CHECK(s.rotation == 0);
    CHECK_FALSE(s.stale_after_seconds.has_value());
    CHECK(s.score_weights == ScoreWeights::defaults());
}

TEST_CASE("settings: device_settings reads every key") {
    const std::map<std::string, std::string> stored = {
        {"schedule.playlist", R"([{"slide":"results","duration":30}])"},
        {"schedule.audience",
         R"([{"audience":"internal","days":"mon-fri","start":"08:30","end":"17:30"}])"},
        {"schedule.screen_off", R"([{"days":"sat,sun"}])"},
        {"schedule.screen_off_command", "cec-ctl --to 0 --standby"},
        {"schedule.screen_on_command", "cec-ctl --to 0 --image-view-on"},
        {"schedule.interrupts.internal", "false"},
        {"schedule.interrupts.public", "true"},
        {"display.time_zone", "Europe/Amsterdam"},
        {"display.text_size", "1.25"},
        {"display.transition", "slide"},
        {"display.stale_after", "2700"},
        {"privacy.internal.names", "initials"},
        {"privacy.internal.money", "false"},
        {"privacy.internal.figures", "false"},
        {"privacy.internal.teams", "false"},
        {"privacy.internal.without_consent", "omit"},
        {"privacy.internal.team_min", "3"},
        {"privacy.internal.success_titles", "hidden"},
        {"privacy.internal.success_stories", "hidden"},
        {"privacy.public.names", "anonymous"},
        {"privacy.public.money", "true"},
        {"privacy.public.figures", "false"},
        {"privacy.public.teams", "false"},
        {"privacy.public.without_consent", "omit"},
        {"privacy.public.team_min", "12"},
        {"privacy.public.success_titles", "shown"},
        {"privacy.public.success_stories", "shown"},
        {"score.weights", R"({"hires":7})"},
    };
    std::vector<std::string> problems;
    const DeviceSettings s = device_settings(
        [&](const std::string& key) -> std::optional<std::string> {
            const auto it = stored.find(key);
            return it == stored.end() ? std::nullopt : std::optional(it->second);
        },
        problems);
    CHECK(problems == std::vector<std::string>{});
    CHECK(describe(s.schedule.playlist) ==
          std::vector<std::string>{"results 30s interactions/month/10"});
    REQUIRE(s.schedule.audience_windows.size() == 1);
    CHECK(s.schedule.audience_windows[0].window == Window{0x1f, 510, 1050});
    CHECK(s.schedule.screen_off == std::vector<Window>{{0x60, 0, 1440}});
    CHECK(s.schedule.screen_off_command == "cec-ctl --to 0 --standby");
    CHECK(s.schedule.screen_on_command == "cec-ctl --to 0 --image-view-on");
    CHECK_FALSE(s.schedule.interrupts_internal);
    CHECK(s.schedule.interrupts_public);
    CHECK(s.time_zone == "Europe/Amsterdam");
    CHECK(s.text_size == 1.25f);
    CHECK(s.transition == Transition::slide);
    CHECK(s.stale_after_seconds == 2700);
    const AudienceRules& in = s.privacy.internal;
    CHECK((in.names == NameFormat::initials && !in.show_money && !in.show_figures &&
           !in.show_teams && in.without_consent == WithoutConsent::omit && in.team_min == 3 &&
           !in.show_success_titles && !in.show_success_stories));
    const AudienceRules& out = s.privacy.visitors;
    CHECK((out.names == NameFormat::anonymous && out.show_money && !out.show_figures &&
           !out.show_teams && out.without_consent == WithoutConsent::omit && out.team_min == 12 &&
           out.show_success_titles && out.show_success_stories));
    ScoreWeights hires;
    hires.weight[static_cast<std::size_t>(Metric::hires)] = 7;
    CHECK(s.score_weights == hires);
}

TEST_CASE("settings: a bad stored value keeps that key's default and names the key") {
    struct Case {
        std::string key, value, problem;
    };
    const Case cases[] = {
        {"schedule.playlist", R"([{"slide":"results","duration":1}])",
         "setting schedule.playlist[0].duration: expected 3 to 600 seconds, got 1; using the "
         "default"},
        {"schedule.audience", "nonsense", "setting schedule.audience: invalid JSON: "},
        {"schedule.screen_off", R"([{"days":"someday"}])", "setting schedule.screen_off[0].days: "},
        {"schedule.screen_off_command", "a\nb",
         "setting schedule.screen_off_command: expected a "
         "command on one line"},
        {"schedule.interrupts.public", "yes",
         "setting schedule.interrupts.public: expected \"true\" or \"false\", got \"yes\"; using "
         "the default"},
        {"display.time_zone", "../../etc/passwd", "setting display.time_zone: expected an IANA"},
        {"display.text_size", "3",
         "setting display.text_size: expected a number from 0.75 to 1.5, got \"3\"; using the "
         "default"},
        {"display.transition", "wipe", "setting display.transition: expected \"crossfade\""},
        {"display.stale_after", "59", "setting display.stale_after: expected whole seconds from 60"},
        {"privacy.public.names", "full name", "setting privacy.public.names: expected full, "},
        {"privacy.public.money", "1", "setting privacy.public.money: expected \"true\""},
        {"privacy.internal.without_consent", "hide",
         "setting privacy.internal.without_consent: expected anonymise or omit"},
        {"privacy.public.team_min", "0",
         "setting privacy.public.team_min: expected a whole number from 1 to 100 (champions in a "
         "team), got \"0\""},
        {"privacy.public.success_titles", "true",
         "setting privacy.public.success_titles: expected shown or hidden, got \"true\""},
        {"score.weights", R"({"deals":-1})", "setting score.weights.deals: expected a number"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.key);
        std::vector<std::string> problems;
        // The bad key and one good key: the good one is still read.
        const DeviceSettings s = device_settings(
            [&](const std::string& key) -> std::optional<std::string> {
                if (key == c.key) return c.value;
                if (key == "display.transition") return std::string("slide");
                if (key == "schedule.interrupts.internal") return std::string("false");
                return std::nullopt;
            },
            problems);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].starts_with(c.problem));
        CHECK(problems[0].ends_with("; using the default"));
        const DeviceSettings defaults = device_settings(
            [](const std::string&) { return std::optional<std::string>{}; }, problems);
        CHECK(describe(s.schedule.playlist) == describe(defaults.schedule.playlist));
        CHECK(s.schedule.audience_windows.empty());
        CHECK(s.schedule.screen_off.empty());
        CHECK(s.schedule.screen_off_command.empty());
        CHECK_FALSE(s.schedule.interrupts_public);
        CHECK(s.time_zone.empty());
        CHECK(s.text_size == 1.0f);
        CHECK(s.privacy.visitors.names == NameFormat::first_initial);
        CHECK_FALSE(s.privacy.visitors.show_money);
        CHECK(s.privacy.internal.without_consent == WithoutConsent::anonymise);
        CHECK(s.privacy.visitors.team_min == kDefaultTeamMin);
        CHECK_FALSE(s.privacy.visitors.show_success_titles);
        CHECK(s.privacy.internal.show_success_stories);
        CHECK(s.score_weights == ScoreWeights::defaults());
        if (c.key != "display.transition") CHECK(s.transition == Transition::slide);
        CHECK_FALSE(s.schedule.interrupts_internal);
    }
}
