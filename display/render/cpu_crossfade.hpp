// The crossfade for a software renderer (Mesa's llvmpipe: a TV box without a GPU driver).
//
// There, every pixel of a textured quad runs llvmpipe's general JIT-compiled pipeline, and a
// blended one also reads back what is under it: a GL crossfade (the next slide blended over the
// current one) costs about 20 ms of CPU a 1080p frame, the whole of the slideshow's cost. Mixing
// two rows of pixels on the CPU takes a few vector instructions per pixel instead. So under
// software rendering the two slides are mixed here, 16 rows at a time.
//
// The slides' pixels are read back once a transition (again only if a slide is redrawn during it,
// RenderTarget::generation) and kept on the CPU while it lasts: 2 x width x height x 4 bytes
// (16 MiB at 1080p). Each band of mixed rows is uploaded into a small band texture and put in
// place with glBlitFramebuffer, upside down both times: Mesa does a blit between two buffers that
// store their rows the same way round as a row copy, and a window stores them the other way round
// from a texture. So a frame is one pass over the slides' pixels and one copy into the window,
// with nothing of the size of the screen in between (at 3840x2160 under llvmpipe, 12 ms of CPU a
// frame against 48 for the copy shader over a mixed texture; podium_bench_composite). A turned
// screen needs the whole mixed picture in a target, which the painter then turns.
//
// Nothing is kept between transitions: the copies, the targets and the band are freed at rest.
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
    // `a` and `b` (the same size) mixed by `mix` (0..1) onto `framebuffer` (0: the window), which
    // is their size, upright, replacing what it held.
    void mix_onto(const RenderTarget& a, const RenderTarget& b, float mix, unsigned framebuffer);
    // `a` alone onto `framebuffer` the same way, read back a band at a time (a slide at rest:
    // at 3840x2160, 8 ms against 28 for the copy shader). Nothing is kept: call rest() after.
    void show_onto(const RenderTarget& a, unsigned framebuffer);
    // The same in a target this object keeps (for a turned screen), upside down: the slides'
    // row y is its row height - 1 - y.
    const RenderTarget& mix(const RenderTarget& a, const RenderTarget& b, float mix);
    // Between transitions: everything above is freed.
    void rest();

  private:
    // A slide's pixels as its target held them (BGRA, GL's rows), and which drawing they are of.
    struct Copy {
        const RenderTarget* of = nullptr;
        std::uint64_t generation = 0;
        std::vector<std::uint8_t> pixels;
    };
    static const std::uint8_t* pixels_of(const RenderTarget& t, Copy& copy); // read back if stale
    // Rows [y, y + rows) of both slides (GL's order) mixed by k into band_, upside down.
    void mix_band(const RenderTarget& a, const RenderTarget& b, int y, int rows, unsigned k);
    // band_'s first `rows` rows (w wide) onto rows [y, y + rows) of `framebuffer`, upright.
    void put_band(int w, int y, int rows, unsigned framebuffer);

    std::unique_ptr<RenderTarget> mixed_, band_target_;
    Copy a_, b_;
    std::vector<std::uint8_t> band_, band_in_;
};

} // namespace podium::render
