// Results: the month's headline figures and return on investment, and a 12-month trend chart of
// what came out (deal value) against what went in (cost).
#include "labels.hpp"
#include "slides.hpp"

#include <algorithm>
#include <cmath>

namespace podium::scene {
namespace {

struct Tile {
    std::string label, value, caption;
    Color caption_color;
    std::string compact = {}; // the value in fewer characters, when it does not fit ("2,000T")
};

// "+12% vs Sep" against the previous month; empty when there is nothing to compare.
std::string change(std::int64_t now, std::int64_t before, model::YearMonth prev, Lang lang) {
    if (before <= 0) return {};
    const double pct = 100.0 * static_cast<double>(now - before) / static_cast<double>(before);
    std::string s = pct >= 0 ? "+" : "";
    s += format_percent(pct, lang);
    s += lang == Lang::nl ? " t.o.v. " : " vs ";
    s += month_abbrev(prev.month, lang);
    return s;
}

std::vector<Tile> tiles(const View& v, const SlideContext& ctx, const Theme& t, model::YearMonth m) {
    const Labels& l = labels(ctx.lang);
    const MonthRange now{m, m}, before{m.prev(), m.prev()};
    std::vector<Tile> out;
    auto count_tile = [&](model::Metric metric, std::string_view label) {
        const auto a = total(v, metric, now), b = total(v, metric, before);
        out.push_back(
            {std::string(label), format_metric(v, metric, a, ctx.lang),
             change(a, b, m.prev(), ctx.lang), a >= b ? t.up : t.text_muted,
             metric == model::Metric::deal_value ? std::string() : format_compact(a, ctx.lang)});
    };
    if (v.rules.show_money)
        count_tile(model::Metric::deal_value, l.deal_value);
    else
        count_tile(model::Metric::proposals, l.proposals);
    count_tile(model::Metric::deals, l.deals);
    count_tile(model::Metric::leads, l.leads);

    // Return on investment: (deal value - cost) / cost, for the month, in cents as the money is
    // shown: a cost that shows as 0 has no ROI. The feed's limits (model::kMaxMoney, kMaxHours)
    // keep the conversions to whole cents and hours exact; a ROI too large to print is "–".
    Tile roi{std::string(l.roi), "\u2013", {}, t.text_muted};
    const auto* inv = investment_for(v, m);
    const bool in_range = inv && inv->cost <= static_cast<double>(model::kMaxMoney) &&
                          inv->hours >= 0 && inv->hours <= static_cast<double>(model::kMaxHours);
    const std::int64_t cost = in_range ? std::llround(inv->cost * 100) : 0;
    if (cost > 0) {
        const auto value = total(v, model::Metric::deal_value, now);
        roi.value =
            format_percent(100.0 * (static_cast<double>(value) - static_cast<double>(cost)) /
                               static_cast<double>(cost),
                           ctx.lang);
        const std::string hours =
            format_count(std::llround(inv->hours), ctx.lang) + " " + std::string(l.hours_short);
        roi.caption = v.rules.show_money ? format_money(cost, v.organisation.currency, ctx.lang) +
                                               " \u00b7 " + hours + " " + std::string(l.invested)
                                         : hours + " " + std::string(l.invested);
    }
    out.push_back(std::move(roi));
    return out;
}

void draw_tiles(Canvas& c, const std::vector<Tile>& ts, Box area, bool two_rows) {
    const float gap = c.px(24);
    const std::size_t per_row = two_rows ? 2 : ts.size();
    const float w = (area.w - gap * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
    const float h = two_rows ? (area.h - gap) / 2 : area.h;
    const float pad = c.px(28);
    const float small = c.type(TypeScale::kMin), big = c.type(TypeScale::kFigure);
    for (std::size_t i = 0; i < ts.size(); ++i) {
        const Box b{area.x + static_cast<float>(i % per_row) * (w + gap),
                    area.y + static_cast<float>(i / per_row) * (h + gap), w, h};
        c.rect(b, c.theme().surface, c.px(20));
        c.text(ts[i].label, {b.x + pad, b.y + pad, b.w - 2 * pad, small}, small, FontFace::semibold,
               c.theme().text_muted);
        // A whole figure cut short would be a wrong one: a total too wide goes compact instead.
        const bool fits = c.measure().width(FontFace::bold, big, ts[i].value) <= b.w - 2 * pad;
        c.text(fits || ts[i].compact.empty() ? ts[i].value : ts[i].compact,
               {b.x + pad, b.y + pad + small * 1.35f, b.w - 2 * pad, big}, big, FontFace::bold,
               i == 0 ? c.theme().accent : c.theme().text);
        if (!ts[i].caption.empty())
            c.text(ts[i].caption, {b.x + pad, b.bottom() - pad - small, b.w - 2 * pad, small},
                   small, FontFace::regular, ts[i].caption_color);
    }
}

void legend(Canvas& c, float right, float cy,
            const std::vector<std::pair<std::string, Color>>& keys) {
    const float small = c.type(TypeScale::kMin), sw = c.px(28);
    float x = right;
    for (auto it = keys.rbegin(); it != keys.rend(); ++it) {
        const float w = c.measure().width(FontFace::regular, small, it->first);
        x -= w;
        c.text_centered_y(it->first, x, cy, w + 1, small, FontFace::regular, c.theme().text_muted);
        x -= sw + c.px(14);
        c.rect({x, cy - sw / 2, sw, sw}, it->second, c.px(6));
        x -= c.px(40);
    }
}

void chart(Canvas& c, const View& v, const SlideContext& ctx, model::YearMonth last, Box area) {
    const Labels& l = labels(ctx.lang);
    const Theme& t = c.theme();
    const bool money = v.rules.show_money;
    const float small = c.type(TypeScale::kMin);
    const std::string bars_label(money ? l.deal_value : l.deals);
    std::vector<std::pair<std::string, Color>> keys = {{bars_label, t.accent}};
    if (money) keys.push_back({std::string(l.investment), t.gold});
    legend(c, area.right(), area.y + small / 2, keys);

    std::vector<model::YearMonth> months;
    for (model::YearMonth m = last; months.size() < 12; m = m.prev())
        months.insert(months.begin(), m);
    std::vector<double> bars, costs;
    for (auto m : months) {
        const auto value =
            total(v, money ? model::Metric::deal_value : model::Metric::deals, {m, m});
        bars.push_back(money ? static_cast<double>(value) / 100.0 : static_cast<double>(value));
        const auto* inv = investment_for(v, m);
        costs.push_back(inv ? inv->cost : 0.0);
    }
    double top = *std::max_element(bars.begin(), bars.end());
    if (money) top = std::max(top, *std::max_element(costs.begin(), costs.end()));
    if (top <= 0) top = 1;

    const Box plot{area.x, area.y + small * 2, area.w, area.h - small * 2 - small * 1.6f};
    const float slot = plot.w / 12;
    const float label_w = c.measure().width(FontFace::regular, small, "Mmm");
    const std::size_t label_every = label_w > slot * 0.9f ? 2 : 1;
    c.rect({plot.x, plot.bottom(), plot.w, c.px(2)}, t.line);
    std::vector<Vec2> cost_line;
    for (std::size_t i = 0; i < 12; ++i) {
        const float x = plot.x + slot * static_cast<float>(i);
        const float h = static_cast<float>(bars[i] / top) * plot.h;
        const Color bar = i == 11 ? t.accent : t.accent.with_alpha(110);
        if (h > 0) c.rect({x + slot * 0.2f, plot.bottom() - h, slot * 0.6f, h}, bar, c.px(6));
        if (money)
            cost_line.push_back(
                {x + slot / 2, plot.bottom() - static_cast<float>(costs[i] / top) * plot.h});
        if ((11 - i) % label_every == 0)
            c.text(month_abbrev(months[i].month, ctx.lang),
                   {x, plot.bottom() + small * 0.5f, slot, small}, small, FontFace::regular,
                   i == 11 ? t.text : t.text_muted, Align::center);
    }
    if (money) {
        c.line(cost_line, t.gold, c.px(5));
        for (const auto& p : cost_line)
            c.circle(p, c.px(9), t.gold);
    }
}

} // namespace

void build_results(Canvas& c, const View& v, const SlideContext& ctx) {
    const Labels& l = labels(ctx.lang);
    const Frame f = draw_frame(c, v, ctx, l.results, l.all_champions);
    if (!f.month) return draw_empty(c, f.body, l.no_data_yet);
    const Box body = f.body;
    const bool landscape = body.w > body.h * 1.3f;
    const float tile_h = c.type(TypeScale::kMin) * 2.6f + c.type(TypeScale::kFigure) + c.px(56);
    const float tiles_h = landscape ? tile_h : tile_h * 2 + c.px(24);
    draw_tiles(c, tiles(v, ctx, c.theme(), *f.month), {body.x, body.y, body.w, tiles_h}, !landscape);
    const float chart_y = body.y + tiles_h + c.px(56);
    chart(c, v, ctx, *f.month, {body.x, chart_y, body.w, body.bottom() - chart_y});
}

} // namespace podium::scene
