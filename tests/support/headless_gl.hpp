// One headless GL context (SDL's offscreen driver, Mesa llvmpipe) and the bundled fonts' atlas for
// the tests that draw through the real GL path: the golden screenshots and the render soak.
#pragma once

#include "display/render/font_atlas.hpp"
#include "display/render/gl_context.hpp"

#include <memory>

namespace podium::test {

struct HeadlessGl {
    std::unique_ptr<render::GlContext> gl;
    std::unique_ptr<render::FontAtlas> atlas;
};

// Made at the first call, kept for the life of the process (a doctest REQUIRE fails when no
// GL context can be had).
HeadlessGl& headless_gl();

} // namespace podium::test
