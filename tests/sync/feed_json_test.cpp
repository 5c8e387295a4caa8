// The JSON feed reader and writer against feed-format.md version 1: the spec's example, defaults,
// format and syntax errors, amounts as exact cents, and the round trip. The per-field rules are in
// feed_validate_test.cpp.
#include "feed_json_support.hpp"
#include "sync/feed_json.hpp"
#include "sync/feed_validate.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

using namespace podium::test::feed_json_support;
using podium::sync::feed_to_json;
using podium::sync::parse_feed_json;
using podium::sync::validate_feed;
namespace model = podium::model;

TEST_CASE("the spec's example parses with the right values") {
    const model::Feed feed = parse_ok(kSpecExample);
    CHECK(feed.generated_at == "2026-11-01T08:00:00+01:00");
    CHECK(feed.organisation.name == "Example Advisory");
    CHECK(feed.organisation.headcount == 1200);
    CHECK(feed.organisation.currency == "EUR");
    CHECK(feed.organisation.champion_goal_percent == 10.0);

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
    CHECK(m.get(model::Metric::followers) == 812);
    CHECK(m.get(model::Metric::reach) == 15400);
    CHECK(m.get(model::Metric::profile_views) == 412);
    CHECK(m.get(model::Metric::deals) == 1);
    CHECK(m.get(model::Metric::hires) == 0);
    CHECK(m.deal_value_cents == 1850000);

    REQUIRE(feed.successes.size() == 1);
    CHECK(feed.successes[0].date == model::Date{2026, 10, 14});
    CHECK(feed.successes[0].kind == "speaking");
    CHECK(feed.successes[0].story == "Optional longer text.");
    REQUIRE(feed.investment.size() == 1);
    CHECK(feed.investment[0].month == model::YearMonth{2026, 10});
    CHECK(feed.investment[0].hours == 160.0);
    CHECK(feed.investment[0].cost == 12000.0);
}

TEST_CASE("optional fields take the spec's defaults") {
    const model::Feed feed = parse_ok(R"({"format": "podium-feed", "version": 1,
        "generated_at": "2026-11-01T07:00:00Z", "organisation": {"name": "X"},
        "champions": [{"id": "a", "name": "A"}, {"id": "b", "name": "B", "consent": {},
                       "team": null}],
        "monthly": [{"champion": "a", "month": "2026-10"}]})");
    CHECK_FALSE(feed.organisation.headcount.has_value());
    CHECK(feed.organisation.currency == "EUR");
    CHECK(feed.organisation.champion_goal_percent == 10.0);
    for (const model::Champion& c : feed.champions) {
        CHECK(c.consent.internal);
        CHECK_FALSE(c.consent.is_public);
        CHECK_FALSE(c.consent.photo);
        CHECK(c.team.empty());
        CHECK(c.photo.empty());
    }
    CHECK(feed.monthly[0] == model::MonthlyFigures{"a", {2026, 10}, {}, 0});
    CHECK(feed.successes.empty());
    CHECK(feed.investment.empty());
}

TEST_CASE("unknown fields are ignored") {
    const std::string error = error_after([](nlohmann::json& doc) {
        doc["comment"] = "exported by Figures 4.2";
        doc["organisation"]["logo"] = {{"url", "logo.png"}};
        doc["champions"][0]["linkedin"] = "https://www.linkedin.com/in/sanne";
        doc["champions"][0]["consent"]["newsletter"] = true;
        doc["monthly"][0]["impressions"] = "many";
    });
    CHECK(error == "accepted");
}

// The reader keeps no document tree: it takes each field as the parser meets it. These are the
// places where that could differ from reading a whole document.
TEST_CASE("keys given twice, nested unknowns, and elements that are not objects") {
    const std::string head = R"({"format": "podium-feed", "version": 1,
        "generated_at": "2026-11-01T07:00:00Z", "organisation": {"name": "X"},
        "champions": [{"id": "a", "name": "A"}], )";
    SUBCASE("a field given twice counts the last time, also when the first was broken") {
        const model::Feed feed = parse_ok(head + R"("monthly": [{"champion": "a",
            "month": "2026-10", "deals": "three", "deals": 3, "month": "2026-09"}]})");
        CHECK(feed.monthly[0].month == model::YearMonth{2026, 9});
        CHECK(feed.monthly[0].get(model::Metric::deals) == 3);
        CHECK(error_of(head + R"("monthly": [{"champion": "a", "month": "2026-10",
            "deals": 3, "deals": -1}]})") == "monthly[0].deals: expected an integer ≥ 0, got -1");
    }
    SUBCASE("a list given twice counts the last time") {
        const model::Feed feed = parse_ok(head + R"("monthly": [{"champion": "a", "month": "2026-10"},
            {"champion": "a", "month": "2026-11"}], "monthly": [{"champion": "a", "month": "2026-08"}]})");
        REQUIRE(feed.monthly.size() == 1);
        CHECK(feed.monthly[0].month == model::YearMonth{2026, 8});
        CHECK(error_of(head + R"("monthly": [{"champion": "a", "month": "2026-10"}], "monthly": null})") ==
              "monthly: expected an array, got null");
        CHECK(parse_ok(head + R"("monthly": [{"champion": "a", "month": "2026-13"}],
            "monthly": []})").monthly.empty());
    }
    SUBCASE("consent given twice: the last object, with the defaults for what it leaves out") {
        const model::Feed feed = parse_ok(R"({"format": "podium-feed", "version": 1,
            "generated_at": "2026-11-01T07:00:00Z", "organisation": {"name": "X"},
            "champions": [{"id": "a", "name": "A", "consent": {"internal": false, "photo": true},
                           "consent": {"public": true}},
                          {"id": "b", "name": "B"}], "monthly": []})");
        CHECK(feed.champions[0].consent == model::Consent{true, true, false});
        CHECK(feed.champions[1].consent == model::Consent{}); // nothing left over from "a"
    }
    SUBCASE("unknown fields may hold anything, known names inside them included") {
        const model::Feed feed = parse_ok(head + R"("monthly": [{"champion": "a", "month": "2026-10",
            "extra": {"deals": "bad", "champion": 7, "list": [1, {"month": null}, [[]]]},
            "deals": 2}], "notes": [{"champion": "nobody"}]})");
        CHECK(feed.monthly[0].get(model::Metric::deals) == 2);
    }
    SUBCASE("an unknown field nested a million deep is skipped, both ways of reading") {
        std::string nested;
        nested.reserve(3'000'000);
        for (int i = 0; i < 500'000; ++i) nested += "[";
        for (int i = 0; i < 500'000; ++i) nested += "{\"k\":";
        nested += "1";
        for (int i = 0; i < 500'000; ++i) nested += "}";
        for (int i = 0; i < 500'000; ++i) nested += "]";
        CHECK(parse_ok(head + R"("extra": )" + nested + R"(, "monthly": []})").champions.size() == 1);
        // With an escape, nlohmann's parser reads it; the same events.
        CHECK(parse_ok(head + R"("x": "\n", "extra": )" + nested + R"(, "monthly": []})").champions.size() == 1);
        CHECK(error_of(head + R"("monthly": [{"champion": "a", "month": "2026-10", "deals": )" + nested +
                       "}]}") == "monthly[0].deals: expected an integer ≥ 0, got an array");
    }
    SUBCASE("a field that holds a container is named by its kind") {
        CHECK(error_of(head + R"("monthly": [{"champion": "a", "month": "2026-10",
            "deals": {"n": 3}}]})") == "monthly[0].deals: expected an integer ≥ 0, got an object");
        CHECK(error_of(head + R"("monthly": [{"champion": ["a"], "month": "2026-10"}]})") ==
              "monthly[0].champion: expected a string, got an array");
    }
    SUBCASE("an element that is not an object is named by its index; the first broken one counts") {
        CHECK(error_of(head + R"("monthly": [{"champion": "a", "month": "2026-10"}, 12.5,
            {"champion": "a"}]})") == "monthly[1]: expected an object, got 12.5");
        CHECK(error_of(head + R"("monthly": [{"champion": "a", "month": "2026-10"},
            {"champion": "a"}, [1]]})") == "monthly[1].month: required field is missing");
        CHECK(error_of(head + R"("monthly": [[{"champion": "a"}]]})") ==
              "monthly[0]: expected an object, got an array");
    }
}

// parse_feed_json reads the usual document with a fast scanner of its own and anything else (here:
// an escape in a string) again with nlohmann's parser: both must read every value the same way.
TEST_CASE("the fast reading and nlohmann's agree on numbers, text and errors") {
    const auto both = [](const std::string& body) {
        const std::string head = R"({"format": "podium-feed", "version": 1,
            "generated_at": "2026-11-01T07:00:00Z", "organisation": {"name": "X"}, )";
        const std::string plain = head + body + "}";
        const std::string escaped = head + R"("note": "\u0041\n", )" + body + "}"; // nlohmann's
        auto a = parse_feed_json(plain), b = parse_feed_json(escaped);
        CAPTURE(body);
        REQUIRE(a.ok() == b.ok());
        if (a.ok()) CHECK(a.value() == b.value());
        else CHECK(a.error().message == b.error().message); // a shape or value error: no column
        return a.ok() ? std::string("accepted") : a.error().message;
    };
    const std::string champion = "\"champions\": [{\"id\": \"a\", \"name\": \"Zoë 王 😀\", \"raw\": \"~\x7f\"}], ";
    for (const char* deal_value : {"18500", "18500.07", "1e2", "1E+2", "0.1e1", "-0", "0", "3.0",
                                   "18500.005", "-1", "1e400", "1e-400", "123456789012345678901",
                                   "-9223372036854775809", "18446744073709551615"}) {
        both(champion + R"("monthly": [{"champion": "a", "month": "2026-10", "deals": 3, "deal_value": )" +
             deal_value + "}]");
    }
    for (const char* deals : {"3", "-3", "3.5", "9007199254740993", "18446744073709551616", "true", "null",
                              "\"3\"", "[]", "{}"})
        both(champion + R"("monthly": [{"champion": "a", "month": "2026-10", "deals": )" + std::string(deals) + "}]");
    CHECK(both(champion + R"("monthly": [])") == "accepted");
    // Text nlohmann rejects: the fast reading gives up, and the message is nlohmann's.
    CHECK(error_of("{\"format\": \"podium-feed\", \"version\": 1, \"x\": \"a\xC0\xAF\"}").find(
              "JSON syntax error at line 1, column ") == 0);
    CHECK(error_of("{\"format\": \"podium-feed\", \"version\": 1, \"x\": \"tab\there\"}").find(
              "JSON syntax error at line 1, column ") == 0);
    CHECK(error_of(R"({"format": "podium-feed", "version": 01})").find("JSON syntax error at line 1") == 0);
    CHECK(error_of(R"({"format": "podium-feed", "version": 1,})").find("JSON syntax error at line 1") == 0);
    CHECK(error_of(R"([1, 2,])").find("JSON syntax error at line 1") == 0);
}

TEST_CASE("format and version") {
    SUBCASE("another version says which one is understood") {
        CHECK(error_with("/version", "2") ==
              "version: unsupported feed version 2; this Podium understands version 1");
    }
    SUBCASE("wrong or missing format") {
        CHECK(error_with("/format", R"("podium")") ==
              R"(format: expected "podium-feed", got "podium")");
        CHECK(error_after([](nlohmann::json& d) { d.erase("format"); }) ==
              "format: required field is missing");
    }
    SUBCASE("version must be a number") {
        CHECK(error_with("/version", R"("1")") == R"(version: expected an integer, got "1")");
        CHECK(error_after([](nlohmann::json& d) { d.erase("version"); }) ==
              "version: required field is missing");
    }
    SUBCASE("1.0 is version 1") {
        CHECK(error_with("/version", "1.0") == "accepted");
    }
    SUBCASE("the version is checked before the rest of the shape") {
        CHECK(error_of(R"({"format": "podium-feed", "version": 2, "data": []})") ==
              "version: unsupported feed version 2; this Podium understands version 1");
    }
}

TEST_CASE("malformed JSON is rejected with its line and column") {
    SUBCASE("syntax error") {
        const std::string error = error_of("{\n  \"format\": \"podium-feed\",\n  \"version\" 1\n}");
        CHECK(error.find("JSON syntax error at line 3, column ") == 0);
    }
    SUBCASE("empty, truncated, trailing garbage") {
        CHECK(error_of("").find("JSON syntax error at line 1, column 1") == 0);
        CHECK(error_of(std::string(kSpecExample).substr(0, 300)).find("JSON syntax error") == 0);
        CHECK(error_of(std::string(kSpecExample) + " x").find("JSON syntax error") == 0);
    }
    SUBCASE("not an object") {
        CHECK(error_of("[1, 2]") == "expected a JSON object at the top level, got an array");
    }
    SUBCASE("a number no double holds") {
        CHECK(error_with("/organisation/headcount", "1") == "accepted");
        const std::string text =
            std::string(kSpecExample).replace(std::string(kSpecExample).find("1200"), 4, "1e400");
        CHECK(error_of(text).find("JSON error: number overflow") == 0);
    }
    SUBCASE("a byte-order mark is fine") {
        CHECK(error_of("\xEF\xBB\xBF" + std::string(kSpecExample)) == "accepted");
    }
}

TEST_CASE("deal_value becomes exact cents") {
    const auto cents_of = [](const std::string& amount) -> std::int64_t {
        std::string text(kSpecExample);
        text.replace(text.find("18500.00"), 8, amount);
        auto result = parse_feed_json(text);
        INFO(amount, " -> ", (result ? std::string() : result.error().message));
        REQUIRE(result.ok());
        return result.value().monthly[0].deal_value_cents;
    };
    CHECK(cents_of("18500.07") == 1850007);
    CHECK(cents_of("18500") == 1850000);
    CHECK(cents_of("18500.5") == 1850050);
    CHECK(cents_of("0.29") == 29);
    CHECK(cents_of("0.3") == 30);
    CHECK(cents_of("1.15") == 115);
    CHECK(cents_of("1e2") == 10000);
    CHECK(cents_of("99999999999.99") == 9999999999999);
    // Binary noise from a producer's arithmetic: 0.1 + 0.2, and 19.99 added up 1000 times.
    CHECK(cents_of("0.30000000000000004") == 30);
    CHECK(cents_of("19990.000000000135") == 1999000);
    SUBCASE("amounts with 2 decimals, across the range, in one feed") {
        nlohmann::json doc = nlohmann::json::parse(kSpecExample);
        std::vector<std::int64_t> expected;
        std::uint64_t state = 12345; // a fixed LCG: every digit pattern, every magnitude
        for (int i = 0; i < 3000; ++i) {
            state = state * 6364136223846793005u + 1442695040888963407u;
            const std::int64_t c =
                i < 1000 ? i
                         : static_cast<std::int64_t>(
                               (state >> 11) % (std::uint64_t{1} << (i % 44)) % 10'000'000'000'000);
            char amount[32];
            std::snprintf(amount, sizeof amount, "%lld.%02lld", static_cast<long long>(c / 100),
                          static_cast<long long>(c % 100));
            const std::string month = model::format_year_month({3000 + i / 12, i % 12 + 1});
            doc["monthly"].push_back({{"champion", "c-017"},
                                      {"month", month},
                                      {"deal_value", nlohmann::json::parse(amount)}});
            expected.push_back(c);
        }
        const model::Feed feed = parse_ok(doc.dump());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            INFO("monthly[", i + 1, "]");
            CHECK(feed.monthly[i + 1].deal_value_cents == expected[i]);
        }
    }
    SUBCASE("a third decimal is refused") {
        for (const char* amount : {"1.005", "12.345", "0.001", "18500.071", "99999999999.991"}) {
            std::string text(kSpecExample);
            text.replace(text.find("18500.00"), 8, amount);
            INFO(amount);
            CHECK(error_of(text).find("monthly[0].deal_value: expected an amount") == 0);
        }
    }
}

namespace {

// Everything the writer has to get right at once: several champions in several scripts, cents,
// fractions, absent and default fields.
model::Feed rich_feed() {
    model::Feed feed = parse_ok(kSpecExample);
    feed.organisation.headcount.reset();
    feed.organisation.currency = "CHF";
    feed.organisation.champion_goal_percent = 12.5;
    feed.champions.push_back(
        {"c-020", "Γιώργος \"Yorgos\" Παπαδόπουλος", "", "", {false, true, false}});
    feed.champions.push_back(
        {"c-021", "Дмитрий\\Иванов", "Audit", "https://cdn.example/d.png", {}});
    model::MonthlyFigures m{"c-020", {2026, 9}, {}, 1};
    for (std::size_t k = 0; k < model::kCountMetrics; ++k)
        m.counts[k] = static_cast<std::int64_t>(k * 1000 + 7);
    feed.monthly.push_back(m);
    m.month = {2026, 10};
    m.deal_value_cents = 1850007;
    feed.monthly.push_back(m);
    m.champion = "c-021";
    m.deal_value_cents = 9999999999999;
    feed.monthly.push_back(m);
    feed.successes.push_back(
        {"c-021", {2026, 2, 28}, "deal", "Won a tender", "Line one.\nLine two.", 1234.56});
    feed.investment.push_back({{2026, 9}, 7.25, 0.1});
    return feed;
}

} // namespace

TEST_CASE("writing: round trip and determinism") {
    for (const model::Feed& feed : {parse_ok(kSpecExample), rich_feed()}) {
        REQUIRE(validate_feed(feed).ok());
        const std::string text = feed_to_json(feed);
        CHECK(feed_to_json(feed) == text); // byte-identical every time
        const model::Feed again = parse_ok(text);
        CHECK(again == feed);
        CHECK(feed_to_json(again) == text);
    }
    SUBCASE("the spec's field order, natural numbers") {
        const std::string text = feed_to_json(rich_feed());
        CHECK(text.rfind("{\n  \"format\": \"podium-feed\",\n  \"version\": 1,\n  \"generated_at\"",
                         0) == 0);
        std::size_t last = 0;
        for (const char* key : {"\"organisation\"", "\"champions\"", "\"monthly\"", "\"successes\"",
                                "\"investment\""}) {
            const std::size_t at = text.find(key);
            CHECK(at > last);
            last = at;
        }
        CHECK(text.find(R"("deals": 1,
      "deal_value": 18500,
      "applicants")") != std::string::npos);
        CHECK(text.find(R"("deal_value": 18500.07,)") != std::string::npos);
        CHECK(text.find(R"("deal_value": 0.01,)") != std::string::npos);
        CHECK(text.find(R"("deal_value": 99999999999.99,)") != std::string::npos);
        CHECK(text.find(R"("hours": 7.25,)") != std::string::npos);
        CHECK(text.find(R"("cost": 12000)") != std::string::npos);
        CHECK(text.find("Παπαδόπουλος") != std::string::npos); // UTF-8, not \u escapes
        CHECK(text.back() == '\n');
    }
    SUBCASE("an empty feed keeps its lists") {
        model::Feed feed;
        feed.generated_at = "2026-11-01T08:00:00Z";
        feed.organisation.name = "Empty";
        const std::string text = feed_to_json(feed);
        CHECK(text.find(R"("champions": [],)") != std::string::npos);
        CHECK(parse_ok(text) == feed);
    }
}
