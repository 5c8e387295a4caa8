// Shared test fixtures: the bundled fonts' metrics, the demo snapshot, small hand-made feeds.
#pragma once

#include "display/scene/slides.hpp"
#include "display/scene/text_measure.hpp"
#include "sync/model/snapshot.hpp"

#include <string>

namespace podium::test {

const scene::FontMetrics& metrics(); // from assets/fonts, loaded once
std::string source_path(const std::string& relative);
model::Snapshot demo_snapshot(); // the generated demo feed, marked as demo
// A champion with figures in `month` (interactions/deals/leads given), for hand-made feeds.
model::Champion champion(std::string id, std::string name, std::string team, model::Consent consent);
model::MonthlyFigures figures(std::string id, model::YearMonth month, std::int64_t interactions,
                              std::int64_t deals = 0, std::int64_t deal_value_cents = 0);
scene::SlideContext context(float w, float h, scene::Lang lang = scene::Lang::en);

} // namespace podium::test
