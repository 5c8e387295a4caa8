// A libFuzzer program for one target of targets.hpp, chosen at compile time
// (-DPODIUM_FUZZ_TARGET=feed_json): tests/fuzz/CMakeLists.txt builds it once per target.
// A broken property aborts, so libFuzzer keeps the input as a crash like any other.
#include "targets.hpp"

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string broken = podium::fuzz::PODIUM_FUZZ_TARGET(data, size);
    if (!broken.empty()) {
        std::fprintf(stderr, "podium fuzz: %s\n", broken.c_str());
        std::abort();
    }
    return 0;
}
