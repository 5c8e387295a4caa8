#include "overlay_input.hpp"

#include <imgui.h>

#include <algorithm>

namespace podium::overlay {

void set_key_map(ImGuiIO& io) {
    io.KeyMap[ImGuiKey_Tab] = SDL_SCANCODE_TAB;
    io.KeyMap[ImGuiKey_LeftArrow] = SDL_SCANCODE_LEFT;
    io.KeyMap[ImGuiKey_RightArrow] = SDL_SCANCODE_RIGHT;
    io.KeyMap[ImGuiKey_UpArrow] = SDL_SCANCODE_UP;
    io.KeyMap[ImGuiKey_DownArrow] = SDL_SCANCODE_DOWN;
    io.KeyMap[ImGuiKey_PageUp] = SDL_SCANCODE_PAGEUP;
    io.KeyMap[ImGuiKey_PageDown] = SDL_SCANCODE_PAGEDOWN;
    io.KeyMap[ImGuiKey_Home] = SDL_SCANCODE_HOME;
    io.KeyMap[ImGuiKey_End] = SDL_SCANCODE_END;
    io.KeyMap[ImGuiKey_Insert] = SDL_SCANCODE_INSERT;
    io.KeyMap[ImGuiKey_Delete] = SDL_SCANCODE_DELETE;
    io.KeyMap[ImGuiKey_Backspace] = SDL_SCANCODE_BACKSPACE;
    io.KeyMap[ImGuiKey_Space] = SDL_SCANCODE_SPACE;
    io.KeyMap[ImGuiKey_Enter] = SDL_SCANCODE_RETURN;
    io.KeyMap[ImGuiKey_Escape] = SDL_SCANCODE_ESCAPE;
    io.KeyMap[ImGuiKey_KeyPadEnter] = SDL_SCANCODE_KP_ENTER;
    io.KeyMap[ImGuiKey_A] = SDL_SCANCODE_A;
    io.KeyMap[ImGuiKey_C] = SDL_SCANCODE_C;
    io.KeyMap[ImGuiKey_V] = SDL_SCANCODE_V;
    io.KeyMap[ImGuiKey_X] = SDL_SCANCODE_X;
    io.KeyMap[ImGuiKey_Y] = SDL_SCANCODE_Y;
    io.KeyMap[ImGuiKey_Z] = SDL_SCANCODE_Z;
}

bool InputFeeder::feed(ImGuiIO& io, const SDL_Event& e) {
    switch (e.type) {
    case SDL_MOUSEMOTION:
        io.MousePos = {static_cast<float>(e.motion.x), static_cast<float>(e.motion.y)};
        return true;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP: {
        io.MousePos = {static_cast<float>(e.button.x), static_cast<float>(e.button.y)};
        const int b = e.button.button == SDL_BUTTON_LEFT ? 0 : e.button.button == SDL_BUTTON_RIGHT ? 1 : 2;
        if (e.type == SDL_MOUSEBUTTONDOWN) {
            io.MouseDown[b] = true;
            mouse_fresh_[b] = true;
        } else if (mouse_fresh_[b]) {
            mouse_up_late_[b] = true;
        } else {
            io.MouseDown[b] = false;
        }
        return true;
    }
    case SDL_MOUSEWHEEL:
        io.MouseWheel += static_cast<float>(e.wheel.y);
        io.MouseWheelH += static_cast<float>(e.wheel.x);
        return true;
    case SDL_TEXTINPUT:
        io.AddInputCharactersUTF8(e.text.text);
        return true;
    case SDL_KEYDOWN:
    case SDL_KEYUP: {
        const int key = e.key.keysym.scancode;
        if (key >= 0 && key < kKeys) {
            if (e.type == SDL_KEYDOWN) {
                io.KeysDown[key] = true;
                key_fresh_[key] = true;
            } else if (key_fresh_[key]) {
                key_up_late_[key] = true;
            } else {
                io.KeysDown[key] = false;
            }
        }
        const auto mod = e.key.keysym.mod;
        io.KeyShift = (mod & KMOD_SHIFT) != 0;
        io.KeyCtrl = (mod & KMOD_CTRL) != 0;
        io.KeyAlt = (mod & KMOD_ALT) != 0;
        io.KeySuper = (mod & KMOD_GUI) != 0;
        return true;
    }
    default:
        return false;
    }
}

void InputFeeder::after_frame(ImGuiIO& io) {
    for (int k = 0; k < kKeys; ++k) {
        if (key_up_late_[k]) io.KeysDown[k] = false;
        key_fresh_[k] = key_up_late_[k] = false;
    }
    for (int b = 0; b < 3; ++b) {
        if (mouse_up_late_[b]) io.MouseDown[b] = false;
        mouse_fresh_[b] = mouse_up_late_[b] = false;
    }
}

bool is_open_shortcut(const SDL_Event& e) {
    if (e.type != SDL_KEYDOWN || e.key.repeat) return false;
    const auto& k = e.key.keysym;
    if (k.sym == SDLK_F12) return true;
    return k.sym == SDLK_a && (k.mod & KMOD_CTRL) && (k.mod & KMOD_ALT);
}

void CornerPress::on_event(const SDL_Event& e, int width, int height, std::uint64_t now_ms) {
    const float corner = std::max(120.0f, 0.08f * static_cast<float>(std::min(width, height)));
    auto inside = [&](int x, int y) { return static_cast<float>(x) < corner && static_cast<float>(y) < corner; };
    switch (e.type) {
    case SDL_MOUSEBUTTONDOWN:
        if (e.button.button == SDL_BUTTON_LEFT && inside(e.button.x, e.button.y)) down_since_ = now_ms;
        break;
    case SDL_MOUSEBUTTONUP:
        down_since_.reset();
        break;
    case SDL_MOUSEMOTION:
        if (down_since_ && !inside(e.motion.x, e.motion.y)) down_since_.reset();
        break;
    default:
        break;
    }
}

bool CornerPress::fired(std::uint64_t now_ms) {
    if (!down_since_ || now_ms - *down_since_ < kHoldMs) return false;
    down_since_.reset();
    return true;
}

std::optional<std::uint64_t> CornerPress::due() const {
    if (!down_since_) return std::nullopt;
    return *down_since_ + kHoldMs;
}

} // namespace podium::overlay
