// Opening the store and, when it is empty and no source is configured, filling it with the
// bundled demo feed, through the same parse-validate-apply path as any feed.
#pragma once

#include "sync/model/result.hpp"
#include "sync/model/snapshot.hpp"
#include "sync/store.hpp"

#include <string>

namespace podium::app {

std::string utc_now_rfc3339();
Result<sync::Store> open_store(const std::string& path); // creates the parent folder
Status ensure_data(sync::Store& store, const std::string& now_utc);
Result<model::SnapshotPtr> open_and_load(const std::string& db_path);

} // namespace podium::app
