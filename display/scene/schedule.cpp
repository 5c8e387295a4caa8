// The schedule engine. Every wall-clock rule (a window, a date range) becomes a set of UTC spans
// around the instant asked about; "is it inside?" and "when does that change?" are then plain
// comparisons of instants, so daylight-saving changes are handled once, in TimeZone::first_instant.
#include "schedule.hpp"

#include <algorithm>
#include <cassert>
#include <string>
#include <utility>

namespace podium::scene {

namespace {

using std::chrono::seconds;

// No step lasts longer than this; it also bounds how far ahead window spans are needed.
constexpr seconds kMaxStep{24 * 3600};
constexpr int kMinutesPerDay = 24 * 60;

struct Span {
    Instant start, end; // [start, end)
};

// A set of instants as sorted, disjoint, non-touching spans: the union of windows, a date range,
// or a combination of those.
class Coverage {
  public:
    static Coverage between(Instant start, Instant end) {
        return Coverage(std::vector<Span>{{start, end}});
    }
    static Coverage of_windows(const std::vector<Window>& windows, const TimeZone& zone,
                               Instant around);

    bool contains(Instant t) const {
        return std::any_of(spans_.begin(), spans_.end(),
                           [t](const Span& s) { return s.start <= t && t < s.end; });
    }
    // The first instant after `t` at which contains() changes, or `limit` if none comes sooner.
    Instant next_change(Instant t, Instant limit) const {
        for (const Span& s : spans_) {
            if (t < s.start) return std::min(s.start, limit);
            if (t < s.end) return std::min(s.end, limit);
        }
        return limit;
    }
    Coverage intersect(const Coverage& other) const {
        return combine(other, [](bool a, bool b) { return a && b; });
    }
    Coverage minus(const Coverage& other) const {
        return combine(other, [](bool a, bool b) { return a && !b; });
    }

  private:
    explicit Coverage(std::vector<Span> spans) : spans_(std::move(spans)) { normalise(); }

    // Sort, drop empty spans and merge overlapping or touching ones, so that next_change() finds
    // the end of a stretch rather than the end of one window inside it.
    void normalise() {
        std::erase_if(spans_, [](const Span& s) { return s.end <= s.start; });
        std::sort(spans_.begin(), spans_.end(),
                  [](const Span& a, const Span& b) { return a.start < b.start; });
        std::vector<Span> merged;
        for (const Span& s : spans_) {
            if (!merged.empty() && s.start <= merged.back().end)
                merged.back().end = std::max(merged.back().end, s.end);
            else
                merged.push_back(s);
        }
        spans_ = std::move(merged);
    }

    // Evaluates `op` on every stretch between the boundaries of both sets; op(false, false) must
    // be false, since nothing outside all boundaries is considered.
    template <class Op> Coverage combine(const Coverage& other, Op op) const {
        assert(!op(false, false));
        std::vector<Instant> cuts;
        for (const auto* c : {this, &other})
            for (const Span& s : c->spans_) {
                cuts.push_back(s.start);
                cuts.push_back(s.end);
            }
        std::sort(cuts.begin(), cuts.end());
        cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
        std::vector<Span> out;
        for (std::size_t k = 0; k + 1 < cuts.size(); ++k)
            if (op(contains(cuts[k]), other.contains(cuts[k])))
                out.push_back({cuts[k], cuts[k + 1]});
        return Coverage(std::move(out));
    }

    std::vector<Span> spans_;
};

// The spans of `w` starting on local date `d`, appended to `out` when the window runs that day.
void add_window_span(const Window& w, model::Date d, const TimeZone& zone, std::vector<Span>& out) {
    if ((w.days & (1u << weekday_of(d))) == 0) return;
    // Out-of-range minutes (hand-edited settings) are clamped: bad content never stops the screen.
    // An end of 0 is allowed through: as "ends the next day at 00:00" it is the same instant as
    // 24:00, so an end written as "00:00" means midnight either way.
    const int start = std::clamp(w.start_minute, 0, kMinutesPerDay - 1);
    const int end = std::clamp(w.end_minute, 0, kMinutesPerDay);
    const model::Date end_date = end <= start ? next_day(d) : d;
    out.push_back({zone.first_instant(d, start), zone.first_instant(end_date, end)});
}

Coverage Coverage::of_windows(const std::vector<Window>& windows, const TimeZone& zone,
                              Instant around) {
    // From the day before (a window may start then and cross midnight) to far enough ahead to
    // cover the longest step, even across a day-long offset change (Samoa, 2011).
    std::vector<Span> spans;
    model::Date d = previous_day(zone.local(around).date);
    for (int i = 0; i < 5; ++i, d = next_day(d))
        for (const Window& w : windows)
            add_window_span(w, d, zone, spans);
    return Coverage(std::move(spans));
}

Coverage screen_off_coverage(const ScheduleSettings& s, const TimeZone& zone, Instant t) {
    return Coverage::of_windows(s.screen_off, zone, t);
}

// Where the audience is internal: inside an internal window and not inside a public one.
Coverage internal_coverage(const ScheduleSettings& s, const TimeZone& zone, Instant t) {
    std::vector<Window> internal, visitors;
    for (const AudienceWindow& a : s.audience_windows)
        (a.audience == Audience::internal ? internal : visitors).push_back(a.window);
    const Coverage in = Coverage::of_windows(internal, zone, t);
    return visitors.empty() ? in : in.minus(Coverage::of_windows(visitors, zone, t));
}

Coverage entry_coverage(const PlaylistEntry& e, const TimeZone& zone, Instant t) {
    if (!e.enabled) return Coverage::between(t, t);
    const Instant from = e.dates.from ? zone.first_instant(*e.dates.from, 0) : Instant::min();
    const Instant until =
        e.dates.until ? zone.first_instant(next_day(*e.dates.until), 0) : Instant::max();
    const Coverage dates = Coverage::between(from, until);
    return e.windows.empty() ? dates : dates.intersect(Coverage::of_windows(e.windows, zone, t));
}

} // namespace

std::vector<PlaylistEntry> ScheduleSettings::default_playlist() {
    std::vector<PlaylistEntry> out;
    for (SlideKind k : {SlideKind::leaderboard, SlideKind::spotlight, SlideKind::results,
                        SlideKind::adoption, SlideKind::successes}) {
        PlaylistEntry e;
        e.kind = k;
        e.duration_seconds = 12;
        out.push_back(std::move(e));
    }
    return out;
}

Schedule::Schedule(ScheduleSettings settings, TimeZone zone)
    : settings_(std::move(settings)), zone_(zone) {}

Audience Schedule::audience_at(Instant t) const {
    return internal_coverage(settings_, zone_, t).contains(t) ? Audience::internal
                                                              : Audience::visitors;
}

bool Schedule::screen_off_at(Instant t) const {
    return screen_off_coverage(settings_, zone_, t).contains(t);
}

bool Schedule::eligible(std::size_t entry, Instant t) const {
    assert(entry < settings_.playlist.size());
    return entry < settings_.playlist.size() &&
           entry_coverage(settings_.playlist[entry], zone_, t).contains(t);
}

Step Schedule::next(Instant t, std::size_t after) const {
    const Instant cap = t + kMaxStep;
    const Coverage internal = internal_coverage(settings_, zone_, t);
    const Audience audience = internal.contains(t) ? Audience::internal : Audience::visitors;
    const Coverage off = screen_off_coverage(settings_, zone_, t);
    if (off.contains(t)) return {Step::What::screen_off, 0, t, off.next_change(t, cap), audience};

    // Whatever shows now ends where the screen turns off or the audience changes: a slide must
    // never keep showing names to an audience they are not meant for.
    Instant end = std::min(off.next_change(t, cap), internal.next_change(t, cap));
    const auto& playlist = settings_.playlist;
    const std::size_t n = playlist.size();
    const std::size_t first = after == kNoEntry || after >= n ? 0 : after + 1;
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t i = (first + k) % n;
        const Coverage when = entry_coverage(playlist[i], zone_, t);
        if (!when.contains(t)) continue;
        const int duration =
            std::clamp(playlist[i].duration_seconds, kMinEntrySeconds, kMaxEntrySeconds);
        end = std::min({end, t + seconds{duration}, when.next_change(t, cap)});
        return {Step::What::slide, i, t, end, audience};
    }
    // Nothing eligible: the fallback until anything could make a difference.
    for (const PlaylistEntry& e : playlist)
        end = std::min(end, entry_coverage(e, zone_, t).next_change(t, cap));
    return {Step::What::fallback, 0, t, end, audience};
}

std::vector<Step> Schedule::plan(Instant from, Instant until) const {
    std::vector<Step> steps;
    std::size_t after = kNoEntry;
    // Every step lasts at least a second, so the loop ends; the assert guards that promise.
    [[maybe_unused]] const auto max_steps = (until - from).count() + 1;
    for (Instant t = from; t < until;) {
        assert(static_cast<long long>(steps.size()) < max_steps);
        Step s = next(t, after);
        assert(s.end > s.start);
        s.end = std::min(std::max(s.end, t + seconds{1}), until);
        if (s.what == Step::What::slide) after = s.entry;
        t = s.end;
        const bool merges =
            !steps.empty() && steps.back().what == s.what && s.what != Step::What::slide &&
            (s.what == Step::What::screen_off || steps.back().audience == s.audience);
        if (merges)
            steps.back().end = s.end;
        else
            steps.push_back(s);
    }
    return steps;
}

std::string step_slide_name(const Step& s, const ScheduleSettings& settings) {
    switch (s.what) {
    case Step::What::fallback:
        return "fallback";
    case Step::What::screen_off:
        return "screen-off";
    case Step::What::slide:
        break;
    }
    assert(s.entry < settings.playlist.size());
    if (s.entry >= settings.playlist.size()) return "fallback";
    return std::string(slide_kind_name(settings.playlist[s.entry].kind));
}

} // namespace podium::scene
