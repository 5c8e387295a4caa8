// Spotlight: one consenting colleague, large: avatar, name, team, latest success, best figures.
#include "labels.hpp"
#include "slides.hpp"

#include <algorithm>
#include <unordered_set>

namespace podium::scene {
namespace {

// The champion's newest story up to today: one dated later has not happened yet (the successes
// slide waits for it too).
const model::Success* latest_success(const View& v, std::string_view key, model::Date today) {
    const model::Success* best = nullptr;
    for (const auto& s : v.successes)
        if (s.champion == key && s.date <= today && (!best || best->date < s.date)) best = &s;
    return best;
}

// The champion's three strongest figures this month, in a fixed order of interest.
std::vector<std::pair<model::Metric, std::int64_t>>
best_figures(const View& v, std::string_view key, MonthRange range) {
    using model::Metric;
    std::vector<Metric> order = {Metric::deal_value, Metric::deals,    Metric::leads,
                                 Metric::proposals,  Metric::hires,    Metric::interactions,
                                 Metric::reach,      Metric::followers};
    if (!v.rules.show_money) order.erase(order.begin());
    std::vector<std::pair<Metric, std::int64_t>> out;
    for (Metric m : order)
        if (const auto value = champion_total(v, key, m, range); value > 0 && out.size() < 3)
            out.emplace_back(m, value);
    return out;
}

void figures(Canvas& c, const View& v, const SlideContext& ctx, const ViewChampion& who,
             MonthRange range, Box area) {
    const auto figs = best_figures(v, who.key, range);
    if (figs.empty()) return;
    const float gap = c.px(24);
    const float w = (area.w - gap * 2) / 3;
    const float value_size = c.type(TypeScale::kFigure * 0.85f);
    const float label_size = c.type(TypeScale::kMin);
    for (std::size_t i = 0; i < figs.size(); ++i) {
        const Box tile{area.x + static_cast<float>(i) * (w + gap), area.y, w, area.h};
        c.rect(tile, c.theme().surface, c.px(20));
        const float pad = c.px(26);
        c.text(format_metric(v, figs[i].first, figs[i].second, ctx.lang),
               {tile.x + pad, tile.y + pad, tile.w - 2 * pad, value_size}, value_size,
               FontFace::bold, c.theme().text);
        c.text(metric_label(labels(ctx.lang), model::metric_name(figs[i].first)),
               {tile.x + pad, tile.y + pad + value_size * 1.15f, tile.w - 2 * pad, label_size},
               label_size, FontFace::regular, c.theme().text_muted);
    }
}

} // namespace

std::vector<const ViewChampion*> spotlight_candidates(const View& v, model::YearMonth month) {
    // Only champions named to this audience, active in the reported month or with a success.
    // One pass over the rows and the stories, not one per champion (10k x 24 rows otherwise costs
    // billions of comparisons at every spotlight).
    std::unordered_set<std::string_view> eligible;
    for (const auto& m : v.monthly)
        if (m.month == month) eligible.insert(m.champion);
    for (const auto& s : v.successes) eligible.insert(s.champion);
    std::vector<const ViewChampion*> out;
    for (const auto& ch : v.champions)
        if (ch.named && eligible.count(ch.key)) out.push_back(&ch);
    return out;
}

std::string pick_spotlight(const std::vector<const ViewChampion*>& candidates,
                           std::vector<std::string>& shown, const std::string& pinned) {
    std::vector<std::string> keys;
    for (const auto* c : candidates) keys.push_back(c->key);
    std::sort(keys.begin(), keys.end());
    if (keys.empty()) return {};
    if (!pinned.empty() && std::binary_search(keys.begin(), keys.end(), pinned)) return pinned;
    for (int round = 0; round < 2; ++round) {
        for (const auto& k : keys)
            if (std::find(shown.begin(), shown.end(), k) == shown.end()) {
                shown.push_back(k);
                return k;
            }
        shown.clear(); // everyone had a turn: a new round
    }
    return keys.front();
}

void build_spotlight(Canvas& c, const View& v, const SlideContext& ctx) {
    const Labels& l = labels(ctx.lang);
    const Frame f = draw_frame(c, v, ctx, l.spotlight, {});
    if (!f.month) return draw_empty(c, f.body, l.no_data_yet);
    const auto candidates = spotlight_candidates(v, *f.month);
    if (candidates.empty()) return draw_empty(c, f.body, l.no_one_to_show);
    const ViewChampion* chosen = candidates[ctx.options.spotlight_turn % candidates.size()];
    for (const auto* candidate : candidates)
        if (candidate->key == ctx.options.spotlight_key) chosen = candidate;
    const ViewChampion& who = *chosen;
    const Theme& t = c.theme();
    const Box body = f.body;
    const bool landscape = body.w > body.h * 1.3f;

    // Avatar left (landscape) or on top (portrait); the story beside or below it.
    const float d = landscape ? std::min(body.w * 0.3f, body.h * 0.78f)
                              : std::min(body.w * 0.5f, body.h * 0.3f);
    Box text_area;
    if (landscape) {
        draw_avatar(c, who, {body.x + d / 2, body.y + body.h / 2}, d);
        const float x = body.x + d + c.px(80);
        text_area = {x, body.y, body.right() - x, body.h};
    } else {
        draw_avatar(c, who, {body.x + body.w / 2, body.y + d / 2}, d);
        text_area = {body.x, body.y + d + c.px(56), body.w, body.h - d - c.px(56)};
    }

    const MonthRange range = period_range(Period::month, *f.month);
    const bool show_figures = v.rules.show_figures;
    const float tiles_h = show_figures ? c.type(TypeScale::kFigure * 0.85f) * 1.15f +
                                             c.type(TypeScale::kMin) + c.px(52)
                                       : 0;
    float y = text_area.y + c.px(8);
    const float name_size = c.type(TypeScale::kHero * 0.72f);
    c.text(who.display_name, {text_area.x, y, text_area.w, name_size}, name_size,
           FontFace::semibold, t.text);
    y += name_size * 1.2f;
    if (!who.team.empty()) {
        const float team_size = c.type(TypeScale::kName);
        c.text(who.team, {text_area.x, y, text_area.w, team_size}, team_size, FontFace::regular,
               t.accent);
        y += team_size * 1.25f;
    }

    const float small = c.type(TypeScale::kMin);
    const float story = c.type(TypeScale::kName);
    const float story_top = y + c.px(40) + small * 1.5f;
    const bool story_fits = text_area.bottom() - tiles_h - c.px(32) - story_top >= story;
    // With large text on a small screen the story may not fit above the figures: then it is left
    // out whole (kicker too) rather than overlapping them.
    const model::Date today{ctx.now.year, ctx.now.month, ctx.now.day};
    if (const auto* s = latest_success(v, who.key, today); s && story_fits) {
        y += c.px(40);
        // A hidden title (the View empties it): the kind's headline, not a quote.
        const bool titled = !s->title.empty();
        std::string kicker = std::string(l.latest_success) + " \u00b7 ";
        if (titled) kicker += std::string(success_kind_label(l, s->kind)) + " \u00b7 ";
        kicker += format_date_short(s->date, ctx.lang);
        c.text(kicker, {text_area.x, y, text_area.w, small}, small, FontFace::semibold,
               t.text_muted);
        y += small * 1.5f;
        const float room = text_area.bottom() - tiles_h - c.px(32) - y;
        const int lines = std::clamp(static_cast<int>((room - story) / (story * 1.25f)) + 1, 1, 3);
        const std::string quoted =
            titled ? "\u201c" + s->title + "\u201d" : std::string(success_headline(l, s->kind));
        y += c.paragraph(quoted, {text_area.x, y, text_area.w, room}, story, FontFace::regular,
                         t.text, lines)
                 .h;
    }
    if (show_figures)
        figures(c, v, ctx, who, range,
                {text_area.x, text_area.bottom() - tiles_h, text_area.w, tiles_h});
}

} // namespace podium::scene
