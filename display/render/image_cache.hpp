// Photos as GL textures, loaded from local files with stb_image and limits on size. A photo that
// is missing, too large or broken is remembered as such (one log line) and the initials show.
#pragma once

#include <functional>
#include <map>
#include <string>

namespace podium::render {

class ImageCache {
  public:
    using Logger = std::function<void(const std::string&)>;
    explicit ImageCache(Logger log) : log_(std::move(log)) {}
    ~ImageCache();
    ImageCache(const ImageCache&) = delete;
    ImageCache& operator=(const ImageCache&) = delete;

    unsigned texture(const std::string& path); // 0: none (draw the placeholder)

    static constexpr long kMaxFileBytes = 8L << 20;
    static constexpr long kMaxPixels = 24L * 1000 * 1000;

  private:
    Logger log_;
    std::map<std::string, unsigned> textures_;
};

} // namespace podium::render
