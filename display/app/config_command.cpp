// `podium config check FILE` and `podium config apply FILE`: what IT runs before rolling a
// managed config out, and to push one into a store without starting the player.
#include "assets.hpp"
#include "bootstrap.hpp"
#include "commands.hpp"
#include "kiosk_config.hpp"

#include <iostream>

namespace podium::app {
namespace {

std::string settings_count(std::size_t n) {
    return std::to_string(n) + (n == 1 ? " setting" : " settings");
}

} // namespace

int command_config(const CliOptions& o) {
    const ConfigOptions& c = o.config_command;
    if (c.action == "check") {
        const auto checked = check_config_file(c.file, FileChecks::on);
        for (const auto& e : checked.errors)
            std::cerr << "podium: " << e << "\n";
        if (!checked.ok()) return kExitFailure;
        std::cout << c.file << ": ok, " << settings_count(checked.values.size()) << "\n";
        return 0;
    }
    const std::string db_path = o.db.empty() ? default_db_path() : o.db;
    auto store = open_store(db_path);
    if (!store) return print_error(store.error()), kExitFailure;
    const auto applied = load_managed_config(c.file, store.value());
    if (!applied) return print_error(applied.error()), kExitFailure;
    std::cout << c.file << ": applied " << settings_count(applied.value()) << " to " << db_path
              << "\n";
    return 0;
}

} // namespace podium::app
