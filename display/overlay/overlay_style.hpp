// The overlay's look: Dear ImGui's dark style, enlarged for a finger and a TV (frames at least
// ~64 px tall on a 1080p screen), with the slides' teal as the accent. Internal to the overlay.
#pragma once

#include <imgui.h>

#include <algorithm>

namespace podium::overlay::style {

inline const ImVec4 kMuted{0.62f, 0.68f, 0.74f, 1};
inline const ImVec4 kError{1.00f, 0.48f, 0.42f, 1};
inline const ImVec4 kGood{0.35f, 0.85f, 0.70f, 1};

// 1 on a 1080p screen (landscape or portrait), 2 at 4K; never below 0.6.
inline float scale(ImVec2 display) {
    return std::max(0.6f, std::min(display.x, display.y) / 1080.0f);
}

// The body font size at scale 1; the heading is 1.3 times that.
inline constexpr float kBodyPx = 30;

inline void apply(float s) {
    ImGuiStyle st;
    ImGui::StyleColorsDark(&st);
    st.WindowPadding = {28 * s, 24 * s};
    st.FramePadding = {18 * s, 14 * s};
    st.ItemSpacing = {16 * s, 14 * s};
    st.ItemInnerSpacing = {12 * s, 8 * s};
    st.ScrollbarSize = 36 * s;
    st.GrabMinSize = 36 * s;
    st.TabRounding = 8 * s;
    st.FrameRounding = 8 * s;
    st.WindowRounding = 12 * s;
    st.GrabRounding = 8 * s;
    st.WindowBorderSize = 0;
    const ImVec4 teal{0.05f, 0.55f, 0.52f, 1}, teal_hi{0.10f, 0.66f, 0.62f, 1};
    st.Colors[ImGuiCol_WindowBg] = {0.07f, 0.09f, 0.12f, 1};
    st.Colors[ImGuiCol_ChildBg] = {0, 0, 0, 0};
    st.Colors[ImGuiCol_FrameBg] = {0.14f, 0.17f, 0.22f, 1};
    st.Colors[ImGuiCol_FrameBgHovered] = {0.18f, 0.22f, 0.28f, 1};
    st.Colors[ImGuiCol_FrameBgActive] = {0.20f, 0.26f, 0.32f, 1};
    st.Colors[ImGuiCol_Button] = {0.16f, 0.21f, 0.27f, 1};
    st.Colors[ImGuiCol_ButtonHovered] = teal;
    st.Colors[ImGuiCol_ButtonActive] = teal_hi;
    st.Colors[ImGuiCol_Tab] = {0.12f, 0.15f, 0.19f, 1};
    st.Colors[ImGuiCol_TabHovered] = teal_hi;
    st.Colors[ImGuiCol_TabActive] = teal;
    st.Colors[ImGuiCol_CheckMark] = teal_hi;
    st.Colors[ImGuiCol_Header] = {0.14f, 0.20f, 0.24f, 1};
    st.Colors[ImGuiCol_HeaderHovered] = teal;
    st.Colors[ImGuiCol_HeaderActive] = teal_hi;
    st.Colors[ImGuiCol_Separator] = {0.25f, 0.30f, 0.36f, 1};
    st.Colors[ImGuiCol_Text] = {0.95f, 0.96f, 0.97f, 1};
    st.Colors[ImGuiCol_TextDisabled] = {0.55f, 0.58f, 0.62f, 1};
    ImGui::GetStyle() = st;
}

} // namespace podium::overlay::style
