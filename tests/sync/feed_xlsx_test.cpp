// The workbook as a feed: sheets and columns by their English or Dutch names, cells by type, and
// problems named by cell, several at once when asked.
#include "sync/feed_xlsx.hpp"

#include "sync/demo_feed.hpp"
#include "sync/feed_json.hpp"
#include "sync/feed_xlsx_write.hpp"
#include "sync/column_mapping.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/xlsx_builder.hpp"

#include <doctest/doctest.h>

namespace podium::sync {
namespace {

using test::inline_cell;
using test::number_cell;

std::string row(int r, const std::vector<std::string>& cells) {
    std::string out = "<row r=\"" + std::to_string(r) + "\">";
    for (const auto& c : cells) out += c;
    return out + "</row>";
}

std::string text_row(int r, const std::vector<std::string>& texts) {
    std::vector<std::string> cells;
    for (std::size_t i = 0; i < texts.size(); ++i)
        if (!texts[i].empty())
            cells.push_back(inline_cell(std::string(1, static_cast<char>('A' + i)) + std::to_string(r), texts[i]));
    return row(r, cells);
}

CsvDefaults defaults() {
    CsvDefaults d;
    d.organisation.name = "From Settings";
    d.generated_at = "2026-11-02T09:00:00Z";
    return d;
}

// Style 1 is a date (builtin 14); 46296 is 2026-10-01, 46309 is 2026-10-14.
test::XlsxParts english_workbook() {
    test::XlsxParts p;
    p.cell_xfs = {0, 14};
    p.sheets.push_back({"Organisation",
                        text_row(1, {"name", "headcount", "currency", "champion_goal_percent", "generated_at"}) +
                            row(2, {inline_cell("A2", "Example Advisory"), number_cell("B2", "1200"),
                                    inline_cell("C2", "EUR"), number_cell("D2", "12.5"),
                                    inline_cell("E2", "2026-11-01T08:00:00+01:00")})});
    p.sheets.push_back({"Champions",
                        text_row(1, {"id", "name", "team", "photo", "consent_internal", "consent_public", "consent_photo"}) +
                            row(2, {inline_cell("A2", "c-017"), inline_cell("B2", "Sanne de Vries"),
                                    inline_cell("C2", "Tax"), "<c r=\"E2\" t=\"b\"><v>1</v></c>",
                                    inline_cell("F2", "yes"), inline_cell("G2", "ja")}) +
                            row(4, {number_cell("A4", "18"), inline_cell("B4", "Mohammed El Amrani")})});
    p.sheets.push_back({"Monthly",
                        text_row(1, {"Champion", " Month ", "Followers", "Deal value", "Profile views"}) +
                            row(2, {inline_cell("A2", "c-017"), number_cell("B2", "46296", 1),
                                    number_cell("C2", "812"), number_cell("D2", "18500.5"),
                                    number_cell("E2", "412")}) +
                            row(3, {number_cell("A3", "18"), inline_cell("B3", "2026-09"),
                                    number_cell("C3", "3")})});
    p.sheets.push_back({"Successes",
                        text_row(1, {"champion", "date", "kind", "title", "story", "value"}) +
                            row(2, {inline_cell("A2", "c-017"), number_cell("B2", "46309", 1),
                                    inline_cell("C2", "speaking"), inline_cell("D2", "Invited to speak")})});
    p.sheets.push_back({"Investment", text_row(1, {"month", "hours", "cost"}) +
                                          row(2, {inline_cell("A2", "2026-10"), number_cell("B2", "160"),
                                                  number_cell("C2", "12000")})});
    p.sheets.push_back({"Notes", text_row(1, {"anything", "at all"})});
    return p;
}

model::Feed expected_feed() {
    auto feed = parse_feed_json(R"({"format":"podium-feed","version":1,
      "generated_at":"2026-11-01T08:00:00+01:00",
      "organisation":{"name":"Example Advisory","headcount":1200,"currency":"EUR","champion_goal_percent":12.5},
      "champions":[{"id":"c-017","name":"Sanne de Vries","team":"Tax","consent":{"internal":true,"public":true,"photo":true}},
                   {"id":"18","name":"Mohammed El Amrani"}],
      "monthly":[{"champion":"c-017","month":"2026-10","followers":812,"deal_value":18500.5,"profile_views":412},
                 {"champion":"18","month":"2026-09","followers":3}],
      "successes":[{"champion":"c-017","date":"2026-10-14","kind":"speaking","title":"Invited to speak"}],
      "investment":[{"month":"2026-10","hours":160,"cost":12000}]})");
    REQUIRE_MESSAGE(feed.ok(), feed.error().message);
    return feed.value();
}

} // namespace

TEST_CASE("xlsx feed: a workbook reads as the same feed as its JSON") {
    auto feed = parse_feed_xlsx(test::make_xlsx(english_workbook()), defaults());
    REQUIRE_MESSAGE(feed.ok(), feed.error().message);
    CHECK(feed.value() == expected_feed());
}

TEST_CASE("xlsx feed: Dutch sheet and column names, and Dutch success kinds") {
    test::XlsxParts p = english_workbook();
    p.sheets[0].name = "Organisatie";
    p.sheets[0].sheet_data = text_row(1, {"Naam", "Medewerkers", "Valuta", "Doel procent", "Gegenereerd op"}) +
                             p.sheets[0].sheet_data.substr(p.sheets[0].sheet_data.find("<row r=\"2\">"));
    p.sheets[1].name = " kampioenen ";
    p.sheets[1].sheet_data = text_row(1, {"ID", "Naam", "Team", "Foto", "Toestemming intern", "Toestemming publiek", "Toestemming foto"}) +
                             p.sheets[1].sheet_data.substr(p.sheets[1].sheet_data.find("<row r=\"2\">"));
    p.sheets[2].name = "Maandcijfers";
    p.sheets[2].sheet_data = text_row(1, {"Kampioen", "Maand", "Volgers", "Dealwaarde", "Profielweergaven"}) +
                             p.sheets[2].sheet_data.substr(p.sheets[2].sheet_data.find("<row r=\"2\">"));
    p.sheets[3].name = "Successen";
    p.sheets[3].sheet_data = text_row(1, {"Kampioen", "Datum", "Soort", "Titel", "Verhaal", "Waarde"}) +
                             row(2, {inline_cell("A2", "c-017"), number_cell("B2", "46309", 1),
                                     inline_cell("C2", "Spreker"), inline_cell("D2", "Invited to speak")});
    p.sheets[4].name = "Investeringen";
    p.sheets[4].sheet_data = text_row(1, {"Maand", "Uren", "Kosten"}) +
                             p.sheets[4].sheet_data.substr(p.sheets[4].sheet_data.find("<row r=\"2\">"));
    auto feed = parse_feed_xlsx(test::make_xlsx(p), defaults());
    REQUIRE_MESSAGE(feed.ok(), feed.error().message);
    CHECK(feed.value() == expected_feed());
}

TEST_CASE("xlsx feed: without an Organisation sheet the settings and the sync's time count") {
    test::XlsxParts p = english_workbook();
    p.sheets.erase(p.sheets.begin());
    auto feed = parse_feed_xlsx(test::make_xlsx(p), defaults());
    REQUIRE_MESSAGE(feed.ok(), feed.error().message);
    CHECK(feed.value().organisation.name == "From Settings");
    // No name in the settings either: none, as for a CSV file.
    CsvDefaults nameless = defaults();
    nameless.organisation.name.clear();
    auto without = parse_feed_xlsx(test::make_xlsx(p), nameless);
    REQUIRE_MESSAGE(without.ok(), without.error().message);
    CHECK(without.value().organisation.name.empty());
    CHECK(feed.value().generated_at == "2026-11-02T09:00:00Z");
    CHECK(feed.value().champions.size() == 2);
}

TEST_CASE("xlsx feed: a problem names its sheet, cell and field") {
    auto with_monthly_row3 = [](const std::string& row3) {
        test::XlsxParts p = english_workbook();
        p.sheets[2].sheet_data = p.sheets[2].sheet_data.substr(0, p.sheets[2].sheet_data.find("<row r=\"3\">")) + row3;
        return parse_feed_xlsx(test::make_xlsx(p), defaults());
    };
    auto bad_count = with_monthly_row3(row(14, {number_cell("A14", "18"), inline_cell("B14", "2026-09"), inline_cell("C14", "12,5")}));
    REQUIRE_FALSE(bad_count.ok());
    CHECK(bad_count.error().message == "Monthly!C14: followers: expected an integer ≥ 0, got \"12,5\"");

    auto error_value = with_monthly_row3(row(5, {number_cell("A5", "18"), inline_cell("B5", "2026-09"), "<c r=\"D5\" t=\"e\"><v>#N/A</v></c>"}));
    REQUIRE_FALSE(error_value.ok());
    CHECK(error_value.error().message.starts_with("Monthly!D5: deal_value: expected an amount ≥ 0 with at most 2 decimals, got \"#N/A\""));

    auto missing_month = with_monthly_row3(row(6, {number_cell("A6", "18"), number_cell("C6", "1")}));
    REQUIRE_FALSE(missing_month.ok());
    CHECK(missing_month.error().message == "Monthly!B6: month: expected YYYY-MM, got NULL");

    // A rule across rows (validate_feed's) names the later row's cell and the first row.
    auto duplicate = with_monthly_row3(row(9, {inline_cell("A9", "c-017"), inline_cell("B9", "2026-10")}));
    REQUIRE_FALSE(duplicate.ok());
    CHECK_MESSAGE(duplicate.error().message.starts_with("Monthly!B9: month: duplicate month"), duplicate.error().message);
    CHECK(duplicate.error().message.find("(first at row 2)") != std::string::npos);

    auto unknown = with_monthly_row3(row(7, {inline_cell("A7", "nobody"), inline_cell("B7", "2026-10")}));
    REQUIRE_FALSE(unknown.ok());
    CHECK_MESSAGE(unknown.error().message.starts_with("Monthly!A7: champion: "), unknown.error().message);
}

TEST_CASE("xlsx feed: every problem at once, when asked") {
    test::XlsxParts p = english_workbook();
    p.sheets[1].sheet_data += row(5, {inline_cell("A5", "c-9"), inline_cell("B5", "Jan"), inline_cell("E5", "maybe")});
    p.sheets[2].sheet_data += row(4, {inline_cell("A4", "c-017"), inline_cell("B4", "2026-13")}) +
                              row(8, {inline_cell("A8", "c-017"), inline_cell("B8", "2026-08"), number_cell("C8", "-3")});
    FeedReport report;
    auto feed = parse_feed_xlsx(test::make_xlsx(p), defaults(), &report);
    const auto& problems = report.problems;
    REQUIRE_FALSE(feed.ok());
    REQUIRE(problems.size() == 3);
    CHECK(problems[0].starts_with("Champions!E5: consent_internal: expected a boolean"));
    CHECK(problems[1] == "Monthly!B4: month: expected YYYY-MM, got \"2026-13\"");
    CHECK(problems[2] == "Monthly!C8: followers: expected an integer ≥ 0, got -3");
    CHECK(feed.error().message == problems[0]);
    // What was read and what was not, sheet by sheet.
    CHECK(report.ignored_sheets == std::vector<std::string>{"Notes"});
    REQUIRE(report.tables.size() == 5);
    CHECK(report.tables[2].name == "Monthly");
    CHECK(report.tables[2].used == std::vector<std::string>{"Champion", " Month ", "Followers", "Deal value", "Profile views"});
    CHECK(report.tables[2].ignored.empty());
}

TEST_CASE("xlsx feed: missing sheets, columns and two sheets for one part") {
    test::XlsxParts p = english_workbook();
    p.sheets.erase(p.sheets.begin() + 2); // Monthly
    auto no_monthly = parse_feed_xlsx(test::make_xlsx(p), defaults());
    REQUIRE_FALSE(no_monthly.ok());
    CHECK(no_monthly.error().message == "the workbook has no sheet \"Monthly\" (or \"Maandcijfers\")");

    p = english_workbook();
    p.sheets[2].sheet_data = text_row(1, {"champion", "followers"});
    auto no_column = parse_feed_xlsx(test::make_xlsx(p), defaults());
    REQUIRE_FALSE(no_column.ok());
    CHECK(no_column.error().message == "sheet \"Monthly\": required column \"month\" is missing");

    p = english_workbook();
    p.sheets.push_back({"Maandcijfers", text_row(1, {"champion", "month"})});
    auto twice = parse_feed_xlsx(test::make_xlsx(p), defaults());
    REQUIRE_FALSE(twice.ok());
    CHECK(twice.error().message == "the workbook has two sheets for monthly: \"Monthly\" and \"Maandcijfers\"");

    auto not_zip = parse_feed_xlsx("champion_id,name,month\n", defaults());
    REQUIRE_FALSE(not_zip.ok());
    CHECK(not_zip.error().message == "the workbook is not an .xlsx workbook (not a zip archive)");
}

} // namespace podium::sync

namespace podium::sync {

TEST_CASE("xlsx feed: the template as written is a valid feed of its example rows") {
    for (const auto lang : {WorkbookLanguage::en, WorkbookLanguage::nl}) {
        test::TempDir dir;
        const std::string path = dir.file("template.xlsx");
        const model::Feed example = template_feed({2026, 12}, lang);
        REQUIRE(write_feed_xlsx(example, path, {lang, false}).ok());
        auto feed = parse_feed_xlsx(test::read_file(path), defaults());
        REQUIRE_MESSAGE(feed.ok(), feed.error().message);
        model::Feed expected = example;
        expected.generated_at = defaults().generated_at; // left to the sync
        CHECK(feed.value() == expected);
        CHECK(feed.value().monthly.back().month == model::YearMonth{2026, 11});
        CHECK_FALSE(feed.value().champions[1].consent.is_public);
        // Never over an existing file.
        auto again = write_feed_xlsx(example, path, {lang, false});
        REQUIRE_FALSE(again.ok());
        CHECK(again.error().message == path + " already exists: choose another name, or remove it first");
    }
}

TEST_CASE("xlsx feed: the demo feed written as a workbook reads back exactly") {
    const model::Feed demo = generate_demo_feed();
    test::TempDir dir;
    for (const auto lang : {WorkbookLanguage::en, WorkbookLanguage::nl}) {
        const std::string path = dir.file(lang == WorkbookLanguage::en ? "en.xlsx" : "nl.xlsx");
        REQUIRE(write_feed_xlsx(demo, path, {lang, true}).ok());
        auto feed = parse_feed_xlsx(test::read_file(path), defaults());
        REQUIRE_MESSAGE(feed.ok(), feed.error().message);
        CHECK(feed.value() == demo);
    }
}

} // namespace podium::sync

namespace podium::sync {

TEST_CASE("xlsx feed: a workbook without the feed's sheets is read as an export, by cell") {
    test::XlsxParts p;
    p.cell_xfs = {0, 14};
    p.sheets.push_back({"Leaderboard",
                        text_row(1, {"Rank", "Person", "Last active", "Department", "Location", "Points"}) +
                            row(2, {number_cell("A2", "1"), inline_cell("B2", "Sanne de Vries"),
                                    number_cell("C2", "46325", 1), inline_cell("D2", "Tax"),
                                    inline_cell("E2", "Amsterdam"), number_cell("F2", "1520")}) +
                            row(4, {number_cell("A4", "2"), inline_cell("B4", "Mohammed El Amrani"),
                                    inline_cell("D4", "Audit"), number_cell("F4", "13.5")})});
    p.sheets.push_back({"Chart data", text_row(1, {"x"})});
    CsvDefaults d = defaults();
    d.mapping = make_mapping("everyonesocial", {}, "2026-10", d.generated_at).value();
    FeedReport report;
    auto feed = parse_feed_xlsx(test::make_xlsx(p), d, &report);
    REQUIRE_FALSE(feed.ok());
    CHECK(feed.error().message == "Leaderboard!F4: interactions (Points): expected an integer ≥ 0, got \"13.5\"");
    CHECK(report.ignored_sheets == std::vector<std::string>{"Chart data"});
    REQUIRE(report.tables.size() == 1);
    CHECK(report.tables[0].name == "Leaderboard");
    CHECK(report.tables[0].ignored == std::vector<std::string>{"Rank", "Last active", "Location"});

    p.sheets[0].sheet_data = p.sheets[0].sheet_data.substr(0, p.sheets[0].sheet_data.find("<row r=\"4\">"));
    auto ok = parse_feed_xlsx(test::make_xlsx(p), d);
    REQUIRE_MESSAGE(ok.ok(), ok.error().message);
    CHECK(ok.value().champions.front().id == "sanne de vries");
    CHECK(ok.value().monthly.front().get(model::Metric::interactions) == 1520);
    CHECK(ok.value().monthly.front().month == model::YearMonth{2026, 10});

    // A CSV file in Podium's own columns saved as .xlsx needs no mapping; a date is its month.
    test::XlsxParts own;
    own.cell_xfs = {0, 14};
    own.sheets.push_back({"figures", text_row(1, {"champion_id", "name", "month", "deals"}) +
                                         row(2, {inline_cell("A2", "c-1"), inline_cell("B2", "An"),
                                                 number_cell("C2", "46296", 1), number_cell("D2", "2")})});
    auto plain = parse_feed_xlsx(test::make_xlsx(own), defaults());
    REQUIRE_MESSAGE(plain.ok(), plain.error().message);
    CHECK(plain.value().monthly.front().month == model::YearMonth{2026, 10});
    CHECK(plain.value().monthly.front().get(model::Metric::deals) == 2);
}

} // namespace podium::sync
