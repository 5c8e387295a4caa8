// The fuzz targets: each parser's public entry point on arbitrary bytes, plus the properties
// that must hold whatever the input. Shared by the libFuzzer programs (tests/fuzz/fuzz_*.cpp,
// built with -DPODIUM_FUZZ=ON) and the replay test in the normal suite (replay_test.cpp), so an
// input that once broke a fuzzer is checked the same way on every test run.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace podium::fuzz {

// Each returns "" when the input was accepted or refused as it should be, else the property it
// broke ("round trip changed the feed", ...). A crash, a hang or a sanitizer report is the other
// way to fail.
using Target = std::string (*)(const std::uint8_t* data, std::size_t size);

// parse_feed_json (validate_feed included); an accepted feed must survive feed_to_json and back.
std::string feed_json(const std::uint8_t* data, std::size_t size);
// parse_feed_csv (validate_feed included); an accepted feed must survive feed_to_csv and back.
std::string feed_csv(const std::uint8_t* data, std::size_t size);
// check_config: the managed kiosk config (TOML).
std::string kiosk_config(const std::uint8_t* data, std::size_t size);
// decode_photo_bytes: a photo's file content, JPEG or PNG.
std::string photo(const std::uint8_t* data, std::size_t size);

// read_workbook: an Excel workbook (zip and XML), with small limits so that a bomb is cut early;
// what it reads must be in order and every message one line of text.
std::string xlsx(const std::uint8_t* data, std::size_t size);

struct NamedTarget {
    std::string_view name; // the folder under tests/fuzz/corpus/ and tests/fuzz/regressions/
    Target run;
};
inline constexpr NamedTarget kTargets[] = {
    {"feed_json", feed_json},
    {"feed_csv", feed_csv},
    {"kiosk_config", kiosk_config},
    {"photo", photo},
    {"xlsx", xlsx},
};

} // namespace podium::fuzz
