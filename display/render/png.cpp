#include "png.hpp"

#include <stb_image.h>
#include <stb_image_write.h>

namespace podium::render {

Status write_png(const std::string& path, const Image& image) {
    if (!stbi_write_png(path.c_str(), image.width, image.height, 4, image.rgba.data(),
                        image.width * 4))
        return Error{"cannot write " + path};
    return Ok{};
}

Result<Image> read_png(const std::string& path) {
    int w = 0, h = 0, n = 0;
    unsigned char* data = stbi_load(path.c_str(), &w, &h, &n, 4);
    if (!data) return Error{"cannot read " + path + ": " + stbi_failure_reason()};
    Image img{w, h,
              std::vector<std::uint8_t>(data, data + static_cast<std::size_t>(w) *
                                                         static_cast<std::size_t>(h) * 4)};
    stbi_image_free(data);
    return img;
}

} // namespace podium::render
