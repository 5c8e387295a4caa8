// Opening the store, applying the managed kiosk config to it, and, when it is empty, filling it
// with the bundled demo feed, through the same parse-validate-apply path as any feed.
#pragma once

#include "sync/model/result.hpp"
#include "sync/model/snapshot.hpp"
#include "sync/store.hpp"

#include <cstddef>
#include <string>

namespace podium::app {

std::string utc_now_rfc3339();
// Creates the parent folders of the built-in path only (builtin_db_path); a corrupt Podium store
// is moved aside and a fresh store created (said on stderr and in the new store's log, see
// sync/store_recovery.hpp); any other file is refused and left as it is (sync/store_identity.hpp).
Result<sync::Store> open_store(const std::string& path);
Status ensure_data(sync::Store& store, const std::string& now_utc);
// Checks the managed config at `path` and applies it to the store; the number of settings it
// set. An empty path does nothing. The error has one line per problem in the file: a start-up
// failure, since running on half a config would show the wrong thing with no one to notice.
Result<std::size_t> load_managed_config(const std::string& path, sync::Store& store);
// Opens the store, applies the managed config (if config_path is not empty), ensures data, loads.
// The store, opened, with the managed config applied (its values win) and data in it (the demo
// when it was empty).
Result<sync::Store> open_ready_store(const std::string& db_path, const std::string& config_path);
// Whether a store file is at db_path (or may be: a path that cannot be looked at counts as there,
// so that opening it reports why).
bool store_exists(const std::string& db_path);
// For the commands that only read (render, plan): open_ready_store on an existing store; when
// there is none yet, an in-memory store with the managed config and the demo, so that nothing is
// created on disk, neither the file nor its folders.
Result<sync::Store> open_store_to_read(const std::string& db_path, const std::string& config_path);

} // namespace podium::app
