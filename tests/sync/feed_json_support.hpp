// Shared by the JSON feed tests: the example of feed-format.md and small ways to parse it, edited
// or not, into a feed or an error message.
#pragma once

#include "sync/feed_json.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <utility>

namespace podium::test::feed_json_support {

using podium::sync::parse_feed_json;

// The example of feed-format.md, verbatim.
inline constexpr const char* kSpecExample = R"({
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
inline std::string error_of(const std::string& text) {
    auto result = parse_feed_json(text);
    return result ? "accepted" : result.error().message;
}

// The spec's example changed by `edit`, then parsed: the message, or "accepted".
inline std::string error_after(const std::function<void(nlohmann::json&)>& edit) {
    nlohmann::json doc = nlohmann::json::parse(kSpecExample);
    edit(doc);
    return error_of(doc.dump());
}

// Sets the value at a JSON pointer ("/monthly/0/deals") to `value_json`, parsed.
inline std::string error_with(const char* pointer, const char* value_json) {
    return error_after([&](nlohmann::json& doc) {
        doc[nlohmann::json::json_pointer(pointer)] = nlohmann::json::parse(value_json);
    });
}

inline model::Feed parse_ok(const std::string& text) {
    auto result = parse_feed_json(text);
    INFO((result ? std::string() : result.error().message));
    REQUIRE(result.ok());
    return std::move(result).value();
}

} // namespace podium::test::feed_json_support
