// A realistic demo feed, generated in code: what the screens show before a real source is set up,
// and a stable fixture for tests and screenshots.
#pragma once

#include "sync/model/feed.hpp"

namespace podium::sync {

// A fictitious Dutch advisory firm (about 420 staff) whose social business programme grows from
// 12 to 40 champions in five teams over 14 months (2025-09 .. 2026-10), with monthly figures,
// about 30 success stories and the monthly investment.
// Deterministic: the same feed on every call, compiler, standard library and platform (own PRNG,
// integer arithmetic only), so it can back golden screenshots.
model::Feed generate_demo_feed();

} // namespace podium::sync
