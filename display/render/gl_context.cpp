#include "gl_context.hpp"

#include "gl.hpp"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

namespace podium::render {

Result<std::unique_ptr<GlContext>> GlContext::create(const WindowOptions& o) {
    if (o.headless) SDL_SetHintWithPriority(SDL_HINT_VIDEODRIVER, "offscreen", SDL_HINT_OVERRIDE);
    std::unique_ptr<GlContext> ctx(new GlContext);
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0)
        return Error{std::string("no display: cannot start video (") + SDL_GetError() +
                     "); run it from a graphical session or a kiosk compositor such as cage"};
    ctx->sdl_ = true;
    const std::string driver = SDL_GetCurrentVideoDriver() ? SDL_GetCurrentVideoDriver() : "";
    const char* asked = SDL_getenv("SDL_VIDEODRIVER");
    if (!o.headless && (driver == "offscreen" || driver == "dummy") && !(asked && driver == asked))
        // SDL falls back to drawing nowhere when no display works; a kiosk must say so instead.
        return Error{"no display: no X11 or Wayland display is reachable (DISPLAY and "
                     "WAYLAND_DISPLAY unset or unusable); run it from a graphical session or a "
                     "kiosk compositor such as cage, or use --windowed on a desktop"};
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 2);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);

    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI;
    if (o.headless)
        flags |= SDL_WINDOW_HIDDEN;
    else if (o.fullscreen)
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    else
        flags |= SDL_WINDOW_RESIZABLE;
    int w = o.headless ? 64 : o.width, h = o.headless ? 64 : o.height;
    SDL_DisplayMode desktop;
    if (!o.headless && o.fullscreen && SDL_GetDesktopDisplayMode(0, &desktop) == 0) {
        // Create it at the screen's size: without a window manager (a bare X kiosk) "fullscreen
        // desktop" may not resize the window, and the slide would be cropped.
        w = desktop.w;
        h = desktop.h;
    }
    ctx->window_.reset(
        SDL_CreateWindow("Podium", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h, flags));
    if (!ctx->window_)
        return Error{std::string("no display: cannot open a window (") + SDL_GetError() + ")"};
    ctx->gl_ = SDL_GL_CreateContext(ctx->window_.get());
    if (!ctx->gl_)
        return Error{std::string("cannot create an OpenGL 3.2 context: ") + SDL_GetError()};
    SDL_GL_MakeCurrent(ctx->window_.get(), ctx->gl_);
    SDL_GL_SetSwapInterval(1); // vsync where there is one; the player paces itself regardless
    if (!o.headless) SDL_ShowCursor(SDL_DISABLE);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // nothing written behind the kiosk's back
    io.LogFilename = nullptr;
    io.Fonts->Flags |= ImFontAtlasFlags_NoMouseCursors;
    if (!ImGui_ImplOpenGL3_Init("#version 150"))
        return Error{"cannot initialise the OpenGL renderer"};
    ctx->imgui_ = true;
    // Shaders now, so that NewFrame never builds them (and ImGui's default font) mid-slideshow.
    ImGui_ImplOpenGL3_CreateDeviceObjects();
    return ctx;
}

GlContext::~GlContext() {
    if (imgui_) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui::DestroyContext();
    }
    if (gl_) SDL_GL_DeleteContext(gl_);
    window_.reset();
    if (sdl_) SDL_Quit();
}

void GlContext::drawable_size(int& w, int& h) const {
    SDL_GL_GetDrawableSize(window_.get(), &w, &h);
}
void GlContext::swap() {
    SDL_GL_SwapWindow(window_.get());
}

std::string GlContext::renderer_name() const {
    const auto* r = glGetString(GL_RENDERER);
    return r ? reinterpret_cast<const char*>(r) : "unknown";
}

} // namespace podium::render
