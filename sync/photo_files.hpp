// The photo cache's files: the state kept beside each photo (`<name>.meta`), writes through a
// temporary file, and reading a photo the feed names by path (a regular file, size-limited).
#pragma once

#include "sync/model/result.hpp"

#include <cstdint>
#include <string>

namespace podium::sync {

// What the cache remembers about one photo between syncs (and restarts).
struct PhotoState {
    std::string src;                 // the resolved URL or path the photo came from
    std::string etag, last_modified; // validators of a URL's last 200
    std::string stamp;               // a local file's size and modification time when copied
    std::int64_t checked = 0;        // unix time of the last download (URLs)
    int failures = 0;                // in a row
    std::int64_t retry_at = 0;       // unix time; not tried before (after a failure)
    bool operator==(const PhotoState&) const = default;
};

// The state in `path`; a default state when it is missing or unreadable (the photo is simply
// fetched again).
PhotoState read_photo_state(const std::string& path);
bool write_photo_state(const std::string& path, const PhotoState& state);

// Writes through a temporary file and a rename, so a crash never leaves half a file.
bool write_atomically(const std::string& path, const std::string& bytes);
// At most `limit` bytes of a file the cache owns; "" when it cannot be read.
std::string read_owned(const std::string& path, std::int64_t limit);

struct LocalPhoto {
    std::string stamp;   // size and modification time
    bool changed = true; // false: the stamp is `known`, the bytes were not read
    std::string bytes;
};

// Reads the photo at `path` unless its stamp is `known`. Only a regular file of at most `limit`
// bytes: a directory, FIFO, device or socket is refused before anything is read (a FIFO is
// opened without blocking). The error says what is wrong with the path.
Result<LocalPhoto> read_local_photo(const std::string& path, const std::string& known,
                                    std::int64_t limit);

} // namespace podium::sync
