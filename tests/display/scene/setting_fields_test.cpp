// The field validators shared by the TOML config, the stored JSON and the admin overlay: every
// accepted form with the value it gives, every rejected one with a message quoting the input.
#include "display/scene/setting_fields.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <vector>

using namespace podium::scene;
using podium::model::Date;
using podium::model::Metric;

namespace {

FieldValue text(std::string s) {
    return FieldValue{std::move(s)};
}
FieldValue integer(std::int64_t i) {
    return FieldValue{i};
}

// The message of a rejected value (fails the test if it was accepted).
template <class T> std::string error_of(const podium::Result<T>& r) {
    REQUIRE_FALSE(r.ok());
    return r.error().message;
}

} // namespace

TEST_CASE("settings: days in every accepted form, case and spaces aside") {
    const std::pair<std::string, std::uint8_t> cases[] = {
        {"mon-fri", 0x1f},     {"MON-FRI", 0x1f},      {"Mon - Fri", 0x1f}, {"weekdays", 0x1f},
        {"sat,sun", 0x60},     {"sat, sun", 0x60},     {"weekends", 0x60},  {"Weekends", 0x60},
        {"daily", 0x7f},       {"mon-sun", 0x7f},      {"tue", 0x02},       {"Tuesday", 0x02},
        {"sunday", 0x40},      {"fri-mon", 0x71},      {"sun-mon", 0x41},   {"sat-sat", 0x20},
        {"mon,wed-fri", 0x1d}, {"weekdays,sat", 0x3f}, {"wed,wed", 0x04},
    };
    for (const auto& [input, days] : cases) {
        CAPTURE(input);
        const auto r = parse_days_text(input);
        REQUIRE(r.ok());
        CHECK(int(r.value()) == int(days));
        CHECK(parse_days(text(input)).value() == days); // the FieldValue form agrees
    }
}

TEST_CASE("settings: days that are not days are refused, quoting the input") {
    for (const std::string input : {"", " ", "funday", "mon-", "-fri", "mon,,tue", "mon-fri-sat",
                                    "m", "mo-fr", "1-5", "weekday", ",", "mon;tue", "mon,"}) {
        CAPTURE(input);
        CHECK(error_of(parse_days_text(input)) ==
              "expected days like \"mon-fri\", \"sat,sun\" or \"daily\", got \"" + input + "\"");
    }
    CHECK(error_of(parse_days(integer(5))) ==
          "expected days like \"mon-fri\", \"sat,sun\" or \"daily\", got 5");
    CHECK(error_of(parse_days(FieldValue{OtherValue{"an array"}})).ends_with("got an array"));
}

TEST_CASE("settings: days format canonically and read back the same, for every set") {
    const std::pair<std::uint8_t, std::string> cases[] = {
        {0x7f, "daily"},   {0x1f, "mon-fri"},     {0x60, "sat,sun"}, {0x71, "fri-mon"},
        {0x02, "tue"},     {0x1d, "mon,wed-fri"}, {0x41, "mon,sun"}, {0x55, "mon,wed,fri,sun"},
        {0x3f, "mon-sat"}, {0x7e, "tue-sun"},     {0x6f, "sat-thu"}, {0x00, ""},
    };
    for (const auto& [days, expected] : cases) {
        CAPTURE(int(days));
        CHECK(format_days(days) == expected);
    }
    for (int days = 1; days <= 0x7f; ++days) {
        CAPTURE(days);
        const auto back = parse_days_text(format_days(static_cast<std::uint8_t>(days)));
        REQUIRE(back.ok());
        CHECK(int(back.value()) == days);
    }
}

TEST_CASE("settings: clock times for starts and ends, with midnight as an end") {
    const std::pair<std::string, int> starts[] = {
        {"00:00", 0}, {"08:30", 510}, {"8:30", 510}, {"23:59", 1439}, {"12:05", 725}};
    for (const auto& [input, minute] : starts) {
        CAPTURE(input);
        CHECK(parse_start_time(text(input)).value() == minute);
    }
    const std::pair<std::string, int> ends[] = {
        {"24:00", 1440}, {"00:00", 1440}, {"0:00", 1440}, {"07:00", 420}, {"23:59", 1439}};
    for (const auto& [input, minute] : ends) {
        CAPTURE(input);
        CHECK(parse_end_time(text(input)).value() == minute);
    }
    for (const std::string bad : {"24:00", "25:00", "12:60", "1230", "12:3", "", "-1:00",
                                  "12:30:00", " 12:30", "123:00", "ab:cd", "12h30"}) {
        CAPTURE(bad);
        CHECK(error_of(parse_start_time(text(bad))) ==
              "expected a time HH:MM from 00:00 to 23:59, got \"" + bad + "\"");
    }
    for (const std::string bad : {"24:01", "24:30", "99:00", "7", "07:0"}) {
        CAPTURE(bad);
        CHECK(error_of(parse_end_time(text(bad))) ==
              "expected a time HH:MM from 00:00 to 24:00, got \"" + bad + "\"");
    }
    CHECK(error_of(parse_start_time(integer(830))).ends_with("got 830"));
    CHECK(format_clock(0) == "00:00");
    CHECK(format_clock(510) == "08:30");
    CHECK(format_clock(1439) == "23:59");
    CHECK(format_clock(1440) == "24:00");
}

TEST_CASE("settings: a window reads field by field; fields left out keep the whole day") {
    CHECK(WindowReader::has_field("days"));
    CHECK(WindowReader::has_field("start"));
    CHECK(WindowReader::has_field("end"));
    CHECK_FALSE(WindowReader::has_field("audience"));
    CHECK(WindowReader{}.window() == Window{kEveryDay, 0, 1440});

    WindowReader r;
    CHECK_FALSE(r.set("days", text("sat,sun")).has_value());
    CHECK(r.window() == Window{0x60, 0, 1440});
    CHECK_FALSE(r.set("start", text("22:00")).has_value());
    CHECK_FALSE(r.set("end", text("07:00")).has_value());
    CHECK(r.window() == Window{0x60, 1320, 420}); // ends the next morning
    CHECK(r.set("end", text("7am")) == "expected a time HH:MM from 00:00 to 24:00, got \"7am\"");
    CHECK(r.window().end_minute == 420); // a refused value changes nothing
}

TEST_CASE("settings: durations from 3 to 600 seconds, as numbers or with a unit") {
    const std::pair<FieldValue, int> ok[] = {
        {integer(12), 12}, {integer(3), 3},   {integer(600), 600}, {text("12"), 12},
        {text("12s"), 12}, {text("2m"), 120}, {text("10m"), 600},  {text("3s"), 3},
    };
    for (const auto& [input, seconds] : ok) {
        CAPTURE(shown(input));
        CHECK(parse_duration(input).value() == seconds);
    }
    const std::pair<FieldValue, std::string> bad[] = {
        {integer(1000), "expected 3 to 600 seconds, got 1000"},
        {integer(2), "expected 3 to 600 seconds, got 2"},
        {integer(601), "expected 3 to 600 seconds, got 601"},
        {integer(-5), "expected 3 to 600 seconds, got -5"},
        {text("11m"), "expected 3 to 600 seconds, got \"11m\""},
        {text("0s"), "expected 3 to 600 seconds, got \"0s\""},
    };
    for (const auto& [input, message] : bad) {
        CAPTURE(shown(input));
        CHECK(error_of(parse_duration(input)) == message);
    }
    const std::string like = "expected a duration like 12, \"12s\" or \"2m\" (3 to 600 seconds), ";
    for (const FieldValue& input : {text("1h"), text("12 s"), text("-5"), text(""), text("s"),
                                    text("1.5m"), text("12ss"), text("9999999s"), FieldValue{12.0},
                                    FieldValue{true}, FieldValue{OtherValue{"a table"}}}) {
        CAPTURE(shown(input));
        CHECK(error_of(parse_duration(input)) == like + "got " + shown(input));
    }
}

TEST_CASE("settings: top, booleans and dates") {
    CHECK(parse_top(integer(1)).value() == 1);
    CHECK(parse_top(integer(50)).value() == 50);
    for (const FieldValue& bad : {integer(0), integer(51), text("10"), FieldValue{10.0}}) {
        CAPTURE(shown(bad));
        CHECK(error_of(parse_top(bad)) ==
              "expected a whole number from 1 to 50, got " + shown(bad));
    }
    CHECK(parse_bool(FieldValue{true}).value());
    CHECK_FALSE(parse_bool(FieldValue{false}).value());
    CHECK(error_of(parse_bool(text("true"))) == "expected true or false, got \"true\"");
    CHECK(error_of(parse_bool(integer(1))) == "expected true or false, got 1");

    CHECK(parse_date_field(FieldValue{Date{2026, 11, 1}}).value() == Date{2026, 11, 1});
    CHECK(parse_date_field(text("2026-12-31")).value() == Date{2026, 12, 31});
    for (const FieldValue& bad : {text("2026-13-01"), text("2026-02-30"), text("01-11-2026"),
                                  text("2026-11-1"), integer(20261101)}) {
        CAPTURE(shown(bad));
        CHECK(error_of(parse_date_field(bad)) == "expected a date YYYY-MM-DD, got " + shown(bad));
    }
}

TEST_CASE("settings: playlist slides, metrics and periods") {
    for (const auto& [name, kind] :
         {std::pair{"leaderboard", SlideKind::leaderboard},
          std::pair{"spotlight", SlideKind::spotlight}, std::pair{"results", SlideKind::results},
          std::pair{"adoption", SlideKind::adoption}, std::pair{"successes", SlideKind::successes}})
        CHECK(parse_playlist_slide(text(name)).value() == kind);
    CHECK(error_of(parse_playlist_slide(text("fallback"))).starts_with("the fallback plays by"));
    CHECK(error_of(parse_playlist_slide(text("celebration"))).starts_with("the celebration"));
    CHECK(error_of(parse_playlist_slide(text("leaderbord"))) ==
          "expected leaderboard, spotlight, results, adoption or successes, got \"leaderbord\"");

    for (std::size_t i = 0; i < podium::model::kMetricNames.size(); ++i)
        CHECK(parse_leaderboard_metric(text(std::string(podium::model::kMetricNames[i]))).value() ==
              static_cast<Metric>(i));
    CHECK(parse_leaderboard_metric(text("score")).value() == std::nullopt);
    const std::string metric_error = error_of(parse_leaderboard_metric(text("Deals")));
    CHECK(metric_error.starts_with("expected a metric (followers, updates, "));
    CHECK(metric_error.ends_with("deal_value, or score), got \"Deals\""));

    for (const Period p : {Period::month, Period::quarter, Period::year})
        CHECK(parse_period_field(text(std::string(period_name(p)))).value() == p);
    CHECK(error_of(parse_period_field(text("week"))) ==
          "expected month, quarter or year, got \"week\"");
}

TEST_CASE("settings: an entry reads field by field and checks what needs several") {
    EntryReader r;
    for (const auto& [field, value] :
         {std::pair{"until", text("2026-12-31")}, std::pair{"top", integer(5)},
          std::pair{"slide", text("leaderboard")}, std::pair{"metric", text("score")},
          std::pair{"period", text("quarter")}, std::pair{"from", FieldValue{Date{2026, 11, 1}}},
          std::pair{"duration", text("20s")}, std::pair{"enabled", FieldValue{false}}}) {
        CAPTURE(field);
        CHECK(EntryReader::has_field(field));
        CHECK_FALSE(r.set(field, value).has_value());
    }
    r.add_window({0x1f, 690, 840});
    CHECK(r.finish().empty());
    const PlaylistEntry& e = r.entry();
    CHECK(e.kind == SlideKind::leaderboard);
    CHECK(e.options.score);
    CHECK(e.options.period == Period::quarter);
    CHECK(e.options.top_n == 5);
    CHECK(e.duration_seconds == 20);
    CHECK_FALSE(e.enabled);
    CHECK(e.windows == std::vector<Window>{{0x1f, 690, 840}});
    CHECK(e.dates == DateRange{Date{2026, 11, 1}, Date{2026, 12, 31}});
    CHECK(EntryReader::has_field("windows"));
    CHECK_FALSE(EntryReader::has_field("colour"));

    EntryReader none;
    REQUIRE(none.finish().size() == 1);
    CHECK(none.finish()[0].field == "slide");
    CHECK(none.finish()[0].message.starts_with("missing"));

    EntryReader spot;
    CHECK_FALSE(spot.set("metric", text("deals")).has_value());
    CHECK_FALSE(spot.set("slide", text("spotlight")).has_value());
    CHECK_FALSE(spot.set("from", text("2026-12-01")).has_value());
    CHECK_FALSE(spot.set("until", text("2026-11-30")).has_value());
    const auto problems = spot.finish();
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].field == "metric");
    CHECK(problems[0].message ==
          "only a leaderboard has a metric; this entry's slide is spotlight");
    CHECK(problems[1].field == "until");
    CHECK(problems[1].message == "expected a date on or after from (2026-12-01), got 2026-11-30");
}

TEST_CASE("settings: display values: transition, text size, time zone, command") {
    CHECK(parse_transition(text("crossfade")).value() == Transition::crossfade);
    CHECK(parse_transition(text("slide")).value() == Transition::slide);
    CHECK(transition_name(Transition::slide) == "slide");
    CHECK(error_of(parse_transition(text("wipe"))) ==
          "expected \"crossfade\" or \"slide\", got \"wipe\"");

    for (const FieldValue& v : {FieldValue{0.75}, integer(1), FieldValue{1.25}, FieldValue{1.5}})
        CHECK(parse_text_size(v).ok());
    for (const FieldValue& v : {FieldValue{0.7}, integer(2), FieldValue{1.51}, text("1.25"),
                                FieldValue{std::numeric_limits<double>::quiet_NaN()}})
        CHECK(error_of(parse_text_size(v)) ==
              "expected a number from 0.75 to 1.5, got " + shown(v));
    CHECK(parse_text_size_text("1").value() == 1.0);
    CHECK(parse_text_size_text("1.25").value() == 1.25);
    for (const std::string bad : {"1,25", "", " 1", "3", "1.25x", "nan"})
        CHECK(error_of(parse_text_size_text(bad)) ==
              "expected a number from 0.75 to 1.5, got \"" + bad + "\"");
    CHECK(format_number_text(1.0) == "1");
    CHECK(format_number_text(1.25) == "1.25");
    CHECK(format_number_text(0.75) == "0.75");

    for (const std::string zone : {"", "Europe/Amsterdam", "America/Argentina/Buenos_Aires",
                                   "Etc/GMT+1", "UTC", "America/Port-au-Prince"})
        CHECK(parse_time_zone_name(text(zone)).value() == zone);
    for (const std::string bad : {"/etc/passwd", "Europe//Amsterdam", "Europe/", "../x",
                                  "Europe/Amsterdam ", "Europe/Amster.dam"})
        CHECK(error_of(parse_time_zone_name(text(bad))).ends_with("got \"" + bad + "\""));
    CHECK(error_of(parse_time_zone_name(integer(1))).starts_with("expected an IANA time zone"));

    CHECK(parse_command(text("")).value().empty());
    CHECK(parse_command(text("cec-ctl --to 0 --standby")).value() == "cec-ctl --to 0 --standby");
    CHECK(error_of(parse_command(text("a\nb"))) ==
          "expected a command on one line without control characters, got \"a\\u000Ab\"");
    CHECK(error_of(parse_command(FieldValue{true})).ends_with("got true"));
}

TEST_CASE("settings: privacy values, stored flags and weights") {
    for (const NameFormat f :
         {NameFormat::full, NameFormat::first_initial, NameFormat::initials, NameFormat::anonymous})
        CHECK(parse_name_format(text(std::string(name_format_name(f)))).value() == f);
    CHECK(error_of(parse_name_format(text("initial"))) ==
          "expected full, first_initial, initials or anonymous, got \"initial\"");
    for (const WithoutConsent w : {WithoutConsent::anonymise, WithoutConsent::omit})
        CHECK(parse_without_consent(text(std::string(without_consent_name(w)))).value() == w);
    CHECK(error_of(parse_without_consent(text("anonymize"))) ==
          "expected anonymise or omit, got \"anonymize\"");
    // team_min: a whole number of champions, as TOML writes it or as the store keeps it.
    CHECK(parse_team_min(FieldValue{std::int64_t{1}}).value() == 1);
    CHECK(parse_team_min(FieldValue{std::int64_t{100}}).value() == 100);
    CHECK(parse_team_min(text("7")).value() == 7);
    for (const FieldValue& bad : {FieldValue{std::int64_t{0}}, FieldValue{std::int64_t{101}},
                                  text("5 "), text(""), FieldValue{2.5}, FieldValue{true}})
        CHECK(error_of(parse_team_min(bad)).starts_with("expected a whole number from 1 to 100"));
    for (const bool shown : {true, false})
        CHECK(parse_visibility(text(std::string(visibility_name(shown)))).value() == shown);
    CHECK(visibility_name(false) == "hidden");
    CHECK(error_of(parse_visibility(FieldValue{true})) == "expected shown or hidden, got true");
    CHECK(error_of(parse_visibility(text("visible"))) == "expected shown or hidden, got \"visible\"");

    CHECK(parse_flag_text("true").value());
    CHECK_FALSE(parse_flag_text("false").value());
    CHECK(flag_text(true) == "true");
    CHECK(flag_text(false) == "false");
    for (const std::string bad : {"1", "yes", "True", ""})
        CHECK(error_of(parse_flag_text(bad)) ==
              "expected \"true\" or \"false\", got \"" + bad + "\"");

    CHECK(parse_weight(integer(0)).value() == 0);
    CHECK(parse_weight(integer(1000)).value() == 1000);
    CHECK(parse_weight(FieldValue{2.5}).value() == 2.5);
    for (const FieldValue& bad : {integer(-1), FieldValue{1000.5}, text("10"),
                                  FieldValue{std::numeric_limits<double>::infinity()}})
        CHECK(error_of(parse_weight(bad)) == "expected a number from 0 to 1000, got " + shown(bad));
}

TEST_CASE("settings: messages quote values escaped and cut to one short line") {
    CHECK(quoted_text("plain") == "\"plain\"");
    CHECK(quoted_text("say \"hi\" \\ bye") == "\"say \\\"hi\\\" \\\\ bye\"");
    CHECK(quoted_text("a\tb\x7f") == "\"a\\u0009b\\u007F\"");
    CHECK(quoted_text(std::string(61, 'x')) == "\"" + std::string(60, 'x') + "…\"");
    CHECK(quoted_text(std::string(60, 'x')) == "\"" + std::string(60, 'x') + "\"");
    CHECK(quoted_text("Zoë") == "\"Zoë\""); // characters, not bytes, are counted and kept whole
    CHECK(shown(FieldValue{Date{2026, 1, 2}}) == "2026-01-02");
    CHECK(shown(FieldValue{12.5}) == "12.5");
    CHECK(shown(FieldValue{false}) == "false");
}
