// Composite benchmark (not a test): what one transition frame costs the GPU driver, here Mesa's
// llvmpipe (software, no GPU): the painter's composite of 1920x1080 slides into a 1920x1080
// target or window: a resting slide, a push, and a crossfade both ways (Compositing::software:
// mixed on the CPU; Compositing::gpu: blended by GL), side by side in one run. For reference, a
// bare glBlitFramebuffer of a slide both ways up: the one that is a row copy (straight into a
// target, flipped into a window: what CpuCrossfade does) shows the floor of what a frame can cost.
//   podium_bench_composite [WIDTH HEIGHT [FRAMES [ONLY]]]      default 1920 1080 60
// ONLY: just the cases whose name contains it (e.g. "software", "crossfade"), for a profiler.
// With DISPLAY set (an X server, e.g. Xvfb), into a window of that size, swapped each frame, as
// the kiosk does; without it, into an offscreen target.
// Per case: the median wall time of a frame (glFinish included) and the CPU time per frame of
// every thread of the process (llvmpipe renders on threads of its own), over FRAMES frames.
#include "display/app/assets.hpp"
#include "display/render/gl.hpp"
#include "display/render/gl_context.hpp"
#include "display/render/painter.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

using namespace podium;

namespace {

double cpu_seconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// A slide with some text and shapes, so the targets hold a picture, not one colour.
scene::DisplayList sample_slide(int w, int h, scene::Color background) {
    scene::DisplayList list;
    list.width = static_cast<float>(w);
    list.height = static_cast<float>(h);
    list.background = background;
    for (int row = 0; row < 10; ++row) {
        const float y = 120.0f + static_cast<float>(row) * 90.0f;
        list.items.emplace_back(scene::RectItem{{80, y, static_cast<float>(w) - 160, 72}, {255, 255, 255, 24}, 12});
        list.items.emplace_back(scene::TextItem{"Champion number " + std::to_string(row + 1), {120, y + 14, 900, 40},
                                                40, scene::FontFace::semibold, {240, 240, 240, 255}});
    }
    return list;
}

} // namespace

int main(int argc, char** argv) {
    const int w = argc > 2 ? std::atoi(argv[1]) : 1920;
    const int h = argc > 2 ? std::atoi(argv[2]) : 1080;
    const int frames = argc > 3 ? std::atoi(argv[3]) : 60;
    const std::string only = argc > 4 ? argv[4] : "";
    const bool window = std::getenv("DISPLAY") != nullptr;
    auto gl = render::GlContext::create({.headless = !window, .fullscreen = false, .width = w, .height = h});
    if (!gl) {
        std::fprintf(stderr, "podium_bench_composite: %s\n", gl.error().message.c_str());
        return 1;
    }
    auto fonts = app::load_fonts(PODIUM_SOURCE_ASSETS);
    if (!fonts) {
        std::fprintf(stderr, "podium_bench_composite: %s\n", fonts.error().message.c_str());
        return 1;
    }
    render::FontAtlas atlas(std::move(fonts).value());
    render::ImageCache images([](const std::string&) {});
    render::Painter software(atlas, images, render::Compositing::software);
    render::Painter gpu(atlas, images, render::Compositing::gpu);
    render::RenderTarget a(w, h), b(w, h), offscreen(w, h);
    render::RenderTarget* out = window ? nullptr : &offscreen;
    gpu.draw(sample_slide(w, h, {20, 30, 60, 255}), a);
    gpu.draw(sample_slide(w, h, {60, 20, 30, 255}), b);

    using Transition = render::Painter::Transition;
    struct Case {
        const char* name;
        std::function<void(int)> frame; // frame i of `frames`
    };
    const auto mix = [&](int i) { return static_cast<float>(i + 1) / static_cast<float>(frames + 1); };
    const std::vector<Case> cases = {
        {"hold, software", [&](int) { software.composite(a, nullptr, 0, w, h, Transition::crossfade, 0, out); }},
        {"hold, gpu", [&](int) { gpu.composite(a, nullptr, 0, w, h, Transition::crossfade, 0, out); }},
        {"blit", [&](int) {
             glBindFramebuffer(GL_READ_FRAMEBUFFER, a.framebuffer());
             glBindFramebuffer(GL_DRAW_FRAMEBUFFER, out ? out->framebuffer() : 0);
             glBlitFramebuffer(0, 0, w, h, 0, 0, w, h, GL_COLOR_BUFFER_BIT, GL_NEAREST);
         }},
        {"blit flipped", [&](int) {
             glBindFramebuffer(GL_READ_FRAMEBUFFER, a.framebuffer());
             glBindFramebuffer(GL_DRAW_FRAMEBUFFER, out ? out->framebuffer() : 0);
             glBlitFramebuffer(0, 0, w, h, 0, h, w, 0, GL_COLOR_BUFFER_BIT, GL_NEAREST);
         }},
        {"crossfade, software", [&](int i) { software.composite(a, &b, mix(i), w, h, Transition::crossfade, 0, out); }},
        {"crossfade, gpu", [&](int i) { gpu.composite(a, &b, mix(i), w, h, Transition::crossfade, 0, out); }},
        {"push", [&](int i) { gpu.composite(a, &b, mix(i), w, h, Transition::slide, 0, out); }},
    };
    std::printf("composite %dx%d into %s, %d frames a case, %s\n", w, h, window ? "a window" : "a target", frames,
                gl.value()->renderer_name().c_str());
    std::printf("%-26s %14s %14s\n", "case", "wall ms/frame", "CPU ms/frame");
    for (const auto& c : cases) {
        if (std::string(c.name).find(only) == std::string::npos) continue;
        c.frame(0); // the shader variants compiled, outside the measurement
        glFinish();
        std::vector<double> wall;
        const double cpu0 = cpu_seconds();
        for (int i = 0; i < frames; ++i) {
            const auto t0 = std::chrono::steady_clock::now();
            c.frame(i);
            if (window) gl.value()->swap();
            glFinish();
            wall.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
        }
        const double cpu = (cpu_seconds() - cpu0) * 1000.0 / frames;
        std::sort(wall.begin(), wall.end());
        std::printf("%-26s %14.2f %14.2f\n", c.name, wall[wall.size() / 2], cpu);
    }
    return 0;
}
