// The overlay's data source, display and log tabs.
#include "admin_overlay.hpp"

#include "overlay_style.hpp"

#include "sync/column_mapping.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace podium::overlay {
namespace {

constexpr int kLogRows = 200; // the newest; the export has all the store keeps

void muted(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, style::kMuted);
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

} // namespace

// A text field for one setting: disabled with a note when the managed config sets it, and the
// draft's problem with it underneath.
void AdminOverlay::setting_field(const OverlayModel& m, const DraftProblems& p, const char* setting,
                                 const char* label, const char* id, std::string& value, float width) {
    ImGui::BeginDisabled(locked(m, setting));
    text_field(label, id, value, width);
    ImGui::EndDisabled();
    locked_note(m, setting);
    problem(p, id);
}

// Another tool's export: which preset, which month, which columns (sync/column_mapping.hpp).
void AdminOverlay::export_fields(const OverlayModel& m, const DraftProblems& p, float wide) {
    const float s = style::scale(ImGui::GetIO().DisplaySize);
    ImGui::BeginDisabled(locked(m, kPresetSetting));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Export of  ");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(460 * s);
    const std::string shown = draft_.preset.empty() ? "(Podium's own columns)" : draft_.preset;
    if (ImGui::BeginCombo("##preset", shown.c_str())) {
        if (ImGui::Selectable("(Podium's own columns)", draft_.preset.empty())) draft_.preset.clear();
        for (const auto& preset : sync::presets())
            if (ImGui::Selectable(std::string(preset.name).c_str(), draft_.preset == preset.name))
                draft_.preset = std::string(preset.name);
        ImGui::EndCombo();
    }
    track("preset");
    ImGui::EndDisabled();
    locked_note(m, kPresetSetting);
    problem(p, "preset");
    setting_field(m, p, kMonthSetting, "Month      ", "month", draft_.month, 200 * s);
    setting_field(m, p, kColumnsSetting, "Columns    ", "columns", draft_.columns, wide);
    muted("For another tool's export: its columns as field = column (name = Person; interactions = "
          "Points), and the month it covers when it has none: previous, or YYYY-MM.");
}

void AdminOverlay::source_tab(const OverlayModel& m, const DraftProblems& p, std::vector<Action>& out) {
    const float s = style::scale(ImGui::GetIO().DisplaySize);
    const float wide = ImGui::GetContentRegionAvail().x - 320 * s;
    setting_field(m, p, kSourceSetting, "Source     ", "source", draft_.source, wide);
    muted("An https:// URL (JSON, CSV or an Excel workbook), postgresql://..., sqlite:///path or a "
          "file path. Empty: no sync, the data on screen stays.");
    export_fields(m, p, wide);
    ImGui::BeginDisabled(locked(m, kIntervalSetting));
    text_field("Every      ", "interval", draft_.interval, 200 * s);
    ImGui::SameLine();
    ImGui::TextUnformatted("seconds");
    ImGui::EndDisabled();
    locked_note(m, kIntervalSetting);
    problem(p, "interval");
    ImGui::BeginDisabled(locked(m, kTokenFileSetting));
    text_field("Token      ", "token", draft_.token, wide, ImGuiInputTextFlags_Password);
    ImGui::EndDisabled();
    locked_note(m, kTokenFileSetting);
    problem(p, "token");
    muted("A bearer token for the URL. It is kept in a file only the kiosk can read, never shown "
          "again and never logged. Empty: keep the token there is.");
    ImGui::Dummy({0, 8 * s});
    const bool running = m.connection == "...";
    ImGui::BeginDisabled(running || p.count("source") || draft_.source.empty());
    if (ImGui::Button("Test connection"))
        out.push_back(TestConnection{draft_.source, draft_.token});
    ImGui::EndDisabled();
    track("test");
    ImGui::SameLine();
    if (ImGui::Button("Sync now")) {
        out.push_back(SyncNow{});
        say("Sync requested: the result shows here and in Status.", true);
    }
    track("sync_now");
    if (!m.connection.empty()) {
        const bool ok = m.connection.rfind("ok", 0) == 0;
        ImGui::PushStyleColor(ImGuiCol_Text, running ? style::kMuted : ok ? style::kGood : style::kError);
        ImGui::TextWrapped("%s", running ? "Testing the connection..." : m.connection.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::Dummy({0, 8 * s});
    ImGui::TextWrapped("Last sync: %s", m.status.last_sync.empty() ? "-" : m.status.last_sync.c_str());
    if (!m.status.last_error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, style::kError);
        ImGui::TextWrapped("%s", m.status.last_error.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::TextWrapped("Next sync: %s", m.status.next_sync.empty() ? "-" : m.status.next_sync.c_str());
}

void AdminOverlay::display_tab(const OverlayModel& m, const DraftProblems& p) {
    const float s = style::scale(ImGui::GetIO().DisplaySize);
    ImGui::BeginDisabled(locked(m, kLanguageSetting));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Language   ");
    ImGui::SameLine();
    if (ImGui::RadioButton("English", draft_.language == "en")) draft_.language = "en";
    track("language.en");
    ImGui::SameLine();
    if (ImGui::RadioButton("Nederlands", draft_.language == "nl")) draft_.language = "nl";
    track("language.nl");
    ImGui::EndDisabled();
    locked_note(m, kLanguageSetting);

    const std::string size_key(scene::kTextSizeSetting);
    ImGui::BeginDisabled(locked(m, size_key));
    text_field("Text size  ", "text_size", draft_.text_size, 160 * s);
    // Steps a finger can take: 0.75 to 1.5 by 0.05.
    const auto size = scene::parse_text_size_text(draft_.text_size);
    ImGui::SameLine();
    if (ImGui::Button("Smaller") && size)
        draft_.text_size = scene::format_number_text(std::max(scene::kMinTextSize, size.value() - 0.05));
    track("text_size.smaller");
    ImGui::SameLine();
    if (ImGui::Button("Larger") && size)
        draft_.text_size = scene::format_number_text(std::min(scene::kMaxTextSize, size.value() + 0.05));
    track("text_size.larger");
    ImGui::EndDisabled();
    locked_note(m, size_key);
    problem(p, "text_size");

    const std::string tr_key(scene::kTransitionSetting);
    ImGui::BeginDisabled(locked(m, tr_key));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Transition ");
    ImGui::SameLine();
    if (ImGui::RadioButton("Crossfade", draft_.transition == scene::Transition::crossfade))
        draft_.transition = scene::Transition::crossfade;
    track("transition.crossfade");
    ImGui::SameLine();
    if (ImGui::RadioButton("Slide in", draft_.transition == scene::Transition::slide))
        draft_.transition = scene::Transition::slide;
    track("transition.slide");
    ImGui::EndDisabled();
    locked_note(m, tr_key);

    const std::string theme_key(scene::kThemeSetting);
    ImGui::BeginDisabled(locked(m, theme_key));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Theme      ");
    ImGui::SameLine();
    if (ImGui::RadioButton("Dark", draft_.theme == scene::ThemeName::dark)) draft_.theme = scene::ThemeName::dark;
    track("theme.dark");
    ImGui::SameLine();
    if (ImGui::RadioButton("Light", draft_.theme == scene::ThemeName::light)) draft_.theme = scene::ThemeName::light;
    track("theme.light");
    ImGui::EndDisabled();
    locked_note(m, theme_key);

    const std::string rot_key(scene::kRotationSetting);
    ImGui::BeginDisabled(locked(m, rot_key));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Rotation   ");
    for (int degrees : {0, 90, 180, 270}) {
        ImGui::SameLine();
        const std::string label = std::to_string(degrees) + "\xc2\xb0"; // the degree sign
        if (ImGui::RadioButton(label.c_str(), draft_.rotation == degrees)) draft_.rotation = degrees;
        track("rotation." + std::to_string(degrees));
    }
    ImGui::EndDisabled();
    locked_note(m, rot_key);
    muted("For a screen mounted on its side: the picture turns clockwise by this much.");

    const std::string tz_key(scene::kTimeZoneSetting);
    ImGui::BeginDisabled(locked(m, tz_key));
    text_field("Time zone  ", "time_zone", draft_.time_zone, 520 * s);
    ImGui::EndDisabled();
    locked_note(m, tz_key);
    problem(p, "time_zone");
    muted("An IANA name such as Europe/Amsterdam; empty: the system's zone. Schedules follow it, "
          "summer time included.");
}

void AdminOverlay::log_tab(const OverlayModel& m, std::vector<Action>& out) {
    const float s = style::scale(ImGui::GetIO().DisplaySize);
    if (ImGui::RadioButton("Changes (audit)", !log_plays_)) log_plays_ = false;
    track("log.audit");
    ImGui::SameLine();
    if (ImGui::RadioButton("What played", log_plays_)) log_plays_ = true;
    track("log.plays");
    text_field("Export to", "export.path", export_path_, ImGui::GetContentRegionAvail().x - 480 * s);
    ImGui::SameLine();
    ImGui::BeginDisabled(export_path_.empty());
    if (ImGui::Button("Export CSV"))
        out.push_back(ExportLog{log_plays_ ? LogKind::plays : LogKind::audit, export_path_});
    ImGui::EndDisabled();
    track("export");
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    // An empty log says what will appear there, rather than showing a bare header.
    const bool empty = log_plays_ ? !m.plays || m.plays->empty() : !m.audit || m.audit->empty();
    if (empty) {
        ImGui::PushStyleColor(ImGuiCol_Text, style::kMuted);
        ImGui::TextWrapped("%s", log_plays_ ? "Nothing has played yet. Each slide shown is listed here with "
                                              "the audience and the data version it showed."
                                            : "No changes yet. Each saved change is listed here: when, which "
                                              "setting, its old and its new value.");
        ImGui::PopStyleColor();
        return;
    }
    if (!log_plays_) {
        if (!ImGui::BeginTable("audit", 4, flags)) return;
        ImGui::TableSetupScrollFreeze(0, 1);
        for (const char* h : {"When (UTC)", "Setting", "Was", "Now"}) ImGui::TableSetupColumn(h);
        ImGui::TableHeadersRow();
        int n = 0;
        if (m.audit)
            for (const auto& e : *m.audit) {
                if (++n > kLogRows) break;
                ImGui::TableNextRow();
                for (const std::string* v : {&e.at, &e.key}) {
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(v->c_str());
                }
                for (const auto* v : {&e.old_value, &e.new_value}) {
                    ImGui::TableNextColumn();
                    ImGui::TextWrapped("%s", v->has_value() ? (*v)->c_str() : "(unset)");
                }
            }
        ImGui::EndTable();
    } else {
        if (!ImGui::BeginTable("plays", 4, flags)) return;
        ImGui::TableSetupScrollFreeze(0, 1);
        for (const char* h : {"When (UTC)", "Slide", "Audience", "Data version"}) ImGui::TableSetupColumn(h);
        ImGui::TableHeadersRow();
        int n = 0;
        if (m.plays)
            for (const auto& e : *m.plays) {
                if (++n > kLogRows) break;
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(e.at.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(e.slide.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(e.audience.c_str());
                ImGui::TableNextColumn();
                ImGui::Text("%lld", static_cast<long long>(e.data_version));
            }
        ImGui::EndTable();
    }
}

} // namespace podium::overlay
