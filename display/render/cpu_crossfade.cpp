#include "cpu_crossfade.hpp"

#include "gl.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace podium::render {
namespace {

// Rows mixed at a time: the band of the result stays in the CPU's cache until it is uploaded.
constexpr int kBandRows = 16;

} // namespace

#if defined(__x86_64__) && defined(__GNUC__)
// x86-64's baseline is SSE2; where the CPU has AVX2 (any x86 of the last ten years), a copy built
// for it takes 32 bytes a step (glibc picks one at load time).
__attribute__((target_clones("avx2", "default")))
#endif
void mix_bytes(const std::uint8_t* a, const std::uint8_t* b, std::uint8_t* out, std::size_t bytes,
               unsigned k) {
    // 32 bytes at a time as 16-bit lanes, each holding two bytes mixed apart: the low byte
    // (masked) and the high byte (shifted down); a * (256 - k) + b * k + 128 fits 16 bits. GCC's
    // vector extensions: SSE2 or AVX2 on x86-64, NEON on ARM. The tail one byte at a time.
    using u16x16 = std::uint16_t __attribute__((vector_size(32)));
    const u16x16 wa = (u16x16{} + 1) * static_cast<std::uint16_t>(256 - k);
    const u16x16 wb = (u16x16{} + 1) * static_cast<std::uint16_t>(k);
    std::size_t i = 0;
    for (; i + 32 <= bytes; i += 32) {
        u16x16 va, vb;
        std::memcpy(&va, a + i, 32);
        std::memcpy(&vb, b + i, 32);
        const u16x16 low = ((va & 0xFF) * wa + (vb & 0xFF) * wb + 128) >> 8;
        const u16x16 high = ((va >> 8) * wa + (vb >> 8) * wb + 128) & 0xFF00;
        const u16x16 r = low | high;
        std::memcpy(out + i, &r, 32);
    }
    for (; i < bytes; ++i)
        out[i] = static_cast<std::uint8_t>((a[i] * (256 - k) + b[i] * k + 128) >> 8);
}

unsigned mix_weight(float mix) {
    return static_cast<unsigned>(std::lround(std::clamp(mix, 0.0f, 1.0f) * 256.0f));
}

bool is_software_renderer(const char* gl_renderer) {
    if (!gl_renderer) return false;
    for (const char* name : {"llvmpipe", "softpipe", "swrast", "Software Rasterizer"})
        if (std::strstr(gl_renderer, name)) return true;
    return false;
}

const std::uint8_t* CpuCrossfade::pixels_of(const RenderTarget& t, Copy& copy) {
    const auto bytes = static_cast<std::size_t>(t.width()) * static_cast<std::size_t>(t.height()) * 4;
    if (copy.of != &t || copy.generation != t.generation() || copy.pixels.size() != bytes) {
        copy.pixels.resize(bytes);
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, t.framebuffer());
        // In the target's own order (BGRA, RenderTarget): a row copy.
        glReadPixels(0, 0, t.width(), t.height(), GL_BGRA, GL_UNSIGNED_BYTE, copy.pixels.data());
        glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
        copy.of = &t;
        copy.generation = t.generation();
    }
    return copy.pixels.data();
}

void CpuCrossfade::mix_band(const RenderTarget& a, const RenderTarget& b, int y, int rows, unsigned k) {
    const int w = std::min(a.width(), b.width());
    const auto row = static_cast<std::size_t>(w) * 4;
    const auto row_a = static_cast<std::size_t>(a.width()) * 4, row_b = static_cast<std::size_t>(b.width()) * 4;
    const std::uint8_t* pa = pixels_of(a, a_);
    const std::uint8_t* pb = pixels_of(b, b_);
    band_.resize(row * kBandRows);
    for (int r = 0; r < rows; ++r) { // row y + r of the slides is row rows - 1 - r of the band
        const auto from = static_cast<std::size_t>(y + r);
        mix_bytes(pa + row_a * from, pb + row_b * from, band_.data() + row * static_cast<std::size_t>(rows - 1 - r),
                  row, k);
    }
}

void CpuCrossfade::put_band(int w, int y, int rows, unsigned framebuffer) {
    if (!band_target_ || band_target_->width() != w) band_target_ = std::make_unique<RenderTarget>(w, kBandRows);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glDisable(GL_SCISSOR_TEST); // it would clip the blit
    glBindTexture(GL_TEXTURE_2D, band_target_->texture());
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, w, rows, GL_BGRA, GL_UNSIGNED_BYTE, band_.data());
    glBindTexture(GL_TEXTURE_2D, 0);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, band_target_->framebuffer());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, framebuffer);
    // Flipped back upright: onto a window, a row copy.
    glBlitFramebuffer(0, 0, w, rows, 0, y + rows, w, y, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void CpuCrossfade::mix_onto(const RenderTarget& a, const RenderTarget& b, float mix, unsigned framebuffer) {
    const int w = std::min(a.width(), b.width()), h = std::min(a.height(), b.height());
    const unsigned k = mix_weight(mix);
    for (int y = 0; y < h; y += kBandRows) {
        const int rows = std::min(kBandRows, h - y);
        mix_band(a, b, y, rows, k);
        put_band(w, y, rows, framebuffer);
    }
}

void CpuCrossfade::show_onto(const RenderTarget& a, unsigned framebuffer) {
    const int w = a.width(), h = a.height();
    const auto row = static_cast<std::size_t>(w) * 4;
    band_in_.resize(row * kBandRows);
    band_.resize(row * kBandRows);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    for (int y = 0; y < h; y += kBandRows) {
        const int rows = std::min(kBandRows, h - y);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, a.framebuffer());
        glReadPixels(0, y, w, rows, GL_BGRA, GL_UNSIGNED_BYTE, band_in_.data());
        for (int r = 0; r < rows; ++r) // upside down, as mix_band does
            std::memcpy(band_.data() + row * static_cast<std::size_t>(rows - 1 - r),
                        band_in_.data() + row * static_cast<std::size_t>(r), row);
        put_band(w, y, rows, framebuffer);
    }
}

const RenderTarget& CpuCrossfade::mix(const RenderTarget& a, const RenderTarget& b, float mix) {
    const int w = std::min(a.width(), b.width()), h = std::min(a.height(), b.height());
    if (!mixed_ || mixed_->width() != w || mixed_->height() != h) mixed_ = std::make_unique<RenderTarget>(w, h);
    const unsigned k = mix_weight(mix);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glBindTexture(GL_TEXTURE_2D, mixed_->texture());
    for (int y = 0; y < h; y += kBandRows) {
        const int rows = std::min(kBandRows, h - y);
        mix_band(a, b, y, rows, k);
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, h - y - rows, w, rows, GL_BGRA, GL_UNSIGNED_BYTE, band_.data());
    }
    glBindTexture(GL_TEXTURE_2D, 0);
    return *mixed_;
}

void CpuCrossfade::rest() {
    mixed_.reset();
    band_target_.reset();
    a_ = {};
    b_ = {};
    std::vector<std::uint8_t>().swap(band_);
    std::vector<std::uint8_t>().swap(band_in_);
}

} // namespace podium::render
