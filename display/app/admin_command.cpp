// `podium admin set-pin`: sets the admin overlay's PIN from one line of standard input, for
// provisioning a screen before it goes on the wall. Only the salted hash reaches the store.
#include "assets.hpp"
#include "bootstrap.hpp"
#include "commands.hpp"

#include "display/overlay/admin_pin.hpp"

#include <chrono>
#include <iostream>
#include <string>

namespace podium::app {
namespace {

// One line, without its "\n" or "\r\n" (a file written on Windows, or a terminal in raw mode).
std::string read_pin_line(std::istream& in) {
    std::string line;
    std::getline(in, line);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

} // namespace

int command_admin(const CliOptions& o) {
    // set-pin is the only action; parse_cli refuses anything else.
    std::string pin = read_pin_line(std::cin);
    auto store = open_store(o.db.empty() ? default_db_path() : o.db);
    if (!store) {
        overlay::wipe(pin);
        return print_error(store.error()), kExitFailure;
    }
    overlay::AdminPin admin(store.value());
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    const Status st = admin.set_pin(pin, now);
    overlay::wipe(pin);
    if (!st) return print_error(st.error()), kExitFailure;
    std::cout << "admin PIN set\n";
    return 0;
}

} // namespace podium::app
