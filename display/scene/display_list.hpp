// The display list: what a slide draws, as positioned primitives in pixels. The scene layer builds
// it (pure, testable), `render --format text` prints its text runs, and display/render draws it.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace podium::scene {

struct Color {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
    bool operator==(const Color&) const = default;
    Color with_alpha(std::uint8_t alpha) const { return {r, g, b, alpha}; }
};

struct Vec2 {
    float x = 0, y = 0;
};

struct Box {
    float x = 0, y = 0, w = 0, h = 0;
    float right() const { return x + w; }
    float bottom() const { return y + h; }
    bool contains(const Box& o, float eps = 0.5f) const {
        return o.x >= x - eps && o.y >= y - eps && o.right() <= right() + eps &&
               o.bottom() <= bottom() + eps;
    }
    bool overlaps(const Box& o, float eps = 0.5f) const {
        return o.x < right() - eps && x < o.right() - eps && o.y < bottom() - eps &&
               y < o.bottom() - eps;
    }
};

enum class FontFace { regular, semibold, bold };
inline constexpr int kFontFaceCount = 3;

struct TextItem {
    std::string text; // UTF-8, already fitted (shrunk or ellipsised) to its box
    Box box;          // top-left at the line's top; w = measured width, h = size
    float size = 0;   // pixel height of the line (ascent - descent)
    FontFace face = FontFace::regular;
    Color color;
};

struct RectItem {
    Box box;
    Color fill;
    float radius = 0;
    Color fill_bottom{0, 0, 0, 0}; // alpha > 0: a vertical gradient from fill to fill_bottom
};

struct CircleItem {
    Vec2 center;
    float radius = 0;
    Color fill;
};

struct TriangleItem {
    Vec2 a, b, c;
    Color fill;
};

struct LineItem {
    std::vector<Vec2> points;
    Color color;
    float thickness = 1;
};

struct ImageItem {
    std::string source; // a local file path the renderer may load
    Box box;
    float radius = 0; // corner rounding; box.w / 2 gives a circle
};

using Item = std::variant<RectItem, CircleItem, TriangleItem, LineItem, TextItem, ImageItem>;

struct DisplayList {
    float width = 0, height = 0;
    Color background;
    Box safe_area;           // everything is drawn inside it (TV overscan)
    float min_text_size = 0; // nothing smaller is readable from five metres
    std::vector<Item> items; // draw order; text items are in reading order

    std::vector<const TextItem*> texts() const;
    std::string text_lines() const; // one line per text run, in reading order
};

} // namespace podium::scene
