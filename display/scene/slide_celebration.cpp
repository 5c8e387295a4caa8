// Celebration: "New deal!" with the colleague (as the View may show them), their story's title,
// and how many more came in. Shown once after a sync; calm gold, no flashing.
#include "labels.hpp"
#include "slides.hpp"

#include <algorithm>

namespace podium::scene {
namespace {

std::string quoted_title(const std::string& title) {
    std::string s = "\u201c";
    s += title;
    s += "\u201d";
    return s;
}

} // namespace

std::vector<Celebration> visible_celebrations(const View& v, const SlideContext& ctx) {
    std::vector<Celebration> out;
    for (auto c : ctx.celebrations)
        if (v.champion(c.champion)) { // omitted champions are never celebrated
            // The sync's raw title: the View's rules decide whether it shows.
            if (!v.shows_success_title(c.champion)) c.title.clear();
            out.push_back(std::move(c));
        }
    if (!ctx.celebrations.empty()) return out;
    // The preview (`podium render`): the latest deal or hire stories up to today.
    const model::Date today{ctx.now.year, ctx.now.month, ctx.now.day};
    for (const auto* s : latest_successes(v, today))
        if ((s->kind == "deal" || s->kind == "hire") && v.champion(s->champion) && out.size() < 3)
            out.push_back({s->champion, s->kind, s->title, s->date});
    return out;
}

void build_celebration(Canvas& c, const View& v, const SlideContext& ctx) {
    const Labels& l = labels(ctx.lang);
    const auto list = visible_celebrations(v, ctx);
    const std::string_view title = !list.empty() && list[0].kind == "hire" ? l.new_hire : l.new_deal;
    const Frame f = draw_frame(c, v, ctx, title, l.just_in);
    if (list.empty()) return draw_empty(c, f.body, l.no_successes_yet);
    const Celebration& first = list[0];
    const ViewChampion& who = *v.champion(first.champion);
    const Theme& t = c.theme();
    const Box body = f.body;
    const bool landscape = body.w > body.h * 1.3f;

    const float name_size = c.type(TypeScale::kHero * 0.72f);
    const float team_size = c.type(TypeScale::kName);
    const float story_size = c.type(TypeScale::kName);
    const float small = c.type(TypeScale::kMin);
    const float block = name_size * 1.2f + (who.team.empty() ? 0 : team_size * 1.25f) +
                        (first.title.empty() ? 0 : c.px(36) + story_size * 2.5f) +
                        (list.size() > 1 ? c.px(36) + small : 0);

    // The avatar in a gold ring, left (landscape) or on top (portrait); the whole group centred.
    const float d = landscape ? std::min(body.w * 0.26f, body.h * 0.7f)
                              : std::min(body.w * 0.46f, body.h * 0.3f);
    const float ring = c.px(10);
    const float gap = landscape ? c.px(80) : c.px(56);
    const float top = landscape ? body.y
                                : body.y + std::max(0.0f, (body.h - (d + 2 * ring + gap + block)) / 2);
    const Vec2 center = landscape ? Vec2{body.x + d / 2 + ring, body.y + body.h / 2}
                                  : Vec2{body.x + body.w / 2, top + d / 2 + ring};
    c.circle(center, d / 2 + ring, t.gold);
    draw_avatar(c, who, center, d);
    const Box area = landscape ? Box{body.x + d + 2 * ring + gap, body.y,
                                     body.right() - (body.x + d + 2 * ring + gap), body.h}
                               : Box{body.x, top + d + 2 * ring + gap, body.w,
                                     body.bottom() - (top + d + 2 * ring + gap)};
    float y = landscape ? area.y + std::max(0.0f, (area.h - block) / 2) : area.y;
    c.text(who.display_name, {area.x, y, area.w, name_size}, name_size, FontFace::semibold, t.text);
    y += name_size * 1.2f;
    if (!who.team.empty()) {
        c.text(who.team, {area.x, y, area.w, team_size}, team_size, FontFace::regular, t.accent);
        y += team_size * 1.25f;
    }
    if (!first.title.empty()) {
        y += c.px(36);
        const float room = area.bottom() - y - (list.size() > 1 ? c.px(36) + small * 1.5f : 0);
        y += c.paragraph(quoted_title(first.title), {area.x, y, area.w, room}, story_size,
                         FontFace::regular, t.text, 2)
                 .h;
    }
    if (list.size() > 1) {
        y += c.px(36);
        // Appends, not "+" + std::string&&: GCC 12 -O3 warns falsely (-Wrestrict) on the latter.
        std::string more = "+";
        more += std::to_string(list.size() - 1);
        more += ' ';
        more += l.more;
        c.text(more, {area.x, y, area.w, small}, small, FontFace::semibold, t.gold);
    }
}

} // namespace podium::scene
