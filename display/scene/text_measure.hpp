// Text measurement for layout. FontMetrics reads the same font files the renderer bakes, with the
// same scale rule as Dear ImGui's stb_truetype builder (pixel height = ascent - descent, no
// kerning), so a width measured here is the width drawn there.
#pragma once

#include "display_list.hpp"

#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace podium::scene {

class TextMeasurer {
  public:
    virtual ~TextMeasurer() = default;
    virtual float width(FontFace face, float size, std::string_view utf8) const = 0;
    // Fractions of the size, from the line's top: the baseline, and the top of a capital letter.
    virtual float baseline(FontFace face) const = 0;
    virtual float cap_top(FontFace face) const = 0;
};

class FontMetrics final : public TextMeasurer {
  public:
    // One font file's bytes per face, in FontFace order. Throws std::runtime_error when a file is
    // not a font: a start-up failure.
    explicit FontMetrics(std::array<std::vector<unsigned char>, kFontFaceCount> fonts);
    ~FontMetrics() override;
    FontMetrics(const FontMetrics&) = delete;
    FontMetrics& operator=(const FontMetrics&) = delete;

    float width(FontFace face, float size, std::string_view utf8) const override;
    float baseline(FontFace face) const override;
    float cap_top(FontFace face) const override;
    bool has_glyph(FontFace face, char32_t cp) const;

  private:
    struct Face;
    std::array<std::unique_ptr<Face>, kFontFaceCount> faces_;
};

// Decodes UTF-8 to code points; invalid bytes become U+FFFD.
std::u32string decode_utf8(std::string_view s);
std::string encode_utf8(std::u32string_view s);

} // namespace podium::scene
