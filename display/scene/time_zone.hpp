// Time zones: the schedule works on UTC instants and asks a TimeZone what the wall clock reads.
// Backed by Howard Hinnant's date library reading the system's IANA database
// (/usr/share/zoneinfo): GCC 12's <chrono> has no time zones yet. Pure: no SDL, no network.
#pragma once

#include "sync/model/feed.hpp"
#include "sync/model/result.hpp"

#include <chrono>
#include <string>
#include <string_view>

namespace date {
class time_zone;
}

namespace podium::scene {

using Instant = std::chrono::sys_seconds; // a UTC instant, to the second

// What the wall clock reads at an instant.
struct LocalDateTime {
    model::Date date;
    int hour = 0, minute = 0, second = 0;
    int weekday = 0;        // 0 = Monday … 6 = Sunday
    int offset_seconds = 0; // local - UTC, e.g. 3600 for CET, 7200 for CEST
    int minute_of_day() const { return hour * 60 + minute; }
};

class TimeZone {
  public:
    // An IANA name such as "Europe/Amsterdam"; an error naming it when unknown.
    static Result<TimeZone> locate(std::string_view iana_name);
    // The system's zone (/etc/localtime, or $TZ when it names a zone); UTC when it cannot be told.
    static TimeZone system();
    static TimeZone utc();

    std::string_view name() const;
    LocalDateTime local(Instant t) const;
    // The first instant at which the wall clock reads `date` `minute_of_day`:00 (0..1440; 1440 is
    // the next day's midnight). In a skipped hour (spring), the instant of the jump: the clock
    // "reaches" 02:30 when it leaps from 02:00 to 03:00. In a repeated hour (autumn), the first
    // pass.
    Instant first_instant(model::Date date, int minute_of_day) const;
    // "2026-03-29T03:00:00+02:00": local ISO 8601 with the offset in force.
    std::string format_iso(Instant t) const;

  private:
    explicit TimeZone(const date::time_zone* zone) : zone_(zone) {}
    const date::time_zone* zone_ = nullptr; // nullptr: UTC
};

// The day after / before a date (calendar arithmetic, no time zone involved).
model::Date next_day(model::Date d);
model::Date previous_day(model::Date d);
int weekday_of(model::Date d); // 0 = Monday … 6 = Sunday
int days_between(model::Date from, model::Date to); // to - from, in days

} // namespace podium::scene
