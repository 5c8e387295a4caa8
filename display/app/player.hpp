// The slideshow: cycles the playlist with a crossfade, drawing each slide once into a texture and
// compositing textures during transitions. Between changes it sleeps on SDL events: no polling.
#pragma once

#include "assets.hpp"

#include "display/render/gl_context.hpp"
#include "display/render/painter.hpp"
#include "display/scene/slides.hpp"
#include "sync/model/snapshot.hpp"
#include "sync/sync_service.hpp"

#include <cstdint>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace podium::app {

struct PlaylistEntry {
    scene::SlideKind kind;
    std::uint64_t duration_ms;
};

struct PlayerOptions {
    bool windowed = false;
    scene::Audience audience = scene::Audience::visitors;
    scene::Lang lang = scene::Lang::en;
    // Until the schedule lands: every slide with data, 12 s each (the fallback is for "nothing").
    std::vector<PlaylistEntry> playlist = {{scene::SlideKind::leaderboard, 12000},
                                           {scene::SlideKind::spotlight, 12000},
                                           {scene::SlideKind::results, 12000},
                                           {scene::SlideKind::adoption, 12000},
                                           {scene::SlideKind::successes, 12000}};
    std::uint64_t transition_ms = 800;
    const sync::SyncService* sync = nullptr; // for the data's age; none: no "data as of" badge
    sync::Store* store = nullptr; // the render thread's connection, for the spotlight's round
};

// Where the sync thread leaves each new snapshot for the render thread. The render thread takes it
// at its next slide change: a slide never changes its figures while on screen.
class SnapshotMailbox {
  public:
    void put(model::SnapshotPtr s) {
        std::lock_guard lock(mutex_);
        latest_ = std::move(s);
    }
    model::SnapshotPtr take() {
        std::lock_guard lock(mutex_);
        return std::exchange(latest_, nullptr);
    }

  private:
    std::mutex mutex_;
    model::SnapshotPtr latest_;
};

class Player {
  public:
    Player(render::GlContext& gl, FontFiles fonts, model::SnapshotPtr snapshot,
           PlayerOptions options, SnapshotMailbox* mailbox = nullptr);
    int run();

  private:
    scene::DisplayList build(std::size_t index, bool advance = true);
    void set_snapshot(model::SnapshotPtr snapshot);
    std::string next_spotlight(const scene::View& view, const scene::LocalTime& now);
    void resize();
    bool handle(const SDL_Event& e); // false: quit

    render::GlContext& gl_;
    PlayerOptions options_;
    model::SnapshotPtr snapshot_;
    scene::View view_; // what the slides draw from: snapshot_ through the privacy filter
    SnapshotMailbox* mailbox_;
    scene::FontMetrics metrics_;
    render::FontAtlas atlas_;
    render::ImageCache images_;
    render::Painter painter_;
    int width_ = 0, height_ = 0;
    std::unique_ptr<render::RenderTarget> current_, next_;
    std::size_t index_ = 0;
    std::string spotlight_key_; // who the spotlight shows now
    std::vector<std::string> shown_; // the spotlight's round so far (champion ids)
    bool dirty_ = true;
    std::uint64_t frames_ = 0; // frames presented, reported at exit
};

} // namespace podium::app
