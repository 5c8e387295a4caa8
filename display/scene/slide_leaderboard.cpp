// Leaderboard: the top three set apart as cards, the rest as rows; rank, movement, name, team,
// value.
#include "labels.hpp"
#include "slides.hpp"

#include <algorithm>
#include <cmath>

namespace podium::scene {
namespace {

struct Board {
    Canvas& c;
    const View& v;
    const SlideContext& ctx;
    bool show_values;
    // One name size per list, so rows never mix sizes (list_name_size).
    float card_name_size = 0, row_name_size = 0;
};

std::string subtitle_for(const Labels& l, Lang lang, const SlideOptions& o) {
    // "Ranked by deals"; the month itself stands in the header. Quarter and year say "to date".
    const Period p = o.period;
    std::string label(o.score ? l.score : metric_label(l, model::metric_name(o.metric)));
    if (lang == Lang::en && !label.empty()) label[0] = static_cast<char>(label[0] - 'A' + 'a');
    std::string s = std::string(l.ranked_by) + label;
    if (p != Period::month)
        s += " \u00b7 " + std::string(p == Period::quarter ? l.this_quarter : l.year_to_date);
    return s;
}

// Up, down, same or new: a small mark of width `w`, centred on `center_y`.
void movement(Canvas& c, const Ranked& r, float x, float center_y, float w, Lang lang) {
    const Theme& t = c.theme();
    const float s = c.px(15);
    const float cx = x + w / 2;
    if (!r.previous_rank) {
        c.text_centered_y(labels(lang).new_entry, x, center_y, w, c.type(TypeScale::kMin),
                          FontFace::semibold, t.accent, Align::center);
    } else if (*r.previous_rank > r.rank) {
        c.triangle({cx, center_y - s}, {cx + s, center_y + s * 0.8f}, {cx - s, center_y + s * 0.8f},
                   t.up);
    } else if (*r.previous_rank < r.rank) {
        c.triangle({cx - s, center_y - s * 0.8f}, {cx + s, center_y - s * 0.8f}, {cx, center_y + s},
                   t.down);
    } else {
        c.rect({cx - s * 0.8f, center_y - c.px(3), s * 1.6f, c.px(6)}, t.text_muted, c.px(3));
    }
}

// Wide enough for the word "New" in this language, with room on both sides.
float movement_width(Canvas& c, Lang lang) {
    return std::max(c.px(90), c.measure().width(FontFace::semibold, c.type(TypeScale::kMin),
                                                labels(lang).new_entry) +
                                  c.px(36));
}

// "12", "€18.5k", or "1,234 pts" for the score.
std::string value_text(const Board& b, std::int64_t value) {
    if (b.ctx.options.score)
        return format_count(value, b.ctx.lang) + " " + std::string(labels(b.ctx.lang).points);
    return format_metric(b.v, b.ctx.options.metric, value, b.ctx.lang);
}

// A name at the list's one size, never shrunk on its own: whole if it fits `w`, else (for a
// named champion) first name and initial, else cut with an ellipsis.
std::string fitted_name(const Canvas& c, const ViewChampion& who, float w, float size) {
    const auto fits = [&](std::string_view s) {
        return c.measure().width(FontFace::semibold, size, s) <= w;
    };
    if (fits(who.display_name)) return who.display_name;
    if (who.named) {
        const std::string short_name = format_name(who.display_name, NameFormat::first_initial);
        if (fits(short_name)) return short_name;
    }
    return c.cut(who.display_name, w, size, FontFace::semibold);
}

// The room for a name in a card of `box` (the team sits under the name) ...
float card_name_width(const Board& b, Box box) {
    const Canvas& c = b.c;
    const float pad = c.px(32), d = std::min(box.h * 0.62f, c.px(124));
    const float value_w = b.show_values ? box.w * 0.22f : 0;
    return box.w - 2 * pad - d - c.px(32) - value_w - movement_width(b.c, b.ctx.lang) - c.px(16);
}

// ... and in a row of width `w`, beside its team column or without one.
float row_name_width(const Board& b, float w, bool with_team) {
    const Canvas& c = b.c;
    const float gap = c.px(24);
    const float value_w = b.show_values ? w * 0.2f : 0;
    const float team_w = with_team ? w * 0.26f + gap : 0;
    return w - c.px(84) - movement_width(b.c, b.ctx.lang) - team_w - value_w - gap;
}

// A list's one name size: the design size, shrunk (never below the five-metre minimum) only as
// far as every name needs to fit whole in `room`. Names that still do not fit are shortened or
// cut by fitted_name, at this same size.
float list_name_size(const Canvas& c, const std::vector<Ranked>& names, float design, float room) {
    float size = design;
    for (const auto& r : names) {
        const float w = c.measure().width(FontFace::semibold, design, r.champion->display_name);
        if (w > room) size = std::min(size, std::floor(design * room / w));
    }
    return std::max(size, std::min(design, c.min_size()));
}

Color medal(const Theme& t, int rank) {
    return rank == 1 ? t.gold : rank == 2 ? t.silver : t.bronze;
}

void card(const Board& b, const Ranked& r, Box box) {
    Canvas& c = b.c;
    const Theme& t = c.theme();
    c.rect(box, r.rank == 1 ? t.surface_strong : t.surface, c.px(24));
    const float pad = c.px(32);
    const float cy = box.y + box.h / 2;
    const float d = std::min(box.h * 0.62f, c.px(124));
    c.circle({box.x + pad + d / 2, cy}, d / 2, medal(t, r.rank));
    c.text_centered_y(std::to_string(r.rank), box.x + pad, cy, d, c.type(TypeScale::kTitle) * 0.85f,
                      FontFace::bold, t.on_accent, Align::center);

    const float value_w = b.show_values ? box.w * 0.22f : 0;
    const float move_w = movement_width(c, b.ctx.lang);
    const float name_x = box.x + pad + d + c.px(32);
    const float name_w = card_name_width(b, box);
    const float name_size = b.card_name_size;
    const float team_size = c.type(TypeScale::kMin);
    const bool has_team = !r.champion->team.empty();
    const float block = name_size + (has_team ? team_size * 1.2f : 0);
    float y = cy - block / 2;
    c.text(fitted_name(c, *r.champion, name_w, name_size), {name_x, y, name_w, name_size}, name_size,
           FontFace::semibold, t.text);
    if (has_team)
        c.text(r.champion->team, {name_x, y + name_size * 1.2f, name_w, team_size}, team_size,
               FontFace::regular, t.text_muted);
    movement(c, r, box.right() - pad - value_w - move_w, cy, move_w, b.ctx.lang);
    if (b.show_values)
        c.text_centered_y(value_text(b, r.value), box.right() - pad - value_w, cy, value_w,
                          c.type(TypeScale::kFigure * 0.8f), FontFace::bold,
                          r.rank == 1 ? t.accent : t.text, Align::right);
}

void row(const Board& b, const Ranked& r, Box box, bool last) {
    Canvas& c = b.c;
    const Theme& t = c.theme();
    const float cy = box.y + box.h / 2;
    const float size = b.row_name_size;
    const float rank_w = c.px(84);
    const float move_w = movement_width(c, b.ctx.lang);
    const float value_w = b.show_values ? box.w * 0.2f : 0;
    const float gap = c.px(24);
    float team_w = r.champion->team.empty() ? 0 : box.w * 0.26f;
    float x = box.x;
    c.text_centered_y(std::to_string(r.rank), x, cy, rank_w, size, FontFace::semibold, t.text_muted,
                      Align::right);
    x += rank_w;
    movement(c, r, x, cy, move_w, b.ctx.lang);
    x += move_w;
    const auto name_room = [&] { return box.right() - x - team_w - value_w - (team_w > 0 ? gap : 0) - gap; };
    // A name that does not fit beside its team takes the team's column first.
    if (team_w > 0 && c.measure().width(FontFace::semibold, size, r.champion->display_name) > name_room())
        team_w = 0;
    const float name_w = name_room();
    c.text_centered_y(fitted_name(c, *r.champion, name_w, size), x, cy, name_w, size,
                      FontFace::semibold, t.text);
    x += name_w + gap;
    if (team_w > 0) {
        c.text_centered_y(r.champion->team, x, cy, team_w, c.type(TypeScale::kMin),
                          FontFace::regular, t.text_muted);
        x += team_w + gap;
    }
    if (b.show_values)
        c.text_centered_y(value_text(b, r.value), x, cy, box.right() - x, size, FontFace::bold,
                          t.text, Align::right);
    if (!last) c.rect({box.x, box.bottom() - c.px(1), box.w, c.px(2)}, t.line);
}

} // namespace

void build_leaderboard(Canvas& c, const View& v, const SlideContext& ctx) {
    const Labels& l = labels(ctx.lang);
    const auto& opt = ctx.options;
    const Frame f =
        draw_frame(c, v, ctx, l.leaderboard, subtitle_for(l, ctx.lang, opt));
    if (!f.month) return draw_empty(c, f.body, l.no_data_yet);
    const Measure measure(opt.metric, opt.score ? &ctx.weights : nullptr);
    const auto ranked = leaderboard(v, measure, opt.period, *f.month, opt.top_n);
    if (ranked.empty()) return draw_empty(c, f.body, l.no_one_to_show);

    const bool money = !opt.score && opt.metric == model::Metric::deal_value;
    Board b{c, v, ctx, v.rules.show_figures && (!money || v.rules.show_money)};
    const Box body = f.body;
    const bool landscape = body.w > body.h * 1.3f;
    const std::size_t cards = std::min<std::size_t>(3, ranked.size());
    const float gap = c.px(22);

    // Cards for the top three: a left column in landscape, a stack on top in portrait.
    Box card_area = landscape
                        ? Box{body.x, body.y, body.w * 0.44f, body.h}
                        : Box{body.x, body.y, body.w, std::min(body.h * 0.45f, c.px(210) * 3)};
    const float card_h = std::min((card_area.h - 2 * gap) / 3, c.px(250));
    const std::vector<Ranked> top(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(cards));
    b.card_name_size = list_name_size(c, top, c.type(TypeScale::kName * 1.15f),
                                      card_name_width(b, {0, 0, card_area.w, card_h}));
    for (std::size_t i = 0; i < cards; ++i)
        card(b, ranked[i],
             {card_area.x, card_area.y + static_cast<float>(i) * (card_h + gap), card_area.w,
              card_h});

    const Box rows = landscape ? Box{card_area.right() + c.px(56), body.y,
                                     body.right() - card_area.right() - c.px(56), body.h}
                               : Box{body.x, card_area.y + 3 * (card_h + gap) + gap, body.w,
                                     body.bottom() - (card_area.y + 3 * (card_h + gap) + gap)};
    const float min_row = c.type(TypeScale::kBody) * 2.0f;
    const std::size_t fit = static_cast<std::size_t>(std::floor(rows.h / min_row));
    const std::size_t count = std::min(ranked.size() - cards, fit);
    if (count == 0) return;
    const std::vector<Ranked> rest(ranked.begin() + static_cast<std::ptrdiff_t>(cards),
                                   ranked.begin() + static_cast<std::ptrdiff_t>(cards + count));
    b.row_name_size =
        list_name_size(c, rest, c.type(TypeScale::kBody), row_name_width(b, rows.w, false));
    const float row_h =
        std::min(rows.h / static_cast<float>(std::max<std::size_t>(count, 7)), c.px(118));
    for (std::size_t i = 0; i < count; ++i)
        row(b, ranked[cards + i], {rows.x, rows.y + static_cast<float>(i) * row_h, rows.w, row_h},
            i + 1 == count);
}

} // namespace podium::scene
