// The render thread's window, GL context and Dear ImGui context. Headless (`podium render`, tests)
// uses SDL's offscreen driver with an EGL context: no display server, no environment needed.
#pragma once

#include "sync/model/c_handle.hpp"
#include "sync/model/result.hpp"

#include <SDL.h>

#include <memory>
#include <string>

namespace podium::render {

using WindowHandle = CHandle<SDL_Window, SDL_DestroyWindow>;

struct WindowOptions {
    bool headless = false;
    bool fullscreen = true;
    int width = 1280, height = 720; // windowed size
};

class GlContext {
  public:
    static Result<std::unique_ptr<GlContext>> create(const WindowOptions& options);
    ~GlContext();
    GlContext(const GlContext&) = delete;
    GlContext& operator=(const GlContext&) = delete;

    SDL_Window* window() const { return window_.get(); }
    void drawable_size(int& w, int& h) const;
    void swap();
    std::string renderer_name() const;

  private:
    GlContext() = default;
    WindowHandle window_;
    SDL_GLContext gl_ = nullptr;
    bool imgui_ = false;
    bool sdl_ = false;
};

} // namespace podium::render
