// The JSON container of feed-format.md version 1: reading a document into the model (all or
// nothing) and writing the model back as a canonical document.
#pragma once

#include "sync/model/feed.hpp"
#include "sync/model/result.hpp"

#include <string>
#include <string_view>

namespace podium::sync {

// Reads a version-1 JSON feed and checks every rule (validate_feed included). Any broken rule
// rejects the whole feed with one message that names the place:
//   `JSON syntax error at line 3, column 7: ...`
//   `version: unsupported feed version 2; this Podium understands version 1`
//   `monthly[0].deals: expected an integer ≥ 0, got "3"`
// Shape errors (missing fields, wrong types, malformed months and dates, format and version) are
// found first, then the rules validate_feed checks; each pass goes item by item in document order.
// Unknown fields are ignored; null for an optional field means "not given" (its default).
podium::Result<model::Feed> parse_feed_json(std::string_view text);

// Writes the feed as a version-1 document: 2-space indent, the spec's field order, UTF-8 (not
// \u escapes), a final newline. Deterministic (the same feed gives the same bytes) and exact:
// for every feed that validate_feed accepts, parse_feed_json(feed_to_json(f)) == f.
// Amounts look as people write them: deal_value 1850000 cents -> 18500, 1850050 -> 18500.5,
// 1850007 -> 18500.07; whole hours, costs and values are written without ".0".
std::string feed_to_json(const model::Feed& feed);

} // namespace podium::sync
