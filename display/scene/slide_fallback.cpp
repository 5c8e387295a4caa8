// Fallback: the organisation's name, a large clock and the date, calm and centred. It plays when
// nothing is scheduled or there is no data, so it needs nothing from the View but may use the name.
#include "labels.hpp"
#include "slides.hpp"

namespace podium::scene {
namespace {

// "Wednesday 25 November 2026" / "woensdag 25 november 2026"; a date the calendar does not
// know (bad clock input) is shown without its weekday rather than guessed.
std::string long_date_with_weekday(const LocalTime& now, Lang lang) {
    const model::Date d{now.year, now.month, now.day};
    const std::string date = format_date_long(d, lang);
    if (now.month < 1 || now.month > 12) return date;
    return weekday_name(day_of_week(d), lang) + " " + date;
}

} // namespace

void build_fallback(Canvas& c, const View& v, const SlideContext& ctx) {
    const Theme& t = c.theme();
    const Box s = c.safe();
    c.gradient({0, 0, ctx.width, ctx.height}, t.bg_top, t.bg_bottom);

    // The name stands where a logo would: top centre, with a short accent rule under it.
    const float name_size = c.type(TypeScale::kName);
    if (!v.organisation.name.empty()) {
        const float y = s.y + c.px(24);
        c.text(v.organisation.name, {s.x, y, s.w, name_size}, name_size, FontFace::semibold,
               t.text_muted, Align::center);
        const float rule_w = c.px(72);
        c.rect({s.x + (s.w - rule_w) / 2, y + name_size * 1.35f, rule_w, c.px(6)}, t.accent,
               c.px(3));
    }

    // The clock and the date as one block on the optical centre (a little above the middle).
    const float clock = c.type(TypeScale::kHero * 2.2f);
    const float date = c.type(TypeScale::kName * 1.1f);
    const float block = clock + c.px(12) + date;
    const float top = s.y + (s.h - block) / 2 - c.px(24);
    c.text(format_time_hm(ctx.now.hour, ctx.now.minute), {s.x, top, s.w, clock}, clock,
           FontFace::semibold, t.text, Align::center);
    c.text(long_date_with_weekday(ctx.now, ctx.lang), {s.x, top + clock + c.px(12), s.w, date},
           date, FontFace::regular, t.text_muted, Align::center);

    // Demo data stays marked, even here: the name above is then made up.
    const float small = c.type(TypeScale::kMin);
    draw_demo_badge(c, v, ctx.lang, s.right(), s.bottom() - small - 2 * c.px(14));
}

} // namespace podium::scene
