// PNG files in and out (stb_image_write / stb_image), for `podium render` and golden tests.
#pragma once

#include "sync/model/result.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace podium::render {

struct Image {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgba; // top row first
};

Status write_png(const std::string& path, const Image& image);
Result<Image> read_png(const std::string& path);

} // namespace podium::render
