#include "photo_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <utility>

namespace podium::sync {
namespace fs = std::filesystem;

namespace {

// A value on one line: line breaks (and the escape character) as %XX, so any path round-trips.
constexpr std::pair<const char*, char> kCodes[] = {{"%25", '%'}, {"%0A", '\n'}, {"%0D", '\r'}};

std::string escape(const std::string& v) {
    std::string out;
    for (char c : v) {
        const auto* code = std::find_if(std::begin(kCodes), std::end(kCodes),
                                        [c](const auto& k) { return k.second == c; });
        if (code == std::end(kCodes))
            out += c;
        else
            out += code->first;
    }
    return out;
}

std::string unescape(const std::string& v) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        const auto* code = std::find_if(std::begin(kCodes), std::end(kCodes), [&](const auto& k) {
            return v.compare(i, 3, k.first) == 0;
        });
        if (code == std::end(kCodes)) {
            out += v[i];
        } else {
            out += code->second;
            i += 2;
        }
    }
    return out;
}

std::int64_t number(const std::string& v) {
    try {
        return std::stoll(v);
    } catch (const std::exception&) {
        return 0; // a damaged state file costs one more fetch, nothing else
    }
}

// Closes the descriptor whatever way the read ends.
struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

} // namespace

PhotoState read_photo_state(const std::string& path) {
    PhotoState s;
    std::istringstream in(read_owned(path, 64 << 10));
    for (std::string line; std::getline(in, line);) {
        const auto eq = line.find('=');
        if (eq == std::string::npos) continue;
        const std::string key = line.substr(0, eq), value = unescape(line.substr(eq + 1));
        if (key == "src")
            s.src = value;
        else if (key == "etag")
            s.etag = value;
        else if (key == "last_modified")
            s.last_modified = value;
        else if (key == "stamp")
            s.stamp = value;
        else if (key == "checked")
            s.checked = number(value);
        else if (key == "failures")
            s.failures = static_cast<int>(std::clamp<std::int64_t>(number(value), 0, 1000));
        else if (key == "retry_at")
            s.retry_at = number(value);
    }
    return s;
}

bool write_photo_state(const std::string& path, const PhotoState& s) {
    std::string text = "src=" + escape(s.src) + "\netag=" + escape(s.etag) +
                       "\nlast_modified=" + escape(s.last_modified) + "\nstamp=" + escape(s.stamp) +
                       "\nchecked=" + std::to_string(s.checked) +
                       "\nfailures=" + std::to_string(s.failures) +
                       "\nretry_at=" + std::to_string(s.retry_at) + "\n";
    return write_atomically(path, text);
}

bool write_atomically(const std::string& path, const std::string& bytes) {
    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()))) return false;
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    return !ec;
}

std::string read_owned(const std::string& path, std::int64_t limit) {
    auto photo = read_local_photo(path, "", limit);
    return photo ? std::move(photo.value().bytes) : std::string();
}

Result<LocalPhoto> read_local_photo(const std::string& path, const std::string& known,
                                    std::int64_t limit) {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, forever.
    Fd f{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK)};
    if (f.fd < 0) {
        if (errno == ENOENT) return Error{path + " does not exist"};
        return Error{path + " cannot be opened: " + std::strerror(errno)};
    }
    struct stat st {};
    if (::fstat(f.fd, &st) != 0) return Error{path + " cannot be read: " + std::strerror(errno)};
    if (S_ISDIR(st.st_mode)) return Error{path + " is a directory, not a photo file"};
    if (!S_ISREG(st.st_mode))
        return Error{path + " is not a regular file (a FIFO, device or socket)"};
    const std::string too_large = path + " is larger than " + std::to_string(limit >> 20) + " MiB";
    if (st.st_size > limit) return Error{too_large};
    LocalPhoto photo;
    photo.stamp = std::to_string(st.st_size) + " " + std::to_string(st.st_mtim.tv_sec) + "." +
                  std::to_string(st.st_mtim.tv_nsec);
    if (!known.empty() && photo.stamp == known) {
        photo.changed = false;
        return photo;
    }
    // Read to the limit and one byte past it: a file that grew since fstat is still bounded.
    char buf[1 << 16];
    for (;;) {
        const ssize_t n = ::read(f.fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return Error{path + " cannot be read: " + std::strerror(errno)};
        if (n == 0) break;
        photo.bytes.append(buf, static_cast<std::size_t>(n));
        if (static_cast<std::int64_t>(photo.bytes.size()) > limit) return Error{too_large};
    }
    return photo;
}

} // namespace podium::sync
