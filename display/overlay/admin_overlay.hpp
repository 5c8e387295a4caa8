// The admin overlay: a Dear ImGui window over the running slideshow, sized for a finger. It asks
// for the PIN (or to set one on first use), then shows six tabs. Each frame it draws from the
// model it is given and returns actions; the app carries them out and reports back.
//
// It closes itself after two minutes without input, locking again: a visitor never finds it
// half-open. Everything typed is validated as it is typed, with the reason beside the field;
// Save is offered only when nothing is invalid, and saves all changes at once.
#pragma once

#include "display/overlay/admin_pin.hpp"
#include "display/overlay/overlay_model.hpp"
#include "display/overlay/settings_draft.hpp"

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct ImFont;

namespace podium::overlay {

enum class Tab { status, playlist, privacy, source, display, log };
inline constexpr Tab kAllTabs[] = {Tab::status, Tab::playlist, Tab::privacy,
                                   Tab::source, Tab::display, Tab::log};
std::optional<Tab> parse_tab(std::string_view name); // "status", "playlist", ...
std::string_view tab_name(Tab t);

inline constexpr std::chrono::seconds kIdleClose{120};
inline constexpr std::size_t kMaxPinDigits = 12;

// A widget's place on screen, for tests that press it like a finger would.
struct WidgetRect {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    float cx() const { return (x0 + x1) / 2; }
    float cy() const { return (y0 + y1) / 2; }
};

class AdminOverlay {
  public:
    enum class Stage { closed, set_pin, confirm_pin, enter_pin, unlocked };

    void set_fonts(ImFont* body, ImFont* heading) { body_ = body, heading_ = heading; }

    // Opens at the PIN prompt (or at "set a PIN" when there is none yet).
    void open(scene::Instant now, bool has_pin);
    // Opens unlocked on `tab`, for `podium render --overlay` and tests.
    void open_unlocked(scene::Instant now, const OverlayModel& model, Tab tab);
    void close();
    bool is_open() const { return stage_ != Stage::closed; }
    Stage stage() const { return stage_; }
    Tab tab() const { return tab_; }
    // Any input while open: the two-minute idle clock starts again.
    void touched(scene::Instant now) { last_input_ = now; }

    // Draws this frame's window (between ImGui::NewFrame and ImGui::Render); the actions to carry
    // out. Closes itself after kIdleClose without input (returning Closed{idle = true}).
    std::vector<Action> frame(const OverlayModel& model);

    // Reports from the app.
    void pin_checked(const Check& check, const OverlayModel& model);
    void pin_set(const Status& status, const OverlayModel& model);
    void saved(const Status& status, const OverlayModel& model);
    void say(std::string text, bool ok) { message_ = std::move(text), message_ok_ = ok; }

    const SettingsDraft& draft() const { return draft_; }
    const std::string& message() const { return message_; }
    const std::map<std::string, WidgetRect>& widgets() const { return widgets_; }

  private:
    void track(const std::string& name);
    void pin_screen(const OverlayModel& m, std::vector<Action>& out);
    void unlocked_screen(const OverlayModel& m, std::vector<Action>& out);
    void status_tab(const OverlayModel& m);
    void playlist_tab(const OverlayModel& m, const DraftProblems& p);
    void schedule_windows(const OverlayModel& m, const DraftProblems& p);
    bool window_fields(const std::string& id, std::string& days, std::string& start, std::string& end,
                       const DraftProblems& p);
    void plan_preview(const OverlayModel& m, const DraftProblems& p);
    void privacy_tab(const OverlayModel& m, std::vector<Action>& out);
    void privacy_rules(const OverlayModel& m, scene::Audience a); // one audience's rules
    void source_tab(const OverlayModel& m, const DraftProblems& p, std::vector<Action>& out);
    void export_fields(const OverlayModel& m, const DraftProblems& p, float wide);
    void setting_field(const OverlayModel& m, const DraftProblems& p, const char* setting,
                       const char* label, const char* id, std::string& value, float width);
    void display_tab(const OverlayModel& m, const DraftProblems& p);
    void log_tab(const OverlayModel& m, std::vector<Action>& out);
    void save_bar(const OverlayModel& m, const DraftProblems& p, std::vector<Action>& out);
    bool locked(const OverlayModel& m, std::string_view key) const;
    void locked_note(const OverlayModel& m, std::string_view key);
    void problem(const DraftProblems& p, const std::string& field);
    // A labelled text input; `hint` shows greyed inside it while it is empty.
    bool text_field(const char* label, const std::string& id, std::string& value, float width,
                    int flags = 0, const char* hint = nullptr);
    void rebase(const OverlayModel& m);

    Stage stage_ = Stage::closed;
    Tab tab_ = Tab::status;
    scene::Instant last_input_{};
    std::string pin_, first_pin_; // what is being typed; cleared as soon as it is used
    SettingsDraft base_, draft_;  // the stored settings when unlocked or last saved, and the edit
    std::string message_;
    bool message_ok_ = true;
    std::string plan_at_;     // "what plays at" input
    std::string export_path_; // the log tab's export file
    bool log_plays_ = false;  // the log tab shows the play log (else the audit log)
    int section_ = 0;         // the playlist tab's page: slides, hours, plan
    bool preview_public_ = true;
    std::optional<scene::PrivacySettings> previewed_; // what the last PreviewPrivacy asked for
    bool previewed_public_ = true;
    std::map<std::string, WidgetRect> widgets_;
    ImFont* body_ = nullptr;
    ImFont* heading_ = nullptr;
};

} // namespace podium::overlay
