// The slideshow: asks the director what to show (schedule, audience, celebrations, screen-off),
// draws each slide once into a texture and composites textures during transitions. Between
// changes it sleeps on SDL events and timers: no polling.
#pragma once

#include "assets.hpp"
#include "device.hpp"
#include "overlay_host.hpp"
#include "snapshot_mailbox.hpp"

#include "display/render/gl_context.hpp"
#include "display/render/painter.hpp"
#include "display/scene/director.hpp"
#include "display/scene/slides.hpp"
#include "sync/model/snapshot.hpp"
#include "sync/sync_service.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace podium::app {

struct PlayerOptions {
    bool windowed = false;
    std::uint64_t transition_ms = 800;
    sync::SyncService* sync = nullptr; // for the data's age; none: no "data as of" badge
    sync::Store* store = nullptr; // the render thread's connection: settings, spotlight round, log
    std::string token_path;       // where the overlay keeps a typed sync token
    // Starts sync again with the stored settings (after the overlay changed the source); the new
    // service, or nullptr when there is no source now.
    std::function<sync::SyncService*()> restart_sync;
    // Why sync is off although a source is set (a token file that is a directory), for the
    // overlay's status; empty or null when it runs or no source is set. Updated by restart_sync.
    const std::string* sync_off = nullptr;
    // Not empty: safe mode (safe_mode.hpp), and why; only the fallback plays.
    std::string safe_mode;
};

// How the render loop keeps time, for the exit line, benchmarks and the overlay's status tab.
struct FrameStats {
    std::uint64_t frames = 0;     // frames presented
    double longest_frame_ms = 0;  // the longest loop turn that presented a frame (build + draw + swap)
    double longest_gap_ms = 0;    // the longest wait between two frames of one transition
    double last_frame_ms = 0;     // the latest turn that presented a frame
};

class Player {
  public:
    Player(render::GlContext& gl, FontFiles fonts, model::SnapshotPtr snapshot, Device device,
           PlayerOptions options, SnapshotMailbox* mailbox = nullptr);
    int run();

  private:
    scene::DisplayList build(const scene::Cue& cue, bool advance = true);
    scene::SlideContext context(scene::Instant now) const;
    scene::Theme theme() const {
        return device_.settings.theme == scene::ThemeName::light ? scene::light_theme() : scene::Theme{};
    }
    const scene::View& view_for(scene::Audience a);
    std::optional<scene::View>& view_slot(scene::Audience a) { return views_[a == scene::Audience::internal ? 0 : 1]; }
    void set_snapshot(model::SnapshotPtr snapshot);
    void take_prepared(Prepared p);
    void reload_settings();
    scene::Schedule schedule() const; // the device's, or the fallback only in safe mode
    void next_cue(scene::Instant now);
    void log(const std::string& level, const std::string& message);
    std::string next_spotlight(const scene::View& view, const scene::LocalTime& now);
    void resize();
    bool handle(const SDL_Event& e); // false: quit
    SDL_Event unrotated(const SDL_Event& e) const;
    overlay::OverlayModel overlay_model(scene::Instant now);
    void draw_overlay(scene::Instant now);
    void render_preview(const overlay::PreviewPrivacy& p);

    render::GlContext& gl_;
    Device device_;
    PlayerOptions options_;
    scene::Director director_;
    model::SnapshotPtr snapshot_;
    // What the slides draw from: snapshot_ through the privacy filter, per audience, made when
    // first needed after each snapshot or privacy change.
    std::optional<scene::View> views_[2];
    SnapshotMailbox* mailbox_;
    scene::FontMetrics metrics_;
    render::FontAtlas atlas_;
    render::ImageCache images_;
    render::Painter painter_;
    int width_ = 0, height_ = 0;       // the slides' (upright) size
    int screen_w_ = 0, screen_h_ = 0; // the window's
    int rotation_ = 0;                // display.rotation, as the targets were made for it
    std::unique_ptr<render::RenderTarget> frame_; // slides + overlay, upright, when turned
    std::unique_ptr<render::RenderTarget> current_, next_;
    scene::Cue cue_;                  // on screen now (or fading in)
    scene::DisplayList current_list_; // what current_ holds, to redraw when a photo arrives
    std::string spotlight_key_;       // who the spotlight shows now
    std::vector<std::string> shown_;  // the spotlight's round so far (champion ids)
    bool dirty_ = true;
    FrameStats stats_;
    // The admin overlay (made once the GL context is current), the privacy preview it shows, and
    // the logs its model points at.
    FontFiles overlay_fonts_; // the overlay's context bakes its own small atlas from these
    std::unique_ptr<OverlayHost> overlay_;
    std::unique_ptr<render::RenderTarget> preview_;
    std::vector<std::string> preview_text_;
    std::vector<sync::AuditEntry> audit_;
    std::vector<sync::PlayEntry> plays_;
    std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
    std::uint64_t last_input_ms_ = 0;
    std::string sync_settings_; // what sync runs with, to notice a change saved in the overlay
    bool cursor_shown_ = false;
    bool stable_noted_ = false; // the run has lasted kStableAfter: the crash count was cleared
};

} // namespace podium::app
