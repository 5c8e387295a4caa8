// Draws finished slides (render targets) onto the output with two tiny shaders of its own: a
// plain texture copy, and the texture times a constant for the incoming slide of a crossfade.
//
// Under software rendering (Mesa's llvmpipe, a TV box without a GPU driver) these are the shapes
// llvmpipe runs on its fast "linear" path: a copy of a BGRA slide onto the BGRA/BGRX window is a
// row copy, about 1.7 ms a 1080p frame here against 9 ms for Dear ImGui's quad, whose vertex
// colour keeps llvmpipe on its general per-pixel pipeline. So slides are stored BGRA
// (RenderTarget, Sampling::exact) and only ever shown through this.
#pragma once

namespace podium::render {

class Compositor {
  public:
    Compositor(); // a GL context must be current
    ~Compositor();
    Compositor(const Compositor&) = delete;
    Compositor& operator=(const Compositor&) = delete;

    // Whether the shaders compiled and linked (GLSL 1.50, GL 3.2 core, like the rest).
    bool ready() const { return copy_ != 0 && fade_ != 0; }

    // One slide's quad: its four corners in order around it in GL's clip space (-1..1, beyond
    // for a slide partly off the output), the texture coordinates at each.
    struct Quad {
        unsigned texture;
        float corners[4][2];
        float uv[4][2];
    };
    // Into `framebuffer` (0: the window) of width x height.
    void begin(unsigned framebuffer, int width, int height);
    // At full strength (replacing what is there), or at `strength` (0..1) over it.
    void draw(const Quad& q, float strength = 1.0f);
    void end();


  private:
    unsigned copy_ = 0, fade_ = 0;
    int fade_strength_ = -1;
    unsigned vao_ = 0, vbo_ = 0;
};

} // namespace podium::render
