#include "admin_pin.hpp"

#include "sync/sync_service.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace podium::overlay {
namespace {

int parse_failures(const std::optional<std::string>& text) {
    int n = 0;
    if (!text) return 0;
    const auto r = std::from_chars(text->data(), text->data() + text->size(), n);
    return r.ec == std::errc{} && r.ptr == text->data() + text->size() && n > 0 ? n : 0;
}

std::optional<Instant> parse_instant(const std::optional<std::string>& text) {
    if (!text || text->empty()) return std::nullopt;
    const auto t = sync::parse_utc(*text);
    if (!t) return std::nullopt;
    return std::chrono::floor<std::chrono::seconds>(*t);
}

std::string wrong_pin_message(int failures, const std::optional<Instant>& until) {
    std::string m = "wrong admin PIN (" + std::to_string(failures) +
                    (failures <= kPinFreeAttempts ? " of " + std::to_string(kPinFreeAttempts)
                                                  : std::string(" in a row")) +
                    ")";
    if (until)
        m += "; admin locked out until " + utc_text(*until) + " (" +
             std::to_string(lockout_after(failures).count()) + " min)";
    return m;
}

} // namespace

std::string utc_text(Instant t) {
    const auto day = std::chrono::floor<std::chrono::days>(t);
    const std::chrono::year_month_day ymd(day);
    const std::chrono::hh_mm_ss hms(t - day);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", int(ymd.year()),
                  unsigned(ymd.month()), unsigned(ymd.day()), int(hms.hours().count()),
                  int(hms.minutes().count()), int(hms.seconds().count()));
    return buf;
}

std::chrono::minutes lockout_after(int failures) {
    if (failures < kPinFreeAttempts) return std::chrono::minutes(0);
    const int doublings = failures - kPinFreeAttempts;
    if (doublings >= 30)
        return kMaxLockout; // 2^30 min is past the cap; the shift must not overflow
    return std::min(kFirstLockout * (1L << doublings), kMaxLockout);
}

AdminPin::AdminPin(sync::Store& store, int iterations) : store_(store), iterations_(iterations) {}

bool AdminPin::has_pin() const {
    const auto stored = store_.setting(kPinSetting);
    return stored && !stored->empty();
}

Status AdminPin::set_pin(std::string_view pin, Instant now) {
    if (auto rule = check_pin_rule(pin); !rule) return rule;
    auto hash = hash_pin(pin, iterations_);
    if (!hash) return hash.error();
    const auto saved = store_.set_settings({{kPinSetting, hash.value().to_text()},
                                            {kPinFailuresSetting, "0"},
                                            {kPinLockedUntilSetting, ""}},
                                           utc_text(now));
    if (!saved) return saved;
    unsaved_.reset(); // the store holds the newest state again
    log("info", "admin PIN set", now);
    return Ok{};
}

Check AdminPin::verify(std::string_view pin, Instant now) {
    const auto stored = store_.setting(kPinSetting);
    if (!stored || stored->empty()) return {Verdict::no_pin, 0, std::nullopt};
    Lock lock = load(now);
    if (lock.until && now < *lock.until) return {Verdict::locked_out, lock.failures, lock.until};

    const auto hash = PinHash::parse(*stored);
    if (!hash)
        log("error", "the stored admin PIN is unreadable; set a new one with podium admin set-pin",
            now);
    // A PIN that breaks the rule cannot be the stored one: no need to spend the hashing time.
    if (hash && check_pin_rule(pin) && pin_matches(pin, *hash)) {
        if (lock.failures != 0 || lock.until) save(Lock{}, now);
        log("info", "admin PIN accepted", now);
        return {Verdict::accepted, 0, std::nullopt};
    }
    ++lock.failures;
    const auto wait = lockout_after(lock.failures);
    lock.until = wait.count() > 0 ? std::optional<Instant>(now + wait) : std::nullopt;
    save(lock, now);
    log("warning", wrong_pin_message(lock.failures, lock.until), now);
    return {Verdict::rejected, lock.failures, lock.until};
}

std::optional<Instant> AdminPin::locked_until(Instant now) {
    const Lock lock = load(now);
    if (lock.until && now < *lock.until) return lock.until;
    return std::nullopt;
}

AdminPin::Lock AdminPin::load(Instant now) {
    Lock lock = unsaved_ ? *unsaved_
                         : Lock{parse_failures(store_.setting(kPinFailuresSetting)),
                                parse_instant(store_.setting(kPinLockedUntilSetting))};
    // A lock-out can never end later than now + its length unless the clock went back (a device
    // that booted with a wrong clock, then NTP): shorten it, so the wait is never longer than due.
    const auto longest = now + lockout_after(lock.failures);
    if (lock.until && *lock.until > longest) {
        lock.until = longest;
        save(lock, now);
    }
    return lock;
}

void AdminPin::save(const Lock& lock, Instant now) {
    const auto saved = store_.set_settings(
        {{kPinFailuresSetting, std::to_string(lock.failures)},
         {kPinLockedUntilSetting, lock.until ? utc_text(*lock.until) : std::string()}},
        utc_text(now));
    if (saved) {
        unsaved_.reset();
        return;
    }
    unsaved_ = lock;
    log("error", "admin PIN attempts could not be saved: " + saved.error().message, now);
}

void AdminPin::log(const char* level, const std::string& message, Instant now) {
    store_.log({utc_text(now), level, "admin", message});
}

} // namespace podium::overlay
