// The CSV feed reader and writer against the CSV section of feed-format.md version 1.
#include "sync/csv_reader.hpp"
#include "sync/demo_feed.hpp"
#include "sync/feed_csv.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

using podium::sync::CsvDefaults;
using podium::sync::feed_to_csv;
using podium::sync::parse_feed_csv;
namespace model = podium::model;

namespace {

constexpr const char* kGeneratedAt = "2026-11-01T08:00:00+01:00";

// Every column, in the writer's order: 20 fields.
constexpr const char* kHeader =
    "champion_id,name,team,photo,consent_internal,consent_public,consent_photo,month,followers,"
    "updates,interactions,reach,clicks,profile_views,leads,proposals,deals,deal_value,applicants,"
    "hires";

CsvDefaults defaults() {
    CsvDefaults d;
    d.organisation.name = "Example Advisory";
    d.organisation.headcount = 1200;
    d.generated_at = kGeneratedAt;
    return d;
}

model::Feed parse_ok(const std::string& text) {
    auto result = parse_feed_csv(text, defaults());
    INFO((result ? std::string() : result.error().message));
    REQUIRE(result.ok());
    return std::move(result).value();
}

// The message parse_feed_csv gives, or "accepted".
std::string error_of(const std::string& text) {
    auto result = parse_feed_csv(text, defaults());
    return result ? "accepted" : result.error().message;
}

// A file of the three required columns and one more, `column`, holding `value` on line 3.
std::string with_cell(const std::string& column, const std::string& value, char delimiter = ',') {
    const std::string d(1, delimiter);
    return "champion_id" + d + "name" + d + "month" + d + column + "\n" + "c-1" + d + "Ann" + d +
           "2026-09" + d + "0\n" + "c-1" + d + "Ann" + d + "2026-10" + d + value + "\n";
}

std::int64_t metric(const model::Feed& feed, std::size_t row, model::Metric m) {
    REQUIRE(row < feed.monthly.size());
    return feed.monthly[row].get(m);
}

} // namespace

TEST_CASE("csv: the spec's figures, comma-separated") {
    const model::Feed feed =
        parse_ok(std::string(kHeader) + "\nc-017,Sanne de Vries,Tax,photos/c-017.jpg,1,0,1,2026-10,"
                                        "812,14,233,15400,97,412,3,2,1,18500.00,0,0\n");
    CHECK(feed.generated_at == kGeneratedAt);
    CHECK(feed.organisation == defaults().organisation);
    REQUIRE(feed.champions.size() == 1);
    const model::Champion& c = feed.champions[0];
    CHECK(c.id == "c-017");
    CHECK(c.name == "Sanne de Vries");
    CHECK(c.team == "Tax");
    CHECK(c.photo == "photos/c-017.jpg");
    CHECK(c.consent == model::Consent{true, false, true});
    REQUIRE(feed.monthly.size() == 1);
    const model::MonthlyFigures& m = feed.monthly[0];
    CHECK(m.champion == "c-017");
    CHECK(m.month == model::YearMonth{2026, 10});
    const std::int64_t expected[] = {812, 14, 233, 15400, 97, 412, 3, 2, 1, 0, 0};
    for (std::size_t k = 0; k < model::kCountMetrics; ++k)
        CHECK(m.counts[k] == expected[k]);
    CHECK(m.deal_value_cents == 1850000);
    CHECK(feed.successes.empty());
    CHECK(feed.investment.empty());
}

TEST_CASE("csv: semicolon-separated with Dutch numbers") {
    const model::Feed feed = parse_ok("champion_id;name;month;deal_value;reach;followers;deals\n"
                                      "c-1;Sanne;2026-10;18.500,00;1.234;812;3,00\n"
                                      "c-1;Sanne;2026-11;\"1.234.567,5\";15400;0;0\n"
                                      "c-1;Sanne;2026-12;0,07;1.000.000;0;0\n");
    CHECK(metric(feed, 0, model::Metric::deal_value) == 1850000);
    CHECK(metric(feed, 0, model::Metric::reach) == 1234);
    CHECK(metric(feed, 0, model::Metric::followers) == 812);
    CHECK(metric(feed, 0, model::Metric::deals) == 3);
    CHECK(metric(feed, 1, model::Metric::deal_value) == 123456750);
    CHECK(metric(feed, 1, model::Metric::reach) == 15400);
    CHECK(metric(feed, 2, model::Metric::deal_value) == 7);
    CHECK(metric(feed, 2, model::Metric::reach) == 1000000);
}

TEST_CASE("csv: comma-separated numbers use a decimal point; quoted ones may group with commas") {
    const model::Feed feed = parse_ok("champion_id,name,month,deal_value,reach\n"
                                      "c-1,Ann,2026-01,18500.07,15400\n"
                                      "c-1,Ann,2026-02,\"18,500.00\",\"1,234\"\n"
                                      "c-1,Ann,2026-03,18500.5,3.0\n"
                                      "c-1,Ann,2026-04,18500,0\n"
                                      "c-1,Ann,2026-05,18500.000,\n"
                                      "c-1,Ann,2026-06, 12.30 , 7 \n");
    const std::int64_t cents[] = {1850007, 1850000, 1850050, 1850000, 1850000, 1230};
    const std::int64_t reach[] = {15400, 1234, 3, 0, 0, 7};
    for (std::size_t i = 0; i < 6; ++i) {
        CHECK(metric(feed, i, model::Metric::deal_value) == cents[i]);
        CHECK(metric(feed, i, model::Metric::reach) == reach[i]);
    }
}

TEST_CASE("csv: a byte-order mark is skipped") {
    const std::string bom = "\xEF\xBB\xBF";
    for (const char* header : {"champion_id,name,month", "champion_id;name;month"}) {
        const std::string d = std::string(header).substr(11, 1);
        const model::Feed feed = parse_ok(bom + header + "\nc-1" + d + "Ann" + d + "2026-10\n");
        REQUIRE(feed.champions.size() == 1);
        CHECK(feed.champions[0].id == "c-1");
    }
}

TEST_CASE("csv: line ends CRLF, LF, CR, mixed; a final one or none; blank lines skipped") {
    const std::string rows[] = {"champion_id,name,month", "c-1,Ann,2026-09", "c-1,Ann,2026-10"};
    for (const char* end : {"\n", "\r\n", "\r"}) {
        for (const char* last : {"", "\n", "\r\n"}) {
            CAPTURE(std::string(end));
            CAPTURE(std::string(last));
            const model::Feed feed = parse_ok(rows[0] + end + rows[1] + end + rows[2] + last);
            CHECK(feed.monthly.size() == 2);
        }
    }
    const model::Feed mixed =
        parse_ok("\r\n  \n" + rows[0] + "\r\n\r\n" + rows[1] + "\n\n\t\r\n" + rows[2] + "\r\n\r\n");
    CHECK(mixed.monthly.size() == 2);
    CHECK(mixed.champions.size() == 1);
    // Blank lines still count: the bad month is on physical line 7.
    CHECK(error_of("\r\n\n" + rows[0] + "\r\n\r\n" + rows[1] + "\n\nc-1,Ann,2026-13\r\n") ==
          "line 7, column \"month\": expected YYYY-MM, got \"2026-13\"");
}

TEST_CASE("csv: quoted fields hold delimiters, doubled quotes and line breaks") {
    const model::Feed feed = parse_ok("champion_id,name,team,notes,month\n"
                                      "\"c,1\",\"Sanne \"\"Sam\"\" de Vries\",\"Tax, Legal\","
                                      "\"first line\r\nsecond line\nthird\",2026-10\n"
                                      "c-2, \"Piet; Jan\" ,\"\",\"\"\"\",2026-10\n");
    REQUIRE(feed.champions.size() == 2);
    CHECK(feed.champions[0].id == "c,1");
    CHECK(feed.champions[0].name == "Sanne \"Sam\" de Vries");
    CHECK(feed.champions[0].team == "Tax, Legal");
    CHECK(feed.champions[1].name == "Piet; Jan");
    CHECK(feed.champions[1].team.empty());
    // The record on lines 2-4 spans three physical lines; the next record starts on line 5.
    CHECK(error_of("champion_id,name,notes,month\n"
                   "c-1,Ann,\"a\nb\nc\",2026-10\n"
                   "c-2,Bob,,2026-13\n") ==
          "line 5, column \"month\": expected YYYY-MM, got \"2026-13\"");
    // An error in a record that spans lines names the line where it starts.
    CHECK(error_of("champion_id,notes,name,month\n"
                   "c-1,\"a\r\nb\",Ann,2026-13\n") ==
          "line 2, column \"month\": expected YYYY-MM, got \"2026-13\"");
    // A quoted line break in a name reaches validate_feed, which refuses it in a name.
    CHECK(error_of("champion_id,name,month\nc-1,\"Ann\nSmith\",2026-10\n") ==
          "line 2, column \"name\": control character U+000A at character 4");
}

TEST_CASE("csv: column names are case-insensitive, trimmed and in any order; unknown ignored") {
    const model::Feed feed = parse_ok(" Month ;Remarks; NAME;Deal_Value;Champion_ID ;TEAM;x\n"
                                      "2026-10;whatever;Ann;1,50;c-1;Tax;\n");
    REQUIRE(feed.champions.size() == 1);
    CHECK(feed.champions[0].id == "c-1");
    CHECK(feed.champions[0].name == "Ann");
    CHECK(feed.champions[0].team == "Tax");
    CHECK(metric(feed, 0, model::Metric::deal_value) == 150);
}

TEST_CASE("csv: every consent spelling, any case") {
    struct Spelling {
        const char* text;
        bool value;
    };
    const Spelling spellings[] = {
        {"1", true},       {"0", false},   {"yes", true},    {"no", false},  {"YES", true},
        {"No", false},     {"true", true}, {"false", false}, {"TRUE", true}, {"False", false},
        {"ja", true},      {"nee", false}, {"JA", true},     {"Nee", false}, {"waar", true},
        {"ONWAAR", false}, {" yes ", true}};
    for (const Spelling& s : spellings) {
        for (const char* column : {"consent_internal", "consent_public", "consent_photo"}) {
            CAPTURE(s.text);
            CAPTURE(column);
            const model::Feed feed = parse_ok(with_cell(column, s.text));
            const model::Consent& c = feed.champions[0].consent;
            const bool got = std::string(column) == "consent_internal" ? c.internal
                             : std::string(column) == "consent_public" ? c.is_public
                                                                       : c.photo;
            CHECK(got == s.value);
        }
    }
    CHECK(error_of(with_cell("consent_public", "maybe")) ==
          "line 3, column \"consent_public\": expected 1/0, yes/no, true/false or ja/nee, "
          "got \"maybe\"");
    CHECK(error_of(with_cell("consent_photo", "2")) ==
          "line 3, column \"consent_photo\": expected 1/0, yes/no, true/false or ja/nee, got "
          "\"2\"");
}

TEST_CASE("csv: defaults for absent columns and empty cells") {
    const model::Feed minimal = parse_ok("champion_id,name,month\nc-1,Ann,2026-10\n");
    const model::Feed empty_cells =
        parse_ok(std::string(kHeader) + "\nc-1,Ann,,,,,,2026-10,,,,,,,,,,,,\n");
    for (const model::Feed* feed : {&minimal, &empty_cells}) {
        REQUIRE(feed->champions.size() == 1);
        const model::Champion& c = feed->champions[0];
        CHECK(c.team.empty());
        CHECK(c.photo.empty());
        CHECK(c.consent.internal);
        CHECK_FALSE(c.consent.is_public);
        CHECK_FALSE(c.consent.photo);
        REQUIRE(feed->monthly.size() == 1);
        for (std::size_t k = 0; k <= model::kCountMetrics; ++k)
            CHECK(feed->monthly[0].get(static_cast<model::Metric>(k)) == 0);
        CHECK(feed->organisation.name == "Example Advisory");
        CHECK(feed->organisation.headcount == 1200);
        CHECK(feed->organisation.currency == "EUR");
        CHECK(feed->generated_at == kGeneratedAt);
        CHECK(feed->successes.empty());
        CHECK(feed->investment.empty());
    }
}

TEST_CASE("csv: the latest month's row gives name, team, photo and consent") {
    const model::Feed feed = parse_ok("champion_id,name,team,photo,consent_internal,"
                                      "consent_public,consent_photo,month,leads\n"
                                      "c-2,Bob,Audit,,,,,2026-09,1\n"
                                      "c-1,Ann Old,Tax,old.jpg,no,yes,yes,2026-09,2\n"
                                      "c-1,Ann New,Legal,new.jpg,,,,2026-11,3\n"
                                      "c-1,Ann Mid,Audit,mid.jpg,1,1,1,2026-10,4\n"
                                      "c-2,Bob B.,Advisory,b.jpg,0,0,1,2026-08,5\n");
    REQUIRE(feed.champions.size() == 2);
    // Order of first appearance in the file, not of id or month.
    CHECK(feed.champions[0].id == "c-2");
    CHECK(feed.champions[1].id == "c-1");
    CHECK(feed.champions[0].name == "Bob");
    CHECK(feed.champions[0].team == "Audit");
    CHECK(feed.champions[0].consent == model::Consent{});
    const model::Champion& ann = feed.champions[1];
    CHECK(ann.name == "Ann New");
    CHECK(ann.team == "Legal");
    CHECK(ann.photo == "new.jpg");
    CHECK(ann.consent == model::Consent{}); // empty cells in the latest row: the defaults
    // Monthly rows in file order.
    REQUIRE(feed.monthly.size() == 5);
    for (std::size_t i = 0; i < 5; ++i)
        CHECK(metric(feed, i, model::Metric::leads) == static_cast<std::int64_t>(i + 1));
    CHECK(feed.monthly[0].champion == "c-2");
    CHECK(feed.monthly[4].month == model::YearMonth{2026, 8});
}

TEST_CASE("csv: a missing required column is named") {
    CHECK(error_of("name,month\nAnn,2026-10\n") ==
          "line 1: required column \"champion_id\" is missing");
    CHECK(error_of("champion_id;month;team\nc-1;2026-10;Tax\n") ==
          "line 1: required column \"name\" is missing");
    CHECK(error_of("\n\nchampion_id,name,months\nc-1,Ann,2026-10\n") ==
          "line 3: required column \"month\" is missing");
    CHECK(error_of("champion_id\tname\tmonth\nc-1\tAnn\t2026-10\n") ==
          "line 1: required column \"champion_id\" is missing; the header has a single column: "
          "fields must be separated by \",\" or \";\"");
    CHECK(error_of("champion_id,name,month,Month\n") ==
          "line 1: column \"month\" appears twice (fields 3 and 4)");
    CHECK(parse_ok("champion_id,name,month,,extra,,extra\nc-1,Ann,2026-10,,,,\n").monthly.size() ==
          1);
}

TEST_CASE("csv: bad cells are named by line and column") {
    struct Case {
        const char* column;
        const char* value;
        char delimiter;
        const char* message;
    };
    const Case cases[] = {
        {"leads", "-3", ',', "column \"leads\": expected an integer ≥ 0, got \"-3\""},
        {"leads", "three", ',', "column \"leads\": expected an integer ≥ 0, got \"three\""},
        {"leads", "2.5", ',', "column \"leads\": expected an integer ≥ 0, got \"2.5\""},
        {"leads", "1e3", ',', "column \"leads\": expected an integer ≥ 0, got \"1e3\""},
        {"reach", "1,5", ';', "column \"reach\": expected an integer ≥ 0, got \"1,5\""},
        {"reach", "99999999999999999999", ',',
         "column \"reach\": too large (at most 1000000000000), got \"99999999999999999999\""},
        {"deal_value", "1.005", ',',
         "column \"deal_value\": expected an amount ≥ 0 with at most 2 decimals, got \"1.005\""},
        {"deal_value", "1,005", ';',
         "column \"deal_value\": expected an amount ≥ 0 with at most 2 decimals, got \"1,005\""},
        {"deal_value", "-5", ',',
         "column \"deal_value\": expected an amount ≥ 0 with at most 2 decimals, got \"-5\""},
        {"deal_value", "€ 5", ',',
         "column \"deal_value\": expected an amount ≥ 0 with at most 2 decimals, got \"€ 5\""},
        {"deal_value", "100000000000.01", ',',
         "column \"deal_value\": too large (at most 100000000000), got \"100000000000.01\""},
        {"deal_value", "18500.50", ';',
         "column \"deal_value\": expected an amount ≥ 0 with at most 2 decimals, got "
         "\"18500.50\" (in a \";\"-separated file the decimal mark is \",\" and \".\" groups "
         "thousands: 18.500,00)"},
        {"reach", "1.23", ';',
         "column \"reach\": expected an integer ≥ 0, got \"1.23\" (in a \";\"-separated file the "
         "decimal mark is \",\" and \".\" groups thousands: 18.500,00)"},
        {"deal_value", "\"18,50\"", ',',
         "column \"deal_value\": expected an amount ≥ 0 with at most 2 decimals, got \"18,50\" (in "
         "a \",\"-separated file the decimal mark is \".\" and \",\" groups thousands: "
         "18,500.00)"},
        {"deal_value", "1.", ',',
         "column \"deal_value\": expected an amount ≥ 0 with at most 2 decimals, got \"1.\""},
    };
    for (const Case& c : cases) {
        CAPTURE(c.value);
        const std::string error = error_of(with_cell(c.column, c.value, c.delimiter));
        // The hint only where the other kind of file would have read the number.
        CHECK(error == std::string("line 3, ") + c.message);
    }
    CHECK(parse_ok(with_cell("deal_value", "100000000000")).monthly[1].deal_value_cents ==
          10'000'000'000'000);
    CHECK(error_of("champion_id,name,month\nc-1,Ann,2026-10\nc-1,Ann,2026-13\n") ==
          "line 3, column \"month\": expected YYYY-MM, got \"2026-13\"");
    CHECK(error_of("champion_id,name,month\nc-1,Ann,10-2026\n") ==
          "line 2, column \"month\": expected YYYY-MM, got \"10-2026\"");
    CHECK(error_of("champion_id,name,month\nc-1,Ann,\n") ==
          "line 2, column \"month\": expected YYYY-MM, got \"\"");
    CHECK(error_of("champion_id,name,month\n,Ann,2026-10\n") ==
          "line 2, column \"champion_id\": must not be empty");
    CHECK(error_of("champion_id,name,month\nc-1,Ann,2026-10\nc-1,\" \",2026-09\n") ==
          "line 3, column \"name\": must not be empty");
    // An older row's cells are checked although its consent is not kept.
    CHECK(error_of("champion_id,name,month,consent_public\nc-1,Ann,2026-10,1\n"
                   "c-1,Ann,2026-09,sure\n") ==
          "line 3, column \"consent_public\": expected 1/0, yes/no, true/false or ja/nee, got "
          "\"sure\"");
}

TEST_CASE("csv: a row with another number of fields than the header") {
    const std::string header = "champion_id,name,month,followers,updates,interactions,reach,"
                               "clicks,profile_views,leads,proposals,deals,deal_value,applicants";
    const std::string row = "c-1,Ann,2026-10,1,2,3,4,5,6,7,8,9,10,11";
    CHECK(parse_ok(header + "\n" + row + "\n").monthly.size() == 1);
    CHECK(error_of(header + "\n" + row + "\n\n\n" + "c-2,Bob,2026-10,1,2,3,4,5,6,7,8,9,10\n") ==
          "line 5: expected 14 fields, got 13");
    CHECK(error_of(header + "\n" + row + ",12\n") == "line 2: expected 14 fields, got 15");
}

TEST_CASE("csv: an unterminated quote names the line where it opened") {
    CHECK(error_of("champion_id,name,month\nc-1,Ann,2026-10\nc-2,\"Bob,2026-10\nc-3,Cees,"
                   "2026-10\n") == "line 3: a quoted field opened here (field 2) is never closed");
    CHECK(error_of("champion_id,\"name,month\n") ==
          "line 1: a quoted field opened here (field 2) is never closed");
    CHECK(error_of("champion_id,name,month\nc-1,\"Ann \"Sam\" B\",2026-10\n") ==
          "line 2: field 2 has text after its closing quote; a quote inside a quoted field is "
          "written twice (\"\")");
}

TEST_CASE("csv: a (champion, month) pair appears once") {
    CHECK(error_of("champion_id;name;month\nc-1;Ann;2026-09\nc-2;Bob;2026-10\nc-1;Ann;2026-10\n"
                   "c-1;Ann B.;2026-09\n") ==
          "line 5, column \"month\": duplicate month \"2026-09\" for champion \"c-1\" (first at "
          "line 2)");
}

TEST_CASE("csv: an empty file is refused, a header alone is an empty feed") {
    const std::string empty = "the file is empty: expected a header line naming the columns "
                              "champion_id, name and month";
    CHECK(error_of("") == empty);
    CHECK(error_of("\xEF\xBB\xBF") == empty);
    CHECK(error_of("\n\r\n  \n") == empty);
    CHECK(error_of(",,,\n,,\n") == empty);
    for (const char* header : {"champion_id,name,month", "champion_id;name;month\r\n\r\n"}) {
        const model::Feed feed = parse_ok(header);
        CHECK(feed.champions.empty());
        CHECK(feed.monthly.empty());
        CHECK(feed.organisation.name == "Example Advisory");
    }
}

TEST_CASE("csv: rows of empty fields are skipped like blank lines") {
    const model::Feed feed =
        parse_ok("champion_id;name;month;team\n;;;\nc-1;Ann;2026-10;Tax\n ; ; ; \n;;;\n");
    CHECK(feed.monthly.size() == 1);
}

TEST_CASE("csv: validate_feed's errors name the line and column") {
    const std::string long_name(201, 'x');
    CHECK(error_of("champion_id,name,month\nc-1,Ann,2026-10\nc-1," + long_name + ",2026-11\n") ==
          "line 3, column \"name\": too long (201 characters; at most 200)");
    CHECK(error_of("champion_id,name,month,photo\nc-1,Ann,2026-10,ok.jpg\nc-2,Bob,2026-10,"
                   "../secret.jpg\n") ==
          "line 3, column \"photo\": \"..\" is not allowed; the photo must be inside the feed's "
          "folder, got \"../secret.jpg\"");
    CHECK(error_of("champion_id,name,month\n" + std::string(65, 'i') + ",Ann,2026-10\n") ==
          "line 2, column \"champion_id\": too long (65 characters; at most 64)");
    CHECK(error_of("champion_id,name,month\nc-1,\"Ann\xFF\",2026-10\n") ==
          "line 2, column \"name\": invalid UTF-8 at byte 4");
    // What comes from the settings keeps the model's names. No name is fine (a fresh device); a
    // blank one is not.
    CsvDefaults unnamed = defaults();
    unnamed.organisation.name.clear();
    CHECK(parse_feed_csv("champion_id,name,month\n", unnamed).ok());
    unnamed.organisation.name = "  ";
    auto result = parse_feed_csv("champion_id,name,month\n", unnamed);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().message == "organisation.name: must not be empty");
    CsvDefaults undated = defaults();
    undated.generated_at = "yesterday";
    result = parse_feed_csv("champion_id,name,month\n", undated);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().message.starts_with("generated_at: "));
}

TEST_CASE("csv: the reader counts physical lines") {
    podium::sync::CsvReader reader("a,\"b\r\nc\"\r\n\rd , \"e\"\"\" \n", ',');
    podium::sync::CsvRecord record;
    auto more = reader.next(record);
    REQUIRE(more.ok());
    REQUIRE(more.value());
    CHECK(record.line == 1);
    CHECK(record.fields == std::vector<std::string>{"a", "b\r\nc"});
    more = reader.next(record);
    REQUIRE(more.value());
    CHECK(record.line == 3); // the blank line, a lone CR
    CHECK(record.fields == std::vector<std::string>{""});
    more = reader.next(record);
    REQUIRE(more.value());
    CHECK(record.line == 4);
    CHECK(record.fields == std::vector<std::string>{"d", "e\""});
    more = reader.next(record);
    REQUIRE(more.ok());
    CHECK_FALSE(more.value());
    CHECK(podium::sync::detect_delimiter("\n  \n\"a,b\";c,d\n") == ';');
    CHECK(podium::sync::detect_delimiter("a\nb;c") == ',');
}

TEST_CASE("csv: feed_to_csv writes every column, quoting only what needs it") {
    model::Feed feed;
    feed.champions.push_back(
        {"c-1", "Sanne \"Sam\" de Vries", "Tax, Legal", "", {true, false, true}});
    feed.champions.push_back({"c-2", "Zoë", " Audit", "https://x.example/a.jpg", {}});
    model::MonthlyFigures m{
        "c-1", {2026, 10}, {812, 14, 233, 15400, 97, 412, 3, 2, 1, 0, 5}, 1850007};
    feed.monthly.push_back(m);
    m.champion = "c-2";
    m.deal_value_cents = 1850050;
    feed.monthly.push_back(m);
    CHECK(feed_to_csv(feed) ==
          "champion_id,name,team,photo,consent_internal,consent_public,consent_photo,month,"
          "followers,updates,interactions,reach,clicks,profile_views,leads,proposals,deals,"
          "deal_value,applicants,hires\n"
          "c-1,\"Sanne \"\"Sam\"\" de Vries\",\"Tax, Legal\",,true,false,true,2026-10,812,14,233,"
          "15400,97,412,3,2,1,18500.07,0,5\n"
          "c-2,Zoë,\" Audit\",https://x.example/a.jpg,true,false,false,2026-10,812,14,233,15400,"
          "97,412,3,2,1,18500.50,0,5\n");
    feed.generated_at = kGeneratedAt;
    feed.organisation = defaults().organisation;
    CHECK(parse_ok(feed_to_csv(feed)) == feed);
}

TEST_CASE("csv: round trip of the demo feed's champions and figures") {
    model::Feed feed = podium::sync::generate_demo_feed();
    feed.successes.clear();
    feed.investment.clear();
    feed.organisation = defaults().organisation;
    feed.generated_at = kGeneratedAt;
    const std::string csv = feed_to_csv(feed);
    const model::Feed back = parse_ok(csv);
    CHECK(back.champions == feed.champions);
    CHECK(back.monthly == feed.monthly);
    CHECK(back == feed);
    CHECK(feed_to_csv(back) == csv);
}

TEST_CASE("csv: 10,000 champions over 24 months") {
    constexpr int kChampions = 10'000;
    constexpr int kMonths = 24;
    std::string csv = "champion_id;name;team;consent_public;month;followers;reach;deal_value\r\n";
    csv.reserve(static_cast<std::size_t>(kChampions) * kMonths * 64);
    for (int month = 0; month < kMonths; ++month) {
        const std::string ym =
            model::format_year_month(model::YearMonth{2025 + month / 12, 1 + month % 12});
        for (int c = 0; c < kChampions; ++c) {
            const std::string id = std::to_string(c);
            csv += "c-" + id + ";\"Champion " + id + "\";Team " + std::to_string(c % 7) + ";" +
                   (month % 2 ? "ja" : "nee") + ";" + ym + ";" + std::to_string(c + month) +
                   ";1.234.567;" + std::to_string(month) + ".500,25\r\n";
        }
    }
    const model::Feed feed = parse_ok(csv);
    REQUIRE(feed.champions.size() == kChampions);
    REQUIRE(feed.monthly.size() == static_cast<std::size_t>(kChampions) * kMonths);
    CHECK(feed.champions[9'999].id == "c-9999");
    CHECK(feed.champions[1].consent.is_public); // month 23 is odd: "ja"
    const model::MonthlyFigures& last = feed.monthly.back();
    CHECK(last.champion == "c-9999");
    CHECK(last.month == model::YearMonth{2026, 12});
    CHECK(last.get(model::Metric::followers) == 9'999 + 23);
    CHECK(last.get(model::Metric::reach) == 1'234'567);
    CHECK(last.deal_value_cents == 2'350'025); // "23.500,25"
}
