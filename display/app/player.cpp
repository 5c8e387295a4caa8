#include "player.hpp"

#include "bootstrap.hpp"
#include "commands.hpp"
#include "screen_command.hpp"
#include "safe_mode.hpp"
#include "service_notify.hpp"

#include "display/render/gl.hpp"

#include "sync/sync_service.hpp"

#include <SDL.h>

#include <algorithm>
#include <thread>
#include <iostream>

namespace podium::app {
namespace {

// Transitions are paced by the clock, not by vsync (software GL has none): a frame is due every
// 33 ms (30 fps), smooth for a 0.8 s fade or push. Measured at 1080p under llvmpipe
// (bench/slideshow.sh): 50 fps cost 14.9 CPU s a minute against 8.7 at ~27 fps, for little
// that a viewer at five metres sees. Where drawing takes longer the next frame starts at once,
// so a transition always lasts 0.8 s.
constexpr std::uint64_t kFrameMs = 33;
// The longest sleep: the wall clock is checked at least this often, so a clock set by NTP after
// boot, or a screen-off window, is noticed within a minute.
constexpr std::int64_t kMaxSleepMs = 60000;
// How long the next slide may wait for its photos before the transition starts anyway (the
// initials show until they arrive).
constexpr std::chrono::milliseconds kPhotoWait{400};

scene::Instant wall_now() {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

// The user event that wakes the render loop; registered on the render thread at start.
// What the sync service was started with: when the overlay changes it, sync starts again.
std::string sync_settings(const sync::Store& store) {
    std::string out;
    for (const char* key : {"sync.source", "sync.interval_seconds", "sync.token_file", "sync.token_set_at", "sync.ca_file"})
        out += store.setting(key).value_or("") + '\n';
    return out;
}

Uint32 wake_event_type() {
    static const Uint32 type = SDL_RegisterEvents(1);
    return type;
}

// Wakes the render loop from another thread (a decoded photo, a new snapshot).
void push_wake_event() {
    SDL_Event e{};
    e.type = wake_event_type();
    SDL_PushEvent(&e);
}

render::Painter::Transition transition_of(scene::Transition t) {
    return t == scene::Transition::slide ? render::Painter::Transition::slide
                                         : render::Painter::Transition::crossfade;
}

} // namespace

Player::Player(render::GlContext& gl, FontFiles fonts, model::SnapshotPtr snapshot, Device device,
               PlayerOptions options, SnapshotMailbox* mailbox)
    : gl_(gl), device_(std::move(device)), options_(std::move(options)),
      director_(schedule()), mailbox_(mailbox),
      metrics_(fonts), atlas_(fonts),
      images_([](const std::string& m) { std::cerr << "podium: " << m << "\n"; },
              {.capacity = 256, .wake = push_wake_event}),
      painter_(atlas_, images_), overlay_fonts_(std::move(fonts)) {
    set_snapshot(std::move(snapshot));
    // The spotlight's round continues where it was before a restart.
    const std::string saved =
        options_.store ? options_.store->setting("spotlight.shown").value_or("") : "";
    for (std::size_t at = 0; at < saved.size();) {
        const std::size_t comma = std::min(saved.find(',', at), saved.size());
        if (comma > at) shown_.push_back(saved.substr(at, comma - at));
        at = comma + 1;
    }
}

void Player::log(const std::string& level, const std::string& message) {
    std::cerr << "podium: " << message << "\n";
    if (options_.store) options_.store->log({utc_now_rfc3339(), level, "display", message});
}

// A new snapshot: the views are made again when next needed, and what it brings (a new deal or
// hire) is handed to the director. The first data after demo or an empty store is no news.
void Player::set_snapshot(model::SnapshotPtr snapshot) {
    if (snapshot_ && !snapshot_->meta.is_demo && !snapshot_->feed.champions.empty()) {
        const auto today = device_.zone.local(wall_now()).date;
        auto news = scene::detect_celebrations(snapshot_->feed, snapshot->feed, today);
        if (!news.empty()) director_.celebrate(std::move(news));
    }
    snapshot_ = std::move(snapshot);
    images_.retry_refused(); // a sync may have fetched a photo that was missing
    views_[0].reset();
    views_[1].reset();
}

// A snapshot from sync, with the view the sync thread made for what was on screen: kept when
// the rules are still the same.
void Player::take_prepared(Prepared p) {
    set_snapshot(std::move(p.snapshot));
    if (p.view && p.viewing.privacy == device_.settings.privacy && p.viewing.lang == device_.language)
        view_slot(p.viewing.audience) = std::move(p.view);
}

const scene::View& Player::view_for(scene::Audience a) {
    auto& v = view_slot(a);
    // The privacy filter runs once per snapshot and audience, not once per slide.
    if (!v) v = scene::make_view(*snapshot_, a, device_.settings.privacy, device_.language);
    return *v;
}

// Settings may change while playing (`podium config apply`, the admin overlay): read them at
// each cue; the store answers from its cache in well under a millisecond.
void Player::reload_settings() {
    if (!options_.store) return;
    Device fresh = load_device(*options_.store);
    if (fresh.settings == device_.settings && fresh.zone.name() == device_.zone.name() &&
        fresh.language == device_.language)
        return;
    for (const auto& p : fresh.problems) log("warning", p);
    const bool privacy_changed = !(fresh.settings.privacy == device_.settings.privacy) ||
                                 fresh.language != device_.language;
    const bool turned = fresh.settings.rotation != device_.settings.rotation;
    device_ = std::move(fresh);
    director_.set_schedule(schedule());
    if (privacy_changed) views_[0].reset(), views_[1].reset();
    if (turned && current_) resize(); // new shapes for the slides
}

scene::Schedule Player::schedule() const {
    if (options_.safe_mode.empty()) return scene::Schedule(device_.settings.schedule, device_.zone);
    // Safe mode: the clock only (no slides, no celebrations); the screen still goes dark at night.
    scene::ScheduleSettings s = device_.settings.schedule;
    s.playlist.clear();
    s.interrupts_internal = s.interrupts_public = false;
    return scene::Schedule(std::move(s), device_.zone);
}

scene::SlideContext Player::context(scene::Instant now) const {
    scene::SlideContext ctx;
    ctx.width = static_cast<float>(width_);
    ctx.height = static_cast<float>(height_);
    ctx.lang = device_.language;
    ctx.now = to_slide_time(device_.zone.local(now));
    ctx.shift = scene::burn_in_shift(ctx.now);
    ctx.text_scale = device_.settings.text_size;
    ctx.weights = device_.settings.score_weights;
    if (options_.sync) {
        const auto status = options_.sync->status();
        // "Data as of …" after the setting's age, else three sync intervals.
        const auto& stale = device_.settings.stale_after_seconds;
        const auto limit = stale ? std::chrono::milliseconds(std::chrono::seconds(*stale))
                                 : options_.sync->interval() * 3;
        if (status.last_success &&
            sync::is_stale(*status.last_success, std::chrono::system_clock::now(), limit, 1))
            ctx.data_as_of = to_slide_time(device_.zone.local(
                std::chrono::floor<std::chrono::seconds>(*status.last_success)));
    }
    return ctx;
}

scene::DisplayList Player::build(const scene::Cue& cue, bool advance) {
    auto ctx = context(wall_now());
    ctx.options = cue.options;
    ctx.celebrations = cue.celebrations;
    const scene::View& view = view_for(cue.audience);
    if (cue.kind == scene::SlideKind::spotlight) {
        if (advance) spotlight_key_ = next_spotlight(view, ctx.now);
        ctx.options.spotlight_key = spotlight_key_;
    }
    return scene::build_slide(cue.kind, view, ctx, metrics_, theme());
}

// The next colleague in the spotlight: a fair round over those eligible now, kept in the store
// (ids only) so a restart continues the round; "spotlight.pin" holds one in place.
std::string Player::next_spotlight(const scene::View& view, const scene::LocalTime& now) {
    const auto month = scene::report_month(view, now.year_month());
    if (!month) return {};
    const std::string pin = options_.store ? options_.store->setting("spotlight.pin").value_or("") : "";
    const std::string key = scene::pick_spotlight(scene::spotlight_candidates(view, *month), shown_, pin);
    if (options_.store) {
        std::string joined;
        for (const auto& k : shown_) joined += (joined.empty() ? "" : ",") + k;
        // Best effort: a store that cannot be written only means the round restarts after a reboot.
        (void)options_.store->set_setting("spotlight.shown", joined, utc_now_rfc3339());
    }
    return key;
}

// The next cue from the director, with what comes with it: settings re-read, the newest
// snapshot taken, screen commands run.
void Player::next_cue(scene::Instant now) {
    reload_settings();
    if (mailbox_)
        if (auto fresh = mailbox_->take()) take_prepared(std::move(*fresh));
    auto visible = [this](scene::Audience a, const std::vector<scene::Celebration>& news) {
        auto ctx = context(wall_now());
        ctx.celebrations = news;
        return !scene::visible_celebrations(view_for(a), ctx).empty();
    };
    cue_ = director_.next(now, visible);
    // The next snapshot from sync comes filtered for this audience and these rules.
    if (mailbox_) mailbox_->viewing({cue_.audience, device_.settings.privacy, device_.language});
    if (options_.store) {
        const char* what = cue_.what == scene::Cue::What::screen_off ? "screen-off"
                           : cue_.what == scene::Cue::What::fallback ? "fallback"
                                                                     : nullptr;
        options_.store->record_play({utc_now_rfc3339(),
                                     what ? what : std::string(scene::slide_kind_name(cue_.kind)),
                                     std::string(scene::audience_name(cue_.audience)),
                                     snapshot_->meta.data_version});
    }
    const auto& s = device_.settings.schedule;
    if (cue_.run_screen_off_command)
        if (auto line = run_screen_command(s.screen_off_command, "off"); !line.empty())
            log("info", line);
    if (cue_.run_screen_on_command)
        if (auto line = run_screen_command(s.screen_on_command, "on"); !line.empty())
            log("info", line);
}

void Player::resize() {
    gl_.drawable_size(screen_w_, screen_h_);
    // A screen on its side shows slides of the other shape, turned by the compositor.
    rotation_ = device_.settings.rotation;
    const bool sideways = rotation_ == 90 || rotation_ == 270;
    width_ = sideways ? screen_h_ : screen_w_;
    height_ = sideways ? screen_w_ : screen_h_;
    frame_.reset();
    preview_.reset();
    current_ = std::make_unique<render::RenderTarget>(width_, height_);
    next_ = std::make_unique<render::RenderTarget>(width_, height_);
    current_list_ = cue_.what == scene::Cue::What::screen_off ? scene::DisplayList{}
                                                               : build(cue_, /*advance=*/false);
    painter_.draw(current_list_, *current_); // the same colleague, new size
    dirty_ = true;
}

bool Player::handle(const SDL_Event& e) {
    if (e.type != SDL_QUIT && overlay_ && overlay_->handle(unrotated(e), width_, height_, wall_now())) {
        dirty_ = true;
        last_input_ms_ = SDL_GetTicks64();
        return true;
    }
    switch (e.type) {
    case SDL_QUIT:
        return false;
    case SDL_KEYDOWN:
        return !(options_.windowed && e.key.keysym.sym == SDLK_ESCAPE);
    case SDL_WINDOWEVENT:
        if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
            int w = 0, h = 0;
            gl_.drawable_size(w, h);
            if (w != screen_w_ || h != screen_h_) resize();
        }
        if (e.window.event == SDL_WINDOWEVENT_EXPOSED) dirty_ = true;
        return true;
    default:
        return true;
    }
}

// A mouse or touch position on the turned screen, in the upright picture's coordinates.
SDL_Event Player::unrotated(const SDL_Event& e) const {
    if (rotation_ == 0) return e;
    SDL_Event out = e;
    auto map = [&](Sint32& x, Sint32& y) {
        const Sint32 sx = x, sy = y;
        switch (rotation_) {
        case 90: x = sy, y = height_ - 1 - sx; break;
        case 180: x = width_ - 1 - sx, y = height_ - 1 - sy; break;
        case 270: x = width_ - 1 - sy, y = sx; break;
        default: break;
        }
    };
    if (e.type == SDL_MOUSEMOTION) map(out.motion.x, out.motion.y);
    if (e.type == SDL_MOUSEBUTTONDOWN || e.type == SDL_MOUSEBUTTONUP) map(out.button.x, out.button.y);
    return out;
}

overlay::OverlayModel Player::overlay_model(scene::Instant now) {
    auto m = store_model(*options_.store, device_, now, audit_, plays_);
    auto& st = m.status;
    const auto until = device_.zone.local(cue_.end);
    char clock[8];
    std::snprintf(clock, sizeof clock, "%02d:%02d", until.hour, until.minute);
    st.playing = (cue_.what == scene::Cue::What::screen_off ? std::string("screen off")
                  : cue_.what == scene::Cue::What::fallback ? std::string("the clock (nothing scheduled)")
                                                             : std::string(scene::slide_kind_name(cue_.kind))) +
                 ", until " + clock;
    const auto next = director_.schedule().plan(cue_.end, cue_.end + std::chrono::hours(1));
    if (!next.empty()) st.next = scene::step_slide_name(next.front(), director_.schedule().settings());
    st.audience = cue_.audience == scene::Audience::internal ? "colleagues (internal)" : "visitors (public)";
    if (options_.sync) {
        const auto status = options_.sync->status();
        const auto left = std::chrono::duration_cast<std::chrono::seconds>(status.next_attempt -
                                                                           std::chrono::system_clock::now());
        st.next_sync = left.count() > 0 ? "in " + format_duration(left) : "now";
    } else if (options_.sync_off && !options_.sync_off->empty()) {
        st.next_sync = "off: " + *options_.sync_off;
        st.problems.push_back("sync is off: " + *options_.sync_off);
    } else {
        st.next_sync = "off (no source)";
    }
    st.uptime = format_duration(
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started_));
    char frames[128];
    std::snprintf(frames, sizeof frames, "%llu drawn; last %.1f ms, longest %.1f ms",
                  static_cast<unsigned long long>(stats_.frames), stats_.last_frame_ms, stats_.longest_frame_ms);
    st.frames = frames;
    if (preview_) m.preview = {preview_->texture(), preview_->width(), preview_->height(), preview_text_};
    if (!options_.safe_mode.empty()) st.problems.insert(st.problems.begin(), options_.safe_mode);
    return m;
}

// The privacy tab's preview: the slide on screen (the leaderboard when it is the clock or dark)
// as `p.audience` would see it with the draft's settings, drawn once per change.
void Player::render_preview(const overlay::PreviewPrivacy& p) {
    if (!preview_ || preview_->width() != width_ || preview_->height() != height_)
        preview_ = std::make_unique<render::RenderTarget>(width_, height_, render::Sampling::scaled);
    const auto view = scene::make_view(*snapshot_, p.audience, p.privacy, device_.language);
    auto ctx = context(wall_now());
    ctx.options = cue_.options;
    ctx.options.spotlight_key = spotlight_key_;
    const bool slide = cue_.what == scene::Cue::What::slide || cue_.what == scene::Cue::What::celebration;
    ctx.celebrations = cue_.celebrations;
    const auto list =
        scene::build_slide(slide ? cue_.kind : scene::SlideKind::leaderboard, view, ctx, metrics_, theme());
    (void)images_.wait(images_.request_all(list), kPhotoWait);
    painter_.draw(list, *preview_);
    preview_text_.clear();
    for (const auto* t : list.texts()) preview_text_.push_back(t->text);
}

void Player::draw_overlay(scene::Instant now) {
    overlay::SessionHooks hooks;
    if (options_.sync) hooks.sync_now = [this] { options_.sync->sync_now(); };
    hooks.test_connection = [this](const overlay::TestConnection& t) { overlay_->start_connection_test(t, device_); };
    hooks.preview = [this](const overlay::PreviewPrivacy& p) { render_preview(p); };
    hooks.saved = [this] {
        reload_settings();
        views_[0].reset(), views_[1].reset();
        // A new source, interval or token: sync starts again with them.
        if (const auto now_sync = sync_settings(*options_.store); now_sync != sync_settings_) {
            sync_settings_ = now_sync;
            if (options_.restart_sync) options_.sync = options_.restart_sync();
        }
        current_list_ = cue_.what == scene::Cue::What::screen_off ? scene::DisplayList{} : build(cue_, false);
        painter_.draw(current_list_, *current_); // the new text size or privacy, at once
    };
    hooks.closed = [this] { preview_.reset(); };
    overlay_->frame(width_, height_, overlay_model(now), hooks);
}

int Player::run() {
    const std::uint64_t started = SDL_GetTicks64();
    // One line at exit (SIGTERM arrives as SDL_QUIT) for benchmarks and the journal.
    struct Report {
        const FrameStats& stats;
        std::uint64_t started;
        ~Report() {
            std::cerr << "podium: frames drawn " << stats.frames << " in "
                      << static_cast<double>(SDL_GetTicks64() - started) / 1000.0
                      << " s, longest frame " << stats.longest_frame_ms
                      << " ms, longest transition gap " << stats.longest_gap_ms << " ms\n";
        }
    } report{stats_, started};
    // Under systemd (Type=notify): READY=1 once the first frame is on screen, WATCHDOG=1 from
    // every turn of this loop, so a loop frozen anywhere (GL driver, store, a deadlock) is
    // killed and restarted; STOPPING=1 on the way out, whatever the reason.
    ServiceNotifier service;
    struct Stopping {
        ServiceNotifier& service;
        ~Stopping() { service.stopping(); }
    } stopping{service};
    if (options_.store) {
        sync_settings_ = sync_settings(*options_.store);
        overlay_ = std::make_unique<OverlayHost>(overlay_fonts_, *options_.store, options_.token_path);
        if (!overlay_->attach_gl()) {
            log("error", "the admin overlay cannot start (OpenGL backend); the slideshow goes on");
            overlay_.reset();
        }
    }
    next_cue(wall_now());
    resize();
    std::uint64_t fade_start = 0, last_frame = 0;
    bool fading = false;
    int shown_minute = device_.zone.local(wall_now()).minute_of_day();
    using Steady = std::chrono::steady_clock;
    auto ms_between = [](Steady::time_point a, Steady::time_point b) {
        return std::chrono::duration<double, std::milli>(b - a).count();
    };
    Steady::time_point previous_present{};
    bool previous_was_fade = false;
    for (;;) {
        const auto turn_start = Steady::now();
        service.ping();
        if (!stable_noted_ && options_.store && turn_start - started_ >= kStableAfter) {
            note_clean(*options_.store); // this run is stable: earlier crashes no longer count
            stable_noted_ = true;
        }
        const scene::Instant wall = wall_now();
        // A cue ends at its time, or at once if the clock went back before its start (a clock
        // corrected after boot): never stuck on one slide.
        if (!fading && (wall >= cue_.end || wall + std::chrono::seconds(2) < cue_.start)) {
            const bool was_off = cue_.what == scene::Cue::What::screen_off;
            next_cue(wall);
            const bool off = cue_.what == scene::Cue::What::screen_off;
            if (!(was_off && off)) {
                // Prepare the next slide completely (photos included, briefly) before the fade
                // starts: no half-drawn frame. Going dark fades to black; waking fades in.
                scene::DisplayList list = off ? scene::DisplayList{} : build(cue_);
                (void)images_.wait(images_.request_all(list), kPhotoWait);
                painter_.draw(list, *next_);
                current_list_ = std::move(list);
                fading = true;
                fade_start = SDL_GetTicks64();
            }
            shown_minute = device_.zone.local(wall).minute_of_day();
        }
        // The fallback shows a clock: redraw it when the minute turns.
        if (!fading && cue_.what == scene::Cue::What::fallback) {
            const int minute = device_.zone.local(wall).minute_of_day();
            if (minute != shown_minute) {
                current_list_ = build(cue_, false);
                painter_.draw(current_list_, *current_);
                shown_minute = minute;
                dirty_ = true;
            }
        }
        // A photo decoded in the background: redraw the slide on screen with it.
        if (images_.poll() && !fading) {
            painter_.draw(current_list_, *current_);
            dirty_ = true;
        }
        const bool fade_turn = fading; // this turn draws a frame of a transition, maybe its last
        float mix = 0;
        if (fading) {
            const float t = std::min(1.0f, static_cast<float>(SDL_GetTicks64() - fade_start) /
                                               static_cast<float>(options_.transition_ms));
            mix = t * t * (3 - 2 * t); // smoothstep: a calm start and finish
            if (t >= 1) {
                std::swap(current_, next_);
                fading = false;
                mix = 0;
                dirty_ = true;
            }
        }
        if (overlay_) {
            overlay_->tick(wall);
            if (overlay_->is_open()) dirty_ = true; // it draws every turn while open
            // The pointer shows while the overlay is open (a mouse needs it), never otherwise.
            if (overlay_->is_open() != cursor_shown_) {
                cursor_shown_ = overlay_->is_open();
                SDL_ShowCursor(cursor_shown_ ? SDL_ENABLE : SDL_DISABLE);
            }
        }
        if (dirty_ || fading) {
            last_frame = SDL_GetTicks64();
            const auto transition = transition_of(device_.settings.transition);
            if (overlay_ && overlay_->is_open() && rotation_ != 0) {
                // Turned: slides and overlay are put together upright, then turned as one.
                if (!frame_) frame_ = std::make_unique<render::RenderTarget>(width_, height_);
                painter_.composite(*current_, fading ? next_.get() : nullptr, mix, width_, height_,
                                   transition, 0, frame_.get());
                glBindFramebuffer(GL_FRAMEBUFFER, frame_->framebuffer());
                draw_overlay(wall);
                glBindFramebuffer(GL_FRAMEBUFFER, 0);
                painter_.composite(*frame_, nullptr, 0, screen_w_, screen_h_, transition, rotation_);
            } else {
                painter_.composite(*current_, fading ? next_.get() : nullptr, mix, screen_w_, screen_h_,
                                   transition, rotation_);
                if (overlay_ && overlay_->is_open()) draw_overlay(wall);
            }
            gl_.swap();
            const auto presented = Steady::now();
            stats_.last_frame_ms = ms_between(turn_start, presented);
            stats_.longest_frame_ms = std::max(stats_.longest_frame_ms, stats_.last_frame_ms);
            if (fade_turn && previous_was_fade)
                stats_.longest_gap_ms =
                    std::max(stats_.longest_gap_ms, ms_between(previous_present, presented));
            previous_present = presented;
            previous_was_fade = fading;
            if (++stats_.frames == 1) service.ready();
            dirty_ = false;
        }
        reap_screen_commands();
        // Sleep until the next frame of a fade, the end of this cue, the clock's next minute on
        // the fallback, or an event.
        std::int64_t timeout =
            static_cast<std::int64_t>(last_frame + kFrameMs) - static_cast<std::int64_t>(SDL_GetTicks64());
        timeout = std::max<std::int64_t>(timeout, 0);
        if (!fading) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                cue_.end - std::chrono::system_clock::now());
            timeout = std::clamp<std::int64_t>(left.count() + 1, 0, kMaxSleepMs);
            if (cue_.what == scene::Cue::What::fallback) {
                const auto now = std::chrono::system_clock::now();
                const auto to_minute = std::chrono::ceil<std::chrono::minutes>(now) - now;
                timeout = std::min<std::int64_t>(
                    timeout,
                    std::chrono::duration_cast<std::chrono::milliseconds>(to_minute).count() + 5);
            }
        }
        // The overlay: 30 fps while someone is using it, twice a second while it waits (its clock,
        // a lock-out's countdown, its idle close); a corner press is checked when it is due.
        if (overlay_ && overlay_->is_open()) {
            const bool busy = SDL_GetTicks64() - last_input_ms_ < 2000;
            timeout = std::min<std::int64_t>(timeout, busy ? static_cast<std::int64_t>(kFrameMs) : 500);
        } else if (overlay_) {
            if (const auto due = overlay_->corner_due())
                timeout = std::min<std::int64_t>(
                    timeout, std::max<std::int64_t>(0, static_cast<std::int64_t>(*due) -
                                                           static_cast<std::int64_t>(SDL_GetTicks64())));
        }
        // Wake often enough to feed the watchdog (a quarter of WatchdogSec=).
        if (const auto cap = service.max_sleep().count(); cap > 0)
            timeout = std::min<std::int64_t>(timeout, cap);
        SDL_Event e;
        if (SDL_WaitEventTimeout(&e, static_cast<int>(timeout))) {
            if (!handle(e)) return 0;
            while (SDL_PollEvent(&e))
                if (!handle(e)) return 0;
        }
    }
}

// Starts the sync thread when a source is configured; its snapshots go to the mailbox, and an SDL
// user event wakes the render loop (which otherwise sleeps until its next slide change).
std::unique_ptr<sync::SyncService> start_sync(const std::string& db_path, sync::Store& store,
                                              SnapshotMailbox& mailbox, std::string& off_because) {
    off_because.clear();
    auto config = sync_config(store, {});
    if (!config) {
        // No source: the demo or the last synced data keeps playing. A source that is set but
        // unusable (a token file that is a directory) is said once, loudly, logged, and kept
        // for the overlay's status; the screen plays on.
        if (store.setting("sync.source").value_or("").empty()) return nullptr;
        off_because = config.error().message;
        std::cerr << "podium: sync is off: " << off_because << "\n";
        store.log({utc_now_rfc3339(), "error", "sync", "sync is off: " + off_because});
        return nullptr;
    }
    sync::SyncSchedule schedule;
    if (auto v = store.setting("sync.interval_seconds"))
        schedule.interval = std::chrono::seconds(std::max(30LL, std::atoll(v->c_str())));
    auto publish = [&mailbox](model::SnapshotPtr snapshot, const sync::SyncAttempt& attempt) {
        if (!attempt.error.empty()) std::cerr << "podium: sync " << attempt.error << "\n";
        if (!snapshot) return;
        mailbox.put(std::move(snapshot));
        push_wake_event();
    };
    return std::make_unique<sync::SyncService>(db_path, std::move(config).value(), schedule, publish,
                                               utc_now_rfc3339);
}

int command_run(const CliOptions& o) {
    auto fonts = load_bundled_fonts();
    if (!fonts) return print_error(fonts.error()), kExitFailure;
    const std::string db_path = o.db.empty() ? default_db_path() : o.db;
    auto store = open_ready_store(db_path, o.config); // the managed config first: its values win
    if (!store) return print_error(store.error()), kExitFailure;
    auto snapshot = store.value().load_snapshot();
    if (!snapshot) return print_error(snapshot.error()), kExitFailure;
    Device device = load_device(store.value());
    for (const auto& p : device.problems) std::cerr << "podium: " << p << "\n";
    warn_if_clock_unset(store.value());
    render::WindowOptions wo;
    if (o.run.windowed) {
        wo.fullscreen = false;
        std::tie(wo.width, wo.height) = *o.run.windowed;
    }
    auto gl = render::GlContext::create(wo);
    if (!gl) return print_error(gl.error()), kExitFailure;
    (void)wake_event_type(); // before any other thread may push one
    PlayerOptions po;
    po.windowed = o.run.windowed.has_value();
    SnapshotMailbox mailbox;
    std::string sync_off; // why sync is off although a source is set; read by the overlay's status
    auto syncing = start_sync(db_path, store.value(), mailbox, sync_off);
    po.sync = syncing.get();
    po.sync_off = &sync_off;
    po.store = &store.value(); // the render thread's own connection
    po.token_path = db_path.substr(0, db_path.find_last_of('/') + 1) + "sync-token";
    // The old service finishes its attempt on a thread of its own (joined at exit): the render
    // loop never waits for a download.
    std::vector<std::thread> retiring;
    struct JoinAll {
        std::vector<std::thread>& threads;
        ~JoinAll() {
            for (auto& t : threads) t.join();
        }
    } join_all{retiring};
    po.restart_sync = [&]() -> sync::SyncService* {
        retiring.emplace_back([old = std::move(syncing)]() mutable { old.reset(); });
        syncing = start_sync(db_path, store.value(), mailbox, sync_off);
        return syncing.get();
    };
    // A crash loop ends in safe mode (the clock only) instead of a screen that keeps restarting.
    po.safe_mode = note_start(store.value(), std::chrono::system_clock::now()).value_or("");
    if (!po.safe_mode.empty()) {
        std::cerr << "podium: " << po.safe_mode << "\n";
        store.value().log({utc_now_rfc3339(), "error", "display", po.safe_mode});
    }
    Player player(*gl.value(), std::move(fonts).value(), std::move(snapshot).value(),
                  std::move(device), po, &mailbox);
    const int code = player.run();
    note_clean(store.value()); // a clean exit (a stop, SIGTERM): not a crash
    return code;
}

} // namespace podium::app
