// The commands run on entering and leaving a screen-off window (HDMI-CEC, DPMS: `cec-ctl`,
// `xset dpms force off`, `wlr-randr`). Run through /bin/sh without waiting, so a hanging TV never
// freezes the render loop; finished children are reaped on the next call.
#pragma once

#include <string>

namespace podium::app {

// Starts `command` (nothing when empty); returns a line for the log: what ran, or why not.
std::string run_screen_command(const std::string& command, const char* why);
// Reaps finished commands; call now and then from the render loop.
void reap_screen_commands();

} // namespace podium::app
