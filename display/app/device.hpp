// The device's settings as the player, `plan` and `render` use them: schedule, privacy, display,
// and the time zone, read from the store. A stored value that is not valid (it cannot be, unless
// the file was edited by hand) keeps its default and is reported: a bad setting never stops the
// screen.
#pragma once

#include "display/scene/schedule.hpp"
#include "display/scene/schedule_settings.hpp"
#include "sync/store.hpp"

#include <string>
#include <vector>

namespace podium::app {

struct Device {
    scene::DeviceSettings settings;
    scene::TimeZone zone = scene::TimeZone::utc();
    scene::Lang language = scene::Lang::en; // display.language
    std::vector<std::string> problems; // "setting KEY: reason; using the default"
};

Device load_device(const sync::Store& store);

// The instant for a --from/--at value: with an offset ("…+01:00", "…Z") exactly that instant,
// otherwise wall-clock time in `zone`. The text must have passed parse_local_time.
scene::Instant instant_from_text(std::string_view text, const scene::TimeZone& zone);
scene::LocalTime to_slide_time(const scene::LocalDateTime& t);

// A clock before this build's date has not been set (no RTC battery, no NTP yet): windows and
// dates would be wrong. Says so on stderr and in the store's log; returns whether it did.
bool warn_if_clock_unset(sync::Store& store);

} // namespace podium::app
