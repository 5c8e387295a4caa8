// The commands behind the CLI: `run` (the player), `render` (one slide, headless), `sync`,
// `export`, `config`, `plan` and `admin`.
#pragma once

#include "cli.hpp"

#include <chrono>

#include "sync/store.hpp"
#include "sync/syncer.hpp"

namespace podium::app {

int command_render(const CliOptions& options);
int command_run(const CliOptions& options);
int command_sync(const CliOptions& options);
int command_export(const CliOptions& options);
int command_config(const CliOptions& options);
int command_plan(const CliOptions& options);
int command_admin(const CliOptions& options);
int command_feed(const CliOptions& options);
int main_with_args(int argc, char** argv);
// Writes the error to stderr, "podium: " before each of its lines (a config check gives several).
void print_error(const Error& error);
// sync --once's exit code for an outcome (feed check uses the same).
int sync_exit_code(sync::SyncOutcome outcome);
// The sync settings from the store: source (or the override), token file, CA file.
Result<sync::SyncConfig> sync_config(const sync::Store& store, const std::string& source_override);

} // namespace podium::app
