// What the store does when its file is not what it should be: a corrupt or truncated file at
// start is moved aside (kept for a post-mortem, never deleted) and a fresh store takes its place;
// an older schema is copied before it is migrated, so a failed upgrade leaves the old store in
// place and says where the copy is. Failures that are not corruption (no permission, a read-only
// or full disk, a lock held elsewhere) never move anything: they are reported as they are.
#pragma once

#include "sync/model/result.hpp"
#include "sync/store.hpp"

#include <string>

struct sqlite3;

namespace podium::sync {

// The store at `path`, opened; when the file is corrupt (not a database, or PRAGMA quick_check
// finds damage) it is renamed to "<path>.corrupt-<UTC time>" (its -wal beside it) and a fresh,
// empty store is created in its place. `notice` then says so in one line, which is also written
// to the fresh store's log; otherwise it is empty.
struct OpenedStore {
    Store store;
    std::string moved_aside_to; // empty when nothing was moved
    std::string notice;
};
Result<OpenedStore> open_or_rebuild_store(const std::string& path, const std::string& now_utc);

// Why the file at `path` is corrupt ("file is not a database", the first line quick_check
// reports, ...), or "" when it is not (or does not exist, or cannot be read for another reason:
// that is for Store::open to report).
std::string corruption_of(const std::string& path);

// For the screen when the store cannot be opened as usual (a full disk, where SQLite cannot even
// create its shared-memory index): the store's data and settings, copied into an in-memory store
// through a connection in exclusive locking mode (its WAL index on the heap, so nothing is
// written). What is changed in the copy is lost at exit. An error when the file cannot be read
// either, or holds another schema version than this Podium's.
Result<Store> read_only_copy(const std::string& path);

// Why a store file may not be writable, for error messages: " (the file system holding it is
// full: 12 KiB free)", " (the file system holding it is read-only)", or "".
std::string disk_hint(const std::string& path);

// Used by Store::open before it migrates an existing store: a consistent copy of `db` (SQLite's
// backup API) written next to it as "<path>.pre-v<target>.bak", through a temporary name and a
// rename, so a half-written copy never carries the final name. Returns its path; throws SqlError
// when the copy cannot be made (the migration must not start then).
std::string backup_before_migration(sqlite3* db, const std::string& path, int target_version);

} // namespace podium::sync
