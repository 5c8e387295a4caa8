#include "painter.hpp"

#include "gl.hpp"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <type_traits>
#include <variant>

namespace podium::render {
namespace {

ImU32 col(scene::Color c) {
    return IM_COL32(c.r, c.g, c.b, c.a);
}
ImVec2 v2(scene::Vec2 p) {
    return {p.x, p.y};
}
ImVec2 p0(const scene::Box& b) {
    return {b.x, b.y};
}
ImVec2 p1(const scene::Box& b) {
    return {b.right(), b.bottom()};
}

ImTextureID tex_id(unsigned tex) {
    return reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(tex));
}

// Every slide's backdrop is a vertical gradient over the whole of it, drawn first
// (Canvas::gradient). As a quad, under a software renderer, it is a blended pass over every pixel;
// written as rows of pixels into the target, a fill and a copy (paint_backdrop). Measured at
// 3840x2160 under llvmpipe, a minute of the benchmark slideshow side by side: 10% less CPU than
// the quad. Clears of each run of rows of one colour (with a scissor) cost as little, but kept
// 9 MiB more of llvmpipe's scene memory.
const scene::RectItem* backdrop_of(const scene::DisplayList& list, const RenderTarget& target) {
    if (list.items.empty()) return nullptr;
    const auto* r = std::get_if<scene::RectItem>(&list.items.front());
    if (!r || r->radius != 0 || r->fill.a != 255 || r->fill_bottom.a != 255) return nullptr;
    const bool exact = r->box.x == 0 && r->box.y == 0 && r->box.w == static_cast<float>(target.width()) &&
                       r->box.h == static_cast<float>(target.height());
    return exact ? r : nullptr;
}

// A band of rows at a time, each row of one colour, uploaded into the target's texture.
void paint_backdrop(const scene::RectItem& g, const RenderTarget& t) {
    constexpr int kBand = 16;
    const int w = t.width(), h = t.height();
    std::vector<std::uint32_t> colour(static_cast<std::size_t>(h)); // per row from the top, as BGRA
    for (const RowRun& run : gradient_rows(g.fill, g.fill_bottom, h))
        std::fill_n(colour.begin() + run.first, run.count,
                    std::uint32_t{run.color.a} << 24 | std::uint32_t{run.color.r} << 16 |
                        std::uint32_t{run.color.g} << 8 | run.color.b);
    std::vector<std::uint32_t> band(static_cast<std::size_t>(w) * kBand);
    glBindTexture(GL_TEXTURE_2D, t.texture());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    for (int y = 0; y < h; y += kBand) { // GL's rows, bottom-up: row y is the slide's row h - 1 - y
        const int rows = std::min(kBand, h - y);
        for (int i = 0; i < rows; ++i)
            std::fill_n(band.begin() + static_cast<std::ptrdiff_t>(i) * w, w, colour[static_cast<std::size_t>(h - 1 - y - i)]);
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, y, w, rows, GL_BGRA, GL_UNSIGNED_BYTE, band.data());
    }
    glBindTexture(GL_TEXTURE_2D, 0);
}

} // namespace

std::vector<RowRun> gradient_rows(scene::Color top, scene::Color bottom, int height) {
    std::vector<RowRun> runs;
    const auto at = [&](std::uint8_t a, std::uint8_t b, float t) {
        return static_cast<std::uint8_t>(std::lround(static_cast<float>(a) + (static_cast<float>(b) - a) * t));
    };
    for (int y = 0; y < height; ++y) {
        const float t = (static_cast<float>(y) + 0.5f) / static_cast<float>(height);
        const scene::Color c{at(top.r, bottom.r, t), at(top.g, bottom.g, t), at(top.b, bottom.b, t), 255};
        if (!runs.empty() && runs.back().color == c)
            ++runs.back().count;
        else
            runs.push_back({y, 1, c});
    }
    return runs;
}

void Painter::begin_frame(float width, float height) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = {width, height};
    io.DisplayFramebufferScale = {1, 1};
    io.DeltaTime = 1.0f / 60.0f;
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
}

void Painter::end_frame(unsigned framebuffer, int width, int height, std::optional<scene::Color> clear) {
    ImGui::Render();
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
    glViewport(0, 0, width, height);
    if (clear) {
        glClearColor(clear->r / 255.0f, clear->g / 255.0f, clear->b / 255.0f, clear->a / 255.0f);
        glClear(GL_COLOR_BUFFER_BIT);
    }
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void Painter::draw(const scene::DisplayList& list, RenderTarget& target) {
    target.mark_drawn();
    fonts_.prepare({&list});
    begin_frame(static_cast<float>(target.width()), static_cast<float>(target.height()));
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    // An opaque background over the whole target is the clear colour: a clear is a fill, where
    // a full-screen quad costs a software renderer a blended pass (about 8 ms at 1080p).
    const bool fills = list.background.a == 255 && list.width >= static_cast<float>(target.width()) &&
                       list.height >= static_cast<float>(target.height());
    const scene::RectItem* backdrop = backdrop_of(list, target); // paint_backdrop's, not a quad
    if (!fills && !backdrop) dl->AddRectFilled({0, 0}, {list.width, list.height}, col(list.background));
    for (const auto& item : list.items) {
        if (backdrop && std::get_if<scene::RectItem>(&item) == backdrop) continue;
        std::visit(
            [&](const auto& it) {
                using T = std::decay_t<decltype(it)>;
                if constexpr (std::is_same_v<T, scene::RectItem>) {
                    if (it.fill_bottom.a > 0)
                        dl->AddRectFilledMultiColor(p0(it.box), p1(it.box), col(it.fill),
                                                    col(it.fill), col(it.fill_bottom),
                                                    col(it.fill_bottom));
                    else
                        dl->AddRectFilled(p0(it.box), p1(it.box), col(it.fill), it.radius);
                } else if constexpr (std::is_same_v<T, scene::CircleItem>) {
                    dl->AddCircleFilled(v2(it.center), it.radius, col(it.fill), 0);
                } else if constexpr (std::is_same_v<T, scene::TriangleItem>) {
                    dl->AddTriangleFilled(v2(it.a), v2(it.b), v2(it.c), col(it.fill));
                } else if constexpr (std::is_same_v<T, scene::LineItem>) {
                    std::vector<ImVec2> pts;
                    for (const auto& p : it.points)
                        pts.push_back(v2(p));
                    dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), col(it.color), 0,
                                    it.thickness);
                } else if constexpr (std::is_same_v<T, scene::TextItem>) {
                    dl->AddText(fonts_.font_for(it.face, it.size), it.size, p0(it.box),
                                col(it.color), it.text.data(), it.text.data() + it.text.size());
                } else if constexpr (std::is_same_v<T, scene::ImageItem>) {
                    // Decoded off this thread: until ready nothing is drawn and the initials
                    // underneath show; a repeated request is a no-op.
                    images_.request(it);
                    if (const auto tex = images_.texture(it.source); tex.id) {
                        const auto uv = cover_uv(tex.size, it.box.w, it.box.h);
                        dl->AddImageRounded(tex_id(tex.id), p0(it.box), p1(it.box),
                                            {uv.u0, uv.v0}, {uv.u1, uv.v1}, IM_COL32_WHITE,
                                            it.radius);
                    }
                }
            },
            item);
    }
    if (backdrop) paint_backdrop(*backdrop, target);
    end_frame(target.framebuffer(), target.width(), target.height(),
              backdrop ? std::nullopt
                       : std::optional<scene::Color>(fills ? list.background : scene::Color{0, 0, 0, 255}));
}

void Painter::composite(const RenderTarget& current, const RenderTarget* next, float mix, int width,
                        int height, Transition transition, int rotation, const RenderTarget* into) {
    if (into) width = into->width(), height = into->height();
    const bool fading = next && mix > 0;
    if (!compositor_) {
        compositor_ = std::make_unique<Compositor>();
        if (compositing_ == Compositing::automatic)
            compositing_ = is_software_renderer(reinterpret_cast<const char*>(glGetString(GL_RENDERER)))
                               ? Compositing::software
                               : Compositing::gpu;
    }
    if (!compositor_->ready()) return; // said on stderr when it was made; GL 3.2 compiles them
    const bool sideways = rotation == 90 || rotation == 270;
    // The slides' (logical) size, and where a logical point lands on the output.
    const float w = static_cast<float>(sideways ? height : width), h = static_cast<float>(sideways ? width : height);
    const float out_w = static_cast<float>(width), out_h = static_cast<float>(height);
    auto place = [&](float x, float y) -> std::array<float, 2> {
        float px = x, py = y; // on the output, from its top left
        switch (rotation) {
        case 90: px = h - y, py = x; break;
        case 180: px = w - x, py = h - y; break;
        case 270: px = y, py = w - x; break;
        default: break;
        }
        return {2.0f * px / out_w - 1.0f, 1.0f - 2.0f * py / out_h}; // GL's clip space
    };
    // Each slide lands on whole output pixels, one texel to one pixel (a push moves by whole
    // pixels, a turn by right angles): the targets sample exactly (Sampling::exact).
    // Render targets hold GL's bottom-up rows: the slide's top is v = 1 (v = 0 in CpuCrossfade's
    // upside-down result).
    auto quad = [&](const RenderTarget& t, float x, bool upside_down = false) {
        const auto tl = place(x, 0), tr = place(x + w, 0), br = place(x + w, h), bl = place(x, h);
        const float top = upside_down ? 0.0f : 1.0f, bottom = 1.0f - top;
        return Compositor::Quad{t.texture(),
                                {{tl[0], tl[1]}, {tr[0], tr[1]}, {br[0], br[1]}, {bl[0], bl[1]}},
                                {{0, top}, {1, top}, {1, bottom}, {0, bottom}}};
    };
    // Under software rendering a crossfade is mixed on the CPU (it binds framebuffers of its
    // own): straight onto the output when upright, else into a target shown as one slide.
    const bool cpu_mix = fading && transition == Transition::crossfade && compositing_ == Compositing::software &&
                         current.width() == next->width() && current.height() == next->height();
    const unsigned output = into ? into->framebuffer() : 0;
    // Upright onto the window under software compositing, slides go a band of rows at a time,
    // with nothing the size of the screen in between (cpu_crossfade.hpp). Not into a target: the
    // band's flipped blit is a row copy onto a window only, and a per-pixel pass onto a target.
    if (compositing_ == Compositing::software && !into && rotation == 0 && current.width() == width &&
        current.height() == height) {
        if (cpu_mix) {
            cpu_.mix_onto(current, *next, mix, output);
            return;
        }
        if (!fading) {
            cpu_.show_onto(current, output);
            cpu_.rest();
            return;
        }
    }
    const RenderTarget* mixed = cpu_mix ? &cpu_.mix(current, *next, mix) : nullptr;
    compositor_->begin(output, width, height);
    // The slides cover the whole output at every step (see composite's contract): no clear.
    if (mixed) {
        compositor_->draw(quad(*mixed, 0, true));
    } else if (!fading) {
        compositor_->draw(quad(current, 0));
        cpu_.rest();
    } else if (transition == Transition::slide) {
        // Whole pixels, and the next slide's left edge exactly at the current one's right edge:
        // no seam, no gap.
        const float offset = std::round(std::min(mix, 1.0f) * w);
        compositor_->draw(quad(current, -offset));
        compositor_->draw(quad(*next, w - offset));
    } else {
        // An opaque slide under the next one at strength `mix` is an exact crossfade.
        compositor_->draw(quad(current, 0));
        compositor_->draw(quad(*next, 0), std::min(mix, 1.0f));
    }
    compositor_->end();
}

} // namespace podium::render
