#include "device.hpp"

#include "bootstrap.hpp"
#include "cli.hpp"

#include <iostream>

namespace podium::app {

Device load_device(const sync::Store& store) {
    Device d;
    d.settings = scene::device_settings(
        [&store](const std::string& key) { return store.setting(key); }, d.problems);
    if (d.settings.time_zone.empty()) {
        d.zone = scene::TimeZone::system();
    } else if (auto zone = scene::TimeZone::locate(d.settings.time_zone)) {
        d.zone = zone.value();
    } else {
        d.problems.push_back("setting display.time_zone: " + zone.error().message +
                             "; using the system's zone");
        d.zone = scene::TimeZone::system();
    }
    if (auto lang = store.setting("display.language"))
        if (auto parsed = scene::parse_lang(*lang)) d.language = *parsed;
    return d;
}

bool warn_if_clock_unset(sync::Store& store) {
    const auto build = model::parse_date(PODIUM_BUILD_DATE);
    const auto today = scene::TimeZone::utc().local(
        std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now())).date;
    if (!build || !(today < *build)) return false;
    const std::string message = "the clock looks unset (it says " + model::format_date(today) +
                                ", before this build of " PODIUM_BUILD_DATE
                                "): time windows and dates will be wrong until it is set";
    std::cerr << "podium: " << message << "\n";
    store.log({utc_now_rfc3339(), "warning", "display", message});
    return true;
}

scene::Instant instant_from_text(std::string_view text, const scene::TimeZone& zone) {
    const auto local = parse_local_time(text);
    const model::Date date{local->year, local->month, local->day};
    const int minute = local->hour * 60 + local->minute;
    const std::string_view tail = text.size() > 16 ? text.substr(16) : std::string_view{};
    // Whole seconds count ("…T16:59:30"); a fraction is dropped.
    int seconds = 0;
    if (tail.size() >= 3 && tail[0] == ':') seconds = (tail[1] - '0') * 10 + (tail[2] - '0');
    const auto p = tail.find_first_of("Z+-");
    const std::string_view offset = p == std::string_view::npos ? std::string_view{} : tail.substr(p);
    if (offset.empty()) return zone.first_instant(date, minute) + std::chrono::seconds(seconds);
    // An explicit offset names the instant, whatever the zone.
    int sign = 1, hh = 0, mm = 0;
    if (offset != "Z") {
        sign = offset[0] == '-' ? -1 : 1;
        hh = (offset[1] - '0') * 10 + (offset[2] - '0');
        mm = (offset[4] - '0') * 10 + (offset[5] - '0');
    }
    const auto utc = scene::TimeZone::utc().first_instant(date, minute) + std::chrono::seconds(seconds);
    return utc - std::chrono::seconds(sign * (hh * 3600 + mm * 60));
}

scene::LocalTime to_slide_time(const scene::LocalDateTime& t) {
    return {t.date.year, t.date.month, t.date.day, t.hour, t.minute};
}

} // namespace podium::app
