// Photos as GL textures. One worker thread reads, checks and downscales them (image_decode.hpp);
// the render thread only uploads finished pixels, so a large photo never stalls a frame. A photo
// that is missing, too large or broken is remembered as such (one log line) and the slide's
// initials stay visible.
#pragma once

#include "image_decode.hpp"

#include "display/scene/display_list.hpp"

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <list>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace podium::render {

class ImageCache {
  public:
    using Logger = std::function<void(const std::string&)>;

    struct Options {
        // At most this many textures stay; the least recently used goes first. A 10,000-champion
        // organisation must not hold 10,000 textures.
        std::size_t capacity = 256;
        // Called on the worker thread when a photo is finished (ready or refused): the player can
        // push an SDL user event so its loop calls poll() instead of polling on a timer.
        std::function<void()> wake;
    };

    struct Texture {
        unsigned id = 0; // 0: not ready or refused (draw nothing: the initials show)
        PixelSize size;  // as uploaded, after downscaling
    };

    explicit ImageCache(Logger log) : ImageCache(std::move(log), Options{}) {}
    ImageCache(Logger log, Options options);
    ~ImageCache(); // stops and joins the worker, deletes the textures
    ImageCache(const ImageCache&) = delete;
    ImageCache& operator=(const ImageCache&) = delete;

    // Asks for a photo at a display size in pixels. Never blocks. A repeated or smaller request is
    // a no-op; a larger one decodes again (at the smallest size that covers both); a refused path
    // is not retried while its file stays as it was. A file that appeared or was replaced since
    // its decode (the sync thread fetches photos after publishing the figures) is decoded again:
    // the photo shows from the next slide that asks for it.
    void request(const std::string& path, int width, int height);
    void request(const scene::ImageItem& item); // at its box size
    // Requests every photo of a list (to prefetch a slide); returns their paths, for wait().
    std::vector<std::string> request_all(const scene::DisplayList& list);

    // The texture if uploaded, else id 0. Never blocks, never decodes. Counts as a use for
    // eviction.
    Texture texture(const std::string& path);

    // Uploads what the worker finished; true if a texture became ready or changed (redraw).
    bool poll();
    // Waits until every path is finished (ready or refused; a path never requested never is) or
    // the timeout passes, uploading as results come; true if all finished. The player calls it
    // before a transition so the next slide is complete when it fades in.
    bool wait(const std::vector<std::string>& paths, std::chrono::milliseconds timeout);

    std::size_t texture_count() const { return lru_.size(); }

    // New data may bring a photo that was missing or unreadable before: refused paths are tried
    // again at their next request (one more log line each if they still fail).
    void retry_refused();

    // What tells one version of a file from another: a photo is replaced through a rename (a new
    // inode), and its size or modification time differ too. All zero: no file.
    struct FileStamp {
        unsigned long long inode = 0, size = 0;
        long long mtime_ns = 0;
        bool operator==(const FileStamp&) const = default;
    };

  private:
    struct Job {
        std::string path;
        PixelSize box;
    };
    struct Done {
        std::string path;
        Result<DecodedPhoto> photo;
        FileStamp stamp; // of the file as the worker found it, just before reading
    };
    // Render-thread state per path; the worker never sees it.
    struct Entry {
        PixelSize wanted; // the box the newest decode covers (the union of requests)
        Texture texture;
        bool full_size = false; // decoded at source size: a larger request adds nothing
        bool refused = false;
        FileStamp stamp;                      // of the file the newest result came from
        int pending = 0;                      // decodes queued or running
        std::list<std::string>::iterator lru; // valid while texture.id != 0
    };

    bool enqueue(const std::string& path, PixelSize box);
    bool replaced(const Entry& entry, const std::string& path) const;
    bool accept(Done done);
    void upload(Entry& entry, const std::string& path, const DecodedPhoto& photo);
    void release(Entry& entry);
    void evict();
    bool finished(const std::vector<std::string>& paths) const;
    void run(std::stop_token stop);

    Logger log_;
    Options options_;
    std::unordered_map<std::string, Entry> entries_;
    std::list<std::string> lru_; // paths with a texture, most recently used first

    // Shared with the worker, under mutex_.
    std::mutex mutex_;
    std::condition_variable_any work_cv_; // _any: waits on the jthread's stop token
    std::condition_variable done_cv_;
    std::deque<Job> jobs_;
    std::vector<Done> done_;

    std::jthread worker_; // last: it starts once everything it touches exists
};

} // namespace podium::render
