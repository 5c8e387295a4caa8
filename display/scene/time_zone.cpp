// TimeZone over Howard Hinnant's date library. date-tz reports failures (unknown zone, unreadable
// database) by throwing std::runtime_error; every call into it is caught here, so the header
// promises no exceptions and a broken zone database degrades to UTC instead of a dark screen.
#include "time_zone.hpp"

#include <date/date.h>
#include <date/tz.h>

#include <cassert>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace podium::scene {

namespace {

using namespace std::chrono;

constexpr std::string_view kZoneInfoDir = "/usr/share/zoneinfo/";

date::sys_days to_sys_days(model::Date d) {
    return date::sys_days{date::year{d.year} / date::month{static_cast<unsigned>(d.month)} /
                          date::day{static_cast<unsigned>(d.day)}};
}

model::Date to_model_date(date::sys_days days) {
    const date::year_month_day ymd{days};
    return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
            static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

const date::time_zone* find_zone(std::string_view name) noexcept {
    try {
        return date::locate_zone(name);
    } catch (...) {
        return nullptr;
    }
}

// $TZ as glibc reads it: an optional ':' and then a zone name or a path into the zone database.
// POSIX rule strings ("CET-1CEST,M3.5.0,M10.5.0/3") are not zone names; they fall through.
const date::time_zone* zone_from_tz_variable() noexcept {
    const char* tz = std::getenv("TZ");
    if (tz == nullptr) return nullptr;
    std::string_view name = tz;
    if (name.starts_with(':')) name.remove_prefix(1);
    if (name.starts_with(kZoneInfoDir)) name.remove_prefix(kZoneInfoDir.size());
    if (name.empty()) return nullptr;
    return find_zone(name);
}

} // namespace

Result<TimeZone> TimeZone::locate(std::string_view iana_name) {
    const date::time_zone* zone = iana_name.empty() ? nullptr : find_zone(iana_name);
    if (zone == nullptr)
        return Error{"unknown time zone \"" + std::string(iana_name) +
                     "\" (expected an IANA name such as Europe/Amsterdam)"};
    return TimeZone(zone);
}

TimeZone TimeZone::system() {
    if (const auto* zone = zone_from_tz_variable()) return TimeZone(zone);
    try {
        return TimeZone(date::current_zone());
    } catch (...) {
        return utc();
    }
}

TimeZone TimeZone::utc() {
    return TimeZone(nullptr);
}

std::string_view TimeZone::name() const {
    return zone_ ? zone_->name() : std::string_view("UTC");
}

LocalDateTime TimeZone::local(Instant t) const {
    int offset = 0;
    if (zone_ != nullptr) {
        try {
            offset = static_cast<int>(zone_->get_info(t).offset.count());
        } catch (...) {
            offset = 0; // a zone whose rules cannot be read behaves as UTC
        }
    }
    const date::sys_seconds wall{t.time_since_epoch() + seconds{offset}};
    const auto day = date::floor<date::days>(wall);
    const auto in_day = (wall - day).count();
    LocalDateTime out;
    out.date = to_model_date(day);
    out.hour = static_cast<int>(in_day / 3600);
    out.minute = static_cast<int>(in_day / 60 % 60);
    out.second = static_cast<int>(in_day % 60);
    out.weekday = weekday_of(out.date);
    out.offset_seconds = offset;
    return out;
}

Instant TimeZone::first_instant(model::Date d, int minute_of_day) const {
    assert(minute_of_day >= 0 && minute_of_day <= 24 * 60);
    const auto wall = to_sys_days(d).time_since_epoch() + minutes{minute_of_day};
    if (zone_ == nullptr) return Instant{duration_cast<seconds>(wall)};
    const date::local_seconds reading{duration_cast<seconds>(wall)};
    try {
        const date::local_info info = zone_->get_info(reading);
        switch (info.result) {
        case date::local_info::nonexistent:
            // The clock never reads this time; it "reaches" it when it leaps over it.
            return Instant{info.first.end};
        case date::local_info::ambiguous: // first pass: the earlier offset
        case date::local_info::unique:
            return Instant{reading.time_since_epoch() - info.first.offset};
        }
    } catch (...) {
    }
    return Instant{duration_cast<seconds>(wall)};
}

std::string TimeZone::format_iso(Instant t) const {
    const LocalDateTime l = local(t);
    const int off = l.offset_seconds < 0 ? -l.offset_seconds : l.offset_seconds;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", l.date.year,
                  l.date.month, l.date.day, l.hour, l.minute, l.second,
                  l.offset_seconds < 0 ? '-' : '+', off / 3600, off / 60 % 60);
    return buf;
}

model::Date next_day(model::Date d) {
    return to_model_date(to_sys_days(d) + date::days{1});
}

model::Date previous_day(model::Date d) {
    return to_model_date(to_sys_days(d) - date::days{1});
}

int days_between(model::Date from, model::Date to) {
    return static_cast<int>((to_sys_days(to) - to_sys_days(from)).count());
}

int weekday_of(model::Date d) {
    // ISO encoding is 1 = Monday … 7 = Sunday.
    return static_cast<int>(date::weekday{to_sys_days(d)}.iso_encoding()) - 1;
}

} // namespace podium::scene
