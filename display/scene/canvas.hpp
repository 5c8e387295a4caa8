// Canvas: how slides add primitives to a display list. It fits every text run to its box (shrink to
// the minimum readable size, then ellipsise) so no slide can overflow or go below that size.
#pragma once

#include "display_list.hpp"
#include "text_measure.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace podium::scene {

enum class Align { left, center, right };

struct Theme {
    Color bg_top{11, 18, 32};
    Color bg_bottom{16, 27, 46};
    Color surface{24, 36, 58};
    Color surface_strong{31, 46, 74};
    Color line{44, 60, 90};
    Color text{242, 245, 250};
    Color text_muted{166, 180, 201};
    Color accent{45, 212, 191};
    Color on_accent{8, 30, 36};
    Color gold{244, 197, 66};
    Color silver{201, 209, 220};
    Color bronze{215, 146, 91};
    Color up{74, 222, 128};
    Color down{248, 113, 113};
};

// The light theme (display.theme = "light"): dark text on a pale ground for a bright room; the
// accents are deepened so they keep their contrast against it.
inline Theme light_theme() {
    Theme t;
    t.bg_top = {241, 245, 249};
    t.bg_bottom = {226, 232, 240};
    t.surface = {255, 255, 255};
    t.surface_strong = {219, 228, 239};
    t.line = {203, 213, 225};
    t.text = {15, 23, 42};
    t.text_muted = {71, 85, 105};
    t.accent = {13, 128, 118};
    t.on_accent = {255, 255, 255};
    t.gold = {214, 158, 24};
    t.silver = {148, 163, 184};
    t.bronze = {190, 110, 50};
    t.up = {22, 140, 70};
    t.down = {200, 40, 40};
    return t;
}

// Type scale in pixels at 1080 (the shorter screen side); multiplied by Canvas::unit().
struct TypeScale {
    static constexpr float kMin = 36; // 1/30 of 1080: the five-metre minimum
    static constexpr float kBody = 44;
    static constexpr float kName = 52;
    static constexpr float kTitle = 72;
    static constexpr float kFigure = 104;
    static constexpr float kHero = 150;
};

class Canvas {
  public:
    // The largest burn-in shift, in design pixels (at 1080): far inside the 5 % overscan margin.
    static constexpr float kMaxShift = 3;

    // `shift` (design pixels, each axis clamped to ±kMaxShift) moves the safe area and so
    // everything drawn in it: burn-in care for the static parts of a slide.
    Canvas(DisplayList& out, const TextMeasurer& measure, const Theme& theme,
           float text_scale = 1.0f, Vec2 shift = {});

    float unit() const { return unit_; } // pixels per design pixel at 1080
    float px(float design) const { return design * unit_; }
    // A type size with the text-size setting applied; a smaller setting never goes below the
    // five-metre minimum.
    float type(float design) const { return std::max(design * unit_ * text_scale_, min_size()); }
    const Theme& theme() const { return theme_; }
    const TextMeasurer& measure() const { return measure_; }
    const Box& safe() const { return out_.safe_area; }
    float min_size() const { return out_.min_text_size; }

    // One line of text in `box` (its height is ignored: the line is placed at box.y), fitted to
    // box.w. Returns the placed box (zero width when the text is empty).
    Box text(std::string_view s, Box box, float size, FontFace face, Color color,
             Align align = Align::left);
    // The same, vertically centred on the capital height at `center_y`.
    Box text_centered_y(std::string_view s, float x, float center_y, float max_w, float size,
                        FontFace face, Color color, Align align = Align::left);
    // Word-wrapped into at most `max_lines` lines (ellipsis on the last); returns the used box.
    Box paragraph(std::string_view s, Box box, float size, FontFace face, Color color,
                  int max_lines, float line_gap = 1.25f);

    void rect(Box b, Color fill, float radius = 0);
    void gradient(Box b, Color top, Color bottom);
    void circle(Vec2 c, float r, Color fill);
    void triangle(Vec2 a, Vec2 b, Vec2 c, Color fill);
    void line(std::vector<Vec2> points, Color color, float thickness);
    void image(std::string source, Box b, float radius);

    // The fitted (size, text) pair for one line: shrink down to the minimum, then ellipsise.
    std::pair<float, std::string> fit(std::string_view s, float max_w, float size,
                                      FontFace face) const;
    // `s` if it fits max_w at `size`, else cut with an ellipsis at that same size: for a list
    // whose lines must keep one size.
    std::string cut(std::string_view s, float max_w, float size, FontFace face) const;
    std::vector<std::string> wrap(std::string_view s, float max_w, float size, FontFace face,
                                  int max_lines) const;

  private:
    std::string ellipsise(std::u32string_view s, float max_w, float size, FontFace face) const;

    DisplayList& out_;
    const TextMeasurer& measure_;
    const Theme& theme_;
    float unit_;
    float text_scale_;
};

} // namespace podium::scene
