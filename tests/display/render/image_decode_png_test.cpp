// Photo decoding refuses what Debian's stb_image would mishandle before stb sees it: here, a PNG
// whose first image-data chunk is empty (found by the photo fuzzer, tests/fuzz/regressions/photo/).
#include "display/render/image_decode.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

using namespace podium;

TEST_CASE("a PNG whose first image data chunk is empty is refused, with why") {
    const auto path = std::filesystem::path(PODIUM_SOURCE_DIR) / "tests/fuzz/regressions/photo/png-empty-first-idat.png";
    std::ifstream in(path, std::ios::binary);
    const std::vector<std::uint8_t> bytes(std::istreambuf_iterator<char>(in), {});
    REQUIRE(bytes.size() > 40);
    const auto decoded = render::decode_photo_bytes(bytes, {160, 90});
    REQUIRE_FALSE(decoded.ok());
    CHECK(decoded.error().message == "could not be decoded (empty first image data chunk)");

    // The same file with that chunk's length set to one byte: no longer refused for it (stb says
    // what else is wrong).
    std::vector<std::uint8_t> one = bytes;
    one[36] = 1;
    const auto other = render::decode_photo_bytes(one, {160, 90});
    if (!other.ok()) CHECK(other.error().message != "could not be decoded (empty first image data chunk)");
}
