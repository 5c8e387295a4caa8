#include "cpu_crossfade.hpp"

#include "gl.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace podium::render {
namespace {

// Rows mixed at a time: a band of both slides and the result stay in the CPU's cache.
constexpr int kBandRows = 16;

} // namespace

void mix_bytes(const std::uint8_t* a, const std::uint8_t* b, std::uint8_t* out, std::size_t bytes,
               unsigned k) {
    // In 16-bit lanes, 16 bytes at a time (GCC's vector extensions: SSE2 on x86-64, NEON on
    // ARM); the tail one byte at a time.
    using u8x16 = std::uint8_t __attribute__((vector_size(16)));
    using u16x16 = std::uint16_t __attribute__((vector_size(32)));
    const u16x16 wa = (u16x16{} + 1) * static_cast<std::uint16_t>(256 - k);
    const u16x16 wb = (u16x16{} + 1) * static_cast<std::uint16_t>(k);
    std::size_t i = 0;
    for (; i + 16 <= bytes; i += 16) {
        u8x16 va, vb;
        std::memcpy(&va, a + i, 16);
        std::memcpy(&vb, b + i, 16);
        const u16x16 sum = __builtin_convertvector(va, u16x16) * wa + __builtin_convertvector(vb, u16x16) * wb + 128;
        const u8x16 r = __builtin_convertvector(sum >> 8, u8x16);
        std::memcpy(out + i, &r, 16);
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

const RenderTarget& CpuCrossfade::mix(const RenderTarget& a, const RenderTarget& b, float mix) {
    const int w = std::min(a.width(), b.width()), h = std::min(a.height(), b.height());
    if (!mixed_ || mixed_->width() != w || mixed_->height() != h) mixed_ = std::make_unique<RenderTarget>(w, h);
    const auto row = static_cast<std::size_t>(w) * 4;
    band_a_.resize(row * kBandRows);
    band_b_.resize(row * kBandRows);
    band_out_.resize(row * kBandRows);
    const unsigned k = mix_weight(mix);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glBindTexture(GL_TEXTURE_2D, mixed_->texture());
    for (int y = 0; y < h; y += kBandRows) {
        const int rows = std::min(kBandRows, h - y);
        // Read and written in the targets' own order (BGRA, RenderTarget): row copies.
        glBindFramebuffer(GL_READ_FRAMEBUFFER, a.framebuffer());
        glReadPixels(0, y, w, rows, GL_BGRA, GL_UNSIGNED_BYTE, band_a_.data());
        glBindFramebuffer(GL_READ_FRAMEBUFFER, b.framebuffer());
        glReadPixels(0, y, w, rows, GL_BGRA, GL_UNSIGNED_BYTE, band_b_.data());
        // Upside down: row y of the slides is row h - 1 - y of the result.
        for (int r = 0; r < rows; ++r) {
            const auto at = row * static_cast<std::size_t>(r);
            mix_bytes(band_a_.data() + at, band_b_.data() + at,
                      band_out_.data() + row * static_cast<std::size_t>(rows - 1 - r), row, k);
        }
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, h - y - rows, w, rows, GL_BGRA, GL_UNSIGNED_BYTE, band_out_.data());
    }
    glBindTexture(GL_TEXTURE_2D, 0);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return *mixed_;
}

void CpuCrossfade::rest() {
    mixed_.reset();
    std::vector<std::uint8_t>().swap(band_a_);
    std::vector<std::uint8_t>().swap(band_b_);
    std::vector<std::uint8_t>().swap(band_out_);
}

} // namespace podium::render
