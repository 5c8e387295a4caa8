// Render soak (issue #9): the GL side of a long run, which the scene soak (soak_test.cpp) does not
// touch. Each cycle does what the player does at a slide change: the next slide's photos
// requested and waited for, the slide drawn into the "next" target through the real GL path
// (SDL offscreen, Mesa's softpipe: see below), a transition composited frame by frame, the targets
// swapped. Every 14 cycles a new snapshot arrives with its photos in another folder (as after a
// sync), so the photo cache keeps decoding, uploading and evicting (8 textures at most here,
// against some 40 photo paths). Memory is sampled after a warm-up: RSS and malloc's bytes in use must
// not grow, and the cache never holds more than its capacity.
//
// PODIUM_RENDER_SOAK_CYCLES sets the slide changes (CI: 300); e.g. 10000 for a long run by hand.
#include "fault_support.hpp"

#include "../support/fixtures.hpp"
#include "../support/headless_gl.hpp"
#include "../support/temp_dir.hpp"

#include "display/render/image_cache.hpp"
#include "display/render/painter.hpp"
#include "display/render/png.hpp"
#include "display/scene/privacy.hpp"
#include "display/scene/slides.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <set>
#include <string>
#include <utility>
#include <vector>

using namespace podium;

namespace {

constexpr int kWidth = 320, kHeight = 180; // small: softpipe draws every pixel on the CPU
constexpr int kFolders = 4;          // photo folders, one per snapshot in turn
constexpr long kSnapshotEvery = 14;  // cycles between new snapshots (twice the slide kinds)
constexpr int kTransitionFrames = 3; // composited frames per slide change

// A small photo of one flat colour, different for each folder and champion.
render::Image photo(int folder, std::size_t champion) {
    render::Image img{64, 64, std::vector<std::uint8_t>(64 * 64 * 4, 255)};
    for (std::size_t i = 0; i < img.rgba.size(); i += 4) {
        img.rgba[i] = static_cast<std::uint8_t>(40 + folder * 25);
        img.rgba[i + 1] = static_cast<std::uint8_t>(60 + champion * 7);
        img.rgba[i + 2] = static_cast<std::uint8_t>(200 - folder * 10);
    }
    return img;
}

} // namespace

TEST_CASE("fault/soak: hundreds of slide changes through the GL path, photos evicted and reloaded, memory flat") {
    const long cycles = test::fault::env_count("PODIUM_RENDER_SOAK_CYCLES", 300);
    const long warm_up = std::min(100L, cycles / 3);
    // Mesa's softpipe, not llvmpipe: llvmpipe JIT-compiles a shader variant for each new
    // combination of draw state and keeps them up to its cache's cap, some 10 MiB more over the
    // first thousand slide changes here before it levels off (measured: heap in use 54 -> 58 MiB,
    // then flat). softpipe interprets, so the heap shows only what Podium keeps: flat from the
    // 50th change. Set before the first GL context of the process, which ctest gives each test.
    ::setenv("GALLIUM_DRIVER", "softpipe", 1);
    auto& gl = test::headless_gl();
    const std::string renderer = gl.gl->renderer_name();
    REQUIRE_MESSAGE(renderer.find("softpipe") != std::string::npos,
                    "GL renderer " << renderer << ": run this test in a process of its own (as ctest does)");
    test::TempDir dir("podium-render-soak");

    // The demo organisation, every champion with a photo and consent to show it internally.
    model::Snapshot snap = test::demo_snapshot();
    for (auto& c : snap.feed.champions) {
        c.photo = "https://example.invalid/" + c.id + ".jpg";
        c.consent.internal = true;
        c.consent.photo = true;
    }
    for (int f = 0; f < kFolders; ++f) {
        const auto folder = dir.path() / ("photos-" + std::to_string(f));
        std::filesystem::create_directories(folder);
        for (std::size_t i = 0; i < snap.feed.champions.size(); ++i)
            REQUIRE(render::write_png((folder / model::photo_file_name(snap.feed.champions[i].id)).string(),
                                      photo(f, i))
                        .ok());
    }

    render::ImageCache::Options options;
    options.capacity = 8;
    render::ImageCache images([](const std::string&) {}, options);
    render::Painter painter(*gl.atlas, images);
    auto current = std::make_unique<render::RenderTarget>(kWidth, kHeight);
    auto next = std::make_unique<render::RenderTarget>(kWidth, kHeight);
    render::RenderTarget frame(kWidth, kHeight);

    const std::vector<scene::SlideKind> kinds(std::begin(scene::kAllSlides), std::end(scene::kAllSlides));
    scene::View view;
    std::set<std::string> paths_seen;
    std::vector<test::fault::MemorySample> samples;
    long photos_drawn = 0, frames = 0;
    std::size_t most_textures = 0;
    const auto started = std::chrono::steady_clock::now();
    for (long cycle = 0; cycle < cycles; ++cycle) {
        if (cycle % kSnapshotEvery == 0) {
            // A new snapshot, as after a sync: the same people, their photos in another folder.
            const int f = static_cast<int>(cycle / kSnapshotEvery) % kFolders;
            snap.meta.data_version = cycle / kSnapshotEvery + 1;
            snap.meta.photo_dir = (dir.path() / ("photos-" + std::to_string(f))).string();
            view = scene::make_view(snap, scene::Audience::internal, scene::PrivacySettings{}, scene::Lang::en);
            images.retry_refused();
        }
        const auto kind = kinds[static_cast<std::size_t>(cycle) % kinds.size()];
        auto ctx = test::context(kWidth, kHeight);
        if (kind == scene::SlideKind::spotlight && !view.champions.empty())
            ctx.options.spotlight_key = view.champions[static_cast<std::size_t>(cycle / 7) % view.champions.size()].key;
        const auto list = scene::build_slide(kind, view, ctx, test::metrics());

        // Before the transition: the next slide's photos, as the player waits for them.
        const auto paths = images.request_all(list);
        CHECK(images.wait(paths, std::chrono::seconds(5)));
        for (const auto& p : paths) {
            paths_seen.insert(p);
            photos_drawn += images.texture(p).id != 0 ? 1 : 0;
        }
        painter.draw(list, *next);
        const auto transition = cycle % 2 ? render::Painter::Transition::slide : render::Painter::Transition::crossfade;
        for (int i = 1; i <= kTransitionFrames; ++i, ++frames)
            painter.composite(*current, next.get(), static_cast<float>(i) / (kTransitionFrames + 1), kWidth, kHeight,
                              transition, 0, &frame);
        std::swap(current, next);
        images.poll();
        most_textures = std::max(most_textures, images.texture_count());
        if (std::getenv("PODIUM_SOAK_TRACE") && cycle % 25 == 0)
            std::fprintf(stderr, "cycle %ld: RSS %ld KiB, heap %ld KiB\n", cycle, test::fault::rss_kib(), test::fault::heap_in_use_kib());
        if (cycle >= warm_up && (cycle - warm_up) % 25 == 0)
            samples.push_back(test::fault::sample_memory(cycle));
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    // The last composite is a real picture: not black, not empty.
    const auto pixels = frame.read_rgba();
    long lit = 0;
    for (std::size_t i = 0; i < pixels.size(); i += 4) lit += pixels[i] + pixels[i + 1] + pixels[i + 2] > 30 ? 1 : 0;

    REQUIRE(samples.size() >= 2);
    const auto peak = test::fault::peak_of(samples);
    const long rss_max = peak.rss_kib, heap_max = peak.heap_kib;
    const test::fault::MemorySample& base = samples.front();
    MESSAGE(cycles << " slide changes, " << frames << " transition frames at " << kWidth << "x" << kHeight << ", "
                   << paths_seen.size() << " photo paths, " << photos_drawn << " photos drawn, at most "
                   << most_textures << " textures; " << seconds << " s");
    MESSAGE("memory after warm-up (cycle " << base.cycle << " to " << samples.back().cycle << "): RSS " << base.rss_kib
                                           << " -> " << samples.back().rss_kib << " KiB (max " << rss_max
                                           << "), heap in use " << base.heap_kib << " -> " << samples.back().heap_kib
                                           << " KiB (max " << heap_max << ")");
    CHECK(lit > static_cast<long>(pixels.size() / 4) / 2);
    CHECK(paths_seen.size() > options.capacity * 2); // the cache had to evict and reload
    CHECK(photos_drawn > cycles / 4);
    CHECK(most_textures <= options.capacity);
    // No growth after warm-up (under softpipe it stays within some 20 KiB): one leaked photo
    // texture (64x64 RGBA, 16 KiB) or display list per slide change would pass 1 MiB within a
    // hundred changes.
    if (!test::fault::kMemoryMeasurable) {
        MESSAGE("AddressSanitizer build: memory growth is left to LeakSanitizer");
        return;
    }
    CHECK(heap_max - base.heap_kib < 1024);
    CHECK(rss_max - base.rss_kib < 2 * 1024);
}
