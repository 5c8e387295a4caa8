// Layout invariants every slide must keep at every size: inside the safe area, no text below the
// minimum size, no overlapping text, every text run as wide as the font says.
#pragma once

#include "../../support/fixtures.hpp"

#include <doctest/doctest.h>

#include <algorithm>

namespace podium::test {

inline scene::Box bounds(const scene::Item& item) {
    using namespace scene;
    return std::visit(
        [](const auto& it) -> Box {
            using T = std::decay_t<decltype(it)>;
            if constexpr (std::is_same_v<T, CircleItem>)
                return {it.center.x - it.radius, it.center.y - it.radius, 2 * it.radius, 2 * it.radius};
            else if constexpr (std::is_same_v<T, TriangleItem>) {
                const float x0 = std::min({it.a.x, it.b.x, it.c.x}), y0 = std::min({it.a.y, it.b.y, it.c.y});
                const float x1 = std::max({it.a.x, it.b.x, it.c.x}), y1 = std::max({it.a.y, it.b.y, it.c.y});
                return {x0, y0, x1 - x0, y1 - y0};
            } else if constexpr (std::is_same_v<T, LineItem>) {
                float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
                for (const auto& p : it.points)
                    x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
                const float t = it.thickness / 2;
                return {x0 - t, y0 - t, x1 - x0 + 2 * t, y1 - y0 + 2 * t};
            } else {
                return it.box;
            }
        },
        item);
}

inline void check_layout(const scene::DisplayList& dl) {
    REQUIRE(!dl.items.empty());
    // The first item is the full-screen background; everything after it stays in the safe area.
    for (std::size_t i = 1; i < dl.items.size(); ++i) {
        const auto b = bounds(dl.items[i]);
        INFO("item " << i << " at " << b.x << "," << b.y << " " << b.w << "x" << b.h);
        CHECK(dl.safe_area.contains(b, 1.0f));
    }
    const auto texts = dl.texts();
    for (const auto* t : texts) {
        INFO("text '" << t->text << "' size " << t->size);
        CHECK(t->size >= dl.min_text_size - 0.01f);
        CHECK(!t->text.empty());
        CHECK(metrics().width(t->face, t->size, t->text) <= t->box.w + 0.5f);
    }
    for (std::size_t i = 0; i < texts.size(); ++i)
        for (std::size_t j = i + 1; j < texts.size(); ++j) {
            INFO("'" << texts[i]->text << "' and '" << texts[j]->text << "'");
            CHECK_FALSE(texts[i]->box.overlaps(texts[j]->box, 1.0f));
        }
}

inline bool has_text(const scene::DisplayList& dl, std::string_view needle) {
    for (const auto* t : dl.texts())
        if (t->text.find(needle) != std::string::npos) return true;
    return false;
}

} // namespace podium::test
