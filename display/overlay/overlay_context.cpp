#include "overlay_context.hpp"

#include "overlay_input.hpp"
#include "overlay_style.hpp"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <cmath>

namespace podium::overlay {

struct OverlayContext::Use {
    explicit Use(ImGuiContext* ctx) : previous(ImGui::GetCurrentContext()) { ImGui::SetCurrentContext(ctx); }
    ~Use() { ImGui::SetCurrentContext(previous); }
    Use(const Use&) = delete;
    Use& operator=(const Use&) = delete;
    ImGuiContext* previous;
};

OverlayContext::OverlayContext(const std::vector<unsigned char>& regular,
                               const std::vector<unsigned char>& bold)
    : regular_(regular), bold_(bold) {
    ImGuiContext* previous = ImGui::GetCurrentContext();
    ctx_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(ctx_); // CreateContext leaves the previous one current, if any
    ImGuiIO& io = ImGui::GetIO();
    // Nothing is written next to the binary: the service's file system is read-only.
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    set_key_map(io); // keyboard navigation needs the keys mapped from the first frame
    ImGui::SetCurrentContext(previous);
}

OverlayContext::~OverlayContext() {
    ImGuiContext* previous = ImGui::GetCurrentContext();
    ImGui::SetCurrentContext(ctx_);
    if (gl_) ImGui_ImplOpenGL3_Shutdown();
    ImGui::DestroyContext(ctx_);
    ImGui::SetCurrentContext(previous == ctx_ ? nullptr : previous);
}

bool OverlayContext::attach_gl() {
    Use use(ctx_);
    gl_ = ImGui_ImplOpenGL3_Init("#version 150");
    return gl_;
}

ImGuiIO& OverlayContext::io() {
    Use use(ctx_);
    return ImGui::GetIO();
}

void OverlayContext::build_fonts(float scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;
    cfg.OversampleH = 1;
    cfg.OversampleV = 1;
    const ImWchar* latin = io.Fonts->GetGlyphRangesDefault(); // Basic Latin + Latin-1
    const float body = std::round(style::kBodyPx * scale);
    body_ = io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(regular_.data()),
                                           static_cast<int>(regular_.size()), body, &cfg, latin);
    heading_ = io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(bold_.data()),
                                              static_cast<int>(bold_.size()), std::round(body * 1.3f),
                                              &cfg, latin);
    io.Fonts->Build();
    if (gl_) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
        io.Fonts->ClearTexData(); // the GPU has it
    }
    built_scale_ = scale;
}

void OverlayContext::frame(int width, int height, float seconds,
                           const std::function<void(ImFont*, ImFont*)>& draw) {
    Use use(ctx_);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = {static_cast<float>(width), static_cast<float>(height)};
    io.DisplayFramebufferScale = {1, 1};
    io.DeltaTime = seconds > 0 ? seconds : 1.0f / 30.0f;
    const float scale = style::scale(io.DisplaySize);
    if (scale != built_scale_) build_fonts(scale);
    if (gl_) ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    draw(body_, heading_);
    ImGui::Render();
    if (gl_) ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

} // namespace podium::overlay
