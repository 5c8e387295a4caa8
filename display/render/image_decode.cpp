#include "image_decode.hpp"

#include "sync/model/c_handle.hpp"

#include <stb_image.h>
#include <stb_image_resize.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstring>

namespace podium::render {
namespace {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;
using StbPixels = CHandle<unsigned char, stbi_image_free>;

// Closes the descriptor however the read ends.
struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

// A regular file only, checked on the open descriptor (a path swapped for a FIFO between a check
// and the open cannot block the worker: O_NONBLOCK), and never more than the limit.
Result<Bytes> read_file(const std::string& path) {
    Fd f{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK)};
    struct stat st {};
    if (f.fd < 0 || ::fstat(f.fd, &st) != 0) return Error{"cannot be read"};
    if (S_ISDIR(st.st_mode)) return Error{"cannot be read (a directory, not a file)"};
    if (!S_ISREG(st.st_mode))
        return Error{"cannot be read (not a regular file: a FIFO, device or socket)"};
    // Measured before reading: an oversize file is refused without holding it in memory.
    if (static_cast<std::uintmax_t>(st.st_size) > kMaxFileBytes)
        return Error{"is larger than 8 MiB"};
    Bytes data(static_cast<std::size_t>(st.st_size));
    std::size_t got = 0;
    while (got < data.size()) {
        const ssize_t n = ::read(f.fd, data.data() + got, data.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return Error{"cannot be read"}; // an error, or cut short while we read
        got += static_cast<std::size_t>(n);
    }
    return data;
}

std::uint32_t big_endian(ByteView d, std::size_t at, std::size_t count) {
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < count; ++i)
        v = (v << 8) | d[at + i];
    return v;
}

bool is_png(ByteView d) {
    static constexpr std::array<std::uint8_t, 8> kSignature{0x89, 'P',  'N',  'G',
                                                            0x0D, 0x0A, 0x1A, 0x0A};
    return d.size() >= kSignature.size() &&
           std::equal(kSignature.begin(), kSignature.end(), d.begin());
}

bool is_jpeg(ByteView d) {
    return d.size() >= 3 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF;
}

// PNG requires IHDR as the first chunk: signature, length, "IHDR", width, height.
PixelSize png_header_size(ByteView d) {
    if (d.size() < 24 || std::memcmp(d.data() + 12, "IHDR", 4) != 0) return {};
    return {static_cast<int>(std::min(big_endian(d, 16, 4), 0x7FFFFFFFu)),
            static_cast<int>(std::min(big_endian(d, 20, 4), 0x7FFFFFFFu))};
}

// Walks the JPEG markers up to the first start-of-frame, which holds the dimensions.
PixelSize jpeg_header_size(ByteView d) {
    std::size_t at = 2;
    while (at + 4 <= d.size()) {
        if (d[at] != 0xFF) return {};
        const std::uint8_t marker = d[at + 1];
        if (marker == 0xFF) { // fill byte before a marker
            ++at;
            continue;
        }
        const bool standalone = marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7);
        if (standalone) {
            at += 2;
            continue;
        }
        // SOF0..SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
        const bool sof =
            marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (sof) {
            if (at + 9 > d.size()) return {};
            return {static_cast<int>(big_endian(d, at + 7, 2)),
                    static_cast<int>(big_endian(d, at + 5, 2))};
        }
        if (marker == 0xDA || marker == 0xD9) return {}; // scan data or end before any frame
        at += 2 + big_endian(d, at + 2, 2);
    }
    return {};
}

// stb_image 2.27 (Debian 12's libstb) trusts the 16 code counts of a Huffman table (DHT): more
// than 256 codes in all write past its tables, and a hostile photo could use that (stb_image
// 2.28 refuses them). So every DHT the decoder can reach is checked first, walking the segments
// as stb reads them: by their lengths, and past each scan's entropy-coded data to the next marker
// that is not a restart. stb stops at the first byte that is not a marker, and so does this.
bool jpeg_huffman_tables_fit(ByteView d) {
    const auto byte = [d](std::size_t i) -> std::size_t { return i < d.size() ? d[i] : 0; };
    const auto is_restart = [](std::size_t m) { return m >= 0xD0 && m <= 0xD7; };
    const auto ends_scan = [&](std::size_t i) {
        return d[i] == 0xFF && d[i + 1] != 0 && d[i + 1] != 0xFF && !is_restart(d[i + 1]);
    };
    std::size_t at = 2;
    while (at + 1 < d.size() && d[at] == 0xFF) {
        const std::size_t marker = d[at + 1];
        if (marker == 0xFF) { // fill byte before a marker
            ++at;
            continue;
        }
        if (marker == 0xD9) return true; // end of image
        if (marker == 0x01 || is_restart(marker)) {
            at += 2;
            continue;
        }
        const std::size_t length = byte(at + 2) << 8 | byte(at + 3);
        if (marker == 0xC4) {
            // As stb reads a DHT: tables until the length is used up (stb reads 0 past the end).
            std::size_t table = at + 4;
            for (std::size_t read = 2; read < length;) {
                std::size_t codes = 0;
                for (std::size_t i = 1; i <= 16; ++i)
                    codes += byte(table + i);
                if (codes > 256) return false;
                table += 17 + codes;
                read += 17 + codes;
            }
        }
        at += 2 + length;
        if (marker == 0xDA) // a scan: its data ends at a marker other than FF00, FFFF or a restart
            while (at + 1 < d.size() && !ends_scan(at))
                ++at;
    }
    return true;
}

// stb_image 2.27 copies a PNG's image data (IDAT) chunk by chunk into a buffer it allocates at
// the first non-empty one: an empty first IDAT is a copy of 0 bytes to a null pointer, undefined
// behaviour (the photo fuzzer's UndefinedBehaviorSanitizer found it). No encoder writes one, so
// such a file is refused. Walks the chunks by their lengths to the first IDAT.
bool png_first_image_data_empty(ByteView d) {
    std::size_t at = 8; // past the signature
    while (at + 8 <= d.size()) {
        const std::size_t length = big_endian(d, at, 4);
        if (std::memcmp(d.data() + at + 4, "IDAT", 4) == 0) return length == 0;
        at += 12 + length; // length, type, data, CRC
    }
    return false;
}

// stb's reason as a log line can carry it: its "XXXX PNG chunk not known" holds the chunk type's
// four bytes as they are in the file, so anything but printable ASCII is written as \xNN.
std::string failure_reason() {
    const char* reason = stbi_failure_reason();
    std::string text;
    for (const char* c = reason ? reason : "unknown error"; *c; ++c) {
        const auto byte = static_cast<unsigned char>(*c);
        if (byte >= 0x20 && byte < 0x7F && byte != '\\') {
            text += *c;
        } else {
            static constexpr char kHex[] = "0123456789ABCDEF";
            text += {'\\', 'x', kHex[byte >> 4], kHex[byte & 0xF]};
        }
    }
    return text;
}

Result<DecodedPhoto> decode_checked(ByteView data, PixelSize header, PixelSize box) {
    const auto len = static_cast<int>(data.size()); // at most 8 MiB
    int w = 0, h = 0, channels = 0;
    const StbPixels pixels(stbi_load_from_memory(data.data(), len, &w, &h, &channels, 4));
    if (!pixels) return Error{"could not be decoded (" + failure_reason() + ")"};
    // The pixel limit was checked on our reading of the header; stb must have seen the same.
    if (PixelSize{w, h} != header) return Error{"could not be decoded (inconsistent header)"};
    DecodedPhoto photo{cover_size(header, box), header, {}};
    const auto row = static_cast<std::size_t>(photo.size.width) * 4;
    photo.rgba.resize(row * static_cast<std::size_t>(photo.size.height));
    if (photo.full_size()) {
        std::memcpy(photo.rgba.data(), pixels.get(), photo.rgba.size());
        return photo;
    }
    // sRGB-aware filtering, so a downscaled photo keeps its brightness; alpha is channel 3.
    if (!stbir_resize_uint8_srgb(pixels.get(), w, h, 0, photo.rgba.data(), photo.size.width,
                                 photo.size.height, 0, 4, 3, 0))
        return Error{"could not be decoded (resize failed)"};
    return photo;
}

} // namespace

PixelSize cover_size(PixelSize source, PixelSize box) {
    if (source.width <= 0 || source.height <= 0) return {};
    const double scale = std::max(static_cast<double>(std::max(box.width, 1)) / source.width,
                                  static_cast<double>(std::max(box.height, 1)) / source.height);
    if (scale >= 1) return source;
    const auto scaled = [scale](int side) {
        return std::max(1, static_cast<int>(std::lround(side * scale)));
    };
    // Rounding must not leave the covering side a pixel short of the box.
    return {
        std::min(source.width, std::max(scaled(source.width), std::min(box.width, source.width))),
        std::min(source.height,
                 std::max(scaled(source.height), std::min(box.height, source.height)))};
}

UvRect cover_uv(PixelSize texture, float box_w, float box_h) {
    if (texture.width <= 0 || texture.height <= 0 || box_w <= 0 || box_h <= 0) return {};
    const float tex_aspect = static_cast<float>(texture.width) / static_cast<float>(texture.height);
    const float box_aspect = box_w / box_h;
    UvRect uv;
    if (tex_aspect > box_aspect) { // wider than the box: crop left and right
        const float margin = (1 - box_aspect / tex_aspect) / 2;
        uv.u0 = margin;
        uv.u1 = 1 - margin;
    } else { // taller than the box: crop top and bottom
        const float margin = (1 - tex_aspect / box_aspect) / 2;
        uv.v0 = margin;
        uv.v1 = 1 - margin;
    }
    return uv;
}

Result<DecodedPhoto> decode_photo(const std::string& path, PixelSize box) {
    auto data = read_file(path);
    if (!data) return data.error();
    return decode_photo_bytes(data.value(), box);
}

Result<DecodedPhoto> decode_photo_bytes(ByteView bytes, PixelSize box, std::uint64_t max_pixels) {
    if (bytes.size() > kMaxFileBytes) return Error{"is larger than 8 MiB"};
    PixelSize header;
    if (is_png(bytes))
        header = png_header_size(bytes);
    else if (is_jpeg(bytes))
        header = jpeg_header_size(bytes);
    else
        return Error{"is not a JPEG or PNG"};
    if (header.width <= 0 || header.height <= 0)
        return Error{"could not be decoded (no image header)"};
    // A decompression bomb: a small file whose header claims a huge image. Refused before decoding.
    const auto pixels =
        static_cast<std::uint64_t>(header.width) * static_cast<std::uint64_t>(header.height);
    if (pixels > max_pixels)
        return Error{"has too many pixels (" + std::to_string(header.width) + " x " +
                     std::to_string(header.height) + ")"};
    if (is_jpeg(bytes) && !jpeg_huffman_tables_fit(bytes))
        return Error{"could not be decoded (bad Huffman table)"};
    if (is_png(bytes) && png_first_image_data_empty(bytes))
        return Error{"could not be decoded (empty first image data chunk)"};
    return decode_checked(bytes, header, box);
}

} // namespace podium::render
