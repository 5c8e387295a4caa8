// One limit per number and one rule for required text, the same in JSON and CSV (the shared
// database's cases are in db_feed_test.cpp): a value at the limit is accepted, one beyond it is
// refused naming the place; text of nothing but white space is as empty as "".
#include "feed_json_support.hpp"
#include "sync/feed_csv.hpp"
#include "sync/feed_validate.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>

using namespace podium::test::feed_json_support;
namespace model = podium::model;
namespace psync = podium::sync;

namespace {

struct Case {
    const char* pointer;
    std::string value; // JSON
    std::string error; // in full, or "accepted"
};

void check_json(const Case& c) {
    CAPTURE(c.pointer);
    CAPTURE(c.value);
    CHECK(error_with(c.pointer, c.value.c_str()) == c.error);
}

const std::string kCount = std::to_string(model::kMaxCount);         // 1000000000000
const std::string kCountPlus = std::to_string(model::kMaxCount + 1); // 1000000000001
const std::string kMoney = std::to_string(model::kMaxMoney);         // 100000000000
const std::string kHours = std::to_string(model::kMaxHours);         // 1000000000

psync::CsvDefaults csv_defaults(std::string organisation_name = "Example Advisory") {
    psync::CsvDefaults d;
    d.organisation.name = std::move(organisation_name);
    d.generated_at = "2026-11-25T10:00:00Z";
    return d;
}

std::string csv_error(const std::string& text, const psync::CsvDefaults& d = csv_defaults()) {
    auto result = psync::parse_feed_csv(text, d);
    return result ? "accepted" : result.error().message;
}

} // namespace

TEST_CASE("limits: JSON takes each number up to its limit and names the place beyond it") {
    const std::string too_large_count = "too large (at most " + kCount + "), got ";
    const Case cases[] = {
        {"/monthly/0/reach", kCount, "accepted"},
        {"/monthly/0/reach", kCountPlus, "monthly[0].reach: " + too_large_count + kCountPlus},
        // 2^62 was taken as a count: a sum of two such turned the slide's figure negative.
        {"/monthly/0/followers", "4611686018427387904",
         "monthly[0].followers: " + too_large_count + "4611686018427387904"},
        {"/monthly/0/hires", "9223372036854775807",
         "monthly[0].hires: " + too_large_count + "9223372036854775807"},
        {"/monthly/0/hires", "1e20", "monthly[0].hires: " + too_large_count + "1e+20"},
        {"/monthly/0/leads", "1000000000000.0", "accepted"},
        {"/organisation/headcount", kCount, "accepted"},
        {"/organisation/headcount", kCountPlus,
         "organisation.headcount: " + too_large_count + kCountPlus},
        {"/monthly/0/deal_value", kMoney, "accepted"},
        {"/monthly/0/deal_value", kMoney + ".01",
         "monthly[0].deal_value: too large (at most " + kMoney + "), got 100000000000.01"},
        {"/successes/0/value", kMoney, "accepted"},
        {"/successes/0/value", kMoney + ".5",
         "successes[0].value: too large (at most " + kMoney + "), got 100000000000.5"},
        {"/successes/0/value", "1e300",
         "successes[0].value: too large (at most " + kMoney + "), got 1e+300"},
        {"/investment/0/cost", kMoney, "accepted"},
        {"/investment/0/cost", "100000000001",
         "investment[0].cost: too large (at most " + kMoney + "), got 100000000001"},
        {"/investment/0/hours", kHours, "accepted"},
        {"/investment/0/hours", "1000000000.5",
         "investment[0].hours: too large (at most " + kHours + "), got 1000000000.5"},
        {"/investment/0/hours", "9.3e18",
         "investment[0].hours: too large (at most " + kHours + "), got 9.3e+18"},
    };
    for (const Case& c : cases)
        check_json(c);
}

TEST_CASE("limits: CSV takes each number up to its limit and names the place beyond it") {
    const std::string header = "champion_id,name,month,reach,deal_value\n";
    CHECK(csv_error(header + "c-1,Ann,2026-10," + kCount + "," + kMoney + ".00\n") == "accepted");
    const auto parsed = psync::parse_feed_csv(
        header + "c-1,Ann,2026-10," + kCount + "," + kMoney + "\n", csv_defaults());
    REQUIRE(parsed.ok());
    CHECK(parsed.value().monthly[0].get(model::Metric::reach) == model::kMaxCount);
    CHECK(parsed.value().monthly[0].deal_value_cents == model::kMaxDealValueCents);
    CHECK(csv_error(header + "c-1,Ann,2026-10," + kCountPlus + ",0\n") ==
          "line 2, column \"reach\": too large (at most " + kCount + "), got \"" + kCountPlus +
              "\"");
    // 2^53 was CSV's bound, 2^63 JSON's: now one limit for both.
    CHECK(csv_error(header + "c-1,Ann,2026-10,9007199254740992,0\n") ==
          "line 2, column \"reach\": too large (at most " + kCount + "), got \"9007199254740992\"");
    CHECK(csv_error(header + "c-1,Ann,2026-10,0,100000000000.01\n") ==
          "line 2, column \"deal_value\": too large (at most " + kMoney +
              "), got \"100000000000.01\"");
    // The headcount comes from the settings: the same limit, under the model's name.
    psync::CsvDefaults d = csv_defaults();
    d.organisation.headcount = model::kMaxCount;
    CHECK(csv_error(header, d) == "accepted");
    d.organisation.headcount = model::kMaxCount + 1;
    CHECK(csv_error(header, d) ==
          "organisation.headcount: too large (at most " + kCount + "), got " + kCountPlus);
}

TEST_CASE("required text: nothing but white space is as empty as \"\", in JSON and CSV") {
    for (const char* blank : {R"("   ")", R"("\t")", R"("\u00a0")", R"(" \u3000\u200b ")"}) {
        CAPTURE(blank);
        const std::string got = error_with("/champions/0/name", blank);
        // A tab is refused as a control character first; every other blank as empty.
        if (std::string(blank) == R"("\t")") {
            CHECK(got == "champions[0].name: control character U+0009 at character 1");
            continue;
        }
        CHECK(got == "champions[0].name: must not be empty");
        CHECK(error_with("/champions/0/id", blank) == "champions[0].id: must not be empty");
        CHECK(error_with("/successes/0/title", blank) == "successes[0].title: must not be empty");
        CHECK(error_with("/organisation/name", blank) == "organisation.name: must not be empty");
    }
    // Letters around blanks are a name; an optional text may be blank.
    CHECK(error_with("/champions/0/name", R"(" Ann\u00a0")") == "accepted");
    CHECK(error_with("/champions/0/team", R"("  ")") == "accepted");
    CHECK(error_with("/successes/0/story", R"("  ")") == "accepted");

    const std::string header = "champion_id,name,month\n";
    CHECK(csv_error(header + "c-1,\"   \",2026-10\n") ==
          "line 2, column \"name\": must not be empty");
    CHECK(csv_error(header + "c-1,\xC2\xA0,2026-10\n") ==
          "line 2, column \"name\": must not be empty");
    CHECK(csv_error(header + "c-1,Ann,2026-10\n", csv_defaults("\xE3\x80\x80")) ==
          "organisation.name: must not be empty");
}

TEST_CASE("the organisation's name is optional; given, it must not be empty") {
    // JSON: left out or null is no name, and the export writes none, so it reads back the same.
    for (const bool as_null : {false, true}) {
        nlohmann::json doc = nlohmann::json::parse(kSpecExample);
        if (as_null)
            doc["organisation"]["name"] = nullptr;
        else
            doc["organisation"].erase("name");
        const model::Feed feed = parse_ok(doc.dump());
        CHECK(feed.organisation.name.empty());
        const std::string exported = psync::feed_to_json(feed);
        CHECK(nlohmann::json::parse(exported)["organisation"].count("name") == 0);
        CHECK(parse_ok(exported) == feed);
    }
    CHECK(error_with("/organisation/name", R"("")") == "organisation.name: must not be empty");
    // CSV: a device without organisation.name reads the file.
    const auto csv =
        psync::parse_feed_csv("champion_id,name,month\nc-1,Ann,2026-10\n", csv_defaults(""));
    REQUIRE(csv.ok());
    CHECK(csv.value().organisation.name.empty());
    CHECK(csv.value().champions.at(0).name == "Ann");
}
