// Input for the overlay: SDL events into its Dear ImGui context (mouse, touch through SDL's mouse
// emulation, keys, typed text), the shortcuts that open it, and the three-second press in the
// top-left corner that opens it on a touch screen without a keyboard.
#pragma once

#include <SDL.h>

#include <cstdint>
#include <optional>

struct ImGuiIO;

namespace podium::overlay {

void set_key_map(ImGuiIO& io); // once per context: ImGui's keys onto SDL scancodes

// SDL events into ImGui 1.86's input state. That ImGui samples key and button *states* once per
// frame, so a press and release that arrive between two frames (a quick tap, xdotool, a touch)
// would never be seen: a release is held back until a frame has seen its press.
class InputFeeder {
  public:
    // Passes one event on; true when it was input for the overlay (it restarts the idle clock).
    bool feed(ImGuiIO& io, const SDL_Event& e);
    // After each frame: the releases that waited for it.
    void after_frame(ImGuiIO& io);

  private:
    static constexpr int kKeys = 512;
    bool key_fresh_[kKeys] = {}, key_up_late_[kKeys] = {};
    bool mouse_fresh_[3] = {}, mouse_up_late_[3] = {};
};
// Ctrl+Alt+A or F12.
bool is_open_shortcut(const SDL_Event& e);

// A press held for kHold in the top-left corner (the larger of 120 px and 8% of the shorter
// side), without leaving it.
class CornerPress {
  public:
    static constexpr std::uint64_t kHoldMs = 3000;
    // Feeds a mouse event (touch arrives as one); `now_ms` is a steady clock.
    void on_event(const SDL_Event& e, int width, int height, std::uint64_t now_ms);
    // True once when the press has been held long enough.
    bool fired(std::uint64_t now_ms);
    // When fired() will next be true if the press goes on, for the render loop's sleep.
    std::optional<std::uint64_t> due() const;

  private:
    std::optional<std::uint64_t> down_since_;
};

} // namespace podium::overlay
