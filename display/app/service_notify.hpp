// Talking to the service manager (systemd's notify protocol, sd_notify(3)): READY=1 once the first
// frame is on screen, WATCHDOG=1 while the render loop turns, STOPPING=1 on the way out. Outside a
// Type=notify service ($NOTIFY_SOCKET unset) every call does nothing.
//
// The protocol is one datagram to a unix socket, documented as stable for reimplementation, so
// this is a few lines of POSIX instead of a libsystemd build and runtime dependency.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace podium::app {

class ServiceNotifier {
  public:
    using Clock = std::chrono::steady_clock;

    // Reads $NOTIFY_SOCKET, $WATCHDOG_USEC and $WATCHDOG_PID once.
    ServiceNotifier();

    bool active() const { return !socket_path_.empty(); }
    // The watchdog period systemd asked for (WatchdogSec=), or zero when there is none for us.
    std::chrono::milliseconds watchdog_period() const { return watchdog_; }
    // The longest the loop may sleep between pings: a quarter of the period, so one late wake-up
    // (a slow slide build, a photo wait) never costs a restart; zero when there is no watchdog.
    std::chrono::milliseconds max_sleep() const { return watchdog_ / 4; }

    void ready() { send("READY=1"); }
    void stopping() { send("STOPPING=1"); }
    // WATCHDOG=1, at most once a second: the loop may call it every frame of a fade.
    void ping(Clock::time_point now = Clock::now());
    // Sends one message ("KEY=VALUE\n..."); false when it could not be delivered.
    bool send(std::string_view state) const;

  private:
    std::string socket_path_; // "" when not run by a service manager; a leading '@' is abstract
    std::chrono::milliseconds watchdog_{0};
    Clock::time_point last_ping_{};
};

} // namespace podium::app
