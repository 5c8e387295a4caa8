// Drives the admin overlay headless, as a person would: Dear ImGui with simulated SDL input (the
// same InputFeeder the screen uses), no window and no GL. Widgets are found by the names the
// overlay records for them and pressed at their centre; time is injected.
#pragma once

#include "display/app/device.hpp"
#include "display/app/overlay_host.hpp"
#include "display/overlay/admin_overlay.hpp"
#include "display/overlay/overlay_context.hpp"
#include "display/overlay/overlay_input.hpp"
#include "display/overlay/overlay_session.hpp"
#include "sync/store.hpp"
#include "tests/support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <SDL.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace podium::test {

inline std::vector<unsigned char> read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot read " << path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline const scene::Instant kOverlayNow =
    std::chrono::sys_days(std::chrono::year(2026) / 11 / 25) + std::chrono::hours(10);

class OverlayDriver {
  public:
    static constexpr int kPinIterations = 1000; // the PIN's cost is tested elsewhere; keep this quick

    explicit OverlayDriver(sync::Store& store, std::string token_path = {})
        : store_(store), regular_(read_bytes(std::string(PODIUM_SOURCE_DIR) + "/assets/fonts/Inter-Regular.otf")),
          bold_(read_bytes(std::string(PODIUM_SOURCE_DIR) + "/assets/fonts/Inter-Bold.otf")),
          ctx_(regular_, bold_), session_(store, std::move(token_path), kPinIterations) {}

    overlay::AdminOverlay ui;
    scene::Instant now = kOverlayNow;
    std::vector<overlay::Action> last_actions;
    overlay::SessionHooks hooks;
    std::vector<overlay::PreviewPrivacy> previews; // what the privacy tab asked to preview

    void open() { ui.open(now, session_.pin().has_pin()); }

    overlay::OverlayModel model() {
        device_ = app::load_device(store_);
        auto m = app::store_model(store_, device_, now, audit_, plays_);
        return m;
    }

    // One frame; the actions are carried out like on the screen.
    std::vector<overlay::Action> frame() {
        const auto m = model();
        std::vector<overlay::Action> actions;
        ctx_.frame(1920, 1080, 1.0f / 30.0f, [&](ImFont* body, ImFont* heading) {
            ui.set_fonts(body, heading);
            actions = ui.frame(m);
        });
        input_.after_frame(ctx_.io());
        auto h = hooks;
        h.preview = [this](const overlay::PreviewPrivacy& p) { previews.push_back(p); };
        session_.run(actions, ui, m, h);
        last_actions = actions;
        return actions;
    }

    bool has(const std::string& widget) const { return ui.widgets().count(widget) > 0; }

    // A finger on the widget: press and release between two frames (the quickest tap). A frame
    // first, so the widget is where the screen shows it now; the actions of the press's and the
    // release's frames.
    std::vector<overlay::Action> click(const std::string& widget) {
        frame();
        REQUIRE_MESSAGE(has(widget), "no widget " << widget << " on screen");
        const auto r = ui.widgets().at(widget);
        send_mouse(SDL_MOUSEMOTION, r.cx(), r.cy());
        send_mouse(SDL_MOUSEBUTTONDOWN, r.cx(), r.cy());
        send_mouse(SDL_MOUSEBUTTONUP, r.cx(), r.cy());
        auto a = frame();
        auto b = frame(); // the release: a button acts on it
        a.insert(a.end(), b.begin(), b.end());
        return a;
    }

    // Selects all of a field's text and types over it.
    void type_into(const std::string& widget, const std::string& text) {
        click(widget);
        key(SDL_SCANCODE_A, KMOD_CTRL);
        key(SDL_SCANCODE_BACKSPACE);
        type(text);
    }

    void type(const std::string& text) {
        for (char c : text) {
            SDL_Event e{};
            e.type = SDL_TEXTINPUT;
            e.text.text[0] = c;
            input_.feed(ctx_.io(), e);
            ui.touched(now);
            frame();
        }
    }

    std::vector<overlay::Action> key(SDL_Scancode code, Uint16 mod = KMOD_NONE) {
        SDL_Event e{};
        e.type = SDL_KEYDOWN;
        e.key.keysym.scancode = code;
        e.key.keysym.mod = mod;
        input_.feed(ctx_.io(), e);
        e.type = SDL_KEYUP;
        input_.feed(ctx_.io(), e);
        ui.touched(now);
        auto a = frame();
        SDL_Event up{};
        up.type = SDL_KEYUP; // modifiers up
        up.key.keysym.scancode = SDL_SCANCODE_UNKNOWN;
        input_.feed(ctx_.io(), up);
        frame();
        return a;
    }

    void keypad(const std::string& digits) {
        for (char c : digits) click(std::string("pin.key.") + c);
    }

    overlay::OverlaySession& session() { return session_; }

  private:
    void send_mouse(Uint32 type, float x, float y) {
        SDL_Event e{};
        e.type = type;
        if (type == SDL_MOUSEMOTION) {
            e.motion.x = static_cast<Sint32>(x);
            e.motion.y = static_cast<Sint32>(y);
        } else {
            e.button.button = SDL_BUTTON_LEFT;
            e.button.x = static_cast<Sint32>(x);
            e.button.y = static_cast<Sint32>(y);
        }
        input_.feed(ctx_.io(), e);
        ui.touched(now);
    }

    sync::Store& store_;
    std::vector<unsigned char> regular_, bold_;
    overlay::OverlayContext ctx_;
    overlay::InputFeeder input_;
    overlay::OverlaySession session_;
    app::Device device_;
    std::vector<sync::AuditEntry> audit_;
    std::vector<sync::PlayEntry> plays_;
};

} // namespace podium::test
