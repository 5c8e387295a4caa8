// The commands behind the CLI: `run` (the player) and `render` (one slide, headless).
#pragma once

#include "cli.hpp"

namespace podium::app {

scene::LocalTime local_now();
int command_render(const CliOptions& options);
int command_run(const CliOptions& options);
int main_with_args(int argc, char** argv);

} // namespace podium::app
