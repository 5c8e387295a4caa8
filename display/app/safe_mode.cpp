#include "safe_mode.hpp"

#include <charconv>
#include <vector>

namespace podium::app {
namespace {

std::vector<std::int64_t> read_starts(const sync::Store& store) {
    std::vector<std::int64_t> out;
    const std::string text = store.setting(kUncleanStartsSetting).value_or("");
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t comma = std::min(text.find(',', at), text.size());
        std::int64_t v = 0;
        const auto [end, ec] = std::from_chars(text.data() + at, text.data() + comma, v);
        if (ec == std::errc{} && end == text.data() + comma) out.push_back(v); // junk is skipped
        at = comma + 1;
    }
    return out;
}

std::string now_utc_text(std::chrono::system_clock::time_point now) {
    return std::to_string(std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count());
}

} // namespace

std::optional<std::string> note_start(sync::Store& store, std::chrono::system_clock::time_point now) {
    const std::int64_t t = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    const std::int64_t window = std::chrono::duration_cast<std::chrono::seconds>(kCrashWindow).count();
    std::vector<std::int64_t> recent;
    for (std::int64_t s : read_starts(store))
        if (s <= t && t - s <= window) recent.push_back(s); // a clock set back forgets, never piles up
    const bool safe = static_cast<int>(recent.size()) >= kCrashLimit;
    recent.push_back(t);
    std::string text;
    for (auto s : recent) { // appends, not "," + string: a GCC 12 -O3 -Wrestrict false positive
        if (!text.empty()) text += ',';
        text += std::to_string(s);
    }
    (void)store.set_setting(kUncleanStartsSetting, text, now_utc_text(now));
    if (!safe) return std::nullopt;
    return "Safe mode: Podium stopped unexpectedly " + std::to_string(recent.size() - 1) + " times in the last " +
           std::to_string(kCrashWindow.count()) +
           " minutes, so it shows only the clock. The log (journalctl -u podium) says why; the next "
           "clean start plays normally.";
}

void note_clean(sync::Store& store) {
    (void)store.set_setting(kUncleanStartsSetting, "",
                            now_utc_text(std::chrono::system_clock::now()));
}

} // namespace podium::app
