// The CPU crossfade's arithmetic: exact at both ends, rounded in between, the same in the vector
// body and the byte-at-a-time tail.
#include "display/render/cpu_crossfade.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <vector>

using namespace podium::render;

TEST_CASE("mix_bytes gives the first at 0, the second at 256, the rounded mix between") {
    // 69 bytes: two 32-byte vector steps (each byte of a 16-bit lane mixed apart) and a 5-byte
    // tail, every value 0..255 met on the way.
    for (const unsigned k : {0u, 1u, 64u, 128u, 200u, 255u, 256u}) {
        CAPTURE(k);
        for (int start = 0; start < 256; start += 37) {
            std::vector<std::uint8_t> a(69), b(69), out(69);
            for (int i = 0; i < 69; ++i) {
                a[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>((start + i * 7) % 256);
                b[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(255 - (start + i * 13) % 256);
            }
            mix_bytes(a.data(), b.data(), out.data(), out.size(), k);
            for (std::size_t i = 0; i < out.size(); ++i) {
                CAPTURE(i);
                const unsigned want = (a[i] * (256 - k) + b[i] * k + 128) / 256;
                CHECK(out[i] == want);
                if (k == 0) CHECK(out[i] == a[i]);
                if (k == 256) CHECK(out[i] == b[i]);
            }
        }
    }
}

TEST_CASE("mix_bytes may write over its first input") {
    std::vector<std::uint8_t> a(72, 200), b(72, 0);
    mix_bytes(a.data(), b.data(), a.data(), a.size(), 64); // a quarter of the way to b
    for (const auto v : a) CHECK(v == 150);
}

TEST_CASE("mix_weight maps a transition's progress to 0..256, clamped") {
    CHECK(mix_weight(0.0f) == 0);
    CHECK(mix_weight(0.5f) == 128);
    CHECK(mix_weight(1.0f) == 256);
    CHECK(mix_weight(-0.2f) == 0);
    CHECK(mix_weight(1.7f) == 256);
}

TEST_CASE("software renderers are told apart from GPUs by GL's renderer string") {
    CHECK(is_software_renderer("llvmpipe (LLVM 15.0.6, 256 bits)"));
    CHECK(is_software_renderer("softpipe"));
    CHECK(is_software_renderer("Mesa DRI swrast"));
    CHECK_FALSE(is_software_renderer("Mesa Intel(R) UHD Graphics 620 (KBL GT2)"));
    CHECK_FALSE(is_software_renderer("V3D 4.2"));
    CHECK_FALSE(is_software_renderer(nullptr));
}
