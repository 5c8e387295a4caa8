#include "file_read.hpp"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace podium::sync {
namespace {

// What a non-regular file is, for "…: is a directory, not a file".
const char* kind_of(mode_t mode) {
    if (S_ISDIR(mode)) return "a directory";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISFIFO(mode)) return "a named pipe (FIFO)";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a regular file";
}

Error errno_text(const std::string& path, int err) {
    return Error{path + ": cannot read it: " + std::strerror(err)};
}

Error not_a_file(const std::string& path, mode_t mode) {
    return Error{path + ": is " + kind_of(mode) + ", not a file"};
}

Error too_large(const std::string& path, std::int64_t max_bytes) {
    return Error{path + ": larger than " + size_text(max_bytes) + ", the limit for it"};
}

struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

// Opens `path` for reading once stat() has said it is a regular file: a device is never opened
// (opening some has effects), and O_NONBLOCK keeps a FIFO swapped in between from blocking.
Status open_checked(const std::string& path, std::int64_t max_bytes, Fd& out) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return errno_text(path, errno);
    if (!S_ISREG(st.st_mode)) return not_a_file(path, st.st_mode);
    if (st.st_size > max_bytes) return too_large(path, max_bytes);
    out.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (out.fd < 0) return errno_text(path, errno);
    if (::fstat(out.fd, &st) != 0) return errno_text(path, errno);
    if (!S_ISREG(st.st_mode)) return not_a_file(path, st.st_mode);
    return Ok{};
}

} // namespace

std::string size_text(std::int64_t bytes) {
    if (bytes >= (1 << 20) && bytes % (1 << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
    if (bytes >= 1024 && bytes % 1024 == 0) return std::to_string(bytes >> 10) + " KiB";
    return std::to_string(bytes) + " bytes";
}

Status check_regular_file(const std::string& path, std::int64_t max_bytes) {
    Fd fd;
    return open_checked(path, max_bytes, fd);
}

Result<std::string> read_regular_file(const std::string& path, std::int64_t max_bytes) {
    Fd fd;
    if (auto st = open_checked(path, max_bytes, fd); !st) return st.error();
    std::string body;
    char buf[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fd.fd, buf, sizeof buf);
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR) continue;
            return errno_text(path, errno);
        }
        body.append(buf, static_cast<std::size_t>(n));
        if (static_cast<std::int64_t>(body.size()) > max_bytes) return too_large(path, max_bytes);
    }
    return body;
}

Result<std::string> read_token_file(const std::string& path) {
    auto text = read_regular_file(path, kMaxTokenFileBytes);
    if (!text) return Error{"token file " + text.error().message};
    std::string& t = text.value();
    if (t.ends_with("\r\n"))
        t.resize(t.size() - 2);
    else if (t.ends_with('\n'))
        t.pop_back();
    if (t.find_first_of("\r\n") != std::string::npos) {
        std::size_t lines = 1;
        for (std::size_t i = 0; i < t.size(); ++i) // "\n", "\r\n" and a lone "\r" each end a line
            lines += t[i] == '\n' || (t[i] == '\r' && (i + 1 == t.size() || t[i + 1] != '\n'));
        return Error{"token file " + path + ": holds " + std::to_string(lines) +
                     " lines; it must hold the token alone, on one line"};
    }
    const auto b = t.find_first_not_of(" \t");
    const auto e = t.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : t.substr(b, e - b + 1);
}

Status check_ca_file(const std::string& path) {
    if (auto st = check_regular_file(path, kMaxCaFileBytes); !st)
        return Error{"CA file " + st.error().message};
    return Ok{};
}

} // namespace podium::sync
