// The admin overlay's PIN: setting it, checking it, and the lock-out after wrong guesses. All of
// it lives in the store's settings, so it survives a restart; every change is one transaction.
// The overlay (ImGui) and `podium admin set-pin` call this; neither sees the hash.
#pragma once

#include "display/overlay/pin_hash.hpp"
#include "display/scene/time_zone.hpp"
#include "sync/model/result.hpp"
#include "sync/store.hpp"

#include <chrono>
#include <optional>
#include <string_view>

namespace podium::overlay {

using Instant = scene::Instant; // a UTC instant, to the second; always the caller's clock

// The settings this class owns. admin.pin holds PinHash::to_text(); admin.pin_failures the wrong
// guesses in a row ("0".."n"); admin.pin_locked_until an RFC 3339 UTC instant, or "" for none.
inline constexpr const char* kPinSetting = "admin.pin";
inline constexpr const char* kPinFailuresSetting = "admin.pin_failures";
inline constexpr const char* kPinLockedUntilSetting = "admin.pin_locked_until";

inline constexpr int kPinFreeAttempts = 5; // the 5th wrong PIN in a row starts the first lock-out
inline constexpr std::chrono::minutes kFirstLockout{1};
inline constexpr std::chrono::minutes kMaxLockout{60};

// How long the failures-th wrong PIN in a row locks the overlay: none before the 5th, then
// 1 min × 2^(failures - 5), at most 60 min.
std::chrono::minutes lockout_after(int failures);

enum class Verdict {
    accepted,   // the PIN is right; failures and lock-out are cleared
    rejected,   // the PIN was checked and is wrong; see locked_until for a lock-out it started
    locked_out, // not checked at all: a lock-out is in force (even a right PIN is refused)
    no_pin,     // no PIN is set yet: the overlay asks to set one
};

struct Check {
    Verdict verdict = Verdict::no_pin;
    int failures = 0;                    // wrong PINs in a row, after this check
    std::optional<Instant> locked_until; // set while a lock-out is (or just became) in force
};

class AdminPin {
  public:
    // `iterations` is PBKDF2's cost for new hashes; checks read theirs from the stored hash.
    explicit AdminPin(sync::Store& store, int iterations = kDefaultPinIterations);

    bool has_pin() const;
    // Checks the PIN rule, then stores its hash and clears failures and lock-out, in one
    // transaction. It does not ask for the old PIN: the overlay checks that before it calls.
    Status set_pin(std::string_view pin, Instant now);
    // The 5th wrong PIN in a row comes back `rejected` with `locked_until` set: it was checked,
    // and it starts the lock-out. Attempts during a lock-out are `locked_out`, are not hashed and
    // do not count, so the waits do not grow while someone keeps pressing keys.
    Check verify(std::string_view pin, Instant now);
    // The end of the lock-out in force at `now`, if any: the overlay shows it before any input.
    std::optional<Instant> locked_until(Instant now);

  private:
    struct Lock {
        int failures = 0;
        std::optional<Instant> until;
    };
    Lock load(Instant now);
    void save(const Lock& lock, Instant now);
    void log(const char* level, const std::string& message, Instant now);

    sync::Store& store_;
    int iterations_;
    // A state the store refused to save (full disk): it still counts for this process, so a
    // failing disk does not turn into unlimited guesses.
    std::optional<Lock> unsaved_;
};

// "2026-11-25T10:01:00Z".
std::string utc_text(Instant t);

} // namespace podium::overlay
