#include "render_target.hpp"

#include "gl.hpp"

#include <algorithm>
#include <atomic>
#include <cstddef>

namespace podium::render {
namespace {

std::uint64_t next_generation() {
    static std::atomic<std::uint64_t> counter{0};
    return ++counter;
}

} // namespace

RenderTarget::RenderTarget(int width, int height, Sampling sampling)
    : w_(width), h_(height), generation_(next_generation()) {
    glGenTextures(1, &tex_);
    glBindTexture(GL_TEXTURE_2D, tex_);
    const GLint filter = sampling == Sampling::exact ? GL_NEAREST : GL_LINEAR;
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    // BGRA storage takes the unsized GL_RGBA with BGRA data: Mesa matches that exactly, and
    // stores a sized GL_RGBA8 as RGBA whatever the data.
    if (sampling == Sampling::exact)
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w_, h_, 0, GL_BGRA, GL_UNSIGNED_BYTE, nullptr);
    else
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w_, h_, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glGenFramebuffers(1, &fbo_);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex_, 0);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void RenderTarget::mark_drawn() {
    generation_ = next_generation();
}

RenderTarget::~RenderTarget() {
    glDeleteFramebuffers(1, &fbo_);
    glDeleteTextures(1, &tex_);
}

std::vector<std::uint8_t> RenderTarget::read_rgba() const {
    const auto row = static_cast<std::size_t>(w_) * 4;
    std::vector<std::uint8_t> flipped(row * static_cast<std::size_t>(h_));
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w_, h_, GL_RGBA, GL_UNSIGNED_BYTE, flipped.data());
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    // GL's rows run bottom-up; images run top-down.
    std::vector<std::uint8_t> out(flipped.size());
    for (int y = 0; y < h_; ++y)
        std::copy_n(flipped.begin() +
                        static_cast<std::ptrdiff_t>(row * static_cast<std::size_t>(h_ - 1 - y)),
                    row,
                    out.begin() + static_cast<std::ptrdiff_t>(row * static_cast<std::size_t>(y)));
    return out;
}

} // namespace podium::render
