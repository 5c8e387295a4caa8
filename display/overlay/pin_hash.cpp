#include "pin_hash.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <charconv>

namespace podium::overlay {
namespace {

constexpr std::string_view kScheme = "pbkdf2-sha256";

template <std::size_t N> std::string to_hex(const std::array<unsigned char, N>& bytes) {
    constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(2 * N);
    for (const unsigned char b : bytes) {
        out += kDigits[b >> 4];
        out += kDigits[b & 0xf];
    }
    return out;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1; // to_hex writes lower case only; anything else is not ours
}

template <std::size_t N> bool from_hex(std::string_view hex, std::array<unsigned char, N>& out) {
    if (hex.size() != 2 * N) return false;
    for (std::size_t i = 0; i < N; ++i) {
        const int hi = hex_value(hex[2 * i]), lo = hex_value(hex[2 * i + 1]);
        if (hi < 0 || lo < 0) return false;
        out[i] = static_cast<unsigned char>(hi * 16 + lo);
    }
    return true;
}

// Splits at the next '$', advancing `rest`; nullopt when there is none.
std::optional<std::string_view> next_field(std::string_view& rest) {
    const auto at = rest.find('$');
    if (at == std::string_view::npos) return std::nullopt;
    const auto field = rest.substr(0, at);
    rest.remove_prefix(at + 1);
    return field;
}

bool derive(std::string_view pin, const std::array<unsigned char, 16>& salt, int iterations,
            std::array<unsigned char, 32>& out) {
    return PKCS5_PBKDF2_HMAC(pin.data(), static_cast<int>(pin.size()), salt.data(),
                             static_cast<int>(salt.size()), iterations, EVP_sha256(),
                             static_cast<int>(out.size()), out.data()) == 1;
}

} // namespace

std::string PinHash::to_text() const {
    return std::string(kScheme) + "$" + std::to_string(iterations) + "$" + to_hex(salt) + "$" +
           to_hex(hash);
}

std::optional<PinHash> PinHash::parse(std::string_view text) {
    std::string_view rest = text;
    const auto scheme = next_field(rest);
    const auto iterations = next_field(rest);
    const auto salt = next_field(rest);
    if (!scheme || !iterations || !salt || *scheme != kScheme) return std::nullopt;
    PinHash h;
    const auto r =
        std::from_chars(iterations->data(), iterations->data() + iterations->size(), h.iterations);
    if (r.ec != std::errc{} || r.ptr != iterations->data() + iterations->size() ||
        h.iterations < kMinPinIterations || h.iterations > kMaxPinIterations)
        return std::nullopt;
    if (!from_hex(*salt, h.salt) || !from_hex(rest, h.hash)) return std::nullopt;
    return h;
}

Status check_pin_rule(std::string_view pin) {
    bool digits = pin.size() >= 6 && pin.size() <= 12;
    for (const char c : pin)
        digits = digits && c >= '0' && c <= '9';
    // The message never repeats what was typed: a near miss of the real PIN could end up in a log.
    if (!digits) return Error{"a PIN is 6 to 12 digits"};
    return Ok{};
}

Result<PinHash> hash_pin(std::string_view pin, int iterations) {
    if (iterations < kMinPinIterations || iterations > kMaxPinIterations)
        return Error{"PIN hash: iterations must be from " + std::to_string(kMinPinIterations) +
                     " to " + std::to_string(kMaxPinIterations)};
    PinHash h;
    h.iterations = iterations;
    if (RAND_bytes(h.salt.data(), static_cast<int>(h.salt.size())) != 1)
        return Error{"PIN hash: no random salt (the system's random source failed)"};
    if (!derive(pin, h.salt, iterations, h.hash)) return Error{"PIN hash: PBKDF2 failed"};
    return h;
}

bool pin_matches(std::string_view pin, const PinHash& stored) {
    std::array<unsigned char, 32> candidate{};
    const bool derived = derive(pin, stored.salt, stored.iterations, candidate);
    // Constant time, so the response time does not tell how many leading bytes were right.
    const bool same =
        derived && CRYPTO_memcmp(candidate.data(), stored.hash.data(), candidate.size()) == 0;
    OPENSSL_cleanse(candidate.data(), candidate.size());
    return same;
}

void wipe(std::string& secret) {
    OPENSSL_cleanse(secret.data(), secret.size());
    secret.clear();
}

} // namespace podium::overlay
