// Slide build benchmark (not a test): the CPU cost of the work done on the render thread at a
// slide change, for a large organisation.
//   podium_bench_slides [CHAMPIONS] [MONTHS]      default 10,000 x 24
// Prints the privacy view (once per snapshot) and each slide's display list build, median of 5.
#include "display/scene/slides.hpp"
#include "sync/demo_feed.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

using namespace podium;

namespace {

model::Snapshot big_snapshot(int champions, int months) {
    const auto demo = sync::generate_demo_feed();
    model::Snapshot s;
    s.feed.organisation = demo.organisation;
    s.feed.organisation.headcount = champions * 10;
    s.feed.successes = demo.successes;
    for (int i = 0; i < champions; ++i) {
        auto c = demo.champions[static_cast<std::size_t>(i) % demo.champions.size()];
        c.id = i < 40 ? c.id : "c" + std::to_string(i); // the demo's stories keep their champions
        s.feed.champions.push_back(c);
        model::YearMonth ym{2024, 11};
        for (int m = 0; m < months; ++m, ym = ym.next()) {
            auto r = demo.monthly[static_cast<std::size_t>(i + m) % demo.monthly.size()];
            r.champion = c.id;
            r.month = ym;
            s.feed.monthly.push_back(r);
        }
    }
    return s;
}

template <class F> double median_ms(F&& f) {
    std::vector<double> t;
    for (int i = 0; i < 5; ++i) {
        const auto a = std::chrono::steady_clock::now();
        f();
        t.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a).count());
    }
    std::sort(t.begin(), t.end());
    return t[2];
}

} // namespace

int main(int argc, char** argv) {
    const int champions = argc > 1 ? std::atoi(argv[1]) : 10000;
    const int months = argc > 2 ? std::atoi(argv[2]) : 24;
    std::array<std::vector<unsigned char>, scene::kFontFaceCount> fonts;
    const char* files[] = {"Inter-Regular.otf", "Inter-SemiBold.otf", "Inter-Bold.otf"};
    for (std::size_t i = 0; i < fonts.size(); ++i) {
        std::ifstream in(std::string(PODIUM_SOURCE_ASSETS) + "/fonts/" + files[i], std::ios::binary);
        fonts[i].assign(std::istreambuf_iterator<char>(in), {});
    }
    const scene::FontMetrics metrics(fonts);
    const auto snapshot = big_snapshot(champions, months);
    scene::View view;
    std::printf("%d x %d\tprivacy view\t%.1f ms\n", champions, months, median_ms([&] {
                    view = scene::make_view(snapshot, scene::Audience::internal, {}, scene::Lang::en);
                }));
    scene::SlideContext ctx;
    ctx.now = {2026, 11, 25, 10, 0};
    for (scene::SlideKind kind : scene::kAllSlides)
        std::printf("%d x %d\t%s\t%.1f ms\n", champions, months,
                    std::string(scene::slide_kind_name(kind)).c_str(),
                    median_ms([&] { (void)scene::build_slide(kind, view, ctx, metrics); }));
}
