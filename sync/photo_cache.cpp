#include "photo_cache.hpp"

#include "http_client.hpp"

#include <filesystem>
#include <fstream>
#include <set>

namespace podium::sync {
namespace fs = std::filesystem;

namespace {

bool is_url(const std::string& s) { return s.starts_with("http://") || s.starts_with("https://"); }

std::string read_small(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// Writes through a temporary file and a rename, so a crash never leaves half a photo.
bool write_atomically(const fs::path& p, const std::string& bytes) {
    const fs::path tmp = p.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()))) return false;
    }
    std::error_code ec;
    fs::rename(tmp, p, ec);
    return !ec;
}

} // namespace

std::string resolve_photo(const std::string& photo, const std::string& feed_location) {
    if (is_url(photo)) return photo;
    if (is_url(feed_location)) {
        const auto cut = feed_location.find_first_of("?#");
        const std::string base = feed_location.substr(0, cut);
        return base.substr(0, base.rfind('/') + 1) + photo;
    }
    return (fs::path(feed_location).parent_path() / photo).string();
}

std::string PhotoCache::path_for(const std::string& id) const { return (fs::path(dir_) / model::photo_file_name(id)).string(); }

PhotoSyncReport PhotoCache::sync(const model::Feed& feed, const std::string& feed_location, HttpClient* http) {
    PhotoSyncReport report;
    std::error_code ec;
    fs::create_directories(dir_, ec);
    if (ec) {
        report.problems.push_back("photos: cannot create " + dir_ + ": " + ec.message());
        return report;
    }
    std::set<std::string> wanted;
    for (const auto& c : feed.champions) {
        if (c.photo.empty() || !c.consent.photo) continue; // no consent: not even on the disk
        const std::string name = model::photo_file_name(c.id);
        wanted.insert(name);
        const fs::path file = fs::path(dir_) / name, origin = file.string() + ".src";
        const std::string src = resolve_photo(c.photo, feed_location);
        if (fs::exists(file, ec) && read_small(origin) == src) {
            ++report.kept;
            continue;
        }
        std::string bytes;
        if (is_url(src)) {
            if (!http) continue;
            HttpRequest req;
            req.url = src;
            req.max_body_bytes = kMaxBytes;
            req.total_timeout_ms = 20'000;
            auto resp = http->get(req);
            if (!resp) {
                report.problems.push_back("photo of " + c.id + ": " + resp.error().message);
                continue;
            }
            bytes = std::move(resp.value().body);
        } else {
            const auto size = fs::file_size(src, ec);
            if (ec || size > static_cast<std::uintmax_t>(kMaxBytes)) {
                report.problems.push_back("photo of " + c.id + ": " + src +
                                          (ec ? " cannot be read" : " is larger than 8 MiB"));
                continue;
            }
            bytes = read_small(src);
        }
        if (write_atomically(file, bytes) && write_atomically(origin, src))
            ++report.fetched;
        else
            report.problems.push_back("photo of " + c.id + ": cannot write " + file.string());
    }
    // Whatever the feed no longer names (or may no longer show) goes.
    for (const auto& entry : fs::directory_iterator(dir_, ec)) {
        const std::string name = entry.path().filename().string();
        const std::string base = name.ends_with(".src") ? name.substr(0, name.size() - 4) : name;
        if (wanted.count(base)) continue;
        fs::remove(entry.path(), ec);
        if (!name.ends_with(".src")) ++report.deleted;
    }
    return report;
}

} // namespace podium::sync
