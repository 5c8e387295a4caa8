#include "screen_command.hpp"

#include <cerrno>
#include <cstring>
#include <spawn.h>
#include <sys/wait.h>

extern char** environ;

namespace podium::app {

std::string run_screen_command(const std::string& command, const char* why) {
    if (command.empty()) return {};
    reap_screen_commands();
    pid_t pid = 0;
    const char* argv[] = {"/bin/sh", "-c", command.c_str(), nullptr};
    // posix_spawn takes char* const[]; it does not modify the strings.
    const int err = posix_spawn(&pid, "/bin/sh", nullptr, nullptr, const_cast<char* const*>(argv),
                                environ);
    if (err != 0)
        return std::string("screen ") + why + ": could not start `" + command +
               "`: " + std::strerror(err);
    return std::string("screen ") + why + ": started `" + command + "`";
}

void reap_screen_commands() {
    int status = 0;
    while (waitpid(-1, &status, WNOHANG) > 0) {
    }
}

} // namespace podium::app
