// Every seed (tests/fuzz/corpus/<target>/) and every input a fuzzer ever broke a parser with
// (tests/fuzz/regressions/<target>/) through the same targets as the fuzzers, in the normal
// build: each must be accepted or refused with a message, never crash, hang or break a property.
#include "targets.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> inputs_in(const fs::path& dir) {
    std::vector<fs::path> files;
    if (!fs::is_directory(dir)) return files;
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.is_regular_file() && !entry.path().filename().string().starts_with('.'))
            files.push_back(entry.path()); // .gitkeep holds an empty folder in git
    std::sort(files.begin(), files.end());
    return files;
}

std::vector<std::uint8_t> bytes_of(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void replay(std::string_view name) {
    const auto* target =
        std::find_if(std::begin(podium::fuzz::kTargets), std::end(podium::fuzz::kTargets),
                     [&](const auto& t) { return t.name == name; });
    REQUIRE(target != std::end(podium::fuzz::kTargets));
    const fs::path root = fs::path(PODIUM_SOURCE_DIR) / "tests" / "fuzz";
    const auto seeds = inputs_in(root / "corpus" / name);
    CHECK_MESSAGE(!seeds.empty(), "no seed inputs in tests/fuzz/corpus/" << name);
    auto files = seeds;
    const auto found = inputs_in(root / "regressions" / name);
    files.insert(files.end(), found.begin(), found.end());
    for (const fs::path& file : files) {
        const auto data = bytes_of(file);
        INFO(file.string());
        CHECK(target->run(data.data(), data.size()) == "");
    }
}

} // namespace

TEST_CASE("fuzz replay: JSON feed seeds and regressions") {
    replay("feed_json");
}

TEST_CASE("fuzz replay: CSV feed seeds and regressions") {
    replay("feed_csv");
}

TEST_CASE("fuzz replay: kiosk config seeds and regressions") {
    replay("kiosk_config");
}

TEST_CASE("fuzz replay: photo seeds and regressions") {
    replay("photo");
}

TEST_CASE("fuzz replay: workbook seeds and regressions") {
    replay("xlsx");
}
