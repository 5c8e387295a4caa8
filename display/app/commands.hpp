// The commands behind the CLI: `run` (the player) and `render` (one slide, headless).
#pragma once

#include "cli.hpp"

#include "sync/store.hpp"
#include "sync/syncer.hpp"

namespace podium::app {

scene::LocalTime local_now();
int command_render(const CliOptions& options);
int command_run(const CliOptions& options);
int command_sync(const CliOptions& options);
int command_export(const CliOptions& options);
int main_with_args(int argc, char** argv);
// The sync settings from the store: source (or the override), token file, CA file.
Result<sync::SyncConfig> sync_config(const sync::Store& store, const std::string& source_override);

} // namespace podium::app
