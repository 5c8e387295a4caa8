#include "text_measure.hpp"

#include <stb_truetype.h>

#include <stdexcept>
#include <unordered_map>

namespace podium::scene {

struct FontMetrics::Face {
    std::vector<unsigned char> bytes;
    stbtt_fontinfo info{};
    float unit_scale = 0; // scale for a pixel height of 1
    float baseline = 0;
    float cap_top = 0;
    float fallback_advance = 0;
    mutable std::unordered_map<char32_t, float> advance_cache; // per unit size
};

FontMetrics::FontMetrics(std::array<std::vector<unsigned char>, kFontFaceCount> fonts) {
    for (std::size_t i = 0; i < fonts.size(); ++i) {
        auto face = std::make_unique<Face>();
        face->bytes = std::move(fonts[i]);
        const unsigned char* data = face->bytes.data();
        if (face->bytes.empty() ||
            !stbtt_InitFont(&face->info, data, stbtt_GetFontOffsetForIndex(data, 0)))
            throw std::runtime_error("not a usable font file");
        face->unit_scale = stbtt_ScaleForPixelHeight(&face->info, 1.0f);
        int ascent = 0, descent = 0, gap = 0;
        stbtt_GetFontVMetrics(&face->info, &ascent, &descent, &gap);
        face->baseline = static_cast<float>(ascent) * face->unit_scale;
        int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        stbtt_GetCodepointBox(&face->info, 'H', &x0, &y0, &x1, &y1);
        face->cap_top = face->baseline - static_cast<float>(y1) * face->unit_scale;
        int adv = 0, lsb = 0;
        stbtt_GetCodepointHMetrics(&face->info, '?', &adv, &lsb);
        face->fallback_advance = static_cast<float>(adv) * face->unit_scale;
        faces_[i] = std::move(face);
    }
}

FontMetrics::~FontMetrics() = default;

bool FontMetrics::has_glyph(FontFace face, char32_t cp) const {
    return stbtt_FindGlyphIndex(&faces_[static_cast<std::size_t>(face)]->info,
                                static_cast<int>(cp)) != 0;
}

float FontMetrics::width(FontFace face, float size, std::string_view utf8) const {
    const Face& f = *faces_[static_cast<std::size_t>(face)];
    float total = 0;
    for (char32_t cp : decode_utf8(utf8)) {
        auto it = f.advance_cache.find(cp);
        if (it == f.advance_cache.end()) {
            float adv = f.fallback_advance; // the renderer draws '?' for a glyph the font lacks
            if (const int glyph = stbtt_FindGlyphIndex(&f.info, static_cast<int>(cp)); glyph != 0) {
                int a = 0, lsb = 0;
                stbtt_GetGlyphHMetrics(&f.info, glyph, &a, &lsb);
                adv = static_cast<float>(a) * f.unit_scale;
            }
            it = f.advance_cache.emplace(cp, adv).first;
        }
        total += it->second;
    }
    return total * size;
}

float FontMetrics::baseline(FontFace face) const {
    return faces_[static_cast<std::size_t>(face)]->baseline;
}
float FontMetrics::cap_top(FontFace face) const {
    return faces_[static_cast<std::size_t>(face)]->cap_top;
}

std::u32string decode_utf8(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        int len = c < 0x80           ? 1
                  : (c >> 5) == 0x6  ? 2
                  : (c >> 4) == 0xE  ? 3
                  : (c >> 3) == 0x1E ? 4
                                     : 0;
        if (len == 0 || i + static_cast<std::size_t>(len) > s.size()) {
            out.push_back(0xFFFD);
            ++i;
            continue;
        }
        char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
        bool ok = true;
        for (int k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
            if ((cc >> 6) != 0x2) ok = false;
            cp = (cp << 6) | (cc & 0x3Fu);
        }
        out.push_back(ok ? cp : 0xFFFD);
        i += ok ? static_cast<std::size_t>(len) : 1;
    }
    return out;
}

std::string encode_utf8(std::u32string_view s) {
    std::string out;
    for (char32_t cp : s) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }
    return out;
}

} // namespace podium::scene
