// Golden screenshots: each slide rendered headless through the real GL path at 1920x1080 from the
// demo data, compared with tests/golden/*.png with a tolerance. On a mismatch the actual image and
// a diff image (differing pixels in red) are written to the build's tests/output folder.
// PODIUM_UPDATE_GOLDEN=1 rewrites the golden files after a deliberate change of the look.
#include "../../support/fixtures.hpp"
#include "../../support/headless_gl.hpp"

#include "display/render/painter.hpp"
#include "display/render/png.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

using namespace podium;

namespace {

// The shared GL context and atlas, with this file's own photo cache and painter.
struct Headless {
    std::unique_ptr<render::ImageCache> images;
    std::unique_ptr<render::Painter> painter;
};

Headless& headless() {
    static Headless h = [] {
        Headless x;
        x.images = std::make_unique<render::ImageCache>([](const std::string&) {});
        x.painter = std::make_unique<render::Painter>(*test::headless_gl().atlas, *x.images);
        return x;
    }();
    return h;
}

render::Image render_slide(scene::SlideKind kind, scene::Audience audience, int w, int h) {
    auto& hl = headless();
    const auto snap = test::demo_snapshot();
    const auto view = scene::make_view(snap, audience, scene::PrivacySettings{}, scene::Lang::en);
    const auto list = scene::build_slide(kind, view, test::context(static_cast<float>(w), static_cast<float>(h)),
                                         test::metrics());
    render::RenderTarget target(w, h);
    hl.painter->draw(list, target);
    return {w, h, target.read_rgba()};
}

struct Diff {
    double mean = 0; // mean absolute difference per channel, 0..255
    double share = 0; // share of pixels differing by more than 48 in any channel
    render::Image image;
};

Diff compare(const render::Image& a, const render::Image& b) {
    Diff d;
    d.image = {a.width, a.height, std::vector<std::uint8_t>(a.rgba.size())};
    double sum = 0;
    std::size_t bad = 0;
    for (std::size_t i = 0; i < a.rgba.size(); i += 4) {
        int worst = 0;
        for (std::size_t c = 0; c < 3; ++c) {
            const int delta = std::abs(int{a.rgba[i + c]} - int{b.rgba[i + c]});
            sum += delta;
            worst = std::max(worst, delta);
        }
        const bool differs = worst > 48;
        bad += differs ? 1 : 0;
        // Differences in red over a faded copy of the expected image.
        d.image.rgba[i] = differs ? 255 : static_cast<std::uint8_t>(b.rgba[i] / 4);
        d.image.rgba[i + 1] = differs ? 0 : static_cast<std::uint8_t>(b.rgba[i + 1] / 4);
        d.image.rgba[i + 2] = differs ? 0 : static_cast<std::uint8_t>(b.rgba[i + 2] / 4);
        d.image.rgba[i + 3] = 255;
    }
    const double pixels = static_cast<double>(a.rgba.size() / 4);
    d.mean = sum / (pixels * 3);
    d.share = static_cast<double>(bad) / pixels;
    return d;
}

void check_golden(const std::string& name, const render::Image& actual) {
    const std::string golden = test::source_path("tests/golden/" + name + ".png");
    if (std::getenv("PODIUM_UPDATE_GOLDEN")) {
        REQUIRE(render::write_png(golden, actual).ok());
        MESSAGE("updated " << golden);
        return;
    }
    auto expected = render::read_png(golden);
    REQUIRE_MESSAGE(expected.ok(), "missing golden " << golden << " (PODIUM_UPDATE_GOLDEN=1 makes it)");
    REQUIRE(expected.value().width == actual.width);
    REQUIRE(expected.value().height == actual.height);
    const auto diff = compare(actual, expected.value());
    // Tolerance for rasteriser differences (another Mesa, another CPU): small, diffuse changes
    // pass; a moved, missing or recoloured element does not.
    const bool ok = diff.mean < 1.5 && diff.share < 0.002;
    if (!ok) {
        std::filesystem::create_directories(PODIUM_TEST_OUTPUT_DIR);
        const std::string base = std::string(PODIUM_TEST_OUTPUT_DIR) + "/" + name;
        (void)render::write_png(base + ".actual.png", actual);
        (void)render::write_png(base + ".diff.png", diff.image);
        MESSAGE("golden mismatch: see " << base << ".actual.png and " << base << ".diff.png");
    }
    INFO("mean difference " << diff.mean << ", share of differing pixels " << diff.share);
    CHECK(ok);
}

} // namespace

TEST_CASE("golden: leaderboard at 1920x1080") {
    check_golden("leaderboard-1920x1080", render_slide(scene::SlideKind::leaderboard, scene::Audience::visitors, 1920, 1080));
}

TEST_CASE("golden: spotlight at 1920x1080") {
    check_golden("spotlight-1920x1080", render_slide(scene::SlideKind::spotlight, scene::Audience::visitors, 1920, 1080));
}

TEST_CASE("golden: results at 1920x1080, internal audience (money shown)") {
    check_golden("results-1920x1080", render_slide(scene::SlideKind::results, scene::Audience::internal, 1920, 1080));
}

TEST_CASE("golden: adoption at 1920x1080") {
    check_golden("adoption-1920x1080", render_slide(scene::SlideKind::adoption, scene::Audience::visitors, 1920, 1080));
}

TEST_CASE("golden: successes at 1920x1080, internal audience (money shown)") {
    check_golden("successes-1920x1080", render_slide(scene::SlideKind::successes, scene::Audience::internal, 1920, 1080));
}

TEST_CASE("golden: fallback at 1920x1080") {
    check_golden("fallback-1920x1080", render_slide(scene::SlideKind::fallback, scene::Audience::visitors, 1920, 1080));
}

TEST_CASE("golden: every slide in portrait at 1080x1920 (internal audience)") {
    for (scene::SlideKind kind : scene::kAllSlides) {
        const std::string name = std::string(scene::slide_kind_name(kind)) + "-1080x1920";
        CAPTURE(name);
        check_golden(name, render_slide(kind, scene::Audience::internal, 1080, 1920));
    }
}

TEST_CASE("golden comparison notices a changed slide") {
    // The comparison itself must be able to fail: the leaderboard is not the results slide.
    const auto a = render_slide(scene::SlideKind::leaderboard, scene::Audience::visitors, 640, 360);
    const auto b = render_slide(scene::SlideKind::results, scene::Audience::visitors, 640, 360);
    const auto same = compare(a, a);
    CHECK(same.mean == 0);
    const auto diff = compare(a, b);
    CHECK(diff.share > 0.002);
}

TEST_CASE("rendering is deterministic and the background is never black") {
    const auto a = render_slide(scene::SlideKind::spotlight, scene::Audience::visitors, 1280, 720);
    const auto b = render_slide(scene::SlideKind::spotlight, scene::Audience::visitors, 1280, 720);
    CHECK(a.rgba == b.rgba);
    // The top-left pixel is the theme's background, not black or transparent.
    CHECK(a.rgba[3] == 255);
    CHECK(int{a.rgba[0]} + a.rgba[1] + a.rgba[2] > 20);
}

TEST_CASE("golden: celebration at 1920x1080, internal audience") {
    check_golden("celebration-1920x1080", render_slide(scene::SlideKind::celebration, scene::Audience::internal, 1920, 1080));
}
