// `podium plan`: what will play, from the same schedule engine the player asks.
#include "assets.hpp"
#include "bootstrap.hpp"
#include "commands.hpp"
#include "device.hpp"

#include <iostream>

namespace podium::app {

int command_plan(const CliOptions& o) {
    // As render does: a read-only store is read from a copy in memory, and a missing one is not
    // created (the defaults and the managed config are planned).
    auto store = open_store_to_read(o.db.empty() ? default_db_path() : o.db, o.config);
    if (!store) return print_error(store.error()), kExitFailure;
    const Device device = load_device(store.value());
    for (const auto& p : device.problems) std::cerr << "podium: " << p << "\n";

    const scene::Instant from =
        o.plan.from.empty()
            ? std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now())
            : instant_from_text(o.plan.from, device.zone);
    const scene::Schedule schedule(device.settings.schedule, device.zone);
    const auto steps = schedule.plan(from, from + std::chrono::hours(o.plan.hours));
    std::string out;
    for (const auto& s : steps) {
        out += device.zone.format_iso(s.start);
        out += '\t';
        out += device.zone.format_iso(s.end);
        out += '\t';
        out += scene::step_slide_name(s, schedule.settings());
        out += '\t';
        out += scene::audience_name(s.audience);
        out += '\n';
    }
    std::cout << out;
    return 0;
}

} // namespace podium::app
