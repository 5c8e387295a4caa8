#include "photo_cache.hpp"

#include "feed_validate.hpp"
#include "http_client.hpp"
#include "photo_files.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

namespace podium::sync {
namespace fs = std::filesystem;

namespace {

constexpr const char* kStateSuffix = ".meta";

// As validate_feed takes a photo's URL: "HTTPS://" too.
bool is_url(const std::string& s) { return is_http_url(s); }

std::int64_t unix_seconds(std::chrono::system_clock::time_point t) {
    return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

std::string duration_text(std::int64_t s) {
    if (s < 120) return std::to_string(s) + " s";
    if (s < 2 * 3600) return std::to_string(s / 60) + " min";
    return std::to_string(s / 3600) + " h";
}

// One photo being brought up to date.
struct Item {
    std::string id; // the champion's, for messages
    fs::path file, state_file;
    PhotoState state;
    bool have = false; // a cached file exists
};

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

namespace {

// The run of one sync: the items, what is said about them, and the clock.
class PhotoRun {
  public:
    PhotoRun(const PhotoOptions& options, std::int64_t now, PhotoSyncReport& report)
        : options_(options), now_(now), report_(report) {}

    // A failure: said once per attempt, and not tried again before the back-off has passed
    // (retry_first, doubling with each failure in a row, at most retry_cap).
    void failed(Item& item, const std::string& why) {
        item.state.failures = std::min(item.state.failures + 1, 1000);
        const std::int64_t first = options_.retry_first.count(), cap = options_.retry_cap.count();
        std::int64_t wait = std::max<std::int64_t>(first, 1);
        for (int i = 1; i < item.state.failures && wait < cap; ++i)
            wait *= 2;
        wait = std::min(wait, std::max<std::int64_t>(cap, 1));
        item.state.retry_at = now_ + wait;
        (void)write_photo_state(item.state_file.string(), item.state);
        report_.problems.push_back("photo of " + item.id + ": " + why + " (failed " +
                                   std::to_string(item.state.failures) +
                                   " time(s) in a row; next try in " + duration_text(wait) + ")");
    }

    // New bytes for the photo (unless they are the cached ones), with the state that goes with
    // them.
    void arrived(Item& item, const std::string& bytes) {
        item.state.failures = 0;
        item.state.retry_at = 0;
        if (item.have && read_owned(item.file.string(), PhotoCache::kMaxBytes) == bytes) {
            ++report_.kept; // the same photo again (a server without validators)
        } else if (!write_atomically(item.file.string(), bytes)) {
            report_.problems.push_back("photo of " + item.id + ": cannot write " +
                                       item.file.string());
            return;
        } else {
            ++report_.fetched;
        }
        (void)write_photo_state(item.state_file.string(), item.state);
    }

    // Unchanged at its source: kept; a failure streak ends.
    void unchanged(Item& item) {
        ++report_.kept;
        if (item.state.failures == 0) return;
        item.state.failures = 0;
        item.state.retry_at = 0;
        (void)write_photo_state(item.state_file.string(), item.state);
    }

    std::int64_t now() const { return now_; }

  private:
    const PhotoOptions& options_;
    std::int64_t now_;
    PhotoSyncReport& report_;
};

void refresh_local(PhotoRun& run, Item& item) {
    auto photo =
        read_local_photo(item.state.src, item.have ? item.state.stamp : "", PhotoCache::kMaxBytes);
    if (!photo) return run.failed(item, photo.error().message);
    if (!photo.value().changed) return run.unchanged(item);
    item.state.stamp = photo.value().stamp;
    run.arrived(item, photo.value().bytes);
}

// The conditional GET for a photo URL. The token (and the CA file that goes with the feed's
// server) only for the feed's own origin; libcurl drops the header itself if a redirect leaves
// it (CURLOPT_UNRESTRICTED_AUTH stays off).
HttpRequest photo_request(const Item& item, const PhotoOptions& options,
                          const std::string& feed_origin) {
    HttpRequest req;
    req.url = item.state.src;
    req.max_body_bytes = PhotoCache::kMaxBytes;
    req.total_timeout_ms = options.total_timeout_ms;
    req.connect_timeout_ms = std::min(options.connect_timeout_ms, options.total_timeout_ms);
    if (!feed_origin.empty() && url_origin(req.url) == feed_origin) {
        req.bearer_token = options.bearer_token;
        req.ca_file = options.ca_file;
    } else {
        req.token_withheld = !options.bearer_token.empty();
    }
    if (item.have) {
        req.if_none_match = item.state.etag;
        req.if_modified_since = item.state.last_modified;
    }
    return req;
}

// Deletes whatever the feed no longer names (or may no longer show): first, so that a photo
// whose consent was withdrawn is gone before any download starts.
int delete_unwanted(const std::string& dir, const std::set<std::string>& wanted) {
    int deleted = 0;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (wanted.count(name)) continue;
        const bool photo =
            !name.ends_with(kStateSuffix) && !name.ends_with(".tmp") && !name.ends_with(".src");
        std::error_code rm;
        if (fs::remove(entry.path(), rm) && photo) ++deleted;
    }
    return deleted;
}

} // namespace

PhotoSyncReport PhotoCache::sync(const model::Feed& feed, const std::string& feed_location,
                                 HttpClient* http, std::chrono::system_clock::time_point now) {
    PhotoSyncReport report;
    std::error_code ec;
    fs::create_directories(dir_, ec);
    if (ec) {
        report.problems.push_back("photos: cannot create " + dir_ + ": " + ec.message());
        return report;
    }
    PhotoRun run(options_, unix_seconds(now), report);
    std::vector<Item> items;
    std::set<std::string> wanted;
    for (const auto& c : feed.champions) {
        if (c.photo.empty() || !c.consent.photo) continue; // no consent: not even on the disk
        Item item;
        item.id = c.id;
        const std::string name = model::photo_file_name(c.id);
        if (!wanted.insert(name).second) continue; // the same id twice: one photo
        wanted.insert(name + kStateSuffix);
        item.file = fs::path(dir_) / name;
        item.state_file = fs::path(dir_) / (name + kStateSuffix);
        item.state = read_photo_state(item.state_file.string());
        item.have = fs::is_regular_file(item.file, ec);
        const std::string src = resolve_photo(c.photo, feed_location);
        if (item.state.src != src) { // another photo: start afresh
            item.state = PhotoState{};
            item.state.src = src;
        }
        items.push_back(std::move(item));
    }
    report.deleted = delete_unwanted(dir_, wanted);

    const std::string feed_origin = is_url(feed_location) ? url_origin(feed_location) : "";
    std::vector<HttpRequest> requests;
    std::vector<Item*> fetching;
    for (auto& item : items) {
        if (item.state.failures > 0 && run.now() < item.state.retry_at) {
            ++report.deferred; // failed lately: not at every sync
            continue;
        }
        if (!is_url(item.state.src)) {
            refresh_local(run, item);
            continue;
        }
        if (!http) continue;
        const bool validators = !item.state.etag.empty() || !item.state.last_modified.empty();
        if (item.have && !validators && item.state.failures == 0 &&
            run.now() < item.state.checked + options_.recheck_without_validators.count()) {
            ++report.kept;
            continue;
        }
        requests.push_back(photo_request(item, options_, feed_origin));
        fetching.push_back(&item);
    }
    if (!requests.empty()) {
        http->get_all(
            requests, options_.parallel,
            [&](std::size_t i, Result<HttpResponse> r) {
                Item& item = *fetching[i];
                if (!r) return run.failed(item, r.error().message);
                auto& resp = r.value();
                if (resp.not_modified) return run.unchanged(item);
                item.state.etag = resp.etag;
                item.state.last_modified = resp.last_modified;
                item.state.checked = run.now();
                run.arrived(item, resp.body);
            },
            options_.cancelled);
    }
    return report;
}

} // namespace podium::sync
