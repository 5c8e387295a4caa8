// The overlay's status, playlist & schedule and privacy tabs.
#include "admin_overlay.hpp"

#include "overlay_style.hpp"

#include "display/scene/schedule.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace podium::overlay {
namespace {

constexpr scene::SlideKind kPlaylistSlides[] = {scene::SlideKind::leaderboard,
                                                scene::SlideKind::spotlight, scene::SlideKind::results,
                                                scene::SlideKind::adoption, scene::SlideKind::successes};

void row(const char* label, const std::string& value) {
    ImGui::PushStyleColor(ImGuiCol_Text, style::kMuted);
    ImGui::TextUnformatted(label);
    ImGui::PopStyleColor();
    ImGui::SameLine(ImGui::GetFontSize() * 9);
    ImGui::TextWrapped("%s", value.empty() ? "-" : value.c_str());
}

// A combo over names; true when the choice changed.
bool choose(const char* id, std::string& value, const std::vector<std::string_view>& names,
            float width) {
    ImGui::SetNextItemWidth(width);
    bool changed = false;
    if (ImGui::BeginCombo(id, value.c_str())) {
        for (auto n : names) {
            const std::string name(n);
            if (ImGui::Selectable(name.c_str(), name == value)) value = name, changed = true;
        }
        ImGui::EndCombo();
    }
    return changed;
}

std::vector<std::string_view> metric_choices() {
    std::vector<std::string_view> out(model::kMetricNames.begin(), model::kMetricNames.end());
    out.push_back("score");
    return out;
}

} // namespace

void AdminOverlay::status_tab(const OverlayModel& m) {
    const auto& st = m.status;
    row("Playing now", st.playing);
    row("Next", st.next);
    row("Audience", st.audience);
    row("Data", st.data_age);
    row("Last sync", st.last_sync);
    if (!st.last_error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, style::kError);
        row("Sync error", st.last_error);
        ImGui::PopStyleColor();
    }
    row("Next sync", st.next_sync);
    row("Version", st.version);
    row("Running for", st.uptime);
    row("Memory", st.memory);
    row("Frames", st.frames);
    for (const auto& p : st.problems) {
        ImGui::PushStyleColor(ImGuiCol_Text, style::kError);
        ImGui::TextWrapped("%s", p.c_str());
        ImGui::PopStyleColor();
    }
}

void AdminOverlay::playlist_tab(const OverlayModel& m, const DraftProblems& p) {
    const float s = style::scale(ImGui::GetIO().DisplaySize);
    // Three short pages rather than one long one to scroll by finger.
    const char* sections[] = {"Slides", "Hours & screen off", "What plays when"};
    const char* ids[] = {"playlist.section.slides", "playlist.section.hours", "playlist.section.plan"};
    for (int i = 0; i < 3; ++i) {
        if (i) ImGui::SameLine();
        if (ImGui::RadioButton(sections[i], section_ == i)) section_ = i;
        track(ids[i]);
    }
    ImGui::Separator();
    if (section_ == 1) return schedule_windows(m, p);
    if (section_ == 2) return plan_preview(m, p);
    const std::string key(scene::kPlaylistSetting);
    ImGui::TextUnformatted("Playlist, in order");
    locked_note(m, key);
    ImGui::BeginDisabled(locked(m, key));
    auto& list = draft_.playlist;
    constexpr std::size_t none = static_cast<std::size_t>(-1);
    std::size_t up = none, down = none, remove = none;
    for (std::size_t i = 0; i < list.size(); ++i) {
        auto& e = list[i];
        const std::string id = "playlist." + std::to_string(i);
        ImGui::PushID(static_cast<int>(i));
        ImGui::Separator();
        ImGui::Checkbox("##on", &e.enabled);
        track(id + ".enabled");
        ImGui::SameLine();
        std::string slide(scene::slide_kind_name(e.slide));
        std::vector<std::string_view> kinds;
        for (auto k : kPlaylistSlides) kinds.push_back(scene::slide_kind_name(k));
        if (choose("##slide", slide, kinds, 300 * s))
            e.slide = scene::parse_slide_kind(slide).value_or(e.slide);
        track(id + ".slide");
        ImGui::SameLine();
        text_field("for", id + ".duration", e.duration, 110 * s);
        ImGui::SameLine();
        ImGui::TextUnformatted("s");
        ImGui::SameLine();
        if (ImGui::Button("Up") && i > 0) up = i;
        track(id + ".up");
        ImGui::SameLine();
        if (ImGui::Button("Down") && i + 1 < list.size()) down = i;
        track(id + ".down");
        ImGui::SameLine();
        if (ImGui::Button("Remove")) remove = i;
        track(id + ".remove");
        text_field("When", id + ".windows", e.windows, 560 * s, 0, "always");
        ImGui::SameLine();
        text_field("from", id + ".from", e.from, 230 * s, 0, "YYYY-MM-DD");
        ImGui::SameLine();
        text_field("until", id + ".until", e.until, 230 * s, 0, "YYYY-MM-DD");
        if (e.slide == scene::SlideKind::leaderboard) {
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted("Ranked by");
            ImGui::SameLine();
            choose("##metric", e.metric, metric_choices(), 300 * s);
            track(id + ".metric");
            ImGui::SameLine();
            choose("##period", e.period, {"month", "quarter", "year"}, 220 * s);
            track(id + ".period");
            ImGui::SameLine();
            text_field("top", id + ".top", e.top, 100 * s);
        }
        for (const char* f : {"slide", "duration", "windows", "from", "until", "metric", "period", "top"})
            problem(p, id + "." + f);
        ImGui::PopID();
    }
    if (up != none) std::swap(list[up], list[up - 1]);
    if (down != none) std::swap(list[down], list[down + 1]);
    if (remove != none) list.erase(list.begin() + static_cast<std::ptrdiff_t>(remove));
    ImGui::Separator();
    if (ImGui::Button("Add a slide")) list.push_back(EntryDraft{});
    track("playlist.add");
    ImGui::PushStyleColor(ImGuiCol_Text, style::kMuted);
    ImGui::TextWrapped("When: days and times, e.g. \"mon-fri 08:00-18:00; sat 10:00-14:00\"; "
                       "empty: always. Dates as YYYY-MM-DD. An empty playlist shows the clock.");
    ImGui::PopStyleColor();
    ImGui::EndDisabled();
    // A problem in another section is said here too, so Save's silence is never a mystery.
    for (const auto& [field, message] : p)
        if (field.rfind("playlist.", 0) != 0) {
            ImGui::PushStyleColor(ImGuiCol_Text, style::kError);
            ImGui::TextWrapped("Hours & screen off: %s", message.c_str());
            ImGui::PopStyleColor();
            break;
        }
}

// One window's days, start and end, a Remove button and the fields' problems; true: remove it.
bool AdminOverlay::window_fields(const std::string& id, std::string& days, std::string& start,
                                 std::string& end, const DraftProblems& p) {
    const float s = style::scale(ImGui::GetIO().DisplaySize);
    text_field("", id + ".days", days, 260 * s);
    ImGui::SameLine();
    text_field("", id + ".start", start, 130 * s);
    ImGui::SameLine();
    text_field("to", id + ".end", end, 130 * s);
    ImGui::SameLine();
    const bool remove = ImGui::Button("Remove");
    track(id + ".remove");
    for (const char* f : {"days", "start", "end"}) problem(p, id + "." + f);
    return remove;
}

void AdminOverlay::schedule_windows(const OverlayModel& m, const DraftProblems& p) {
    const float s = style::scale(ImGui::GetIO().DisplaySize);
    // Audience windows: who is in front of the screen when.
    const std::string akey(scene::kAudienceSetting);
    ImGui::TextUnformatted("Colleagues-only hours (outside them the screen is public)");
    locked_note(m, akey);
    ImGui::BeginDisabled(locked(m, akey));
    constexpr std::size_t none = static_cast<std::size_t>(-1);
    std::size_t remove = none;
    for (std::size_t i = 0; i < draft_.audience.size(); ++i) {
        auto& a = draft_.audience[i];
        const std::string id = "audience." + std::to_string(i);
        ImGui::PushID(id.c_str());
        std::string who = a.internal ? "internal" : "public";
        if (choose("##who", who, {"internal", "public"}, 220 * s)) a.internal = who == "internal";
        track(id + ".audience");
        ImGui::SameLine();
        if (window_fields(id, a.days, a.start, a.end, p)) remove = i;
        ImGui::PopID();
    }
    if (remove != none) draft_.audience.erase(draft_.audience.begin() + static_cast<std::ptrdiff_t>(remove));
    if (ImGui::Button("Add hours")) draft_.audience.push_back(AudienceRow{});
    track("audience.add");
    ImGui::EndDisabled();

    ImGui::Dummy({0, 8 * s});
    const std::string okey(scene::kScreenOffSetting);
    ImGui::TextUnformatted("Screen off");
    locked_note(m, okey);
    ImGui::BeginDisabled(locked(m, okey));
    remove = none;
    for (std::size_t i = 0; i < draft_.screen_off.size(); ++i) {
        auto& w = draft_.screen_off[i];
        const std::string id = "screen_off." + std::to_string(i);
        ImGui::PushID(id.c_str());
        if (window_fields(id, w.days, w.start, w.end, p)) remove = i;
        ImGui::PopID();
    }
    if (remove != none)
        draft_.screen_off.erase(draft_.screen_off.begin() + static_cast<std::ptrdiff_t>(remove));
    if (ImGui::Button("Add off hours")) draft_.screen_off.push_back(WindowRow{});
    track("screen_off.add");
    ImGui::EndDisabled();
    const std::string off_cmd(scene::kScreenOffCommandSetting), on_cmd(scene::kScreenOnCommandSetting);
    ImGui::BeginDisabled(locked(m, off_cmd));
    text_field("Off command", "screen_off_command", draft_.screen_off_command, 700 * s);
    ImGui::EndDisabled();
    problem(p, "screen_off_command");
    ImGui::BeginDisabled(locked(m, on_cmd));
    text_field("On command ", "screen_on_command", draft_.screen_on_command, 700 * s);
    ImGui::EndDisabled();
    problem(p, "screen_on_command");
    ImGui::BeginDisabled(locked(m, scene::kInterruptsInternalSetting));
    ImGui::Checkbox("Celebrate new deals and hires for colleagues", &draft_.interrupts_internal);
    track("interrupts_internal");
    ImGui::EndDisabled();
    ImGui::BeginDisabled(locked(m, scene::kInterruptsPublicSetting));
    ImGui::Checkbox("Celebrate them for visitors too", &draft_.interrupts_public);
    track("interrupts_public");
    ImGui::EndDisabled();
}

// "What plays at …": the plan engine on the draft, so an edit can be checked before it is saved.
void AdminOverlay::plan_preview(const OverlayModel& m, const DraftProblems& p) {
    const float s = style::scale(ImGui::GetIO().DisplaySize);
    ImGui::Dummy({0, 8 * s});
    text_field("What plays at", "plan.at", plan_at_, 360 * s);
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, style::kMuted);
    ImGui::TextUnformatted("YYYY-MM-DD HH:MM, or HH:MM today");
    ImGui::PopStyleColor();
    if (!m.zone) return;
    const scene::TimeZone& zone = *m.zone;
    auto at = parse_local_moment(plan_at_, zone, m.now);
    if (!at) {
        ImGui::PushStyleColor(ImGuiCol_Text, style::kError);
        ImGui::TextWrapped("%s", at.error().message.c_str());
        ImGui::PopStyleColor();
        return;
    }
    if (!p.empty()) {
        ImGui::TextWrapped("Fix the fields above to see the plan.");
        return;
    }
    const scene::Schedule schedule(schedule_of(draft_), zone);
    const auto steps = schedule.plan(at.value(), at.value() + std::chrono::hours(2));
    int shown = 0;
    for (const auto& st : steps) {
        if (++shown > 6) break;
        const auto a = zone.local(st.start), b = zone.local(st.end);
        char buf[64];
        std::snprintf(buf, sizeof buf, "%02d:%02d - %02d:%02d  ", a.hour, a.minute, b.hour, b.minute);
        ImGui::TextUnformatted((buf + scene::step_slide_name(st, schedule.settings()) + ", " +
                                std::string(scene::audience_name(st.audience)))
                                   .c_str());
    }
}

void AdminOverlay::privacy_rules(const OverlayModel& m, scene::Audience a) {
    const float s = style::scale(ImGui::GetIO().DisplaySize);
    const bool pub = a == scene::Audience::visitors;
    auto& r = pub ? draft_.privacy_public : draft_.privacy_internal;
    const std::string part = pub ? "public" : "internal";
    ImGui::PushID(part.c_str());
    ImGui::TextUnformatted(pub ? "Visitors (public hours)" : "Colleagues (internal hours)");
    auto lock = [&](std::string_view field) {
        const std::string key = scene::privacy_setting(a, field);
        ImGui::BeginDisabled(locked(m, key));
    };
    lock("names");
    std::string names(scene::name_format_name(r.names));
    if (choose("##names", names, {"full", "first_initial", "initials", "anonymous"}, 360 * s))
        if (auto f = scene::parse_name_format(scene::FieldValue{names})) r.names = f.value();
    track("privacy." + part + ".names");
    ImGui::SameLine();
    ImGui::TextUnformatted("names");
    ImGui::EndDisabled();
    lock("money");
    ImGui::Checkbox("Money", &r.show_money);
    track("privacy." + part + ".money");
    ImGui::EndDisabled();
    lock("figures");
    ImGui::Checkbox("Each person's figures", &r.show_figures);
    track("privacy." + part + ".figures");
    ImGui::EndDisabled();
    lock("teams");
    ImGui::Checkbox("Teams", &r.show_teams);
    track("privacy." + part + ".teams");
    ImGui::EndDisabled();
    lock("team_min");
    // In a small team "A colleague · Tax" names them: the team shows from this many champions.
    ImGui::Text("Team of \"A colleague\" from %d champions", r.team_min);
    ImGui::SameLine();
    if (ImGui::Button("Fewer")) r.team_min = std::max(scene::kMinTeamMin, r.team_min - 1);
    track("privacy." + part + ".team_min.fewer");
    ImGui::SameLine();
    if (ImGui::Button("More")) r.team_min = std::min(scene::kMaxTeamMin, r.team_min + 1);
    track("privacy." + part + ".team_min.more");
    ImGui::EndDisabled();
    // Free text Podium cannot read: shown only where the admin says so.
    const auto visibility = [&](std::string_view field, bool& value, const char* label) {
        lock(field);
        std::string v(scene::visibility_name(value));
        if (choose(("##" + std::string(field)).c_str(), v, {"shown", "hidden"}, 360 * s))
            if (auto parsed = scene::parse_visibility(scene::FieldValue{v})) value = parsed.value();
        track("privacy." + part + "." + std::string(field));
        ImGui::SameLine();
        ImGui::TextUnformatted(label);
        ImGui::EndDisabled();
    };
    visibility("success_titles", r.show_success_titles, "success titles");
    visibility("success_stories", r.show_success_stories, "success stories");
    lock("without_consent");
    std::string wc(scene::without_consent_name(r.without_consent));
    if (choose("##wc", wc, {"anonymise", "omit"}, 360 * s))
        if (auto w = scene::parse_without_consent(scene::FieldValue{wc})) r.without_consent = w.value();
    track("privacy." + part + ".without_consent");
    ImGui::SameLine();
    ImGui::TextUnformatted("without consent");
    ImGui::EndDisabled();
    for (std::string_view f : scene::kPrivacyFields) locked_note(m, scene::privacy_setting(a, f));
    ImGui::PopID();
}

void AdminOverlay::privacy_tab(const OverlayModel& m, std::vector<Action>& out) {
    const float s = style::scale(ImGui::GetIO().DisplaySize);
    // Side by side on a landscape screen; on a portrait one the rules above the preview.
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const bool portrait = ImGui::GetIO().DisplaySize.x < ImGui::GetIO().DisplaySize.y;
    ImGui::BeginChild("rules", portrait ? ImVec2{0, avail.y * 0.5f} : ImVec2{avail.x * 0.45f, 0});
    for (scene::Audience a : {scene::Audience::visitors, scene::Audience::internal}) {
        privacy_rules(m, a);
        ImGui::Dummy({0, 10 * s});
    }
    ImGui::PushStyleColor(ImGuiCol_Text, style::kMuted);
    ImGui::TextWrapped("Consent comes from your data: these settings can only show less. A "
                       "colleague without consent is never shown by name or photo.");
    ImGui::PopStyleColor();
    ImGui::EndChild();
    if (!portrait) ImGui::SameLine();
    ImGui::BeginChild("preview");
    if (ImGui::RadioButton("As visitors see it", preview_public_)) preview_public_ = true;
    track("preview.public");
    ImGui::SameLine();
    if (ImGui::RadioButton("As colleagues see it", !preview_public_)) preview_public_ = false;
    track("preview.internal");
    const auto wanted = privacy_of(draft_);
    if (!previewed_ || !(*previewed_ == wanted) || previewed_public_ != preview_public_) {
        // Built in place: GCC 12 at -O3 warns (-Wmaybe-uninitialized, a false positive) when the
        // variant is moved from a temporary holding PrivacySettings' strings.
        out.emplace_back(std::in_place_type<PreviewPrivacy>,
                         PreviewPrivacy{preview_public_ ? scene::Audience::visitors : scene::Audience::internal, wanted});
        previewed_ = wanted;
        previewed_public_ = preview_public_;
    }
    const auto& pv = m.preview;
    if (pv.texture && pv.width > 0) {
        // The whole slide, as large as the space allows.
        const ImVec2 room = ImGui::GetContentRegionAvail();
        const float aspect = static_cast<float>(pv.height) / static_cast<float>(pv.width);
        const float w = std::min(room.x, room.y / aspect);
        const float h = w * aspect;
        // Render targets hold GL's bottom-up rows: flip v.
        ImGui::Image(reinterpret_cast<ImTextureID>(pv.texture), {w, h}, {0, 1}, {1, 0});
    }
    else {
        // No picture (a headless test): the slide's text, in reading order.
        ImGui::PushStyleColor(ImGuiCol_Text, style::kMuted);
        for (std::size_t i = 0; i < pv.text.size() && i < 14; ++i) ImGui::TextUnformatted(pv.text[i].c_str());
        ImGui::PopStyleColor();
    }
    ImGui::EndChild();
}

} // namespace podium::overlay
