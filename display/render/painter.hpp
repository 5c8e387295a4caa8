// Draws a display list with Dear ImGui's draw lists, into the bound framebuffer or a texture.
#pragma once

#include "font_atlas.hpp"
#include "image_cache.hpp"

#include "display/scene/display_list.hpp"

#include <cstdint>
#include <vector>

namespace podium::render {

// An RGBA texture with a framebuffer: a finished slide, kept so transitions only composite.
// How it is sampled when drawn: `exact` for a target composited one texel to one pixel (a
// slide on the screen: nearest sampling, the same picture as linear at a quarter of the texel
// reads, most of a transition frame's cost under llvmpipe); `scaled` for one shown smaller (the
// overlay's privacy preview: linear).
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

  private:
    int w_, h_;
    unsigned tex_ = 0, fbo_ = 0;
};

class Painter {
  public:
    Painter(FontAtlas& fonts, ImageCache& images) : fonts_(fonts), images_(images) {}

    // Draws `list` into `target`, replacing what it held.
    void draw(const scene::DisplayList& list, RenderTarget& target);
    enum class Transition { crossfade, slide };
    // Draws the current slide to the window, and the next one `mix` of the way (0..1) over it
    // (crossfade) or beside it (slide: pushed in from the right). Both cover the screen together
    // at every step: never a black frame.
    //
    // width x height is the output's size. `rotation` (0, 90, 180, 270 degrees clockwise) turns
    // the picture for a screen mounted on its side: the slides are then height x width. With
    // `into`, the result goes to that target (its size, no rotation) instead of the window.
    void composite(const RenderTarget& current, const RenderTarget* next, float mix, int width,
                   int height, Transition transition = Transition::crossfade, int rotation = 0,
                   const RenderTarget* into = nullptr);

  private:
    void begin_frame(float width, float height);
    void end_frame(unsigned framebuffer, int width, int height, bool clear);
    FontAtlas& fonts_;
    ImageCache& images_;
};

} // namespace podium::render
