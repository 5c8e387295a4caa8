#include "image_cache.hpp"

#include "gl.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <exception>

namespace podium::render {

namespace {

ImageCache::FileStamp file_stamp(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return {};
    return {static_cast<unsigned long long>(st.st_ino), static_cast<unsigned long long>(st.st_size),
            static_cast<long long>(st.st_mtim.tv_sec) * 1'000'000'000LL + st.st_mtim.tv_nsec};
}

} // namespace

ImageCache::ImageCache(Logger log, Options options)
    : log_(std::move(log)), options_(std::move(options)),
      worker_([this](std::stop_token stop) { run(stop); }) {
    assert(options_.capacity > 0);
}

ImageCache::~ImageCache() {
    // Join first: the worker may be mid-decode, and must not touch members being destroyed.
    worker_.request_stop();
    worker_.join();
    for (auto& [path, entry] : entries_)
        release(entry);
}

void ImageCache::request(const std::string& path, int width, int height) {
    const PixelSize box{std::max(width, 1), std::max(height, 1)};
    auto [it, inserted] = entries_.try_emplace(path);
    Entry& e = it->second;
    if (e.texture.id) lru_.splice(lru_.begin(), lru_, e.lru);
    if (!inserted && replaced(e, path)) {
        // Decoded afresh at every size asked so far; the old texture shows until the new one is up.
        e.refused = false;
        e.full_size = false;
        e.wanted = {std::max(box.width, e.wanted.width), std::max(box.height, e.wanted.height)};
        if (enqueue(path, e.wanted)) ++e.pending;
        return;
    }
    if (e.refused) return;
    const bool covered = box.width <= e.wanted.width && box.height <= e.wanted.height;
    if (!inserted && (covered || e.full_size)) return;
    // The union of both boxes, so the one texture covers every place the photo is drawn.
    e.wanted = {std::max(box.width, e.wanted.width), std::max(box.height, e.wanted.height)};
    if (enqueue(path, e.wanted)) ++e.pending;
}

void ImageCache::request(const scene::ImageItem& item) {
    // Whole pixels, rounded up so the texture covers the box; bounded so a layout slip cannot ask
    // for an absurd size (the decode never upscales anyway).
    const auto pixels = [](float side) {
        return static_cast<int>(std::clamp(std::ceil(side), 1.0f, 16384.0f));
    };
    request(item.source, pixels(item.box.w), pixels(item.box.h));
}

std::vector<std::string> ImageCache::request_all(const scene::DisplayList& list) {
    std::vector<std::string> paths;
    for (const auto& item : list.items)
        if (const auto* image = std::get_if<scene::ImageItem>(&item)) {
            request(*image);
            paths.push_back(image->source);
        }
    return paths;
}

ImageCache::Texture ImageCache::texture(const std::string& path) {
    const auto it = entries_.find(path);
    if (it == entries_.end() || !it->second.texture.id) return {};
    lru_.splice(lru_.begin(), lru_, it->second.lru);
    return it->second.texture;
}

// A settled entry whose file is no longer the one decoded. One stat() per request: requests come
// when a slide is drawn, not every frame.
bool ImageCache::replaced(const Entry& e, const std::string& path) const {
    return e.pending == 0 && (e.texture.id || e.refused) && file_stamp(path) != e.stamp;
}

// True if a new job was queued; false if a queued one was enlarged instead (it has not started,
// so one decode at the larger size serves both requests).
bool ImageCache::enqueue(const std::string& path, PixelSize box) {
    {
        const std::lock_guard lock(mutex_);
        for (auto& job : jobs_)
            if (job.path == path) {
                job.box = box;
                return false;
            }
        jobs_.push_back({path, box});
    }
    work_cv_.notify_one();
    return true;
}

bool ImageCache::poll() {
    std::vector<Done> done;
    {
        const std::lock_guard lock(mutex_);
        done.swap(done_);
    }
    bool changed = false;
    for (auto& d : done)
        changed = accept(std::move(d)) || changed;
    evict();
    return changed;
}

void ImageCache::retry_refused() {
    // Only settled refusals: an entry with a decode under way is left to finish.
    std::erase_if(entries_, [](const auto& kv) { return kv.second.refused && kv.second.pending == 0; });
}

bool ImageCache::accept(Done done) {
    // The entry may have been evicted while its decode ran: the result is still wanted.
    Entry& e = entries_[done.path];
    e.pending = std::max(0, e.pending - 1);
    e.stamp = done.stamp;
    if (!done.photo) {
        if (!e.refused)
            log_("photo " + done.path + " " + done.photo.error().message + "; showing initials");
        e.refused = true;
        release(e);
        return false;
    }
    if (e.refused) return false; // a decode that was already running when another one failed
    const DecodedPhoto& photo = done.photo.value();
    e.wanted.width = std::max(e.wanted.width, photo.size.width);
    e.wanted.height = std::max(e.wanted.height, photo.size.height);
    e.full_size = photo.full_size();
    upload(e, done.path, photo);
    return true;
}

void ImageCache::upload(Entry& e, const std::string& path, const DecodedPhoto& photo) {
    if (!e.texture.id) {
        glGenTextures(1, &e.texture.id);
        lru_.push_front(path);
        e.lru = lru_.begin();
    } else {
        lru_.splice(lru_.begin(), lru_, e.lru);
    }
    glBindTexture(GL_TEXTURE_2D, e.texture.id);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    // The painter crops with texture coordinates: clamp, so the crop's edge never wraps around.
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4); // RGBA rows are always 4-byte aligned
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, photo.size.width, photo.size.height, 0, GL_RGBA,
                 GL_UNSIGNED_BYTE, photo.rgba.data());
    glBindTexture(GL_TEXTURE_2D, 0);
    e.texture.size = photo.size;
}

void ImageCache::release(Entry& e) {
    if (!e.texture.id) return;
    glDeleteTextures(1, &e.texture.id);
    lru_.erase(e.lru);
    e.texture = {};
}

void ImageCache::evict() {
    while (lru_.size() > options_.capacity) {
        const auto it = entries_.find(lru_.back());
        assert(it != entries_.end());
        release(it->second);
        // Forget it entirely (a later request decodes again), unless a decode is on its way.
        if (!it->second.pending) entries_.erase(it);
    }
}

bool ImageCache::finished(const std::vector<std::string>& paths) const {
    return std::all_of(paths.begin(), paths.end(), [&](const std::string& path) {
        const auto it = entries_.find(path);
        return it != entries_.end() && !it->second.pending &&
               (it->second.texture.id || it->second.refused);
    });
}

bool ImageCache::wait(const std::vector<std::string>& paths, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        poll();
        if (finished(paths)) return true;
        std::unique_lock lock(mutex_);
        if (!done_cv_.wait_until(lock, deadline, [&] { return !done_.empty(); })) break;
    }
    poll(); // whatever arrived at the deadline still counts
    return finished(paths);
}

void ImageCache::run(std::stop_token stop) {
    for (;;) {
        Job job;
        {
            std::unique_lock lock(mutex_);
            work_cv_.wait(lock, stop, [&] { return !jobs_.empty(); });
            if (stop.stop_requested()) return; // queued work is dropped: nobody will draw it
            job = std::move(jobs_.front());
            jobs_.pop_front();
        }
        // Bad content must never end the worker: out of memory on a huge photo is a refusal too.
        Result<DecodedPhoto> photo = Error{"could not be decoded"};
        const FileStamp stamp = file_stamp(job.path); // before reading: a later change is seen
        try {
            photo = decode_photo(job.path, job.box);
        } catch (const std::exception& e) {
            photo = Error{std::string("could not be decoded (") + e.what() + ")"};
        }
        {
            const std::lock_guard lock(mutex_);
            done_.push_back({std::move(job.path), std::move(photo), stamp});
        }
        done_cv_.notify_all();
        if (options_.wake) options_.wake();
    }
}

} // namespace podium::render
