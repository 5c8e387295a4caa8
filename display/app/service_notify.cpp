#include "service_notify.hpp"

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstdlib>
#include <cstring>

namespace podium::app {
namespace {

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? v : "";
}

// Owns the datagram socket for the length of one send.
struct Fd {
    int fd;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

} // namespace

ServiceNotifier::ServiceNotifier() : socket_path_(env("NOTIFY_SOCKET")) {
    // Only '/' (a path) and '@' (abstract) are unix sockets; anything else (vsock in newer
    // systemd) is not for a kiosk on a TV, so it is ignored rather than half-supported.
    if (!socket_path_.empty() && socket_path_[0] != '/' && socket_path_[0] != '@')
        socket_path_.clear();
    const std::string usec = env("WATCHDOG_USEC");
    const std::string pid = env("WATCHDOG_PID");
    // WATCHDOG_PID names the process the watchdog is meant for; a child that inherited the
    // variables must not feed its parent's watchdog (sd_watchdog_enabled(3) does the same).
    const bool for_us = pid.empty() || std::strtoll(pid.c_str(), nullptr, 10) == ::getpid();
    if (active() && for_us && !usec.empty()) {
        const long long us = std::strtoll(usec.c_str(), nullptr, 10);
        if (us > 0) watchdog_ = std::chrono::milliseconds(us / 1000);
    }
}

void ServiceNotifier::ping(Clock::time_point now) {
    if (watchdog_.count() == 0) return;
    if (last_ping_ != Clock::time_point{} && now - last_ping_ < std::chrono::seconds(1)) return;
    last_ping_ = now;
    send("WATCHDOG=1");
}

bool ServiceNotifier::send(std::string_view state) const {
    if (!active()) return false;
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (socket_path_.size() >= sizeof(addr.sun_path)) return false;
    std::memcpy(addr.sun_path, socket_path_.data(), socket_path_.size());
    if (addr.sun_path[0] == '@') addr.sun_path[0] = '\0'; // abstract namespace
    const auto len =
        static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + socket_path_.size());
    Fd s{::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0)};
    if (s.fd < 0) return false;
    ssize_t sent;
    do {
        sent = ::sendto(s.fd, state.data(), state.size(), MSG_NOSIGNAL,
                        reinterpret_cast<const sockaddr*>(&addr), len);
    } while (sent < 0 && errno == EINTR);
    return sent == static_cast<ssize_t>(state.size());
}

} // namespace podium::app
