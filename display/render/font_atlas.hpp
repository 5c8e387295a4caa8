// The glyph atlas, baked on purpose: only the glyphs the display lists use, at a few size tiers,
// no oversampling. A 4K leaderboard needs a few hundred glyphs, not whole Unicode blocks at every
// size (ImGui's defaults would make a 32-128 MiB atlas at TV sizes).
#pragma once

#include "display/scene/display_list.hpp"

#include <array>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

struct ImFont;

namespace podium::render {

class FontAtlas {
  public:
    explicit FontAtlas(std::array<std::vector<unsigned char>, scene::kFontFaceCount> fonts);

    // Makes sure every glyph of these lists is baked; rebuilds and re-uploads the atlas if not.
    // Returns true when it rebuilt.
    bool prepare(const std::vector<const scene::DisplayList*>& lists);
    ImFont* font_for(scene::FontFace face, float size) const;
    static float tier_for(float size); // the baked size a text of `size` is drawn from
    std::size_t glyph_count() const;
    int texture_width() const { return tex_w_; }
    int texture_height() const { return tex_h_; }

  private:
    using Key = std::pair<int, float>; // face, tier
    void rebuild();

    std::array<std::vector<unsigned char>, scene::kFontFaceCount> fonts_;
    std::map<Key, std::set<char32_t>> glyphs_;
    std::map<Key, ImFont*> baked_;
    std::vector<std::vector<unsigned short>> ranges_; // must outlive the atlas build
    int tex_w_ = 0, tex_h_ = 0;
};

} // namespace podium::render
