#include "headless_gl.hpp"

#include "fixtures.hpp"

#include <doctest/doctest.h>

#include <array>
#include <fstream>
#include <iterator>
#include <vector>

namespace podium::test {

HeadlessGl& headless_gl() {
    static HeadlessGl h = [] {
        HeadlessGl x;
        auto gl = render::GlContext::create({.headless = true});
        REQUIRE_MESSAGE(gl.ok(), (gl.ok() ? "" : gl.error().message));
        x.gl = std::move(gl).value();
        std::array<std::vector<unsigned char>, scene::kFontFaceCount> fonts;
        const char* files[] = {"Inter-Regular.otf", "Inter-SemiBold.otf", "Inter-Bold.otf"};
        for (std::size_t i = 0; i < fonts.size(); ++i) {
            std::ifstream in(source_path(std::string("assets/fonts/") + files[i]), std::ios::binary);
            fonts[i].assign(std::istreambuf_iterator<char>(in), {});
        }
        x.atlas = std::make_unique<render::FontAtlas>(std::move(fonts));
        return x;
    }();
    return h;
}

} // namespace podium::test
