// The image cache through a real (headless) GL context: photos decoded on the worker thread,
// downscaled, uploaded by poll()/wait(); bad files refused with one log line each.
#include "../../support/temp_dir.hpp"

#include "display/render/gl.hpp"
#include "display/render/gl_context.hpp"
#include "display/render/image_cache.hpp"
#include "display/render/png.hpp"

#include <doctest/doctest.h>
#include <stb_image_write.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <set>
#include <thread>

using namespace podium;
using render::ImageCache;
using render::PixelSize;
using namespace std::chrono_literals;

namespace {

constexpr auto kPatience = 10s; // generous: llvmpipe on a loaded CI machine

// A GL context for one test: the one already current (another test's, kept for the whole run),
// else a headless one of our own, closed when the test ends. Never a second one beside another:
// GlContext owns SDL and ImGui, which are process-wide.
class TestGl {
  public:
    TestGl() {
        if (SDL_GL_GetCurrentContext()) return;
        auto gl = render::GlContext::create({.headless = true});
        REQUIRE_MESSAGE(gl.ok(), (gl.ok() ? "" : gl.error().message));
        own_ = std::move(gl).value();
    }

  private:
    std::unique_ptr<render::GlContext> own_;
};

// Log lines and wake-ups as the cache reports them; the wake comes from the worker thread.
struct Events {
    std::vector<std::string> log;
    std::mutex mutex;
    std::set<std::thread::id> wake_threads;
    std::atomic<int> wakes = 0;

    ImageCache::Options options(std::size_t capacity = 256) {
        return {capacity, [this] {
                    const std::lock_guard lock(mutex);
                    wake_threads.insert(std::this_thread::get_id());
                    ++wakes;
                }};
    }
    ImageCache::Logger logger() {
        return [this](const std::string& line) { log.push_back(line); };
    }
    std::size_t lines_about(const std::string& path) const {
        return static_cast<std::size_t>(std::count_if(log.begin(), log.end(), [&](const auto& l) {
            return l.find(path) != std::string::npos;
        }));
    }
};

// Left half red, right half blue: shows where a crop or a scale went.
render::Image split_image(int w, int h) {
    render::Image img{w, h, std::vector<std::uint8_t>(static_cast<std::size_t>(w * h) * 4)};
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            auto* p = &img.rgba[static_cast<std::size_t>(y * w + x) * 4];
            const bool left = x < w / 2;
            p[0] = left ? 255 : 0;
            p[2] = left ? 0 : 255;
            p[3] = 255;
        }
    return img;
}

std::string write_png(const test::TempDir& dir, const std::string& name, int w, int h) {
    const std::string path = dir.file(name);
    REQUIRE(render::write_png(path, split_image(w, h)).ok());
    return path;
}

std::string write_jpeg(const test::TempDir& dir, const std::string& name, int w, int h) {
    const std::string path = dir.file(name);
    REQUIRE(stbi_write_jpg(path.c_str(), w, h, 4, split_image(w, h).rgba.data(), 90));
    return path;
}

std::uint32_t crc32(const std::string& bytes) {
    std::uint32_t crc = 0xFFFFFFFFu;
    for (const unsigned char c : bytes) {
        crc ^= c;
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

std::string be32(std::uint32_t v) {
    return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
            static_cast<char>(v)};
}

std::string png_chunk(const std::string& type, const std::string& data) {
    return be32(static_cast<std::uint32_t>(data.size())) + type + data + be32(crc32(type + data));
}

// A few dozen bytes claiming a huge image: a decompression bomb's header, with no pixel data.
std::string png_bomb(std::uint32_t w, std::uint32_t h) {
    const std::string ihdr = be32(w) + be32(h) + std::string{8, 6, 0, 0, 0}; // 8-bit RGBA
    return std::string("\x89PNG\r\n\x1a\n", 8) + png_chunk("IHDR", ihdr) + png_chunk("IEND", "");
}

// A real small JPEG whose start-of-frame claims `w` x `h`.
std::string jpeg_claiming(const test::TempDir& dir, std::uint16_t w, std::uint16_t h) {
    const std::string path = write_jpeg(dir, "claim.jpg", 16, 16);
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), {});
    const auto sof = bytes.find("\xFF\xC0");
    REQUIRE(sof != std::string::npos);
    bytes[sof + 5] = static_cast<char>(h >> 8);
    bytes[sof + 6] = static_cast<char>(h & 0xFF);
    bytes[sof + 7] = static_cast<char>(w >> 8);
    bytes[sof + 8] = static_cast<char>(w & 0xFF);
    return bytes;
}

PixelSize gl_size(unsigned tex) {
    GLint w = 0, h = 0;
    glBindTexture(GL_TEXTURE_2D, tex);
    glGetTexLevelParameteriv(GL_TEXTURE_2D, 0, GL_TEXTURE_WIDTH, &w);
    glGetTexLevelParameteriv(GL_TEXTURE_2D, 0, GL_TEXTURE_HEIGHT, &h);
    glBindTexture(GL_TEXTURE_2D, 0);
    return {w, h};
}

std::vector<std::uint8_t> gl_pixels(unsigned tex, PixelSize size) {
    std::vector<std::uint8_t> rgba(static_cast<std::size_t>(size.width * size.height) * 4);
    glBindTexture(GL_TEXTURE_2D, tex);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glGetTexImage(GL_TEXTURE_2D, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
    glBindTexture(GL_TEXTURE_2D, 0);
    return rgba;
}

} // namespace

TEST_CASE("image cache: a photo is decoded on the worker thread and uploaded by wait()") {
    TestGl gl;
    test::TempDir dir;
    const auto photo = write_png(dir, "a.png", 300, 300);
    Events events;
    {
        ImageCache cache(events.logger(), events.options());
        cache.request(photo, 100, 100);
        // Nothing is uploaded behind the caller's back: only poll() and wait() do.
        CHECK(cache.texture(photo).id == 0);
        REQUIRE(cache.wait({photo}, kPatience));
        const auto tex = cache.texture(photo);
        CHECK(tex.id != 0);
        CHECK(glIsTexture(tex.id));
        CHECK(cache.texture_count() == 1);
        CHECK(events.log.empty());
    }
    // Counted once the worker is joined: its wake-up call comes just after the result.
    CHECK(events.wakes == 1);
    const std::lock_guard lock(events.mutex);
    REQUIRE(events.wake_threads.size() == 1);
    CHECK(*events.wake_threads.begin() != std::this_thread::get_id());
}

TEST_CASE("image cache: a photo is downscaled to cover its box, aspect ratio kept") {
    TestGl gl;
    test::TempDir dir;
    Events events;
    ImageCache cache(events.logger(), events.options());

    SUBCASE("PNG, wider than the box") {
        const auto photo = write_png(dir, "wide.png", 400, 200);
        cache.request(photo, 100, 100);
        REQUIRE(cache.wait({photo}, kPatience));
        const auto tex = cache.texture(photo);
        CHECK(tex.size == PixelSize{200, 100}); // the height covers the box; the width is cropped
        CHECK(gl_size(tex.id) == tex.size);
        // Really the photo: red on the left, blue on the right, scaled not cropped.
        const auto px = gl_pixels(tex.id, tex.size);
        const auto at = [&](int x, int y) {
            return &px[static_cast<std::size_t>(y * 200 + x) * 4];
        };
        CHECK(at(10, 50)[0] == 255);
        CHECK(at(10, 50)[2] == 0);
        CHECK(at(190, 50)[0] == 0);
        CHECK(at(190, 50)[2] == 255);
    }
    SUBCASE("JPEG, taller box") {
        const auto photo = write_jpeg(dir, "photo.jpg", 640, 480);
        cache.request(photo, 32, 64);
        REQUIRE(cache.wait({photo}, kPatience));
        const auto tex = cache.texture(photo);
        CHECK(tex.size == PixelSize{85, 64}); // 640 x 480 at 64 / 480
        CHECK(gl_size(tex.id) == tex.size);
    }
    CHECK(events.log.empty());
}

TEST_CASE("image cache: a photo smaller than its box is never upscaled") {
    TestGl gl;
    test::TempDir dir;
    const auto small = write_png(dir, "small.png", 50, 40);
    const auto flush = write_png(dir, "flush.png", 8, 8);
    Events events;
    {
        ImageCache cache(events.logger(), events.options());
        cache.request(small, 200, 200);
        REQUIRE(cache.wait({small}, kPatience));
        CHECK(cache.texture(small).size == PixelSize{50, 40});
        CHECK(gl_size(cache.texture(small).id) == PixelSize{50, 40});

        // Already at full size: a larger request has nothing to gain and queues nothing. The
        // worker runs jobs in order, so once `flush` is done a re-decode of `small` is done too.
        cache.request(small, 800, 800);
        cache.request(flush, 8, 8);
        REQUIRE(cache.wait({small, flush}, kPatience));
        CHECK(cache.texture(small).size == PixelSize{50, 40});
    }
    CHECK(events.wakes == 2); // small once, flush once
}

TEST_CASE("image cache: a larger request decodes again; a repeated or smaller one does not") {
    TestGl gl;
    test::TempDir dir;
    const auto photo = write_png(dir, "p.png", 400, 200);
    const auto flush = write_png(dir, "flush.png", 8, 8);
    Events events;
    {
        ImageCache cache(events.logger(), events.options());
        cache.request(photo, 50, 50);
        REQUIRE(cache.wait({photo}, kPatience));
        const auto first = cache.texture(photo);
        CHECK(first.size == PixelSize{100, 50});

        for (int i = 0; i < 10; ++i) {
            cache.request(photo, 50, 50);
            cache.request(photo, 20, 30);
        }
        // Jobs run in order: once `flush` is finished, a re-decode of the photo would be too.
        cache.request(flush, 8, 8);
        REQUIRE(cache.wait({photo, flush}, kPatience));

        cache.request(photo, 150, 150);
        // The old texture stays drawable until the larger one is uploaded...
        CHECK(cache.texture(photo).size == PixelSize{100, 50});
        // ...and wait() waits for the larger one, so the next slide is sharp when it fades in.
        REQUIRE(cache.wait({photo}, kPatience));
        const auto second = cache.texture(photo);
        CHECK(second.size == PixelSize{300, 150});
        CHECK(gl_size(second.id) == second.size);
        CHECK(second.id == first.id); // the texture is re-filled, not doubled
        CHECK(cache.texture_count() == 2);
        CHECK(events.log.empty());
    }
    // Counted once the worker is joined: the photo at 50, the flush, the photo at 150.
    CHECK(events.wakes == 3);
}

TEST_CASE("image cache: a decompression bomb is refused from its header, never decoded") {
    TestGl gl;
    test::TempDir dir;
    Events events;
    ImageCache cache(events.logger(), events.options());

    SUBCASE("PNG") {
        const auto bomb = dir.write("bomb.png", png_bomb(30000, 30000));
        REQUIRE(std::filesystem::file_size(bomb) < 100);
        cache.request(bomb, 100, 100);
        REQUIRE(cache.wait({bomb}, kPatience)); // finished: refused
        CHECK(cache.texture(bomb).id == 0);
        REQUIRE(events.log.size() == 1);
        // Decoding it would have failed with "could not be decoded": this is the header check.
        CHECK(events.log[0] ==
              "photo " + bomb + " has too many pixels (30000 x 30000); showing initials");
    }
    SUBCASE("JPEG that stb_image would try to decode") {
        const auto bomb = dir.write("bomb.jpg", jpeg_claiming(dir, 8000, 4000)); // 32 Mpx
        cache.request(bomb, 100, 100);
        REQUIRE(cache.wait({bomb}, kPatience));
        CHECK(cache.texture(bomb).id == 0);
        REQUIRE(events.log.size() == 1);
        CHECK(events.log[0] ==
              "photo " + bomb + " has too many pixels (8000 x 4000); showing initials");
    }
    SUBCASE("the same JPEG with its true size decodes (the patch hits the frame header)") {
        const auto ok = dir.write("ok.jpg", jpeg_claiming(dir, 16, 16));
        cache.request(ok, 16, 16);
        REQUIRE(cache.wait({ok}, kPatience));
        CHECK(cache.texture(ok).id != 0);
        CHECK(events.log.empty());
    }
}

TEST_CASE("image cache: a file over 8 MiB is refused before it is read") {
    TestGl gl;
    test::TempDir dir;
    Events events;
    ImageCache cache(events.logger(), events.options());
    const std::string signature("\x89PNG\r\n\x1a\n", 8);
    const auto big =
        dir.write("big.png", signature + std::string(render::kMaxFileBytes + 1 - 8, '\0'));
    const auto limit =
        dir.write("limit.png", signature + std::string(render::kMaxFileBytes - 8, '\0'));
    REQUIRE(std::filesystem::file_size(big) == render::kMaxFileBytes + 1);

    cache.request(big, 10, 10);
    cache.request(limit, 10, 10);
    REQUIRE(cache.wait({big, limit}, kPatience));
    CHECK(cache.texture(big).id == 0);
    REQUIRE(events.log.size() == 2);
    std::sort(events.log.begin(), events.log.end());
    CHECK(events.log[0] == "photo " + big + " is larger than 8 MiB; showing initials");
    // Exactly 8 MiB passes the size check and fails later, on its (empty) header.
    CHECK(events.log[1] ==
          "photo " + limit + " could not be decoded (no image header); showing initials");
}

TEST_CASE("image cache: missing, non-image and broken files are refused with the reason") {
    TestGl gl;
    test::TempDir dir;
    Events events;
    ImageCache cache(events.logger(), events.options());

    std::string path, reason;
    SUBCASE("missing") {
        path = dir.file("nobody.jpg");
        reason = "cannot be read";
    }
    SUBCASE("a folder") {
        path = dir.path().string();
        reason = "cannot be read (a directory, not a file)";
    }
    SUBCASE("a FIFO: refused from its type, never opened for a blocking read") {
        path = dir.file("pipe.png");
        REQUIRE(::mkfifo(path.c_str(), 0600) == 0);
        reason = "cannot be read (not a regular file";
    }
    SUBCASE("text") {
        path = dir.write("notes.png", "not a picture at all");
        reason = "is not a JPEG or PNG";
    }
    SUBCASE("a BMP, which stb_image could decode but the kiosk does not take") {
        path = dir.file("photo.bmp");
        REQUIRE(stbi_write_bmp(path.c_str(), 8, 8, 4, split_image(8, 8).rgba.data()));
        reason = "is not a JPEG or PNG";
    }
    SUBCASE("a truncated PNG") {
        path = write_png(dir, "cut.png", 64, 64);
        std::filesystem::resize_file(path, std::filesystem::file_size(path) / 2);
        reason = "could not be decoded (";
    }
    CAPTURE(path);
    cache.request(path, 50, 50);
    REQUIRE(cache.wait({path}, kPatience));
    CHECK(cache.texture(path).id == 0);
    CHECK(cache.texture_count() == 0);
    REQUIRE(events.log.size() == 1);
    CHECK(events.log[0].rfind("photo " + path + " " + reason, 0) == 0);
}

TEST_CASE("image cache: a bad path is logged once however often it is requested") {
    TestGl gl;
    test::TempDir dir;
    const auto missing = dir.file("missing.png");
    const auto broken = dir.write("broken.jpg", "\xFF\xD8\xFF garbage");
    Events events;
    ImageCache cache(events.logger(), events.options());

    for (int frame = 1; frame <= 30; ++frame) {
        cache.request(missing, frame * 10, frame * 10); // growing sizes too
        cache.request(broken, 50, 50);
        cache.poll();
        CHECK(cache.texture(missing).id == 0);
    }
    REQUIRE(cache.wait({missing, broken}, kPatience));
    for (int frame = 0; frame < 30; ++frame) {
        cache.request(missing, 1000, 1000);
        cache.request(broken, 1000, 1000);
        cache.poll();
    }
    REQUIRE(cache.wait({missing, broken}, kPatience));
    CHECK(events.lines_about(missing) == 1);
    CHECK(events.lines_about(broken) == 1);
    CHECK(events.log.size() == 2);

    // Remembered, not retried, while the file stays as it was: a repeated request reads nothing.
    // Jobs run in order, so once `flush` is finished a retry would be finished too.
    const auto flush = write_png(dir, "flush.png", 8, 8);
    cache.request(broken, 2000, 2000);
    cache.request(flush, 8, 8);
    REQUIRE(cache.wait({broken, flush}, kPatience));
    CHECK(events.lines_about(broken) == 1);

    // New data says to look again (the player calls this with each snapshot).
    cache.retry_refused();
    cache.request(broken, 16, 16);
    REQUIRE(cache.wait({broken}, kPatience));
    CHECK(events.lines_about(broken) == 2);
}

// The sync thread writes photos after it published the figures: one that arrives (or is
// replaced) later is read at its next request, without new data.
TEST_CASE(
    "image cache: a photo file that appears or is replaced is decoded again at its next request") {
    TestGl gl;
    test::TempDir dir;
    const auto path = dir.file("late.png");
    Events events;
    ImageCache cache(events.logger(), events.options());
    cache.request(path, 64, 64);
    REQUIRE(cache.wait({path}, kPatience));
    CHECK(cache.texture(path).id == 0); // not there yet: the initials show

    write_png(dir, "late.png", 16, 16);
    cache.request(path, 64, 64);
    REQUIRE(cache.wait({path}, kPatience));
    REQUIRE(cache.texture(path).id != 0);
    CHECK(cache.texture(path).size.width == 16);
    CHECK(events.lines_about(path) == 1); // the one line about it missing

    // Replaced through a rename, as the photo cache writes: the new photo is shown.
    write_png(dir, "new.png", 32, 32);
    std::filesystem::rename(dir.file("new.png"), path);
    cache.request(path, 64, 64);
    REQUIRE(cache.wait({path}, kPatience));
    CHECK(cache.texture(path).size.width == 32);
}

TEST_CASE("image cache: the least recently used texture is evicted at the cap") {
    TestGl gl;
    test::TempDir dir;
    const auto a = write_png(dir, "a.png", 16, 16);
    const auto b = write_png(dir, "b.png", 16, 16);
    const auto c = write_png(dir, "c.png", 16, 16);
    Events events;
    ImageCache cache(events.logger(), events.options(2));

    cache.request(a, 16, 16);
    cache.request(b, 16, 16);
    REQUIRE(cache.wait({a, b}, kPatience));
    const unsigned b_texture = cache.texture(b).id;
    CHECK(cache.texture(a).id != 0); // a is now the most recently used
    cache.request(c, 16, 16);
    REQUIRE(cache.wait({c}, kPatience));

    CHECK(cache.texture_count() == 2);
    CHECK(cache.texture(a).id != 0);
    CHECK(cache.texture(c).id != 0);
    CHECK(cache.texture(b).id == 0);
    CHECK_FALSE(glIsTexture(b_texture)); // deleted, not leaked
    CHECK_FALSE(cache.wait({b}, 0ms));   // forgotten: nothing is on its way

    // Asked for again, it is decoded again (and a, now least recent, goes).
    cache.request(b, 16, 16);
    REQUIRE(cache.wait({b}, kPatience));
    CHECK(cache.texture(b).id != 0);
    CHECK(cache.texture(a).id == 0);
    CHECK(cache.texture_count() == 2);
    CHECK(events.log.empty());
}

TEST_CASE("image cache: wait() gives up after its timeout on a path never requested") {
    TestGl gl;
    test::TempDir dir;
    const auto photo = write_png(dir, "p.png", 16, 16);
    Events events;
    ImageCache cache(events.logger(), events.options());
    cache.request(photo, 16, 16);

    const auto start = std::chrono::steady_clock::now();
    CHECK_FALSE(cache.wait({photo, dir.file("never-requested.png")}, 300ms));
    const auto waited = std::chrono::steady_clock::now() - start;
    CHECK(waited >= 290ms);
    CHECK(waited < kPatience);
    CHECK(cache.texture(photo).id != 0); // what did finish was uploaded meanwhile
    CHECK(cache.wait({}, 0ms));
}

TEST_CASE("image cache: request_all asks for every photo of a display list at its box size") {
    TestGl gl;
    test::TempDir dir;
    const auto a = write_png(dir, "a.png", 400, 400);
    const auto b = write_png(dir, "b.png", 400, 400);
    Events events;
    ImageCache cache(events.logger(), events.options());
    scene::DisplayList list;
    scene::TextItem name;
    name.text = "Ada";
    list.items.emplace_back(name);
    list.items.emplace_back(scene::ImageItem{a, {10, 10, 60, 60}, 30});
    list.items.emplace_back(scene::ImageItem{b, {0, 0, 30.5f, 20}, 0});

    const auto paths = cache.request_all(list);
    CHECK(paths == std::vector<std::string>{a, b});
    REQUIRE(cache.wait(paths, kPatience));
    CHECK(cache.texture(a).size == PixelSize{60, 60});
    CHECK(cache.texture(b).size == PixelSize{31, 31}); // a fractional box is rounded up
}

TEST_CASE("image cache: destroying the cache with work queued stops the worker promptly") {
    TestGl gl;
    test::TempDir dir;
    // One sizeable photo under 40 names: each decode takes a while, so most are still queued.
    const auto photo = write_png(dir, "p.png", 1024, 1024);
    std::vector<std::string> paths;
    for (int i = 0; i < 40; ++i) {
        paths.push_back(dir.file("p" + std::to_string(i) + ".png"));
        std::filesystem::create_symlink(photo, paths.back());
    }
    Events events;
    const auto start = std::chrono::steady_clock::now();
    {
        ImageCache cache(events.logger(), events.options());
        for (const auto& p : paths)
            cache.request(p, 64, 64);
    }
    CHECK(events.wakes < 40); // queued work was dropped, not finished first
    CHECK(std::chrono::steady_clock::now() - start < kPatience);
}

TEST_CASE("image cache: cover geometry") {
    using render::cover_size;
    CHECK(cover_size({400, 200}, {100, 100}) == PixelSize{200, 100});
    CHECK(cover_size({200, 400}, {100, 100}) == PixelSize{100, 200});
    CHECK(cover_size({4000, 3000}, {1920, 1080}) == PixelSize{1920, 1440});
    CHECK(cover_size({50, 40}, {200, 200}) == PixelSize{50, 40});     // never upscaled
    CHECK(cover_size({300, 100}, {200, 200}) == PixelSize{300, 100}); // covering needs all of it
    CHECK(cover_size({999, 333}, {10, 10}) == PixelSize{30, 10});
    CHECK(cover_size({0, 0}, {10, 10}) == PixelSize{0, 0});

    const auto wide = render::cover_uv({200, 100}, 50, 50);
    CHECK(wide.u0 == doctest::Approx(0.25f));
    CHECK(wide.u1 == doctest::Approx(0.75f));
    CHECK(wide.v0 == 0);
    CHECK(wide.v1 == 1);
    const auto tall = render::cover_uv({100, 200}, 50, 50);
    CHECK(tall.u0 == 0);
    CHECK(tall.v0 == doctest::Approx(0.25f));
    CHECK(tall.v1 == doctest::Approx(0.75f));
    const auto same = render::cover_uv({300, 150}, 60, 30);
    CHECK(same.u0 == doctest::Approx(0));
    CHECK(same.u1 == doctest::Approx(1));
    CHECK(same.v0 == doctest::Approx(0));
}
