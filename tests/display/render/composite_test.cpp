// The painter's composite, through the real GL path: what the screen shows at each step of a
// transition, pixel for pixel. Slides are drawn 1:1 (nearest sampling, no blending for the opaque
// ones), so a resting slide must come out exactly as it was drawn, a push must have no seam, a
// crossfade must mix the two, a turn must turn. Both ways of crossfading (blended by GL for a
// GPU, mixed on the CPU for a software renderer) must agree, into a target and onto the window
// (which under software compositing take different paths: cpu_crossfade.hpp).
#include "../../support/headless_gl.hpp"

#include "display/render/gl.hpp"
#include "display/render/image_cache.hpp"
#include "display/render/painter.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <memory>

using namespace podium;

namespace {

constexpr int kW = 64, kH = 36;

struct Rig {
    render::ImageCache images{[](const std::string&) {}};
    render::Painter software{*test::headless_gl().atlas, images, render::Compositing::software};
    render::Painter gpu{*test::headless_gl().atlas, images, render::Compositing::gpu};
};

Rig& rig() {
    static Rig r;
    return r;
}

// A slide of one colour with a 1-pixel column of another at x = marker_x (for seams and turns).
constexpr render::Compositing kModes[] = {render::Compositing::software, render::Compositing::gpu};
render::Painter& painter(render::Compositing mode) {
    return mode == render::Compositing::software ? rig().software : rig().gpu;
}

std::unique_ptr<render::RenderTarget> slide(scene::Color fill, int marker_x, scene::Color marker) {
    const int w = kW, h = kH;
    auto& painter = rig().gpu; // first: it makes the GL context the target needs
    scene::DisplayList list;
    list.width = static_cast<float>(w);
    list.height = static_cast<float>(h);
    list.background = fill;
    list.items.emplace_back(scene::RectItem{{static_cast<float>(marker_x), 0, 1, static_cast<float>(h)}, marker});
    auto t = std::make_unique<render::RenderTarget>(w, h);
    painter.draw(list, *t);
    return t;
}

struct Px {
    int r, g, b;
};

Px at(const std::vector<std::uint8_t>& rgba, int w, int x, int y) {
    const auto i = (static_cast<std::size_t>(y) * static_cast<std::size_t>(w) + static_cast<std::size_t>(x)) * 4;
    return {rgba[i], rgba[i + 1], rgba[i + 2]};
}

bool near(Px p, int r, int g, int b, int tolerance = 2) {
    return std::abs(p.r - r) <= tolerance && std::abs(p.g - g) <= tolerance && std::abs(p.b - b) <= tolerance;
}

// Where composite() puts its picture: a target, or the window (the headless context's 64 x 64
// surface, of which the output is the bottom-left kW x kH).
enum class Output { target, window };
constexpr Output kOutputs[] = {Output::target, Output::window};

// An upright composite of `a` and `b` at `mix` (a alone without b), read back top row first.
std::vector<std::uint8_t> composed(render::Painter& painter, const render::RenderTarget& a,
                                   const render::RenderTarget* b, float mix, Output output) {
    const auto crossfade = render::Painter::Transition::crossfade;
    if (output == Output::target) {
        render::RenderTarget out(kW, kH);
        painter.composite(a, b, mix, kW, kH, crossfade, 0, &out);
        return out.read_rgba();
    }
    painter.composite(a, b, mix, kW, kH, crossfade, 0, nullptr);
    const auto row = static_cast<std::size_t>(kW) * 4;
    std::vector<std::uint8_t> bottom_up(row * kH), out(row * kH);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, kW, kH, GL_RGBA, GL_UNSIGNED_BYTE, bottom_up.data());
    for (int y = 0; y < kH; ++y)
        std::copy_n(bottom_up.begin() + static_cast<std::ptrdiff_t>(row * static_cast<std::size_t>(kH - 1 - y)), row,
                    out.begin() + static_cast<std::ptrdiff_t>(row * static_cast<std::size_t>(y)));
    return out;
}

} // namespace

TEST_CASE("composite: a resting slide comes out exactly as drawn") {
    const auto a = slide({200, 40, 40, 255}, 10, {255, 255, 255, 255});
    const auto want = a->read_rgba();
    CHECK(at(want, kW, 0, 0).r == 200); // the slide itself was drawn
    for (const auto mode : kModes)
        for (const auto output : kOutputs) {
            CAPTURE(static_cast<int>(mode));
            CAPTURE(static_cast<int>(output));
            CHECK(composed(painter(mode), *a, nullptr, 0, output) == want);
        }
}

TEST_CASE("composite: a crossfade mixes the two slides by its progress") {
    const auto a = slide({200, 0, 0, 255}, 0, {200, 0, 0, 255});
    const auto b = slide({0, 0, 200, 255}, 0, {0, 0, 200, 255});
    for (const auto mode : kModes)
        for (const auto output : kOutputs) {
            CAPTURE(static_cast<int>(mode));
            CAPTURE(static_cast<int>(output));
            for (const auto& [mix, want] : {std::pair{0.25f, 50}, {0.5f, 100}, {0.9f, 180}}) {
                CAPTURE(mix);
                const auto px = composed(painter(mode), *a, b.get(), mix, output);
                for (const auto& [x, y] : {std::pair{0, 0}, {kW - 1, kH - 1}, {kW / 2, kH / 2}}) {
                    CAPTURE(x);
                    CAPTURE(y);
                    CHECK(near(at(px, kW, x, y), 200 - want, 0, want, 3));
                }
            }
        }
}

TEST_CASE("composite: a crossfade keeps the slides upright and in place, row for row") {
    // Mixed on the CPU, bands and the mixed target are stored upside down and turned back
    // (cpu_crossfade.hpp): a marker row at the top (y = 0) and a marker column at the left must
    // stay where they are.
    scene::DisplayList list;
    list.width = kW, list.height = kH;
    list.background = {200, 0, 0, 255};
    list.items.emplace_back(scene::RectItem{{0, 0, static_cast<float>(kW), 1}, {0, 200, 0, 255}});
    list.items.emplace_back(scene::RectItem{{0, 1, 1, static_cast<float>(kH - 1)}, {0, 0, 200, 255}});
    auto& gpu = rig().gpu; // first: it makes the GL context the targets need
    render::RenderTarget a(kW, kH), b(kW, kH);
    gpu.draw(list, a);
    gpu.draw(list, b);
    const auto want = a.read_rgba();
    REQUIRE(near(at(want, kW, 5, 0), 0, 200, 0, 0));
    for (const auto mode : kModes)
        for (const auto output : kOutputs) {
            CAPTURE(static_cast<int>(mode));
            CAPTURE(static_cast<int>(output));
            const auto px = composed(painter(mode), a, &b, 0.5f, output);
            for (int y = 0; y < kH; ++y)
                for (int x = 0; x < kW; ++x) {
                    const Px p = at(px, kW, x, y), q = at(want, kW, x, y);
                    if (!near(p, q.r, q.g, q.b, 1)) {
                        CAPTURE(x);
                        CAPTURE(y);
                        FAIL_CHECK("the mix of a slide with itself differs from it");
                        return;
                    }
                }
        }
}

TEST_CASE("composite: a slide redrawn during a software crossfade is mixed as it is now") {
    // The CPU keeps both slides' pixels for the transition; a redraw (a photo that arrived, a
    // new text size) must not leave the old picture in the mix.
    const auto a = slide({200, 0, 0, 255}, 0, {200, 0, 0, 255});
    auto b = slide({0, 0, 200, 255}, 0, {0, 0, 200, 255});
    scene::DisplayList blue, green;
    blue.width = green.width = kW, blue.height = green.height = kH;
    blue.background = {0, 0, 200, 255};
    green.background = {0, 200, 0, 255};
    auto& software = rig().software;
    for (const auto output : kOutputs) {
        CAPTURE(static_cast<int>(output));
        software.draw(blue, *b);
        CHECK(near(at(composed(software, *a, b.get(), 0.5f, output), kW, kW / 2, kH / 2), 100, 0, 100, 3));
        software.draw(green, *b);
        CHECK(near(at(composed(software, *a, b.get(), 0.5f, output), kW, kW / 2, kH / 2), 100, 100, 0, 3));
        // At rest, and a new transition with the roles swapped: each mix of what the targets hold.
        CHECK(near(at(composed(software, *b, nullptr, 0, output), kW, 0, 0), 0, 200, 0, 0));
        CHECK(near(at(composed(software, *b, a.get(), 0.25f, output), kW, kW - 1, kH - 1), 50, 150, 0, 3));
    }
}

TEST_CASE("composite: a push has the next slide's left edge at the current one's right edge, no seam") {
    // Markers at each slide's first column: after a push of a quarter, the current slide's
    // column 16 is at x = 0, and the next slide's column 0 is at x = 48.
    const auto a = slide({200, 0, 0, 255}, 16, {255, 255, 255, 255});
    const auto b = slide({0, 0, 200, 255}, 0, {0, 255, 0, 255});
    render::RenderTarget out(kW, kH);
    rig().gpu.composite(*a, b.get(), 0.25f, kW, kH, render::Painter::Transition::slide, 0, &out);
    const auto px = out.read_rgba();
    for (int y : {0, kH / 2, kH - 1}) {
        CAPTURE(y);
        CHECK(near(at(px, kW, 0, y), 255, 255, 255, 0));  // a's marker column, moved left by 16
        CHECK(near(at(px, kW, 1, y), 200, 0, 0, 0));
        CHECK(near(at(px, kW, 47, y), 200, 0, 0, 0));     // a's last column
        CHECK(near(at(px, kW, 48, y), 0, 255, 0, 0));     // b's first column, right beside it
        CHECK(near(at(px, kW, 49, y), 0, 0, 200, 0));
        CHECK(near(at(px, kW, kW - 1, y), 0, 0, 200, 0));
    }
}

TEST_CASE("composite: a screen on its side gets the slide turned clockwise, one texel to one pixel") {
    // The slide's first column (white) and first row (green) mark its left and top edges.
    scene::DisplayList list;
    list.width = kW, list.height = kH;
    list.background = {200, 0, 0, 255};
    list.items.emplace_back(scene::RectItem{{0, 0, 1, static_cast<float>(kH)}, {255, 255, 255, 255}});
    list.items.emplace_back(scene::RectItem{{1, 0, static_cast<float>(kW - 1), 1}, {0, 255, 0, 255}});
    auto& gpu = rig().gpu; // first: it makes the GL context the targets need
    render::RenderTarget a(kW, kH), b(kW, kH);
    gpu.draw(list, a);
    gpu.draw(list, b);
    for (const auto mode : kModes) {
        CAPTURE(static_cast<int>(mode));
        for (const int rotation : {90, 180, 270}) {
            CAPTURE(rotation);
            const bool sideways = rotation != 180;
            const int ow = sideways ? kH : kW, oh = sideways ? kW : kH;
            render::RenderTarget out(ow, oh);
            // A crossfade between two copies of it: the same picture, however it is mixed.
            painter(mode).composite(a, &b, 0.5f, ow, oh, render::Painter::Transition::crossfade, rotation, &out);
            const auto px = out.read_rgba();
            int body = 0;
            for (int y = 0; y < oh; ++y)
                for (int x = 0; x < ow; ++x) {
                    // Where the slide's left edge and top edge land on the output.
                    const bool left = rotation == 90 ? y == 0 : rotation == 180 ? x == ow - 1 : y == oh - 1;
                    const bool top = rotation == 90 ? x == ow - 1 : rotation == 180 ? y == oh - 1 : x == 0;
                    const Px p = at(px, ow, x, y);
                    if (left) CHECK(near(p, 255, 255, 255, 1));
                    else if (top) CHECK(near(p, 0, 255, 0, 1));
                    else body += near(p, 200, 0, 0, 1);
                }
            CHECK(body == (kW - 1) * (kH - 1)); // everything else is the slide's body, unblurred
        }
    }
}
