// The overlay's own Dear ImGui context: its own input state (a click meant for the overlay is never
// eaten by the slides' off-screen frames, which use the render layer's context), its own small
// font atlas (Inter at two sizes, Latin only, no oversampling: well under 1 MiB), and, on screen,
// its own OpenGL3 backend. Headless tests use it without GL: frames are built, not drawn.
#pragma once

#include <functional>
#include <vector>

struct ImGuiContext;
struct ImFont;
struct ImGuiIO;

namespace podium::overlay {

class OverlayContext {
  public:
    // regular and bold: TTF/OTF bytes; they must outlive the context.
    OverlayContext(const std::vector<unsigned char>& regular, const std::vector<unsigned char>& bold);
    ~OverlayContext();
    OverlayContext(const OverlayContext&) = delete;
    OverlayContext& operator=(const OverlayContext&) = delete;

    // Draws with OpenGL from now on (the caller's GL context is current). False when the
    // backend could not start; the overlay then cannot be shown, the slideshow goes on.
    bool attach_gl();
    ImGuiIO& io();
    // One frame at this size: `draw` runs between NewFrame and Render, with fonts for the size;
    // on GL the result is drawn over what the default framebuffer holds.
    void frame(int width, int height, float seconds, const std::function<void(ImFont* body, ImFont* heading)>& draw);

  private:
    struct Use; // makes this context current for a scope
    void build_fonts(float scale);

    const std::vector<unsigned char>& regular_;
    const std::vector<unsigned char>& bold_;
    ImGuiContext* ctx_ = nullptr;
    ImFont* body_ = nullptr;
    ImFont* heading_ = nullptr;
    float built_scale_ = 0;
    bool gl_ = false;
};

} // namespace podium::overlay
