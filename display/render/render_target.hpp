// A slide drawn once and kept: an RGBA texture with a framebuffer.
#pragma once

#include <cstdint>
#include <vector>

namespace podium::render {

// An RGBA texture with a framebuffer: a finished slide, kept so transitions only composite.
// How it is shown:
//   - `exact`: by the painter's composite only, one texel to one pixel (a slide on the screen).
//     Stored BGRA, the window's own byte order, and sampled nearest: llvmpipe then copies rows
//     (compositor.hpp). Dear ImGui must not draw it as an image: under llvmpipe (Mesa 22.3) its
//     shader reads a BGRA texture wrongly.
//   - `scaled`: as an ImGui image, smaller (the overlay's privacy preview): RGBA, linear.
enum class Sampling { exact, scaled };
class RenderTarget {
  public:
    RenderTarget(int width, int height, Sampling sampling = Sampling::exact);
    ~RenderTarget();
    RenderTarget(const RenderTarget&) = delete;
    RenderTarget& operator=(const RenderTarget&) = delete;

    int width() const { return w_; }
    int height() const { return h_; }
    unsigned texture() const { return tex_; }
    unsigned framebuffer() const { return fbo_; }
    std::vector<std::uint8_t> read_rgba() const; // top row first

    // Changes whenever the picture may have: at construction and at each Painter::draw into it
    // (a value never given to another target), so a copy of its pixels can tell it is stale.
    std::uint64_t generation() const { return generation_; }
    void mark_drawn();

  private:
    int w_, h_;
    std::uint64_t generation_ = 0;
    unsigned tex_ = 0, fbo_ = 0;
};

} // namespace podium::render
