// The frame every slide shares: background, title, period, organisation and the demo badge.
#include "labels.hpp"
#include "slides.hpp"

namespace podium::scene {

std::optional<SlideKind> parse_slide_kind(std::string_view s) {
    for (SlideKind k : kAllSlides)
        if (slide_kind_name(k) == s) return k;
    return std::nullopt;
}

std::string_view slide_kind_name(SlideKind k) {
    switch (k) {
    case SlideKind::leaderboard:
        return "leaderboard";
    case SlideKind::spotlight:
        return "spotlight";
    case SlideKind::results:
        return "results";
    case SlideKind::adoption:
        return "adoption";
    case SlideKind::successes:
        return "successes";
    case SlideKind::fallback:
        return "fallback";
    case SlideKind::celebration:
        return "celebration";
    }
    return "?";
}

Frame draw_frame(Canvas& c, const View& v, const SlideContext& ctx, std::string_view title,
                 std::string_view subtitle) {
    const Theme& t = c.theme();
    const Box s = c.safe();
    c.gradient({0, 0, ctx.width, ctx.height}, t.bg_top, t.bg_bottom);
    Frame f;
    f.month = report_month(v, ctx.now.year_month());

    // Header: the title left, the reported month right; a subtitle under the title.
    const float title_size = c.type(TypeScale::kTitle);
    const std::string month = f.month ? format_month_year(*f.month, ctx.lang) : std::string();
    const float month_w =
        month.empty() ? 0 : c.measure().width(FontFace::semibold, c.type(TypeScale::kName), month);
    const float gap = c.px(48);
    c.text(title, {s.x, s.y, s.w - month_w - gap, title_size}, title_size, FontFace::semibold,
           t.text);
    if (!month.empty())
        c.text_centered_y(month, s.x, s.y + title_size * 0.55f, s.w, c.type(TypeScale::kName),
                          FontFace::semibold, t.accent, Align::right);
    float y = s.y + title_size * 1.2f;
    if (!subtitle.empty()) {
        const float sub = c.type(TypeScale::kBody);
        c.text(subtitle, {s.x, y, s.w, sub}, sub, FontFace::regular, t.text_muted);
        y += sub * 1.3f;
    }

    // Footer: the organisation left, the demo badge right. Always reserved, so the body's size
    // does not depend on whether demo data is showing.
    const float small = c.type(TypeScale::kMin);
    const float pad = c.px(14);
    const float footer_h = small + 2 * pad;
    const float footer_y = s.bottom() - footer_h;
    float badge_w = draw_demo_badge(c, v, ctx.lang, s.right(), footer_y);
    if (ctx.data_as_of) {
        // Old data is said, never hidden: "Data as of 24 Nov 14:05", in the goal's gold.
        const auto& d = *ctx.data_as_of;
        const std::string text = std::string(labels(ctx.lang).data_as_of) +
                                 format_date_short({d.year, d.month, d.day}, ctx.lang) + " " +
                                 format_time_hm(d.hour, d.minute);
        badge_w += (badge_w > 0 ? gap : 0) +
                   draw_badge(c, text, t.gold, s.right() - badge_w - (badge_w > 0 ? gap : 0), footer_y);
    }
    c.text(v.organisation.name, {s.x, footer_y + pad, s.w - badge_w - gap, small}, small,
           FontFace::regular, t.text_muted);

    f.body = {s.x, y + c.px(36), s.w, footer_y - c.px(28) - (y + c.px(36))};
    return f;
}

float draw_badge(Canvas& c, std::string_view text, Color color, float right, float y) {
    const float small = c.type(TypeScale::kMin);
    const float pad = c.px(14);
    const float h = small + 2 * pad;
    const float w = c.measure().width(FontFace::semibold, small, text) + 2 * c.px(28);
    c.rect({right - w, y, w, h}, color.with_alpha(40), h / 2);
    c.text(text, {right - w, y + pad, w, small}, small, FontFace::semibold, color, Align::center);
    return w;
}

float draw_demo_badge(Canvas& c, const View& v, Lang lang, float right, float y) {
    return v.meta.is_demo ? draw_badge(c, labels(lang).demo_data, c.theme().accent, right, y) : 0;
}

void draw_empty(Canvas& c, Box body, std::string_view message) {
    const float size = c.type(TypeScale::kTitle);
    c.text_centered_y(message, body.x, body.y + body.h / 2, body.w, size, FontFace::semibold,
                      c.theme().text_muted, Align::center);
}

std::string format_metric(const View& v, model::Metric m, std::int64_t value, Lang lang) {
    if (m == model::Metric::deal_value)
        return format_money_compact(value, v.organisation.currency, lang);
    return format_count(value, lang);
}

void draw_avatar(Canvas& c, const ViewChampion& who, Vec2 center, float d) {
    c.circle(center, d / 2, avatar_color(who.key));
    // Initials first; a photo, when allowed and loadable, is drawn over them.
    if (!who.initials.empty())
        c.text_centered_y(who.initials, center.x - d / 2, center.y, d, d * 0.36f, FontFace::bold,
                          Color{242, 245, 250}, Align::center); // white on the hue, in both themes
    if (!who.photo.empty()) c.image(who.photo, {center.x - d / 2, center.y - d / 2, d, d}, d / 2);
}

Color avatar_color(std::string_view key) {
    // Calm, distinct hues that keep white initials readable; chosen by a stable hash of the key.
    static constexpr Color kPalette[] = {{52, 92, 150}, {38, 120, 112}, {120, 72, 140},
                                         {150, 88, 56}, {70, 110, 60},  {140, 60, 84}};
    std::uint32_t h = 2166136261u;
    for (char ch : key)
        h = (h ^ static_cast<unsigned char>(ch)) * 16777619u;
    return kPalette[h % std::size(kPalette)];
}

Vec2 burn_in_shift(const LocalTime& now) {
    static constexpr Vec2 kRing[] = {{0, 0}, {2, 1}, {3, -1}, {1, -3}, {-1, -2}, {-3, 0}, {-2, 2}, {0, 3}};
    const int step = (now.hour * 60 + now.minute) / 3;
    return kRing[static_cast<std::size_t>(step) % std::size(kRing)];
}

DisplayList build_slide(SlideKind kind, const View& view, const SlideContext& ctx,
                        const TextMeasurer& measure, const Theme& theme) {
    DisplayList out;
    out.width = ctx.width;
    out.height = ctx.height;
    Canvas c(out, measure, theme, ctx.text_scale, ctx.shift);
    switch (kind) {
    case SlideKind::leaderboard:
        build_leaderboard(c, view, ctx);
        break;
    case SlideKind::spotlight:
        build_spotlight(c, view, ctx);
        break;
    case SlideKind::results:
        build_results(c, view, ctx);
        break;
    case SlideKind::adoption:
        build_adoption(c, view, ctx);
        break;
    case SlideKind::successes:
        build_successes(c, view, ctx);
        break;
    case SlideKind::fallback:
        build_fallback(c, view, ctx);
        break;
    case SlideKind::celebration:
        build_celebration(c, view, ctx);
        break;
    }
    return out;
}

} // namespace podium::scene
