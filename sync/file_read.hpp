// Reading a file that Podium is pointed at by an admin (a token, a CA file, the managed config,
// fonts, a feed given as a path). A setting may name anything: a directory, /dev/zero, a FIFO
// that never ends, a 3 GB log. Each is refused with a message naming the path and what it is,
// before anything is read, so no setting can block, exhaust memory or abort the process.
#pragma once

#include "sync/model/result.hpp"

#include <cstdint>
#include <string>

namespace podium::sync {

// Checks that `path` names a regular file (symbolic links followed) of at most `max_bytes` that
// this process may open for reading, without reading it. The error starts with the path:
// "/etc/podium/token: is a directory, not a file".
Status check_regular_file(const std::string& path, std::int64_t max_bytes);

// The whole file, after the same checks; a file that grows past `max_bytes` while it is read is
// refused too.
Result<std::string> read_regular_file(const std::string& path, std::int64_t max_bytes);

// The bearer token in the file that sync.token_file names: the file's one line, without its line
// break and surrounding blanks (an empty file: no token). A second line is refused, as a file
// that is not a token (a config, a key pair) was most likely named by mistake.
inline constexpr std::int64_t kMaxTokenFileBytes = 64 << 10;
Result<std::string> read_token_file(const std::string& path);

// The CA file that sync.ca_file names, checked before curl is handed its path.
inline constexpr std::int64_t kMaxCaFileBytes = 4 << 20; // Debian's whole bundle is 0.2 MiB
Status check_ca_file(const std::string& path);

// "64 KiB", "1 MiB", "300 bytes": a limit as messages say it.
std::string size_text(std::int64_t bytes);

} // namespace podium::sync
