// `podium render --overlay TAB`: the admin overlay drawn over a slide through the real binary.
#include "cli_support.hpp"
#include "display/render/png.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace podium::test::cli_support;
namespace fs = std::filesystem;

namespace {

// The share of pixels that differ between two images of one size.
double differing(const podium::render::Image& a, const podium::render::Image& b) {
    REQUIRE(a.rgba.size() == b.rgba.size());
    std::size_t n = 0;
    for (std::size_t i = 0; i < a.rgba.size(); i += 4)
        n += a.rgba[i] != b.rgba[i] || a.rgba[i + 1] != b.rgba[i + 1] || a.rgba[i + 2] != b.rgba[i + 2];
    return static_cast<double>(n) / static_cast<double>(a.rgba.size() / 4);
}

podium::render::Image png(const std::string& path) {
    auto image = podium::render::read_png(path);
    REQUIRE_MESSAGE(image.ok(), (image.ok() ? "" : image.error().message));
    return std::move(image).value();
}

} // namespace

TEST_CASE("render cli: --overlay draws each tab over the slide, and each tab differently") {
    TempDir dir;
    const auto base = run_podium(dir, with_db(dir, {"render", "--slide", "leaderboard", "--size", "1280x720",
                                                    "--at", "2026-11-25T10:00", "--out", dir.file("slide.png")}));
    REQUIRE_MESSAGE(base.exit_code == 0, base.err);
    const auto slide = png(dir.file("slide.png"));
    std::vector<podium::render::Image> tabs;
    for (const char* tab : {"status", "playlist", "privacy", "source", "display", "log"}) {
        CAPTURE(tab);
        const std::string out = dir.file(std::string(tab) + ".png");
        const auto r = run_podium(dir, with_db(dir, {"render", "--slide", "leaderboard", "--size", "1280x720", "--at",
                                                     "2026-11-25T10:00", "--overlay", tab, "--out", out}));
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        CHECK(png_size(out).width == 1280);
        tabs.push_back(png(out));
        // The panel covers most of the slide.
        CHECK(differing(slide, tabs.back()) > 0.5);
    }
    for (std::size_t i = 0; i < tabs.size(); ++i)
        for (std::size_t j = i + 1; j < tabs.size(); ++j) {
            CAPTURE(i);
            CAPTURE(j);
            CHECK(differing(tabs[i], tabs[j]) > 0.01); // a different tab is showing
        }
}

TEST_CASE("render cli: an unknown overlay tab is a usage error naming the choices") {
    TempDir dir;
    const auto r = run_podium(dir, with_db(dir, {"render", "--slide", "leaderboard", "--size", "1280x720",
                                                 "--overlay", "secrets", "--out", dir.file("x.png")}));
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "status, playlist, privacy, source, display or log"));
}

TEST_CASE("render cli: --overlay with --format text exits 2 naming both options, writing nothing") {
    TempDir dir;
    const auto r = run_podium(dir, with_db(dir, {"render", "--slide", "leaderboard", "--size", "1280x720",
                                                 "--overlay", "status", "--format", "text"}));
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty()); // not the slide's text with the overlay silently dropped
    CAPTURE(r.err);
    CHECK(contains(r.err, "--overlay"));
    CHECK(contains(r.err, "--format text"));
    CHECK_FALSE(fs::exists(dir.file("podium.db"))); // refused before opening the store
}
