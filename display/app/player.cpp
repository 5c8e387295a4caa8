#include "player.hpp"

#include "bootstrap.hpp"
#include "commands.hpp"

#include "sync/sync_service.hpp"

#include <SDL.h>

#include <algorithm>
#include <iostream>

namespace podium::app {
namespace {
constexpr std::uint64_t kFrameMs = 16; // ~60 fps during transitions; software GL has no vsync
}

Player::Player(render::GlContext& gl, FontFiles fonts, model::SnapshotPtr snapshot,
               PlayerOptions options, SnapshotMailbox* mailbox)
    : gl_(gl), options_(std::move(options)), mailbox_(mailbox), metrics_(fonts),
      atlas_(std::move(fonts)),
      images_([](const std::string& m) { std::cerr << "podium: " << m << "\n"; }),
      painter_(atlas_, images_) {
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

// The privacy filter runs once per snapshot, not once per slide: a View copies every row.
void Player::set_snapshot(model::SnapshotPtr snapshot) {
    snapshot_ = std::move(snapshot);
    view_ = scene::make_view(*snapshot_, options_.audience, scene::PrivacySettings{}, options_.lang);
}

scene::DisplayList Player::build(std::size_t index, bool advance) {
    scene::SlideContext ctx;
    ctx.width = static_cast<float>(width_);
    ctx.height = static_cast<float>(height_);
    ctx.lang = options_.lang;
    ctx.now = local_now();
    ctx.shift = scene::burn_in_shift(ctx.now);
    if (options_.sync) {
        const auto status = options_.sync->status();
        if (status.last_success &&
            sync::is_stale(*status.last_success, std::chrono::system_clock::now(), options_.sync->interval()))
            ctx.data_as_of = local_time(*status.last_success);
    }
    const auto kind = options_.playlist[index].kind;
    if (kind == scene::SlideKind::spotlight) {
        if (advance) spotlight_key_ = next_spotlight(view_, ctx.now);
        ctx.options.spotlight_key = spotlight_key_;
    }
    return scene::build_slide(kind, view_, ctx, metrics_);
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

void Player::resize() {
    gl_.drawable_size(width_, height_);
    current_ = std::make_unique<render::RenderTarget>(width_, height_);
    next_ = std::make_unique<render::RenderTarget>(width_, height_);
    painter_.draw(build(index_, /*advance=*/false), *current_); // the same colleague, new size
    dirty_ = true;
}

bool Player::handle(const SDL_Event& e) {
    switch (e.type) {
    case SDL_QUIT:
        return false;
    case SDL_KEYDOWN:
        return !(options_.windowed && e.key.keysym.sym == SDLK_ESCAPE);
    case SDL_WINDOWEVENT:
        if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
            int w = 0, h = 0;
            gl_.drawable_size(w, h);
            if (w != width_ || h != height_) resize();
        }
        if (e.window.event == SDL_WINDOWEVENT_EXPOSED) dirty_ = true;
        return true;
    default:
        return true;
    }
}

int Player::run() {
    const std::uint64_t started = SDL_GetTicks64();
    // One line at exit (SIGTERM arrives as SDL_QUIT) for benchmarks and the journal.
    struct Report {
        const std::uint64_t& frames;
        std::uint64_t started;
        ~Report() {
            std::cerr << "podium: frames drawn " << frames << " in "
                      << static_cast<double>(SDL_GetTicks64() - started) / 1000.0 << " s\n";
        }
    } report{frames_, started};
    resize();
    std::uint64_t slide_start = SDL_GetTicks64();
    std::uint64_t fade_start = 0;
    bool fading = false;
    for (;;) {
        std::uint64_t now = SDL_GetTicks64();
        if (!fading && now - slide_start >= options_.playlist[index_].duration_ms) {
            // Prepare the next slide completely before the fade starts: no half-drawn frame.
            index_ = (index_ + 1) % options_.playlist.size();
            if (mailbox_)
                if (auto fresh = mailbox_->take()) set_snapshot(std::move(fresh));
            painter_.draw(build(index_), *next_);
            fading = true;
            fade_start = now = SDL_GetTicks64();
        }
        float mix = 0;
        if (fading) {
            const float t = std::min(1.0f, static_cast<float>(now - fade_start) /
                                               static_cast<float>(options_.transition_ms));
            mix = t * t * (3 - 2 * t); // smoothstep: a calm start and finish
            if (t >= 1) {
                std::swap(current_, next_);
                fading = false;
                slide_start = now;
                mix = 0;
                dirty_ = true;
            }
        }
        if (dirty_ || fading) {
            painter_.composite(*current_, fading ? next_.get() : nullptr, mix, width_, height_);
            gl_.swap();
            ++frames_;
            dirty_ = false;
        }
        // Sleep until the next frame of a fade, or the end of this slide, or an event.
        now = SDL_GetTicks64();
        const std::uint64_t due =
            fading ? now + kFrameMs : slide_start + options_.playlist[index_].duration_ms;
        SDL_Event e;
        const int timeout =
            static_cast<int>(due > now ? std::min<std::uint64_t>(due - now, 60000) : 0);
        if (SDL_WaitEventTimeout(&e, timeout)) {
            if (!handle(e)) return 0;
            while (SDL_PollEvent(&e))
                if (!handle(e)) return 0;
        }
    }
}

// Starts the sync thread when a source is configured; its snapshots go to the mailbox, and an SDL
// user event wakes the render loop (which otherwise sleeps until its next slide change).
std::unique_ptr<sync::SyncService> start_sync(const std::string& db_path, sync::Store& store,
                                              SnapshotMailbox& mailbox) {
    auto config = sync_config(store, {});
    if (!config) {
        // No source: the demo or the last synced data keeps playing. A source that is set but
        // unusable (an unreadable token file) is said once, loudly, and logged for the overlay.
        if (store.setting("sync.source").value_or("").empty()) return nullptr;
        std::cerr << "podium: sync is off: " << config.error().message << "\n";
        store.log({utc_now_rfc3339(), "error", "sync", "sync is off: " + config.error().message});
        return nullptr;
    }
    sync::SyncSchedule schedule;
    if (auto v = store.setting("sync.interval_seconds"))
        schedule.interval = std::chrono::seconds(std::max(30LL, std::atoll(v->c_str())));
    static const Uint32 wake = SDL_RegisterEvents(1);
    auto publish = [&mailbox](model::SnapshotPtr snapshot, const sync::SyncAttempt& attempt) {
        if (!attempt.error.empty()) std::cerr << "podium: sync " << attempt.error << "\n";
        if (!snapshot) return;
        mailbox.put(std::move(snapshot));
        SDL_Event e{};
        e.type = wake;
        SDL_PushEvent(&e);
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
    render::WindowOptions wo;
    if (o.run.windowed) {
        wo.fullscreen = false;
        std::tie(wo.width, wo.height) = *o.run.windowed;
    }
    auto gl = render::GlContext::create(wo);
    if (!gl) return print_error(gl.error()), kExitFailure;
    PlayerOptions po;
    po.windowed = o.run.windowed.has_value();
    // The language the config or the admin chose.
    if (auto lang = scene::parse_lang(store.value().setting("display.language").value_or("en")))
        po.lang = *lang;
    SnapshotMailbox mailbox;
    const auto syncing = start_sync(db_path, store.value(), mailbox);
    po.sync = syncing.get();
    po.store = &store.value(); // the render thread's own connection (spotlight rotation)
    Player player(*gl.value(), std::move(fonts).value(), std::move(snapshot).value(), po, &mailbox);
    return player.run();
}

} // namespace podium::app
