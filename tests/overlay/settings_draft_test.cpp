// The overlay's draft: made from stored settings, encoded back to exactly what was stored, and
// window lines in both directions.
#include "display/overlay/settings_draft.hpp"

#include <doctest/doctest.h>

#include <map>

using namespace podium;

TEST_CASE("settings draft: window lines read and write back") {
    auto w = overlay::parse_window_line("mon-fri 08:00-18:00; sat,sun; 22:00-06:00");
    REQUIRE(w.ok());
    REQUIRE(w.value().size() == 3);
    CHECK(w.value()[0].start_minute == 480);
    CHECK(w.value()[0].end_minute == 1080);
    CHECK(w.value()[1].start_minute == 0);
    CHECK(w.value()[1].end_minute == 1440);
    CHECK(w.value()[2].days == scene::kEveryDay);
    CHECK(overlay::format_window_line(w.value()) == "mon-fri 08:00-18:00; sat,sun; daily 22:00-06:00");
    CHECK(overlay::parse_window_line("").value().empty());
    CHECK_FALSE(overlay::parse_window_line("mon-fri 08:00").ok());
    CHECK(overlay::parse_window_line("someday").error().message.find("someday") != std::string::npos);
}

TEST_CASE("settings draft: an unchanged draft changes nothing; an edit changes only its key") {
    std::map<std::string, std::string> stored{
        {"schedule.playlist", R"([{"slide":"leaderboard","duration":15,"windows":[{"days":"mon-fri","start":"08:00","end":"18:00"}]}])"},
        {"display.text_size", "1.25"},
        {"privacy.public.names", "initials"},
    };
    auto lookup = [&](const std::string& k) -> std::optional<std::string> {
        if (auto it = stored.find(k); it != stored.end()) return it->second;
        return std::nullopt;
    };
    const auto base = overlay::make_draft(lookup);
    REQUIRE(base.playlist.size() == 1);
    CHECK(base.playlist[0].duration == "15");
    CHECK(base.playlist[0].windows == "mon-fri 08:00-18:00");
    CHECK(base.text_size == "1.25");
    CHECK(base.privacy_public.names == scene::NameFormat::initials);
    CHECK(overlay::validate(base).empty());
    CHECK(overlay::changes(base, base).empty());
    auto edited = base;
    edited.playlist[0].duration = "20";
    const auto c = overlay::changes(base, edited);
    REQUIRE(c.size() == 1);
    CHECK(c[0].first == "schedule.playlist");
    CHECK(c[0].second.find("\"duration\":20") != std::string::npos);
    // The encoded playlist reads back to the same schedule the draft shows.
    auto back = scene::playlist_from_json(c[0].second);
    REQUIRE(back.ok());
    CHECK(back.value() == overlay::schedule_of(edited).playlist);
}

TEST_CASE("settings draft: success titles and stories read from the store and encode as shown|hidden") {
    std::map<std::string, std::string> stored{{"privacy.public.success_titles", "shown"}};
    auto lookup = [&](const std::string& k) -> std::optional<std::string> {
        if (auto it = stored.find(k); it != stored.end()) return it->second;
        return std::nullopt;
    };
    const auto base = overlay::make_draft(lookup);
    CHECK(base.privacy_public.show_success_titles);
    CHECK_FALSE(base.privacy_public.show_success_stories); // the public default
    CHECK(base.privacy_internal.show_success_stories);     // the internal default
    auto edited = base;
    edited.privacy_public.show_success_titles = false;
    edited.privacy_internal.show_success_stories = false;
    const auto c = overlay::changes(base, edited);
    REQUIRE(c.size() == 2);
    CHECK(c[0] == std::pair<std::string, std::string>{"privacy.internal.success_stories", "hidden"});
    CHECK(c[1] == std::pair<std::string, std::string>{"privacy.public.success_titles", "hidden"});
}

TEST_CASE("settings draft: another tool's export: preset, month and columns read, checked and saved") {
    std::map<std::string, std::string> stored{
        {"source.preset", "everyonesocial"},
        {"source.month", "previous"},
        {"source.columns", R"({"email":"E-mail","interactions":"Score"})"},
    };
    auto lookup = [&](const std::string& k) -> std::optional<std::string> {
        if (auto it = stored.find(k); it != stored.end()) return it->second;
        return std::nullopt;
    };
    auto d = overlay::make_draft(lookup);
    CHECK(d.preset == "everyonesocial");
    CHECK(d.month == "previous");
    CHECK(d.columns == "email = E-mail; interactions = Score");
    CHECK(overlay::validate(d).empty());
    CHECK(overlay::changes(d, d).empty());

    auto edited = d;
    edited.columns = "name = Person ; interactions = Points";
    edited.month = "2026-10";
    CHECK(overlay::validate(edited).empty());
    const auto saved = overlay::changes(d, edited);
    const std::map<std::string, std::string> by_key(saved.begin(), saved.end());
    CHECK(by_key.size() == 2);
    CHECK(by_key.at("source.columns") == R"({"interactions":"Points","name":"Person"})");
    CHECK(by_key.at("source.month") == "2026-10");

    edited.preset = "hootsuite";
    edited.month = "last month";
    edited.columns = "likes = Likes";
    const auto problems = overlay::validate(edited);
    CHECK(problems.at("preset").starts_with("unknown preset \"hootsuite\""));
    CHECK(problems.at("month").starts_with("expected \"previous\" or a month as YYYY-MM"));
    CHECK(problems.at("columns").starts_with("unknown field \"likes\""));
    edited.columns = "name Person";
    CHECK(overlay::validate(edited).at("columns") == "expected field = column, got \"name Person\"");
}
