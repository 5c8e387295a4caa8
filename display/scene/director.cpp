#include "director.hpp"

#include <algorithm>

namespace podium::scene {

void Director::set_schedule(Schedule schedule) {
    if (last_entry_ != kNoEntry && last_entry_ >= schedule.settings().playlist.size())
        last_entry_ = kNoEntry;
    schedule_ = std::move(schedule);
}

Cue Director::next(Instant now, const Visible& visible) {
    const Step step = schedule_.next(now, last_entry_);
    Cue cue;
    cue.audience = step.audience;
    cue.start = step.start;
    cue.end = step.end;
    if (step.what == Step::What::screen_off) {
        cue.what = Cue::What::screen_off;
        cue.run_screen_off_command = !off_;
        off_ = true;
        pending_.clear(); // nobody sees a celebration in the dark
        return cue;
    }
    cue.run_screen_on_command = off_;
    off_ = false;

    auto news = std::exchange(pending_, {});
    if (!news.empty() && schedule_.settings().interrupts(step.audience) &&
        visible(step.audience, news)) {
        cue.what = Cue::What::celebration;
        cue.kind = SlideKind::celebration;
        cue.celebrations = std::move(news);
        // Short, and never past a change of audience or the screen going off (the step ends
        // there at the latest; a very short playlist entry shortens the cheer too).
        cue.end = std::min(step.end, now + kCelebrationSeconds);
        return cue;
    }
    if (step.what == Step::What::fallback) {
        cue.what = Cue::What::fallback;
        cue.kind = SlideKind::fallback;
        return cue;
    }
    const auto& entry = schedule_.settings().playlist[step.entry];
    cue.what = Cue::What::slide;
    cue.kind = entry.kind;
    cue.options = entry.options;
    last_entry_ = step.entry;
    return cue;
}

} // namespace podium::scene
