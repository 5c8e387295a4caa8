// Other tools' exports through a mapping: presets, columns by hand, the month from a setting,
// ids from an e-mail or a name.
#include "sync/column_mapping.hpp"
#include "sync/feed_csv.hpp"

#include <doctest/doctest.h>

namespace podium::sync {
namespace {

CsvDefaults with(ColumnMapping mapping) {
    CsvDefaults d;
    d.generated_at = "2026-11-03T09:00:00Z";
    d.mapping = std::move(mapping);
    return d;
}

ColumnMapping mapping_of(std::string_view preset, const ColumnNames& columns, std::string_view month) {
    auto m = make_mapping(preset, columns, month, "2026-11-03T09:00:00Z");
    REQUIRE_MESSAGE(m.ok(), m.error().message);
    return m.value();
}

} // namespace

TEST_CASE("column mapping: an EveryoneSocial leaderboard report syncs with its preset and a month") {
    const std::string report = "Rank,Person,Last active,Department,Location,Points\n"
                               "1,Sanne de Vries,2026-10-30,Tax,Amsterdam,1520\n"
                               "2,Mohammed El Amrani,2026-10-29,Audit,Rotterdam,1310\n"
                               "3,Lotte  Jansen,2026-10-02,,Utrecht,\"1,005\"\n";
    auto feed = parse_feed_csv(report, with(mapping_of("everyonesocial", {}, "previous")));
    REQUIRE_MESSAGE(feed.ok(), feed.error().message);
    const model::Feed& f = feed.value();
    REQUIRE(f.champions.size() == 3);
    CHECK(f.champions[0].id == "sanne de vries"); // no id or e-mail column: from the name
    CHECK(f.champions[0].name == "Sanne de Vries");
    CHECK(f.champions[0].team == "Tax");
    CHECK(f.champions[2].id == "lotte jansen");
    CHECK(f.champions[2].team.empty());
    REQUIRE(f.monthly.size() == 3);
    CHECK(f.monthly[0].month == model::YearMonth{2026, 10}); // "previous" for a sync in November
    CHECK(f.monthly[0].get(model::Metric::interactions) == 1520);
    CHECK(f.monthly[2].get(model::Metric::interactions) == 1005);
    CHECK(f.monthly[0].get(model::Metric::deals) == 0);

    // Without a month the export cannot be placed: said, with the way out.
    auto no_month = parse_feed_csv(report, with(mapping_of("everyonesocial", {}, "")));
    REQUIRE_FALSE(no_month.ok());
    CHECK(no_month.error().message == "line 1: required column \"month\" is missing; an export "
                                      "without one needs [source] month (\"previous\" or YYYY-MM)");
    // A fixed month.
    auto october = parse_feed_csv(report, with(mapping_of("everyonesocial", {}, "2026-09")));
    REQUIRE(october.ok());
    CHECK(october.value().monthly[0].month == model::YearMonth{2026, 9});
}

TEST_CASE("column mapping: columns by hand, the id from an e-mail column, the mapped names in messages") {
    const std::string csv = "E-mail address;Full name;Team name;Month;Likes\n"
                            "Sanne.deVries@Example.com;Sanne de Vries;Tax;2026-10;12\n"
                            "m.elamrani@example.com;Mohammed El Amrani;Audit;2026-10;x\n";
    const ColumnNames columns = {{"email", "E-mail address"}, {"name", "Full name"},
                                 {"team", "Team name"}, {"interactions", "Likes"}};
    auto bad = parse_feed_csv(csv, with(mapping_of("", columns, "")));
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message.starts_with("line 3, column \"Likes\" (interactions): expected an integer ≥ 0, got \"x\""));
    auto good = parse_feed_csv(csv.substr(0, csv.rfind("m.el")), with(mapping_of("", columns, "")));
    REQUIRE_MESSAGE(good.ok(), good.error().message);
    CHECK(good.value().champions[0].id == "sanne.devries@example.com");
    CHECK(good.value().monthly[0].get(model::Metric::interactions) == 12);

    // A mapped column missing from the file is an error, not zeros.
    auto missing = parse_feed_csv("Full name;Month\nAn;2026-10\n", with(mapping_of("", columns, "")));
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message == "line 1: column \"E-mail address\" (mapped to email) is missing");
    // The hand-made columns win over the preset's.
    auto both = mapping_of("everyonesocial", {{"interactions", "Score"}}, "previous");
    CHECK(both.columns.at("interactions") == "Score");
    CHECK(both.columns.at("name") == "Person");
}

TEST_CASE("column mapping: what a mapping may say") {
    CHECK_FALSE(make_mapping("hootsuite", {}, "", "").ok());
    CHECK(make_mapping("hootsuite", {}, "", "").error().message.starts_with("unknown preset \"hootsuite\" (known: everyonesocial)"));
    auto unknown = make_mapping("", {{"likes", "Likes"}}, "", "");
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().message.starts_with("unknown field \"likes\" (fields: champion_id, email, name"));
    auto twice = make_mapping("", {{"name", "Person"}, {"team", "person"}}, "", "");
    REQUIRE_FALSE(twice.ok());
    CHECK(twice.error().message == "column \"person\" is mapped to two fields");
    CHECK_FALSE(make_mapping("", {{"name", "A\nB"}}, "", "").ok());
    CHECK_FALSE(check_month_setting("last").ok());
    CHECK_FALSE(check_month_setting("2026-13").ok());
    CHECK(check_month_setting("previous").ok());
    CHECK(resolve_month_setting("previous", "2026-01-05T00:00:00Z") == model::YearMonth{2025, 12});
    CHECK_FALSE(resolve_month_setting("", "2026-01-05T00:00:00Z"));

    CHECK(columns_from_json(columns_to_json({{"name", "Person"}})).value() == ColumnNames{{"name", "Person"}});
    CHECK(columns_to_json({}).empty());
    CHECK_FALSE(columns_from_json("[1]").ok());

    CHECK(derived_id("  Sanne   de VRIES ") == "sanne de vries");
    const std::string long_name(100, 'a');
    const std::string id = derived_id(long_name);
    CHECK(id.size() <= 64);
    CHECK(id != derived_id(long_name + "b")); // still told apart
    CHECK(derived_id(std::string(60, 'x') + "é" + std::string(20, 'y')).size() <= 64);
}

} // namespace podium::sync
