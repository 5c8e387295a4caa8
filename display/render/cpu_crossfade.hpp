// The crossfade for a software renderer (Mesa's llvmpipe: a TV box without a GPU driver).
//
// There, every pixel of a textured quad runs llvmpipe's general JIT-compiled pipeline, and a
// blended one also reads back what is under it: a GL crossfade (the next slide blended over the
// current one) costs about 20 ms of CPU a 1080p frame, the whole of the slideshow's cost. Mixing
// two rows of pixels on the CPU takes a few vector instructions per pixel instead. So under
// software rendering the two slides are mixed here, a band of rows at a time (read back, mixed,
// uploaded), into one target, and the painter shows that target whole. Nothing is kept between
// transitions: the target and the bands are freed at rest.
//
// The result is stored upside down (its first GL row holds the slides' top row), the way a window
// stores its rows under Mesa: copied onto the window with a flipped glBlitFramebuffer, it is then
// a plain row copy (Compositor::blit).
#pragma once

#include "render_target.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace podium::render {

// out = a + (b - a) * k / 256 per byte, rounded; k = 0 gives a, k = 256 gives b. `a`, `b` and
// `out` are `bytes` long (`out` may be `a`).
void mix_bytes(const std::uint8_t* a, const std::uint8_t* b, std::uint8_t* out, std::size_t bytes,
               unsigned k);
// mix (0..1) as mix_bytes' k.
unsigned mix_weight(float mix);

// Whether GL's renderer is a software one (llvmpipe, softpipe, swrast), where mixing on the CPU
// is the faster crossfade; a GPU blends for free.
bool is_software_renderer(const char* gl_renderer);

class CpuCrossfade {
  public:
    // `a` and `b` (the same size) mixed by `mix` (0..1), in a target this object keeps, upside
    // down: the slides' row y is its row height - 1 - y.
    const RenderTarget& mix(const RenderTarget& a, const RenderTarget& b, float mix);
    // Between transitions: the target and the bands are freed.
    void rest();

  private:
    std::unique_ptr<RenderTarget> mixed_;
    std::vector<std::uint8_t> band_a_, band_b_, band_out_;
};

} // namespace podium::render
