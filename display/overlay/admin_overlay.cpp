// The overlay's frame: the window, the PIN screens, the tab bar and the save bar. The tabs
// themselves are in overlay_tabs.cpp and overlay_tabs_more.cpp.
#include "admin_overlay.hpp"

#include "overlay_style.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

// GCC 12 at -O2 warns that a std::string inside the Action variant "may be used uninitialized"
// where vector<Action> grows (GCC bug 107138, a false positive of variant moves). Only here.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

namespace podium::overlay {

std::optional<Tab> parse_tab(std::string_view name) {
    for (Tab t : kAllTabs)
        if (tab_name(t) == name) return t;
    return std::nullopt;
}

std::string_view tab_name(Tab t) {
    switch (t) {
    case Tab::status: return "status";
    case Tab::playlist: return "playlist";
    case Tab::privacy: return "privacy";
    case Tab::source: return "source";
    case Tab::display: return "display";
    case Tab::log: return "log";
    }
    return "status";
}

namespace {

const char* tab_title(Tab t) {
    switch (t) {
    case Tab::status: return "Status";
    case Tab::playlist: return "Playlist & schedule";
    case Tab::privacy: return "Privacy";
    case Tab::source: return "Data source";
    case Tab::display: return "Display";
    case Tab::log: return "Log";
    }
    return "Status";
}

std::string local_clock(const OverlayModel& m, scene::Instant t) {
    if (!m.zone) return utc_text(t);
    const auto l = m.zone->local(t);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", l.hour, l.minute, l.second);
    return buf;
}

} // namespace

void AdminOverlay::open(scene::Instant now, bool has_pin) {
    stage_ = has_pin ? Stage::enter_pin : Stage::set_pin;
    pin_.clear();
    first_pin_.clear();
    message_.clear();
    last_input_ = now;
}

void AdminOverlay::open_unlocked(scene::Instant now, const OverlayModel& model, Tab tab) {
    open(now, true);
    stage_ = Stage::unlocked;
    tab_ = tab;
    rebase(model);
}

void AdminOverlay::close() {
    stage_ = Stage::closed;
    pin_.clear();
    first_pin_.clear();
    message_.clear();
    previewed_.reset();
    base_ = draft_ = SettingsDraft{}; // nothing of the edit outlives the overlay
}

void AdminOverlay::rebase(const OverlayModel& m) {
    if (m.setting) base_ = make_draft(m.setting);
    draft_ = base_;
    previewed_.reset();
    if (export_path_.empty() && !m.export_dir.empty()) export_path_ = m.export_dir + "/podium-log.csv";
}

void AdminOverlay::track(const std::string& name) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    widgets_[name] = {a.x, a.y, b.x, b.y};
}

bool AdminOverlay::locked(const OverlayModel& m, std::string_view key) const {
    return m.managed.count(std::string(key)) > 0;
}

void AdminOverlay::locked_note(const OverlayModel& m, std::string_view key) {
    if (!locked(m, key)) return;
    ImGui::PushStyleColor(ImGuiCol_Text, style::kMuted);
    const std::string where = m.managed_file.empty() ? "the managed config" : m.managed_file;
    ImGui::TextWrapped("Locked: %s is set by %s.", std::string(key).c_str(), where.c_str());
    ImGui::PopStyleColor();
}

void AdminOverlay::problem(const DraftProblems& p, const std::string& field) {
    if (auto it = p.find(field); it != p.end()) {
        ImGui::PushStyleColor(ImGuiCol_Text, style::kError);
        ImGui::TextWrapped("%s", it->second.c_str());
        ImGui::PopStyleColor();
    }
}

bool AdminOverlay::text_field(const char* label, const std::string& id, std::string& value,
                              float width, int flags, const char* hint) {
    if (label && *label) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(label);
        ImGui::SameLine();
    }
    ImGui::SetNextItemWidth(width);
    const std::string widget = "##" + id;
    const bool changed = hint ? ImGui::InputTextWithHint(widget.c_str(), hint, &value, flags)
                              : ImGui::InputText(widget.c_str(), &value, flags);
    track(id);
    return changed;
}

std::vector<Action> AdminOverlay::frame(const OverlayModel& m) {
    std::vector<Action> out;
    widgets_.clear();
    if (stage_ == Stage::closed) return out;
    if (m.now - last_input_ >= kIdleClose) {
        close();
        out.push_back(Closed{true});
        return out;
    }
    const ImGuiIO& io = ImGui::GetIO();
    const float s = style::scale(io.DisplaySize);
    style::apply(s);
    if (body_) ImGui::PushFont(body_);
    // A panel over most of the screen; the slideshow shows around it.
    const float margin = 24 * s;
    ImGui::SetNextWindowPos({margin, margin});
    ImGui::SetNextWindowSize({io.DisplaySize.x - 2 * margin, io.DisplaySize.y - 2 * margin});
    ImGui::SetNextWindowBgAlpha(0.96f);
    ImGui::Begin("Podium admin", nullptr,
                 ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings);
    // The header: what this is, the time, and Close (always reachable).
    if (heading_) ImGui::PushFont(heading_);
    ImGui::TextUnformatted("Podium admin");
    if (heading_) ImGui::PopFont();
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, style::kMuted);
    ImGui::TextUnformatted(("  " + local_clock(m, m.now)).c_str());
    ImGui::PopStyleColor();
    const float close_w = 200 * s;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - close_w);
    bool closing = ImGui::Button("Close", {close_w, 0});
    track("close");
    ImGui::Separator();
    if (stage_ == Stage::unlocked)
        unlocked_screen(m, out);
    else
        pin_screen(m, out);
    ImGui::End();
    if (body_) ImGui::PopFont();
    if (closing || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        close();
        out.push_back(Closed{false});
    }
    return out;
}

// ---- the PIN ----

void AdminOverlay::pin_screen(const OverlayModel& m, std::vector<Action>& out) {
    const float s = style::scale(ImGui::GetIO().DisplaySize);
    const bool lockout = m.locked_until && *m.locked_until > m.now;
    const char* title = stage_ == Stage::set_pin       ? "Choose an admin PIN (6 to 12 digits)"
                        : stage_ == Stage::confirm_pin ? "Type the new PIN again"
                                                       : "Enter the admin PIN";
    const float width = 520 * s;
    ImGui::SetCursorPosX((ImGui::GetWindowWidth() - width) / 2);
    ImGui::BeginGroup();
    ImGui::Dummy({0, 16 * s});
    ImGui::TextUnformatted(title);
    if (stage_ == Stage::set_pin) {
        ImGui::PushStyleColor(ImGuiCol_Text, style::kMuted);
        ImGui::TextWrapped("No PIN is set on this screen yet. It protects the settings here.");
        ImGui::PopStyleColor();
    }
    ImGui::Dummy({0, 8 * s});
    bool submit = false;
    ImGui::BeginDisabled(lockout);
    // The PIN as stars in a box. It is not an ImGui text field: a field being edited owns its
    // text, and keypad presses would be lost. Digits, Backspace and Enter come from the keyboard
    // here, the keypad below does the same by touch.
    const ImGuiIO& io = ImGui::GetIO();
    if (!lockout) {
        for (ImWchar c : io.InputQueueCharacters)
            if (c >= '0' && c <= '9' && pin_.size() < kMaxPinDigits) pin_ += static_cast<char>(c);
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace)) && !pin_.empty()) pin_.pop_back();
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
            ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter)))
            submit = true;
    }
    {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const ImVec2 size{width, ImGui::GetFrameHeight()};
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(at, {at.x + size.x, at.y + size.y}, ImGui::GetColorU32(ImGuiCol_FrameBg),
                          ImGui::GetStyle().FrameRounding);
        const std::string stars(pin_.size(), '*');
        const ImVec2 pad = ImGui::GetStyle().FramePadding;
        dl->AddText({at.x + pad.x, at.y + pad.y}, ImGui::GetColorU32(ImGuiCol_Text),
                    pin_.empty() ? "" : stars.c_str());
        ImGui::Dummy(size);
        track("pin.field");
    }
    // A keypad for touch screens: 3 x 4 keys a finger can hit.
    const float key = (width - 2 * ImGui::GetStyle().ItemSpacing.x) / 3;
    const char* keys[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "Back", "0", "OK"};
    for (int i = 0; i < 12; ++i) {
        if (i % 3) ImGui::SameLine();
        if (ImGui::Button(keys[i], {key, key * 0.55f})) {
            const std::string k = keys[i];
            if (k == "Back") {
                if (!pin_.empty()) pin_.pop_back();
            } else if (k == "OK") {
                submit = true;
            } else if (pin_.size() < kMaxPinDigits) {
                pin_ += k;
            }
        }
        track(std::string("pin.key.") + keys[i]);
    }
    ImGui::EndDisabled();
    if (lockout) {
        const auto left = std::chrono::duration_cast<std::chrono::seconds>(*m.locked_until - m.now);
        message_ = "Too many wrong PINs. Try again in " + std::to_string(left.count() / 60) + ":" +
                   (left.count() % 60 < 10 ? "0" : "") + std::to_string(left.count() % 60) + ".";
        message_ok_ = false;
        submit = false;
    }
    if (!message_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, message_ok_ ? style::kGood : style::kError);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        ImGui::TextWrapped("%s", message_.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
    ImGui::EndGroup();
    if (!submit) return;
    if (stage_ == Stage::enter_pin) {
        out.push_back(VerifyPin{std::exchange(pin_, {})});
    } else if (stage_ == Stage::set_pin) {
        if (auto rule = check_pin_rule(pin_); !rule) {
            say(rule.error().message, false);
            pin_.clear();
            return;
        }
        first_pin_ = std::exchange(pin_, {});
        stage_ = Stage::confirm_pin;
        message_.clear();
    } else if (stage_ == Stage::confirm_pin) {
        if (pin_ != first_pin_) {
            say("The two PINs differ. Choose a PIN again.", false);
            stage_ = Stage::set_pin;
            pin_.clear();
            first_pin_.clear();
            return;
        }
        out.push_back(SetPin{std::exchange(pin_, {})});
        first_pin_.clear();
    }
}

void AdminOverlay::pin_checked(const Check& check, const OverlayModel& m) {
    switch (check.verdict) {
    case Verdict::accepted:
        stage_ = Stage::unlocked;
        message_.clear();
        rebase(m);
        break;
    case Verdict::no_pin:
        stage_ = Stage::set_pin;
        say("No PIN is set yet: choose one.", false);
        break;
    case Verdict::rejected:
        say(check.locked_until ? "Wrong PIN. The overlay is locked for a while."
                               : "Wrong PIN (" + std::to_string(check.failures) + " of " +
                                     std::to_string(kPinFreeAttempts) + " before a lock-out).",
            false);
        break;
    case Verdict::locked_out: say("Locked: too many wrong PINs.", false); break;
    }
}

void AdminOverlay::pin_set(const Status& status, const OverlayModel& m) {
    if (!status) {
        say(status.error().message, false);
        stage_ = Stage::set_pin;
        return;
    }
    stage_ = Stage::unlocked;
    rebase(m);
    say("PIN set. Keep it somewhere safe.", true);
}

// ---- unlocked ----

void AdminOverlay::unlocked_screen(const OverlayModel& m, std::vector<Action>& out) {
    const DraftProblems problems = validate(draft_);
    // The tabs as a row of large buttons (ImGui's tab bar is too small for a finger).
    for (Tab t : kAllTabs) {
        if (t != kAllTabs[0]) ImGui::SameLine();
        const bool current = t == tab_;
        if (current) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyle().Colors[ImGuiCol_TabActive]);
        if (ImGui::Button(tab_title(t))) tab_ = t;
        if (current) ImGui::PopStyleColor();
        track("tab." + std::string(tab_name(t)));
    }
    ImGui::Separator();
    // The tab's content scrolls above a fixed save bar.
    const float bar = ImGui::GetFrameHeightWithSpacing() * 1.6f;
    ImGui::BeginChild("content", {0, -bar});
    switch (tab_) {
    case Tab::status: status_tab(m); break;
    case Tab::playlist: playlist_tab(m, problems); break;
    case Tab::privacy: privacy_tab(m, out); break;
    case Tab::source: source_tab(m, problems, out); break;
    case Tab::display: display_tab(m, problems); break;
    case Tab::log: log_tab(m, out); break;
    }
    ImGui::EndChild();
    save_bar(m, problems, out);
}

void AdminOverlay::save_bar(const OverlayModel& m, const DraftProblems& p, std::vector<Action>& out) {
    const float s = style::scale(ImGui::GetIO().DisplaySize);
    ImGui::Separator();
    const auto pending = changes(base_, draft_);
    const bool token = !draft_.token.empty();
    const bool dirty = !pending.empty() || token;
    // A change to a locked key cannot happen through the widgets (they are disabled); this keeps
    // a stored value the config will overwrite anyway from ever being offered.
    bool touches_locked = false;
    for (const auto& [key, value] : pending) touches_locked |= locked(m, key);
    ImGui::BeginDisabled(!dirty || !p.empty() || touches_locked);
    if (ImGui::Button("Save", {260 * s, 0})) {
        out.push_back(SaveSettings{pending, draft_.token});
        message_.clear();
    }
    ImGui::EndDisabled();
    track("save");
    ImGui::SameLine();
    ImGui::BeginDisabled(!dirty);
    if (ImGui::Button("Undo changes", {320 * s, 0})) {
        draft_ = base_;
        say("Changes undone.", true);
    }
    ImGui::EndDisabled();
    track("undo");
    ImGui::SameLine();
    std::string line = message_;
    bool ok = message_ok_;
    if (!p.empty()) {
        line = std::to_string(p.size()) + (p.size() == 1 ? " field needs" : " fields need") +
               " a fix before saving.";
        ok = false;
    } else if (dirty && line.empty()) {
        const std::size_t n = pending.size() + (token ? 1 : 0);
        line = std::to_string(n) + (n == 1 ? " unsaved change." : " unsaved changes.");
    }
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, ok ? style::kGood : style::kError);
    ImGui::TextUnformatted(line.c_str());
    ImGui::PopStyleColor();
}

void AdminOverlay::saved(const Status& status, const OverlayModel& m) {
    if (!status) {
        say(status.error().message, false); // the draft stays: nothing typed is lost
        return;
    }
    rebase(m);
    say("Saved. The slideshow uses the new settings from its next slide.", true);
}

} // namespace podium::overlay
