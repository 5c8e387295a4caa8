#include "font_atlas.hpp"

#include "display/scene/text_measure.hpp"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <cmath>

namespace podium::render {
namespace {

// Baked sizes, about 1.33x apart: a text is drawn from the next larger tier, scaled down at most
// by a quarter, which bilinear filtering keeps crisp.
constexpr float kTiers[] = {20, 27, 36, 48, 64, 85, 113, 150, 200, 266, 354, 472};
constexpr char32_t kAlways[] = {U'?', U'\u2026', U' '};

} // namespace

FontAtlas::FontAtlas(std::array<std::vector<unsigned char>, scene::kFontFaceCount> fonts)
    : fonts_(std::move(fonts)) {
    // The overlay and fallbacks always have basic Latin at a body size.
    auto& base = glyphs_[{0, 48}];
    for (char32_t c = 0x20; c < 0x7F; ++c)
        base.insert(c);
    rebuild();
}

float FontAtlas::tier_for(float size) {
    for (float t : kTiers)
        if (t >= size - 0.01f) return t;
    return kTiers[std::size(kTiers) - 1];
}

bool FontAtlas::prepare(const std::vector<const scene::DisplayList*>& lists) {
    bool missing = false;
    for (const auto* list : lists)
        for (const auto* t : list->texts()) {
            auto& set = glyphs_[{static_cast<int>(t->face), tier_for(t->size)}];
            for (char32_t c : scene::decode_utf8(t->text))
                missing |= set.insert(c).second;
            for (char32_t c : kAlways)
                missing |= set.insert(c).second;
        }
    if (!missing) return false;
    rebuild();
    return true;
}

void FontAtlas::rebuild() {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->Clear();
    baked_.clear();
    ranges_.clear();
    for (const auto& [key, set] : glyphs_) {
        ImFontGlyphRangesBuilder builder;
        for (char32_t c : set)
            if (c <= 0xFFFF) builder.AddChar(static_cast<ImWchar>(c)); // ImWchar is 16-bit here
        ImVector<ImWchar> built;
        builder.BuildRanges(&built);
        ranges_.emplace_back(built.begin(), built.end());
        ImFontConfig cfg;
        cfg.FontDataOwnedByAtlas = false;
        cfg.OversampleH = 1;
        cfg.OversampleV = 1;
        cfg.PixelSnapH = false; // keep advances exactly as scene::FontMetrics measures them
        cfg.GlyphRanges = ranges_.back().data();
        auto& bytes = fonts_[static_cast<std::size_t>(key.first)];
        baked_[key] = atlas->AddFontFromMemoryTTF(bytes.data(), static_cast<int>(bytes.size()),
                                                  key.second, &cfg, cfg.GlyphRanges);
    }
    atlas->Build();
    tex_w_ = atlas->TexWidth;
    tex_h_ = atlas->TexHeight;
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    atlas->ClearTexData(); // the GPU has it; drop the CPU copy
}

ImFont* FontAtlas::font_for(scene::FontFace face, float size) const {
    const Key key{static_cast<int>(face), tier_for(size)};
    if (auto it = baked_.find(key); it != baked_.end()) return it->second;
    return baked_.begin()->second; // prepare() was not called for this list: draw, never crash
}

std::size_t FontAtlas::glyph_count() const {
    std::size_t n = 0;
    for (const auto& [key, set] : glyphs_)
        n += set.size();
    return n;
}

} // namespace podium::render
