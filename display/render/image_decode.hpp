// Photos from files to RGBA pixels at display size: the CPU half of the image cache, run on its
// worker thread. The cheap checks come first (file size, format, header dimensions), so a hostile
// or broken file is refused before it costs memory or time.
#pragma once

#include "sync/model/result.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace podium::render {

inline constexpr std::uintmax_t kMaxFileBytes = 8u << 20; // 8 MiB
inline constexpr std::uint64_t kMaxPixels = 24'000'000;   // 24 Mpx: 96 MiB once decoded

struct PixelSize {
    int width = 0, height = 0;
    bool operator==(const PixelSize&) const = default;
};

struct DecodedPhoto {
    PixelSize size;                 // after downscaling
    PixelSize source;               // as stored in the file
    std::vector<std::uint8_t> rgba; // size.width * size.height * 4 bytes, top row first
    bool full_size() const { return size == source; }
};

// The size a `source` image is scaled to so that it covers a `box` (aspect ratio kept, so a round
// or rounded crop is never stretched); never larger than the source, since upscaling adds bytes
// and no detail.
PixelSize cover_size(PixelSize source, PixelSize box);

// The part of a `texture` to draw into a `box_w` x `box_h` box so it is covered without
// stretching: the centred crop, as texture coordinates (0..1, v = 0 at the top row).
struct UvRect {
    float u0 = 0, v0 = 0, u1 = 1, v1 = 1;
};
UvRect cover_uv(PixelSize texture, float box_w, float box_h);

// Reads, checks and decodes the JPEG or PNG at `path`, downscaled to cover `box`. The error says
// why it was refused, to follow the path in a log line: "is larger than 8 MiB", "has too many
// pixels (30000 x 30000)", "is not a JPEG or PNG", "cannot be read", "could not be decoded (...)".
Result<DecodedPhoto> decode_photo(const std::string& path, PixelSize box);
// The same for a file's bytes already in memory (the fuzzer's entry point): every check after
// reading, the size limit included. The fuzzer lowers max_pixels: under its sanitizers a legal
// 24 Mpx photo takes a minute, and large photos take no other path through the decoder.
Result<DecodedPhoto> decode_photo_bytes(std::span<const std::uint8_t> bytes, PixelSize box,
                                        std::uint64_t max_pixels = kMaxPixels);

} // namespace podium::render
