// The JSON feed's rules against feed-format.md version 1, field by field, as parse_feed_json
// reports them; and validate_feed, for feeds from other readers.
#include "feed_json_support.hpp"
#include "sync/feed_json.hpp"
#include "sync/feed_validate.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <initializer_list>
#include <string>

using namespace podium::test::feed_json_support;
using podium::sync::validate_feed;
namespace model = podium::model;

namespace {

struct Case {
    const char* pointer;
    const char* value;   // JSON
    const char* message; // expected in full, or as a part naming the place
};

void check_cases(std::initializer_list<Case> cases) {
    for (const Case& c : cases) {
        const std::string error = error_with(c.pointer, c.value);
        INFO("set ", c.pointer, " to ", c.value, " -> ", error);
        CHECK(error.find(c.message) != std::string::npos);
    }
}

} // namespace

TEST_CASE("organisation and generated_at rules") {
    check_cases({
        {"/generated_at", R"("2026-11-01T08:00:00")",
         R"(generated_at: expected an RFC 3339 date-time with offset such as "2026-11-01T08:00:00+01:00", got "2026-11-01T08:00:00")"},
        {"/generated_at", R"("yesterday")", "generated_at: expected an RFC 3339"},
        {"/generated_at", "20261101", "generated_at: expected a string, got 20261101"},
        {"/organisation", "[]", "organisation: expected an object, got an array"},
        {"/organisation/name", R"("")", "organisation.name: must not be empty"},
        {"/organisation/name", "3", "organisation.name: expected a string, got 3"},
        {"/organisation/headcount", "-1",
         "organisation.headcount: expected an integer ≥ 0, got -1"},
        {"/organisation/headcount", "12.5",
         "organisation.headcount: expected an integer ≥ 0, got 12.5"},
        {"/organisation/currency", R"("eur")",
         R"(organisation.currency: expected a 3-letter ISO 4217 code such as "EUR", got "eur")"},
        {"/organisation/currency", R"("EURO")", "organisation.currency: expected a 3-letter"},
        {"/organisation/champion_goal_percent", "101",
         "organisation.champion_goal_percent: expected a number from 0 to 100, got 101"},
        {"/organisation/champion_goal_percent", "-0.5",
         "champion_goal_percent: expected a number from 0 to 100"},
        {"/organisation/champion_goal_percent", R"("10")",
         R"(organisation.champion_goal_percent: expected a number from 0 to 100, got "10")"},
    });
    SUBCASE("missing organisation") {
        CHECK(error_after([](nlohmann::json& d) { d.erase("organisation"); }) ==
              "organisation: required field is missing");
    }
    SUBCASE("lengths count characters, not bytes") {
        CHECK(error_with("/organisation/name", ("\"" + std::string(201, 'a') + "\"").c_str()) ==
              "organisation.name: too long (201 characters; at most 200)");
        std::string greek; // 200 two-byte characters: 400 bytes, still fine
        for (int i = 0; i < 200; ++i)
            greek += "Ω";
        CHECK(error_with("/organisation/name", ("\"" + greek + "\"").c_str()) == "accepted");
    }
}

TEST_CASE("champion rules") {
    check_cases({
        {"/champions", "{}", "champions: expected an array, got an object"},
        {"/champions/0", R"("c-017")", R"(champions[0]: expected an object, got "c-017")"},
        {"/champions/0/id", R"("")", "champions[0].id: must not be empty"},
        {"/champions/0/id", "17", "champions[0].id: expected a string, got 17"},
        {"/champions/0/name", R"("Sanne\u0007")",
         "champions[0].name: control character U+0007 at character 6"},
        {"/champions/0/name", R"("Sanne\nde Vries")",
         "champions[0].name: control character U+000A"},
        {"/champions/0/name", R"("\u0000")", "champions[0].name: control character U+0000"},
        {"/champions/0/name", R"("a\u007fb")", "champions[0].name: control character U+007F"},
        {"/champions/0/name", R"("a\u0085b")", "champions[0].name: control character U+0085"},
        {"/champions/0/team", ("\"" + std::string(101, 't') + "\"").c_str(),
         "champions[0].team: too long (101 characters; at most 100)"},
        {"/champions/0/photo", R"("/etc/passwd")",
         R"(champions[0].photo: expected a path relative to the feed's location, not an absolute path, got "/etc/passwd")"},
        {"/champions/0/photo", R"("C:\\photos\\a.jpg")",
         "champions[0].photo: expected a path relative"},
        {"/champions/0/photo", R"("\\\\server\\share\\a.jpg")",
         "champions[0].photo: expected a path relative"},
        {"/champions/0/photo", R"("../secret.jpg")", R"(champions[0].photo: ".." is not allowed)"},
        {"/champions/0/photo", R"("photos/../../x.jpg")",
         R"(champions[0].photo: ".." is not allowed)"},
        {"/champions/0/photo", R"("photos/%2E%2E/x.jpg")",
         R"(champions[0].photo: ".." is not allowed)"},
        {"/champions/0/photo", R"("file:///etc/passwd")",
         "champions[0].photo: expected an http(s) URL"},
        {"/champions/0/photo", R"("ftp://host/a.jpg")", "other URL schemes are not supported"},
        {"/champions/0/photo", R"("https://")", "champions[0].photo: expected a host name"},
        {"/champions/0/consent", "true", "champions[0].consent: expected an object, got true"},
        {"/champions/0/consent/internal", R"("yes")",
         R"(champions[0].consent.internal: expected true or false, got "yes")"},
        {"/champions/0/consent/public", "1",
         "champions[0].consent.public: expected true or false, got 1"},
    });
    SUBCASE("id is required and at most 64 characters") {
        CHECK(error_after([](nlohmann::json& d) { d["champions"][0].erase("id"); }) ==
              "champions[0].id: required field is missing");
        CHECK(error_with("/champions/0/id", ("\"" + std::string(65, 'x') + "\"").c_str()) ==
              "champions[0].id: too long (65 characters; at most 64)");
        const std::string id64(64, 'x');
        CHECK(error_after([&](nlohmann::json& d) {
                  d["champions"][0]["id"] = id64;
                  d["monthly"][0]["champion"] = id64;
                  d["successes"][0]["champion"] = id64;
              }) == "accepted");
    }
    SUBCASE("ids are unique") {
        const std::string error = error_after([](nlohmann::json& d) {
            d["champions"].push_back({{"id", "c-018"}, {"name", "Other"}});
            d["champions"].push_back({{"id", "c-017"}, {"name", "Copy"}});
        });
        CHECK(error == R"(champions[2].id: duplicate id "c-017" (first at champions[0]))");
    }
    SUBCASE("photos that are fine") {
        for (const char* photo : {R"("")", R"("photos/c-017.jpg")", R"("./c-017.jpg")",
                                  R"("HTTPS://intranet.example/p/c-017.jpg?size=big")",
                                  R"("http://intranet/c..jpg")", R"("a..b/c.jpg")"}) {
            INFO(photo);
            CHECK(error_with("/champions/0/photo", photo) == "accepted");
        }
    }
}

TEST_CASE("monthly rules") {
    check_cases({
        {"/monthly/0/month", R"("2026-13")",
         R"(monthly[0].month: expected YYYY-MM, got "2026-13")"},
        {"/monthly/0/month", R"("2026-1")", R"(monthly[0].month: expected YYYY-MM, got "2026-1")"},
        {"/monthly/0/month", "202610", "monthly[0].month: expected YYYY-MM, got 202610"},
        {"/monthly/0/champion", R"("c-099")",
         R"(monthly[0].champion: unknown champion "c-099" (not in the feed's champions))"},
        {"/monthly/0/deals", R"("3")", R"(monthly[0].deals: expected an integer ≥ 0, got "3")"},
        {"/monthly/0/deals", "3.5", "monthly[0].deals: expected an integer ≥ 0, got 3.5"},
        {"/monthly/0/followers", "-1", "monthly[0].followers: expected an integer ≥ 0, got -1"},
        {"/monthly/0/reach", "true", "monthly[0].reach: expected an integer ≥ 0, got true"},
        {"/monthly/0/hires", "1e20",
         "monthly[0].hires: too large (at most 1000000000000), got 1e+20"},
        {"/monthly/0/deal_value", "1.005",
         "monthly[0].deal_value: expected an amount ≥ 0 with at most 2 decimals, got 1.005"},
        {"/monthly/0/deal_value", "-1", "monthly[0].deal_value: expected an amount ≥ 0"},
        {"/monthly/0/deal_value", R"("18500")", "monthly[0].deal_value: expected an amount ≥ 0"},
        {"/monthly/0/deal_value", "1e12", "monthly[0].deal_value: too large"},
        {"/monthly", "null", "monthly: expected an array, got null"},
    });
    SUBCASE("month and champion are required") {
        CHECK(error_after([](nlohmann::json& d) { d["monthly"][0].erase("month"); }) ==
              "monthly[0].month: required field is missing");
        CHECK(error_after([](nlohmann::json& d) { d["monthly"][0].erase("champion"); }) ==
              "monthly[0].champion: required field is missing");
        CHECK(error_after([](nlohmann::json& d) { d.erase("monthly"); }) ==
              "monthly: required field is missing");
    }
    SUBCASE("(champion, month) is unique") {
        const std::string error = error_after([](nlohmann::json& d) {
            d["monthly"].push_back({{"champion", "c-017"}, {"month", "2026-09"}});
            d["monthly"].push_back({{"champion", "c-017"}, {"month", "2026-10"}});
        });
        CHECK(
            error ==
            R"(monthly[2].month: duplicate month "2026-10" for champion "c-017" (first at monthly[0]))");
    }
    SUBCASE("a whole float is a count") {
        const std::string text =
            nlohmann::json::parse(kSpecExample)
                .patch(nlohmann::json::parse(
                    R"([{"op": "replace", "path": "/monthly/0/deals", "value": 3.0}])"))
                .dump();
        CHECK(parse_ok(text).monthly[0].get(model::Metric::deals) == 3);
    }
}

TEST_CASE("success and investment rules") {
    check_cases({
        {"/successes/0/champion", R"("nobody")",
         R"(successes[0].champion: unknown champion "nobody")"},
        {"/successes/0/date", R"("2026-02-30")",
         R"(successes[0].date: expected YYYY-MM-DD, got "2026-02-30")"},
        {"/successes/0/kind", R"("award")",
         R"(successes[0].kind: expected one of lead, proposal, deal, hire, speaking, press, conversation, other; got "award")"},
        {"/successes/0/title", R"("")", "successes[0].title: must not be empty"},
        {"/successes/0/title", ("\"" + std::string(121, 'x') + "\"").c_str(),
         "successes[0].title: too long (121 characters; at most 120)"},
        {"/successes/0/story", ("\"" + std::string(1001, 'x') + "\"").c_str(),
         "successes[0].story: too long (1001 characters; at most 1000)"},
        {"/successes/0/story", R"("a\u0001b")", "successes[0].story: control character U+0001"},
        {"/successes/0/value", "-1", "successes[0].value: expected a number ≥ 0, got -1"},
        {"/successes/0/value", R"("5")", R"(successes[0].value: expected a number ≥ 0, got "5")"},
        {"/successes", "{}", "successes: expected an array, got an object"},
        {"/investment/0/month", R"("oct")", R"(investment[0].month: expected YYYY-MM, got "oct")"},
        {"/investment/0/hours", "-0.5", "investment[0].hours: expected a number ≥ 0, got -0.5"},
        {"/investment/0/cost", R"("12000")",
         R"(investment[0].cost: expected a number ≥ 0, got "12000")"},
    });
    SUBCASE("a story may have several lines; successes and investment may be left out") {
        CHECK(error_with("/successes/0/story", R"("First line.\r\nSecond,\tindented.")") ==
              "accepted");
        CHECK(error_after([](nlohmann::json& d) {
                  d.erase("successes");
                  d.erase("investment");
              }) == "accepted");
        CHECK(error_with("/successes", "null") == "accepted");
    }
    SUBCASE("one investment per month") {
        const std::string error = error_after([](nlohmann::json& d) {
            d["investment"].push_back({{"month", "2026-10"}, {"hours", 1}});
        });
        CHECK(error ==
              R"(investment[1].month: duplicate month "2026-10" (first at investment[0]))");
    }
}

TEST_CASE("names in any script are fine; broken text is not") {
    for (const char* name : {"Zoë Ñúñez-Ødegård", "Γιώργος Παπαδόπουλος", "Дмитрий Иванов",
                             "王小明", "Ahmed 😀 \u200D"}) {
        INFO(name);
        const std::string error =
            error_after([&](nlohmann::json& d) { d["champions"][0]["name"] = name; });
        CHECK(error == "accepted");
        std::string text(kSpecExample);
        text.replace(text.find("Sanne de Vries"), 14, name);
        CHECK(parse_ok(text).champions[0].name == name);
    }
    SUBCASE("invalid UTF-8 in the JSON text") {
        std::string text(kSpecExample);
        text.replace(text.find("Sanne"), 5, "Sa\xFFne");
        const std::string error = error_of(text);
        CHECK(error.find("JSON syntax error at line 8, column ") == 0);
        CHECK(error.find("ill-formed UTF-8") != std::string::npos);
        CHECK(podium::sync::is_valid_utf8_text(error, nullptr)); // the message itself is clean
    }
    SUBCASE("invalid UTF-8 in a key, where nlohmann says what it expected after the bytes") {
        // Found by the JSON fuzzer (tests/fuzz/regressions/feed_json/): the raw bytes came before
        // "; expected string literal" and went into the message unquoted.
        const std::string error = error_of("{\"format\":\"podium-feed\",\"ge\x9D" "erated_at\":1}");
        CHECK(error == "JSON syntax error at line 1, column 28: syntax error while parsing object "
                       "key - invalid string: ill-formed UTF-8 byte; last read: \"\\\"ge\\x9D\"; "
                       "expected string literal");
        CHECK(podium::sync::is_valid_utf8_text(error, nullptr));
    }
    SUBCASE("invalid UTF-8 from another reader, caught by validate_feed") {
        model::Feed feed = parse_ok(kSpecExample);
        for (const char* bad :
             {"Sa\xC3(nne", "\xC0\xAF", "\xED\xA0\x80", "abc\xE2\x82", "\xF4\x90\x80\x80"}) {
            feed.champions[0].name = bad;
            const auto valid = validate_feed(feed);
            REQUIRE_FALSE(valid.ok());
            CHECK(valid.error().message.find("champions[0].name: invalid UTF-8 at byte ") == 0);
        }
    }
}

TEST_CASE("validate_feed checks what other readers could get wrong") {
    const model::Feed good = parse_ok(kSpecExample);
    REQUIRE(validate_feed(good).ok());
    const auto error_of_feed = [](const model::Feed& feed) {
        const auto valid = validate_feed(feed);
        return valid ? std::string("accepted") : valid.error().message;
    };
    model::Feed feed = good;
    feed.monthly[0].month = {2026, 13};
    CHECK(error_of_feed(feed) == R"(monthly[0].month: expected YYYY-MM, got "2026-13")");
    feed = good;
    feed.monthly[0].deal_value_cents = -150;
    CHECK(error_of_feed(feed) ==
          "monthly[0].deal_value: expected an amount from 0 to 100000000000, got -1.50");
    feed = good;
    feed.investment[0].hours = std::nan("");
    CHECK(error_of_feed(feed) == "investment[0].hours: expected a number ≥ 0, got NaN");
    feed = good;
    feed.successes[0].date = {2025, 2, 29};
    CHECK(error_of_feed(feed) == R"(successes[0].date: expected YYYY-MM-DD, got "2025-02-29")");
    feed = good;
    feed.organisation.headcount = -3;
    CHECK(error_of_feed(feed) == "organisation.headcount: expected an integer ≥ 0, got -3");
    feed = good;
    feed.champions[0].name = "";
    feed.monthly[0].champion = "nobody"; // the first error in document order wins
    CHECK(error_of_feed(feed) == "champions[0].name: must not be empty");
}
