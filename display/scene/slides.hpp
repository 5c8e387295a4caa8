// The slides: pure functions from a privacy-filtered View and a context (size, language, time)
// to a display list. No SDL, no GL: tests assert on their output, `render --format text` prints it.
#pragma once

#include "canvas.hpp"
#include "celebration.hpp"
#include "format.hpp"
#include "privacy.hpp"
#include "stats.hpp"

#include <optional>
#include <string_view>

namespace podium::scene {

// `celebration` is not a playlist slide: the player shows it once after a sync brings a new deal
// or hire (see celebration.hpp); `render` can show it for review.
enum class SlideKind { leaderboard, spotlight, results, adoption, successes, fallback, celebration };
inline constexpr SlideKind kAllSlides[] = {SlideKind::leaderboard, SlideKind::spotlight,
                                           SlideKind::results,     SlideKind::adoption,
                                           SlideKind::successes,   SlideKind::fallback,
                                           SlideKind::celebration};
std::optional<SlideKind> parse_slide_kind(std::string_view s);
std::string_view slide_kind_name(SlideKind k);

struct LocalTime {
    int year = 2000, month = 1, day = 1, hour = 0, minute = 0;
    model::YearMonth year_month() const { return {year, month}; }
};

struct SlideOptions {
    // Interactions by default: every champion has them each month, so the board is full and
    // fair; deals are lumpy (many ties at one) and deal value is hidden from visitors.
    model::Metric metric = model::Metric::interactions;
    bool score = false; // rank by the weighted score (SlideContext::weights) instead of `metric`
    Period period = Period::month;
    int top_n = 10;
    std::size_t spotlight_turn = 0; // which eligible champion the spotlight shows
    std::string spotlight_key; // the champion to show, when eligible (the player's fair pick)
    bool operator==(const SlideOptions&) const = default;
};

struct SlideContext {
    float width = 1920, height = 1080;
    Lang lang = Lang::en;
    LocalTime now;
    SlideOptions options;
    float text_scale = 1.0f;
    // Set when the data is older than it should be (the player decides): the local time of the
    // last successful sync, shown as a "data as of" badge.
    std::optional<LocalTime> data_as_of;
    // Burn-in care: the whole layout shifts a few design pixels (see burn_in_shift).
    Vec2 shift;
    ScoreWeights weights = ScoreWeights::defaults(); // for SlideOptions::score
    // For the celebration slide: what the last sync brought (raw ids; the View decides what shows).
    // Empty: the latest deal or hire stories, as a preview.
    std::vector<Celebration> celebrations;
};

// The shift for a moment: one of eight positions on a small ring, moving every three minutes,
// so nothing static stays on the same pixels all day.
Vec2 burn_in_shift(const LocalTime& now);

DisplayList build_slide(SlideKind kind, const View& view, const SlideContext& ctx,
                        const TextMeasurer& measure, const Theme& theme = Theme{});

// Shared by the slides (slide_frame.cpp).
struct Frame {
    Box body;                              // the free area between header and footer
    std::optional<model::YearMonth> month; // the month reported on, if there are figures
};
Frame draw_frame(Canvas& c, const View& v, const SlideContext& ctx, std::string_view title,
                 std::string_view subtitle);
void draw_empty(Canvas& c, Box body, std::string_view message);
// The "Demo data" badge with its right edge at `right`, if the data is demo; returns its width.
float draw_demo_badge(Canvas& c, const View& v, Lang lang, float right, float y);
// A pill with `text` whose right edge is at `right`; returns its width.
float draw_badge(Canvas& c, std::string_view text, Color color, float right, float y);
std::string format_metric(const View& v, model::Metric m, std::int64_t value, Lang lang);
Color avatar_color(std::string_view key);
// A round avatar of diameter `d`: initials on the champion's colour, the photo over them if any.
void draw_avatar(Canvas& c, const ViewChampion& who, Vec2 center, float d);

void build_leaderboard(Canvas& c, const View& v, const SlideContext& ctx);
void build_spotlight(Canvas& c, const View& v, const SlideContext& ctx);
void build_results(Canvas& c, const View& v, const SlideContext& ctx);
void build_adoption(Canvas& c, const View& v, const SlideContext& ctx);
void build_successes(Canvas& c, const View& v, const SlideContext& ctx);
void build_fallback(Canvas& c, const View& v, const SlideContext& ctx);
void build_celebration(Canvas& c, const View& v, const SlideContext& ctx);
// The celebrations the View may show (omitted champions dropped), or the preview (see
// SlideContext::celebrations). Empty: nothing to celebrate.
std::vector<Celebration> visible_celebrations(const View& v, const SlideContext& ctx);

// The champions the spotlight may show now, in rotation order.
std::vector<const ViewChampion*> spotlight_candidates(const View& v, model::YearMonth month);

// A fair pick: the pinned champion while eligible; otherwise the first candidate (by key) not yet
// shown in this round; when everyone has been shown, a new round starts. `shown` is updated.
// Returns the key, or "" when nobody is eligible.
std::string pick_spotlight(const std::vector<const ViewChampion*>& candidates,
                           std::vector<std::string>& shown, const std::string& pinned);
// The success stories up to `today`, newest first (the successes slide shows the first few).
std::vector<const model::Success*> latest_successes(const View& v, model::Date today);

} // namespace podium::scene
