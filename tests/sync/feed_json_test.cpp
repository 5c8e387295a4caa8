// The JSON feed reader, validator and writer against feed-format.md version 1.
#include "sync/feed_json.hpp"
#include "sync/feed_validate.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <functional>
#include <string>

using podium::sync::feed_to_json;
using podium::sync::parse_feed_json;
using podium::sync::validate_feed;
namespace model = podium::model;

namespace {

// The example of feed-format.md, verbatim.
constexpr const char* kSpecExample = R"({
  "format": "podium-feed",
  "version": 1,
  "generated_at": "2026-11-01T08:00:00+01:00",
  "organisation": { "name": "Example Advisory", "headcount": 1200, "currency": "EUR",
                    "champion_goal_percent": 10 },
  "champions": [
    { "id": "c-017", "name": "Sanne de Vries", "team": "Tax",
      "photo": "photos/c-017.jpg",
      "consent": { "internal": true, "public": false, "photo": true } }
  ],
  "monthly": [
    { "champion": "c-017", "month": "2026-10",
      "followers": 812, "updates": 14, "interactions": 233, "reach": 15400, "clicks": 97,
      "profile_views": 412, "leads": 3, "proposals": 2, "deals": 1, "deal_value": 18500.00,
      "applicants": 0, "hires": 0 }
  ],
  "successes": [
    { "champion": "c-017", "date": "2026-10-14", "kind": "speaking",
      "title": "Invited to speak at a tax congress after a LinkedIn post",
      "story": "Optional longer text.", "value": 0 }
  ],
  "investment": [ { "month": "2026-10", "hours": 160, "cost": 12000 } ]
})";

// The message parse_feed_json gives, or "accepted".
std::string error_of(const std::string& text) {
    auto result = parse_feed_json(text);
    return result ? "accepted" : result.error().message;
}

// The spec's example changed by `edit`, then parsed: the message, or "accepted".
std::string error_after(const std::function<void(nlohmann::json&)>& edit) {
    nlohmann::json doc = nlohmann::json::parse(kSpecExample);
    edit(doc);
    return error_of(doc.dump());
}

// Sets the value at a JSON pointer ("/monthly/0/deals") to `value_json`, parsed.
std::string error_with(const char* pointer, const char* value_json) {
    return error_after([&](nlohmann::json& doc) {
        doc[nlohmann::json::json_pointer(pointer)] = nlohmann::json::parse(value_json);
    });
}

model::Feed parse_ok(const std::string& text) {
    auto result = parse_feed_json(text);
    INFO((result ? std::string() : result.error().message));
    REQUIRE(result.ok());
    return std::move(result).value();
}

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

TEST_CASE("organisation and generated_at rules") {
    check_cases({
        {"/generated_at", R"("2026-11-01T08:00:00")",
         R"(generated_at: expected an RFC 3339 date-time with offset such as "2026-11-01T08:00:00+01:00", got "2026-11-01T08:00:00")"},
        {"/generated_at", R"("yesterday")", "generated_at: expected an RFC 3339"},
        {"/generated_at", "20261101", "generated_at: expected a string, got 20261101"},
        {"/organisation", "[]", "organisation: expected an object, got an array"},
        {"/organisation/name", R"("")", "organisation.name: must not be empty"},
        {"/organisation/name", "null", "organisation.name: expected a string, got null"},
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
        {"/monthly/0/hires", "1e20", "monthly[0].hires: too large for a count, got 1e+20"},
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
