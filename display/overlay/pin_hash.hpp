// The admin PIN as it is stored: a salted, slow hash (PBKDF2-HMAC-SHA256, OpenSSL's libcrypto),
// never the PIN itself. Text form: "pbkdf2-sha256$ITERATIONS$SALT_HEX$HASH_HEX".
#pragma once

#include "sync/model/result.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace podium::overlay {

// Slow enough to make guessing a stolen store's 6-digit PIN cost real time (about 0.1 s per guess
// here), fast enough that the overlay answers at once.
inline constexpr int kDefaultPinIterations = 200'000;
// Bounds on what a stored hash may ask for: a damaged or planted value must not make a check
// hang for minutes (upper) or be trivially cheap to attack (lower; tests use the lower bound).
inline constexpr int kMinPinIterations = 1'000;
inline constexpr int kMaxPinIterations = 10'000'000;

struct PinHash {
    int iterations = kDefaultPinIterations;
    std::array<unsigned char, 16> salt{};
    std::array<unsigned char, 32> hash{};

    std::string to_text() const;
    // nullopt unless `text` is exactly the form to_text() writes, with iterations in bounds.
    static std::optional<PinHash> parse(std::string_view text);
};

// The PIN rule: 6 to 12 ASCII digits. The error reads "a PIN is 6 to 12 digits" (never the PIN).
Status check_pin_rule(std::string_view pin);

// Hashes `pin` with a fresh random salt. Errors: iterations out of bounds, no randomness.
Result<PinHash> hash_pin(std::string_view pin, int iterations = kDefaultPinIterations);
// True when `pin` hashes to `stored` with its own salt and iterations (compared in constant time).
bool pin_matches(std::string_view pin, const PinHash& stored);
// Overwrites a secret in place (a plain loop of stores may be optimised away; this is not), so a
// typed PIN does not linger in freed memory or a core dump.
void wipe(std::string& secret);

} // namespace podium::overlay
