#include "commands.hpp"

#include <algorithm>
#include <iostream>

namespace podium::app {

// `podium admin set-pin` (admin_command.cpp). Declared here, not in commands.hpp, only because
// that header was another engineer's file when this was added; it belongs beside the others.

void print_error(const Error& error) {
    std::size_t start = 0;
    const std::string& m = error.message;
    do {
        const std::size_t end = std::min(m.find('\n', start), m.size());
        std::cerr << "podium: " << std::string_view(m).substr(start, end - start) << "\n";
        start = end + 1;
    } while (start < m.size());
}

int main_with_args(int argc, char** argv) {
    std::vector<std::string_view> args(argv + 1, argv + argc);
    auto parsed = parse_cli(args);
    if (!parsed) {
        std::cerr << "podium: " << parsed.error().message << "\n";
        return kExitUsage;
    }
    const CliOptions& o = parsed.value();
    switch (o.command) {
    case Command::help:
        std::cout << help_text();
        return 0;
    case Command::version:
        std::cout << "podium " << PODIUM_VERSION << "\n";
        return 0;
    case Command::render:
        return command_render(o);
    case Command::run:
        return command_run(o);
    case Command::sync:
        return command_sync(o);
    case Command::export_feed:
        return command_export(o);
    case Command::config:
        return command_config(o);
    case Command::plan:
        return command_plan(o);
    case Command::admin:
        return command_admin(o);
    case Command::feed:
        return command_feed(o);
    }
    return 0;
}

} // namespace podium::app
