#include "fixtures.hpp"

#include "sync/demo_feed.hpp"

#include <fstream>
#include <iterator>
#include <memory>

namespace podium::test {

std::string source_path(const std::string& relative) { return std::string(PODIUM_SOURCE_DIR) + "/" + relative; }

const scene::FontMetrics& metrics() {
    static const auto m = [] {
        std::array<std::vector<unsigned char>, scene::kFontFaceCount> fonts;
        const char* files[] = {"Inter-Regular.otf", "Inter-SemiBold.otf", "Inter-Bold.otf"};
        for (std::size_t i = 0; i < fonts.size(); ++i) {
            std::ifstream in(source_path(std::string("assets/fonts/") + files[i]), std::ios::binary);
            fonts[i].assign(std::istreambuf_iterator<char>(in), {});
        }
        return std::make_unique<scene::FontMetrics>(std::move(fonts));
    }();
    return *m;
}

model::Snapshot demo_snapshot() {
    model::Snapshot s;
    s.feed = sync::generate_demo_feed();
    s.meta = {1, true, "demo", "2026-11-01T07:00:00Z", ""};
    return s;
}

model::Champion champion(std::string id, std::string name, std::string team, model::Consent consent) {
    return {std::move(id), std::move(name), std::move(team), "", consent};
}

model::MonthlyFigures figures(std::string id, model::YearMonth month, std::int64_t interactions,
                              std::int64_t deals, std::int64_t deal_value_cents) {
    model::MonthlyFigures m;
    m.champion = std::move(id);
    m.month = month;
    m.set(model::Metric::interactions, interactions);
    m.set(model::Metric::deals, deals);
    m.set(model::Metric::leads, deals * 3);
    m.set(model::Metric::reach, interactions * 40);
    m.deal_value_cents = deal_value_cents;
    return m;
}

scene::SlideContext context(float w, float h, scene::Lang lang) {
    scene::SlideContext ctx;
    ctx.width = w;
    ctx.height = h;
    ctx.lang = lang;
    ctx.now = {2026, 11, 25, 10, 0};
    return ctx;
}

} // namespace podium::test
