// A slide's backdrop (a vertical gradient over the whole slide, drawn first) is painted with clears
// of runs of rows, not as a quad: it must look the same as the quad would, row for row.
#include "../../support/headless_gl.hpp"

#include "display/render/image_cache.hpp"
#include "display/render/painter.hpp"

#include <doctest/doctest.h>

#include <cstdlib>

using namespace podium;

TEST_CASE("gradient_rows: each row the colour at its centre, in runs, top first") {
    const auto runs = render::gradient_rows({0, 0, 0, 255}, {255, 255, 255, 255}, 256);
    int rows = 0, previous = -1;
    for (const auto& run : runs) {
        CHECK(run.first == rows); // contiguous, from the top
        CHECK(run.count >= 1);
        CHECK(static_cast<int>(run.color.r) > previous); // brighter each run, never back
        CHECK(run.color.r == run.color.g);
        CHECK(run.color.a == 255);
        previous = run.color.r;
        rows += run.count;
    }
    CHECK(rows == 256);
    CHECK(runs.front().color.r == 0);   // 0.5 / 256 of the way: 0.498, rounded
    CHECK(runs.back().color.r == 255);  // 255.5 / 256 of the way: 254.5, rounded up

    // A gentle slide backdrop: a run per step of any channel at most (8 + 8 + 16 steps here),
    // whatever the height; one colour is one run.
    CHECK(render::gradient_rows({16, 24, 48, 255}, {24, 32, 64, 255}, 2160).size() <= 8 + 8 + 16 + 1);
    const auto flat = render::gradient_rows({10, 20, 30, 255}, {10, 20, 30, 255}, 1080);
    REQUIRE(flat.size() == 1);
    CHECK(flat[0].count == 1080);
    CHECK(render::gradient_rows({1, 2, 3, 255}, {4, 5, 6, 255}, 0).empty());
}

TEST_CASE("a slide's gradient backdrop looks the same painted as clears as it would as a quad") {
    constexpr int w = 96, h = 200;
    auto& gl = test::headless_gl();
    render::ImageCache images{[](const std::string&) {}};
    render::Painter painter(*gl.atlas, images);
    const scene::Color top{20, 40, 90, 255}, bottom{120, 10, 60, 255};
    const scene::RectItem marker{{10, 50, 20, 30}, {250, 250, 250, 255}};

    scene::DisplayList as_clears; // the backdrop first: painted as clears
    as_clears.width = w, as_clears.height = h;
    as_clears.items.emplace_back(scene::RectItem{{0, 0, w, h}, top, 0, bottom});
    as_clears.items.emplace_back(marker);
    scene::DisplayList as_quad = as_clears; // something under it: drawn as a quad, as before
    as_quad.items.insert(as_quad.items.begin(), scene::RectItem{{0, 0, 1, 1}, {0, 0, 0, 255}});

    render::RenderTarget a(w, h), b(w, h);
    painter.draw(as_clears, a);
    painter.draw(as_quad, b);
    const auto pa = a.read_rgba(), pb = b.read_rgba();
    int worst = 0;
    for (std::size_t i = 0; i < pa.size(); ++i) worst = std::max(worst, std::abs(pa[i] - pb[i]));
    CHECK(worst <= 1); // rounding of the last bit at most
    // And it is the gradient: the top row near `top`, the bottom row near `bottom`, the marker on it.
    const auto px = [&](int x, int y, int c) { return static_cast<int>(pa[(static_cast<std::size_t>(y) * w + x) * 4 + c]); };
    CHECK(std::abs(px(50, 0, 0) - 20) <= 1);
    CHECK(std::abs(px(50, h - 1, 0) - 120) <= 1);
    CHECK(std::abs(px(50, h / 2, 2) - 75) <= 1);
    CHECK(px(15, 60, 0) == 250);
}
