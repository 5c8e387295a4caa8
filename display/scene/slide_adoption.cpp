// Adoption: champions as a share of all colleagues, against the goal, and how that share grew over
// the last twelve months. Without a headcount it shows the number of champions and their growth.
#include "labels.hpp"
#include "slides.hpp"

#include <algorithm>
#include <cmath>

namespace podium::scene {
namespace {

constexpr std::size_t kMonths = 12;

// Per month, oldest first and the reported month last: the share in percent, or the number of
// champions when the headcount is unknown (never a division by zero).
struct Trend {
    std::vector<model::YearMonth> months;
    std::vector<std::int64_t> counts;
    std::vector<double> values;
};

Trend trend_to(const View& v, model::YearMonth last, const Adoption& a) {
    Trend t;
    for (model::YearMonth m = last; t.months.size() < kMonths; m = m.prev())
        t.months.insert(t.months.begin(), m);
    for (auto m : t.months) {
        const std::int64_t n = champion_count(v, m);
        t.counts.push_back(n);
        t.values.push_back(a.headcount
                               ? 100.0 * static_cast<double>(n) / static_cast<double>(*a.headcount)
                               : static_cast<double>(n));
    }
    return t;
}

// Goals are usually whole percentages: a decimal only when the goal has one.
std::string goal_percent_text(double goal, Lang lang) {
    return format_percent(goal, lang, std::fabs(goal - std::round(goal)) < 1e-9 ? 0 : 1);
}

struct Headline {
    std::string figure;  // "9.5%", or "40" without a headcount
    std::string caption; // "40 of 420 colleagues", or "champions"
    std::string growth;  // "+28 champions since Nov 2025"
    bool grew = false;
    std::string goal;              // "Goal 10%", empty without a share or a goal
    std::optional<float> progress; // 0..1 of the way to the goal
};

Headline headline_for(const Labels& l, const Adoption& a, const Trend& t, Lang lang) {
    Headline h;
    const std::string count = format_count(a.champions, lang);
    if (a.percent && a.headcount) {
        // One decimal: adoption moves in small steps, and 9.5% is not yet 10%.
        h.figure = format_percent(*a.percent, lang, 1);
        h.caption = count + std::string(l.of) + format_count(*a.headcount, lang) + " " +
                    std::string(l.colleagues);
        if (a.goal_percent) {
            const double share = *a.percent / *a.goal_percent;
            h.progress = static_cast<float>(std::clamp(share, 0.0, 1.0));
            // Appended, not a + b: GCC 12 at -O3 warns (wrongly) about the latter.
            h.goal = std::string(l.goal);
            h.goal += ' ';
            h.goal += goal_percent_text(*a.goal_percent, lang);
            if (share >= 1) (h.goal += ' ') += l.reached;
        }
    } else {
        h.figure = count;
        h.caption = std::string(a.champions == 1 ? l.champion : l.champions);
    }
    const std::int64_t change = t.counts.back() - t.counts.front();
    h.grew = change > 0;
    const model::YearMonth since = t.months.front();
    // "champions" only where the caption above does not already say it.
    h.growth.clear();
    if (change > 0) h.growth += '+';
    h.growth += format_count(change, lang);
    h.growth += ' ';
    if (a.percent) (h.growth += l.champions) += ' ';
    (h.growth += l.since) += ' ';
    (h.growth += month_abbrev(since.month, lang)) += ' ';
    h.growth += std::to_string(since.year);
    return h;
}

struct HeadlineSizes {
    float figure, caption, growth, bar, goal, total;
};

// At most `max_h` tall: with a large text-size setting the big figure gives way first.
HeadlineSizes sizes_of(const Canvas& c, const Headline& h, float max_h) {
    HeadlineSizes s{c.type(TypeScale::kHero * 1.5f), c.type(TypeScale::kName),
                    c.type(TypeScale::kBody),        c.px(22),
                    c.type(TypeScale::kMin),         0};
    const auto total = [&] {
        return s.figure * 1.08f + s.caption * 1.35f + s.growth +
               (h.progress ? c.px(64) + s.bar + c.px(20) + s.goal : 0.0f);
    };
    s.total = total();
    if (s.total > max_h) {
        s.figure = std::max(s.figure - (s.total - max_h) / 1.08f, c.min_size());
        s.total = total();
    }
    return s;
}

// The big figure, what it means, its growth and the bar to the goal, centred in `area`.
void draw_headline(Canvas& c, const Headline& h, Box area, bool centre_y) {
    const Theme& t = c.theme();
    const HeadlineSizes s = sizes_of(c, h, area.h);
    float y = centre_y ? area.y + std::max(0.0f, (area.h - s.total) / 2) : area.y;
    c.text(h.figure, {area.x, y, area.w, s.figure}, s.figure, FontFace::bold, t.accent);
    y += s.figure * 1.08f;
    c.text(h.caption, {area.x, y, area.w, s.caption}, s.caption, FontFace::semibold, t.text);
    y += s.caption * 1.35f;
    c.text(h.growth, {area.x, y, area.w, s.growth}, s.growth, FontFace::regular,
           h.grew ? t.up : t.text_muted);
    y += s.growth;
    if (!h.progress) return;
    y += c.px(64);
    // Gold marks the goal here and in the chart, so the two read as one.
    c.rect({area.x, y, area.w, s.bar}, t.surface_strong, s.bar / 2);
    if (*h.progress > 0)
        c.rect({area.x, y, std::max(s.bar, area.w * *h.progress), s.bar}, t.accent, s.bar / 2);
    c.rect({area.right() - c.px(6), y - c.px(10), c.px(6), s.bar + c.px(20)}, t.gold, c.px(3));
    y += s.bar + c.px(20);
    c.text(h.goal, {area.x, y, area.w, s.goal}, s.goal, FontFace::semibold, t.gold, Align::right);
}

// A horizontal dashed line: the goal, or the top of the chart without one.
void dashed(Canvas& c, float x0, float x1, float y, Color color) {
    const float dash = c.px(18), gap = c.px(12), thick = c.px(4);
    for (float x = x0; x < x1; x += dash + gap)
        c.rect({x, y - thick / 2, std::min(dash, x1 - x), thick}, color, thick / 2);
}

// Twelve bars, the reported month bright; one labelled reference line (the goal in gold, or the
// highest count) gives the scale without an axis full of numbers.
void draw_chart(Canvas& c, const Trend& tr, const Adoption& a, Lang lang, Box area) {
    const Theme& t = c.theme();
    const float small = c.type(TypeScale::kMin);
    const std::optional<double> goal = a.headcount ? a.goal_percent : std::nullopt;
    const double highest = *std::max_element(tr.values.begin(), tr.values.end());
    const double top = std::max({highest, goal.value_or(0.0), 1e-9});
    const double ref = goal.value_or(highest);
    const std::string ref_text =
        goal ? goal_percent_text(*goal, lang) : format_compact(std::llround(highest), lang);
    // One pixel over the measured width, so the label is never ellipsised by rounding.
    const float ref_w =
        std::min(area.w * 0.25f, c.measure().width(FontFace::semibold, small, ref_text) + 1);
    const float label_w = ref_w + c.px(28);

    const Box plot{area.x + label_w, area.y + small, area.w - label_w,
                   area.h - small - small * 1.7f};
    const float slot = plot.w / static_cast<float>(kMonths);
    const std::size_t label_every =
        c.measure().width(FontFace::regular, small, "Mmm") > slot * 0.9f ? 2 : 1;
    c.rect({plot.x, plot.bottom(), plot.w, c.px(2)}, t.line);
    for (std::size_t i = 0; i < kMonths; ++i) {
        const float x = plot.x + slot * static_cast<float>(i);
        const float h = static_cast<float>(tr.values[i] / top) * plot.h;
        const bool last = i + 1 == kMonths;
        if (h > 0.5f)
            c.rect({x + slot * 0.18f, plot.bottom() - h, slot * 0.64f, h},
                   last ? t.accent : t.accent.with_alpha(100), std::min(c.px(8), h / 2));
        if ((kMonths - 1 - i) % label_every != 0) continue;
        // Centred under its bar, but never past the chart's edges.
        const std::string month = month_abbrev(tr.months[i].month, lang);
        const float w = c.measure().width(FontFace::regular, small, month);
        const float lx = std::clamp(x + slot / 2 - w / 2, area.x, area.right() - w);
        c.text(month, {lx, plot.bottom() + small * 0.6f, w + 1, small}, small, FontFace::regular,
               last ? t.text : t.text_muted);
    }
    if (ref <= 0) return;
    const float ref_y = plot.bottom() - static_cast<float>(ref / top) * plot.h;
    const Color ref_color = goal ? t.gold : t.text_muted;
    dashed(c, plot.x, plot.right(), ref_y, ref_color.with_alpha(goal ? 230 : 120));
    c.text_centered_y(ref_text, area.x, ref_y, ref_w, small, FontFace::semibold, ref_color,
                      Align::right);
}

} // namespace

void build_adoption(Canvas& c, const View& v, const SlideContext& ctx) {
    const Labels& l = labels(ctx.lang);
    const Frame f = draw_frame(c, v, ctx, l.adoption, l.adoption_subtitle);
    if (!f.month) return draw_empty(c, f.body, l.no_data_yet);
    const Adoption a = adoption_in(v, *f.month);
    const Trend tr = trend_to(v, *f.month, a);
    const Headline h = headline_for(l, a, tr, ctx.lang);
    const Box body = f.body;
    const bool landscape = body.w > body.h * 1.3f;
    if (landscape) {
        // The message left, its story over time right.
        const Box left{body.x, body.y, body.w * 0.4f, body.h};
        draw_headline(c, h, left, true);
        const float x = left.right() + c.px(120);
        const float chart_h = std::min(body.h, c.px(560));
        draw_chart(c, tr, a, ctx.lang,
                   {x, body.y + (body.h - chart_h) / 2, body.right() - x, chart_h});
        return;
    }
    const float head_h = sizes_of(c, h, body.h * 0.5f).total;
    draw_headline(c, h, {body.x, body.y + c.px(24), body.w, head_h}, false);
    // The chart takes what is left, centred in it, so the slide does not sag to one end.
    const float y = body.y + c.px(24) + head_h + c.px(96);
    const float chart_h = std::min(body.bottom() - y, c.px(820));
    draw_chart(c, tr, a, ctx.lang,
               {body.x, y + (body.bottom() - y - chart_h) / 2, body.w, chart_h});
}

} // namespace podium::scene
