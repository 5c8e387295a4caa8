#include "canvas.hpp"

#include <algorithm>
#include <cmath>

namespace podium::scene {
namespace {
constexpr std::u32string_view kEllipsis = U"\u2026";
constexpr float kSafeMargin = 0.05f; // TV overscan: keep 5 % clear on each side
} // namespace

Canvas::Canvas(DisplayList& out, const TextMeasurer& measure, const Theme& theme, float text_scale,
               Vec2 shift)
    : out_(out), measure_(measure), theme_(theme), unit_(std::min(out.width, out.height) / 1080.0f),
      text_scale_(text_scale) {
    const float mx = std::round(out.width * kSafeMargin);
    const float my = std::round(out.height * kSafeMargin);
    // Burn-in care: everything inside the safe area moves with it, a few pixels at most.
    const float dx = std::round(std::clamp(shift.x, -kMaxShift, kMaxShift) * unit_);
    const float dy = std::round(std::clamp(shift.y, -kMaxShift, kMaxShift) * unit_);
    out_.safe_area = {mx + dx, my + dy, out.width - 2 * mx, out.height - 2 * my};
    out_.min_text_size = TypeScale::kMin * unit_;
    out_.background = theme.bg_top;
}

std::string Canvas::ellipsise(std::u32string_view s, float max_w, float size, FontFace face) const {
    // Binary search the longest prefix that fits with an ellipsis after it.
    std::size_t lo = 0, hi = s.size();
    while (lo < hi) {
        const std::size_t mid = (lo + hi + 1) / 2;
        std::u32string candidate(s.substr(0, mid));
        candidate += kEllipsis;
        if (measure_.width(face, size, encode_utf8(candidate)) <= max_w)
            lo = mid;
        else
            hi = mid - 1;
    }
    std::u32string kept(s.substr(0, lo));
    while (!kept.empty() && kept.back() == U' ')
        kept.pop_back();
    if (kept.empty() && measure_.width(face, size, encode_utf8(kEllipsis)) > max_w) return {};
    kept += kEllipsis; // appended, not a + b: GCC 12 at -O3 warns (wrongly) about the latter
    return encode_utf8(kept);
}

std::pair<float, std::string> Canvas::fit(std::string_view s, float max_w, float size,
                                          FontFace face) const {
    const float min = std::min(size, out_.min_text_size);
    const float w = measure_.width(face, size, s);
    if (w <= max_w) return {size, std::string(s)};
    // Width scales linearly with size: shrink in one step, never below the minimum.
    const float shrunk = std::max(min, std::floor(size * max_w / w));
    if (measure_.width(face, shrunk, s) <= max_w) return {shrunk, std::string(s)};
    return {shrunk, ellipsise(decode_utf8(s), max_w, shrunk, face)};
}

std::string Canvas::cut(std::string_view s, float max_w, float size, FontFace face) const {
    if (measure_.width(face, size, s) <= max_w) return std::string(s);
    return ellipsise(decode_utf8(s), max_w, size, face);
}

Box Canvas::text(std::string_view s, Box box, float size, FontFace face, Color color, Align align) {
    auto [fitted_size, fitted] = fit(s, box.w, size, face);
    if (fitted.empty()) return {box.x, box.y, 0, fitted_size};
    const float w = measure_.width(face, fitted_size, fitted);
    float x = box.x;
    if (align == Align::center) x = box.x + (box.w - w) / 2;
    if (align == Align::right) x = box.right() - w;
    // A shrunk line keeps its vertical centre, so rows stay aligned.
    const float y = box.y + (size - fitted_size) / 2;
    Box placed{x, y, w, fitted_size};
    out_.items.emplace_back(TextItem{std::move(fitted), placed, fitted_size, face, color});
    return placed;
}

Box Canvas::text_centered_y(std::string_view s, float x, float center_y, float max_w, float size,
                            FontFace face, Color color, Align align) {
    const float cap_mid = (measure_.cap_top(face) + measure_.baseline(face)) / 2;
    auto [fitted_size, fitted] = fit(s, max_w, size, face);
    const float top = center_y - cap_mid * fitted_size;
    return text(fitted, {x, top, max_w, fitted_size}, fitted_size, face, color, align);
}

std::vector<std::string> Canvas::wrap(std::string_view s, float max_w, float size, FontFace face,
                                      int max_lines) const {
    std::vector<std::string> lines;
    std::u32string text = decode_utf8(s);
    std::u32string current;
    std::size_t i = 0;
    while (i < text.size() && static_cast<int>(lines.size()) < max_lines) {
        std::size_t j = text.find(U' ', i);
        if (j == std::u32string::npos) j = text.size();
        std::u32string word = text.substr(i, j - i);
        std::u32string candidate = current.empty() ? word : current + U" " + word;
        if (current.empty() || measure_.width(face, size, encode_utf8(candidate)) <= max_w) {
            current = std::move(candidate);
            i = j + 1;
            continue;
        }
        lines.push_back(encode_utf8(current));
        current.clear();
    }
    const bool more = i < text.size();
    if (!current.empty() && static_cast<int>(lines.size()) < max_lines) {
        lines.push_back(encode_utf8(current));
    }
    // A single word wider than the line is cut; the last line says when text was left over.
    for (auto& line : lines)
        if (measure_.width(face, size, line) > max_w)
            line = ellipsise(decode_utf8(line), max_w, size, face);
    if (more && !lines.empty()) {
        std::u32string last = decode_utf8(lines.back());
        std::u32string with = last;
        with += kEllipsis;
        lines.back() = measure_.width(face, size, encode_utf8(with)) <= max_w
                           ? encode_utf8(with)
                           : ellipsise(last, max_w, size, face);
    }
    return lines;
}

Box Canvas::paragraph(std::string_view s, Box box, float size, FontFace face, Color color,
                      int max_lines, float line_gap) {
    const auto lines = wrap(s, box.w, size, face, max_lines);
    float y = box.y;
    float w = 0;
    for (const auto& line : lines) {
        w = std::max(w, text(line, {box.x, y, box.w, size}, size, face, color).w);
        y += size * line_gap;
    }
    const float h =
        lines.empty() ? 0 : size * line_gap * static_cast<float>(lines.size() - 1) + size;
    return {box.x, box.y, w, h};
}

void Canvas::rect(Box b, Color fill, float radius) {
    out_.items.emplace_back(RectItem{b, fill, radius, Color{0, 0, 0, 0}});
}
void Canvas::gradient(Box b, Color top, Color bottom) {
    out_.items.emplace_back(RectItem{b, top, 0, bottom});
}
void Canvas::circle(Vec2 c, float r, Color fill) {
    out_.items.emplace_back(CircleItem{c, r, fill});
}
void Canvas::triangle(Vec2 a, Vec2 b, Vec2 c, Color fill) {
    out_.items.emplace_back(TriangleItem{a, b, c, fill});
}
void Canvas::line(std::vector<Vec2> points, Color color, float thickness) {
    out_.items.emplace_back(LineItem{std::move(points), color, thickness});
}
void Canvas::image(std::string source, Box b, float radius) {
    out_.items.emplace_back(ImageItem{std::move(source), b, radius});
}

} // namespace podium::scene
