// The admin overlay inside the app: opening it (shortcut or corner press), routing input to it
// while open, building its model from the store and the player each frame, and carrying out its
// actions (through overlay::OverlaySession and the hooks the player gives). Also the model for
// `podium render --overlay`.
#pragma once

#include "assets.hpp"
#include "device.hpp"

#include "display/overlay/admin_overlay.hpp"
#include "display/overlay/overlay_context.hpp"
#include "display/overlay/overlay_input.hpp"
#include "display/overlay/overlay_session.hpp"
#include "sync/store.hpp"

#include <SDL.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace podium::app {

// The model's parts that come from the store: settings (live), locks, PIN state, logs.
// `audit` and `plays` must outlive the model.
overlay::OverlayModel store_model(sync::Store& store, const Device& device, scene::Instant now,
                                  std::vector<sync::AuditEntry>& audit, std::vector<sync::PlayEntry>& plays);
std::string format_duration(std::chrono::seconds s); // "3 d 4 h", "5 min", "12 s"
std::string memory_text();                           // this process's resident memory, "84 MiB"

class OverlayHost {
  public:
    OverlayHost(const FontFiles& fonts, sync::Store& store, std::string token_path);
    ~OverlayHost();
    bool attach_gl() { return ctx_.attach_gl(); }

    // An event; true when the overlay took it (the slideshow must not act on it).
    bool handle(const SDL_Event& e, int width, int height, scene::Instant now);
    bool is_open() const { return overlay_.is_open(); }
    // The corner press's due time (steady ms), for the render loop's sleep.
    std::optional<std::uint64_t> corner_due() const { return corner_.due(); }
    // Opens when the corner press has been held long enough.
    void tick(scene::Instant now);
    // Draws the overlay over the default framebuffer and carries out its actions.
    void frame(int width, int height, overlay::OverlayModel model, const overlay::SessionHooks& hooks);
    // The connection test, off the render thread; its result shows in the source tab.
    void start_connection_test(const overlay::TestConnection& t, const Device& device);
    std::string connection_result();

  private:
    sync::Store& store_;
    overlay::OverlayContext ctx_;
    overlay::AdminOverlay overlay_;
    overlay::OverlaySession session_;
    overlay::CornerPress corner_;
    overlay::InputFeeder input_;
    std::mutex mutex_;
    std::string connection_;
    std::thread tester_;
    std::uint64_t last_frame_ms_ = 0;
};

} // namespace podium::app
