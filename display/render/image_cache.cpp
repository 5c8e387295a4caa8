#include "image_cache.hpp"

#include "gl.hpp"

#include <stb_image.h>

#include <filesystem>

namespace podium::render {

ImageCache::~ImageCache() {
    for (auto& [path, tex] : textures_)
        if (tex) glDeleteTextures(1, &tex);
}

unsigned ImageCache::texture(const std::string& path) {
    if (auto it = textures_.find(path); it != textures_.end()) return it->second;
    unsigned& tex = textures_[path];
    std::error_code ec;
    const auto bytes = std::filesystem::file_size(path, ec);
    if (ec || bytes > static_cast<std::uintmax_t>(kMaxFileBytes)) {
        log_("photo " + path + (ec ? " cannot be read" : " is larger than 8 MiB") +
             "; showing initials");
        return tex;
    }
    int w = 0, h = 0, n = 0;
    // Check the header before decoding: a small file can claim a huge image (a decompression bomb).
    if (!stbi_info(path.c_str(), &w, &h, &n) || static_cast<long>(w) * h > kMaxPixels) {
        log_("photo " + path + " is not a usable image or too many pixels; showing initials");
        return tex;
    }
    unsigned char* pixels = stbi_load(path.c_str(), &w, &h, &n, 4);
    if (!pixels) {
        log_("photo " + path + " could not be decoded; showing initials");
        return tex;
    }
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_2D, tex);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    stbi_image_free(pixels);
    return tex;
}

} // namespace podium::render
