// What the admin overlay is given each frame (the current state, read-only) and what it gives back
// (actions for the app to carry out). The overlay draws from the model and never keeps a copy of
// the data; the only state it keeps is its own: open or not, the tab, what is being typed.
#pragma once

#include "display/scene/schedule_settings.hpp"
#include "display/scene/time_zone.hpp"
#include "sync/store.hpp"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace podium::overlay {

// The status tab's lines, already worded by the app (it knows the player, sync and process).
struct StatusInfo {
    std::string playing, next, audience, data_age, last_sync, last_error, next_sync;
    std::string version, uptime, memory, frames;
    std::vector<std::string> problems; // clock not set, bad stored settings, safe mode, ...
};

// A rendered preview (a GL texture) of a slide for the privacy tab; id 0: none yet.
struct PreviewImage {
    std::uintptr_t texture = 0;
    int width = 0, height = 0;
    std::vector<std::string> text; // the slide's text runs, also shown when there is no texture
};

struct OverlayModel {
    scene::Instant now{};           // UTC, to the second
    const scene::TimeZone* zone = nullptr; // the screen's zone, for local times
    scene::SettingLookup setting;   // the stored settings, now
    std::set<std::string> managed;  // keys set by the managed config: shown locked
    std::string managed_file;       // where they come from, for the note
    bool has_pin = false;
    std::optional<scene::Instant> locked_until;
    StatusInfo status;
    const std::vector<sync::AuditEntry>* audit = nullptr; // newest first
    const std::vector<sync::PlayEntry>* plays = nullptr;  // newest first
    PreviewImage preview;
    std::string connection; // the last "test connection" result, "" none; "..." while it runs
    std::string export_dir; // where the log tab offers to write its CSV (the store's folder)
};

enum class LogKind { audit, plays };

struct SetPin { std::string pin; };
struct VerifyPin { std::string pin; };
// The changed settings, all in one transaction; a token typed in the source tab comes apart.
struct SaveSettings {
    std::vector<std::pair<std::string, std::string>> entries;
    std::string token;
};
struct SyncNow {};
struct TestConnection { std::string source; std::string token; };
struct ExportLog { LogKind kind; std::string path; };
struct PreviewPrivacy { scene::Audience audience; scene::PrivacySettings privacy; };
// The overlay closed (the app resumes full screen): by Close or Esc, or after kIdleClose idle.
struct Closed { bool idle = false; };

using Action = std::variant<SetPin, VerifyPin, SaveSettings, SyncNow, TestConnection, ExportLog,
                            PreviewPrivacy, Closed>;

} // namespace podium::overlay
