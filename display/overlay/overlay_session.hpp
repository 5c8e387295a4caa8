// Carries out what the overlay asks, against the store: the PIN (AdminPin), saves (all changes in
// one transaction with their audit rows, locked keys refused, every value checked again), the
// token file, and CSV exports of the audit and play logs. Sync, the connection test and the
// privacy preview belong to the app and arrive as hooks.
#pragma once

#include "display/overlay/admin_overlay.hpp"
#include "display/overlay/admin_pin.hpp"
#include "display/overlay/overlay_model.hpp"

#include <functional>
#include <set>
#include <string>
#include <vector>

namespace podium::overlay {

struct SessionHooks {
    std::function<void()> sync_now;
    std::function<void(const TestConnection&)> test_connection;
    std::function<void(const PreviewPrivacy&)> preview;
    std::function<void()> saved;  // settings changed: re-read them now
    std::function<void()> closed; // the overlay closed: back to full screen
};

// config.managed_keys (comma-separated) as a set.
std::set<std::string> managed_keys(const sync::Store& store);

// CSV text (RFC 4180, a header row) of the newest `limit` rows of a log, oldest first.
std::string log_csv(const sync::Store& store, LogKind kind, int limit = 1'000'000);

class OverlaySession {
  public:
    // token_path: where a typed token is kept (mode 0600), e.g. beside the store.
    OverlaySession(sync::Store& store, std::string token_path, int pin_iterations = kDefaultPinIterations);

    AdminPin& pin() { return pin_; }
    // Everything the actions ask, in order; results go back to the overlay. `model` is this
    // frame's (its setting lookup reads the store, so a rebase after a save sees the new values).
    void run(const std::vector<Action>& actions, AdminOverlay& overlay, const OverlayModel& model,
             const SessionHooks& hooks);

    Status save(const SaveSettings& save, const std::set<std::string>& managed, scene::Instant now);
    Status export_log(LogKind kind, const std::string& path) const;

  private:
    sync::Store& store_;
    std::string token_path_;
    AdminPin pin_;
};

} // namespace podium::overlay
