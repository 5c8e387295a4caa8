// Draws a display list with Dear ImGui's draw lists into a texture, and puts finished slides on
// the output (compositor.hpp).
#pragma once

#include "font_atlas.hpp"
#include "image_cache.hpp"
#include "render_target.hpp"
#include "compositor.hpp"
#include "cpu_crossfade.hpp"

#include "display/scene/display_list.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace podium::render {

// How composite() crossfades: the next slide blended over the current one (`gpu`: free on a
// GPU), or the two mixed on the CPU and shown as one (`software`, cpu_crossfade.hpp: the fast
// way under llvmpipe). `automatic` chooses by GL's renderer.
enum class Compositing { automatic, gpu, software };

// A vertical gradient from `top` to `bottom` over `height` rows, as runs of rows of one colour,
// top first: each row the colour at its centre, rounded, as GL shades a quad with those colours at
// its top and bottom corners. Opaque colours only.
struct RowRun {
    int first = 0, count = 0;
    scene::Color color;
};
std::vector<RowRun> gradient_rows(scene::Color top, scene::Color bottom, int height);

class Painter {
  public:
    Painter(FontAtlas& fonts, ImageCache& images, Compositing compositing = Compositing::automatic)
        : fonts_(fonts), images_(images), compositing_(compositing) {}

    // Draws `list` into `target`, replacing what it held.
    void draw(const scene::DisplayList& list, RenderTarget& target);
    enum class Transition { crossfade, slide };
    // Draws the current slide to the window, and the next one `mix` of the way (0..1) over it
    // (crossfade) or beside it (slide: pushed in from the right). Both cover the screen together
    // at every step: never a black frame.
    //
    // width x height is the output's size. `rotation` (0, 90, 180, 270 degrees clockwise) turns
    // the picture for a screen mounted on its side: the slides are then height x width. With
    // `into`, the result goes to that target (the output is its size) instead of the window.
    void composite(const RenderTarget& current, const RenderTarget* next, float mix, int width,
                   int height, Transition transition = Transition::crossfade, int rotation = 0,
                   const RenderTarget* into = nullptr);

  private:
    void begin_frame(float width, float height);
    // Cleared to `clear` first, if given (else what the target holds stays under the drawing).
    void end_frame(unsigned framebuffer, int width, int height, std::optional<scene::Color> clear);
    FontAtlas& fonts_;
    ImageCache& images_;
    Compositing compositing_;
    std::unique_ptr<Compositor> compositor_; // made at the first composite (GL is current then)
    CpuCrossfade cpu_;
};

} // namespace podium::render
