// Successes: the latest success stories, newest first, as many as fit: what kind, when, the
// story's title and who made it happen (as the View names them).
#include "labels.hpp"
#include "slides.hpp"

#include <algorithm>
#include <cmath>

namespace podium::scene {
namespace {

struct Row {
    Canvas& c;
    const View& v;
    const SlideContext& ctx;
    bool stacked;  // portrait: kind and date above the title instead of beside it
    float value_w; // the money column (landscape), 0 when no story shows money
};

struct RowSizes {
    float pad, pill_pad, small, title, gap, name_gap;
};

// Portrait rows carry the kind line as well, in a narrower column: a smaller title keeps five of
// them on screen and more words per line.
RowSizes row_sizes(const Canvas& c, bool stacked) {
    return {c.px(stacked ? 26 : 30),
            c.px(10),
            c.type(TypeScale::kMin),
            c.type(stacked ? TypeScale::kBody : TypeScale::kName),
            c.px(16),
            c.px(stacked ? 20 : 22)};
}

constexpr float kTitleLineGap = 1.22f;

float pill_height(const RowSizes& z) {
    return z.small + 2 * z.pill_pad;
}

// The height every row gets: room for a two-line title, the name line, and (stacked) the kind
// line. Shorter titles are centred in it.
float row_height(const Canvas& c, bool stacked) {
    const RowSizes z = row_sizes(c, stacked);
    float h = 2 * z.pad + z.title * (1 + kTitleLineGap) + z.name_gap + z.small;
    if (stacked) h += pill_height(z) + z.gap;
    return h;
}

// Money only where the audience may see money and individual figures.
std::string value_text(const View& v, const model::Success& s, Lang lang) {
    if (!v.rules.show_money || !v.rules.show_figures || !(s.value > 0) || !(s.value < 1e15))
        return {};
    return format_money(std::llround(s.value * 100), v.organisation.currency, lang);
}

// This year's dates without the year, older ones with it.
std::string date_text(model::Date d, const LocalTime& now, Lang lang) {
    return d.year == now.year ? format_date_short(d, lang) : format_date_long(d, lang);
}

// The kind as a soft accent pill; returns its width.
float kind_pill(Canvas& c, const RowSizes& z, std::string_view kind, float x, float y,
                float max_w) {
    const Theme& t = c.theme();
    const float inset = c.px(22);
    const float inner =
        std::min(c.measure().width(FontFace::semibold, z.small, kind), max_w - 2 * inset);
    c.rect({x, y, inner + 2 * inset, pill_height(z)}, t.accent.with_alpha(40), pill_height(z) / 2);
    c.text(kind, {x + inset, y + z.pill_pad, inner, z.small}, z.small, FontFace::semibold,
           t.accent);
    return inner + 2 * inset;
}

// The title (one or two lines) and, under it, "Sanne de Vries · Tax": the name bright, the team
// quieter. The text is measured first, so the caller can centre the block.
struct Story {
    std::vector<std::string> title;
    float height;
};

// A hidden title (the View empties it) gives way to a headline of the kind: "A new deal won".
Story story_of(const Canvas& c, const RowSizes& z, const model::Success& s, Lang lang, float w) {
    const std::string_view title = s.title.empty() ? success_headline(labels(lang), s.kind) : s.title;
    Story out{c.wrap(title, w, z.title, FontFace::semibold, 2), 0};
    const auto lines = static_cast<float>(std::max<std::size_t>(1, out.title.size()));
    out.height = z.title * (1 + kTitleLineGap * (lines - 1)) + z.name_gap + z.small;
    return out;
}

void draw_story(const Row& r, const RowSizes& z, const Story& story, const model::Success& s,
                float x, float y, float w) {
    Canvas& c = r.c;
    const Theme& t = c.theme();
    for (const auto& line : story.title) {
        c.text(line, {x, y, w, z.title}, z.title, FontFace::semibold, t.text);
        y += z.title * kTitleLineGap;
    }
    y += z.title * (1 - kTitleLineGap) + z.name_gap;
    const ViewChampion* who = r.v.champion(s.champion);
    const std::string name = who ? who->display_name : std::string(labels(r.ctx.lang).a_colleague);
    const Box placed = c.text(name, {x, y, w, z.small}, z.small, FontFace::semibold, t.text);
    const float team_x = placed.right() + c.px(12);
    if (who && !who->team.empty() && x + w - team_x > c.px(120))
        c.text("\u00b7 " + who->team, {team_x, y, x + w - team_x, z.small}, z.small,
               FontFace::regular, t.text_muted);
}

// Portrait: kind, date and value on one line, the story under it.
void row_stacked(const Row& r, const model::Success& s, Box box) {
    Canvas& c = r.c;
    const Theme& t = c.theme();
    const RowSizes z = row_sizes(c, true);
    const std::string value = value_text(r.v, s, r.ctx.lang);
    const float x = box.x + z.pad, right = box.right() - z.pad;
    const Story story = story_of(c, z, s, r.ctx.lang, right - x);
    float y = box.y + (box.h - pill_height(z) - z.gap - story.height) / 2;
    const float value_w = value.empty() ? 0 : (right - x) * 0.4f;
    const float pill_w = kind_pill(c, z, success_kind_label(labels(r.ctx.lang), s.kind), x, y,
                                   (right - x - value_w) * 0.6f);
    const float cy = y + pill_height(z) / 2;
    const float date_x = x + pill_w + c.px(24);
    c.text_centered_y(date_text(s.date, r.ctx.now, r.ctx.lang), date_x, cy,
                      right - value_w - date_x, z.small, FontFace::regular, t.text_muted);
    if (!value.empty())
        c.text_centered_y(value, right - value_w, cy, value_w, z.title, FontFace::bold, t.accent,
                          Align::right);
    y += pill_height(z) + z.gap;
    draw_story(r, z, story, s, x, y, right - x);
}

// Landscape: kind and date in a column of their own and the value in another, so titles line up.
void row_side(const Row& r, const model::Success& s, Box box) {
    Canvas& c = r.c;
    const Theme& t = c.theme();
    const RowSizes z = row_sizes(c, false);
    const std::string value = value_text(r.v, s, r.ctx.lang);
    const float x = box.x + z.pad, right = box.right() - z.pad;
    const float col_w = std::min(c.px(300), box.w * 0.2f);
    const float text_x = x + col_w + c.px(40);
    const float text_right = r.value_w > 0 ? right - r.value_w - c.px(48) : right;
    const Story story = story_of(c, z, s, r.ctx.lang, text_right - text_x);
    const float side_h = pill_height(z) + z.gap + z.small;
    const float y = box.y + (box.h - std::max(story.height, side_h)) / 2;
    kind_pill(c, z, success_kind_label(labels(r.ctx.lang), s.kind), x, y, col_w);
    c.text(date_text(s.date, r.ctx.now, r.ctx.lang),
           {x, y + pill_height(z) + z.gap, col_w, z.small}, z.small, FontFace::regular,
           t.text_muted);
    draw_story(r, z, story, s, text_x, y, text_right - text_x);
    if (!value.empty())
        c.text(value, {right - r.value_w, y, r.value_w, z.title}, z.title, FontFace::bold, t.accent,
               Align::right);
}

void row(const Row& r, const model::Success& s, Box box) {
    r.c.rect(box, r.c.theme().surface, r.c.px(20));
    if (r.stacked)
        row_stacked(r, s, box);
    else
        row_side(r, s, box);
}

} // namespace

std::vector<const model::Success*> latest_successes(const View& v, model::Date today) {
    // A story dated after today is not news yet (or a clock or feed error): it waits.
    std::vector<const model::Success*> out;
    for (const auto& s : v.successes)
        if (!(today < s.date)) out.push_back(&s);
    std::stable_sort(out.begin(), out.end(),
                     [](const auto* a, const auto* b) { return b->date < a->date; });
    return out;
}

void build_successes(Canvas& c, const View& v, const SlideContext& ctx) {
    const Labels& l = labels(ctx.lang);
    const Frame f = draw_frame(c, v, ctx, l.successes, {});
    const auto stories = latest_successes(v, {ctx.now.year, ctx.now.month, ctx.now.day});
    if (stories.empty()) return draw_empty(c, f.body, l.no_successes_yet);
    const Box body = f.body;
    const bool stacked = body.w < body.h * 1.3f;
    const float gap = c.px(stacked ? 20 : 24);
    const float min_h = row_height(c, stacked);
    const auto fit =
        static_cast<std::size_t>(std::max(1.0f, std::floor((body.h + gap) / (min_h + gap))));
    const std::size_t count = std::min(stories.size(), fit);
    // Rows share the spare height a little, never so much that they look stretched.
    const float h = std::min(min_h * 1.15f, (body.h - gap * static_cast<float>(count - 1)) /
                                                static_cast<float>(count));

    float value_w = 0;
    if (!stacked)
        for (std::size_t i = 0; i < count; ++i)
            if (const auto text = value_text(v, *stories[i], ctx.lang); !text.empty())
                value_w = std::max(
                    value_w, c.measure().width(FontFace::bold, row_sizes(c, false).title, text));
    value_w = std::min(value_w, body.w * 0.22f);
    const Row r{c, v, ctx, stacked, value_w};
    for (std::size_t i = 0; i < count; ++i)
        row(r, *stories[i], {body.x, body.y + static_cast<float>(i) * (h + gap), body.w, h});
}

} // namespace podium::scene
