// assets/demo/demo-feed.json is the generator's output, byte for byte, so what people read in the
// repository is what an empty kiosk loads. PODIUM_UPDATE_GOLDEN=1 rewrites it after a deliberate
// change to the generator.
#include "../support/fixtures.hpp"

#include "sync/demo_feed.hpp"
#include "sync/feed_json.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>

TEST_CASE("the bundled demo feed file is the generator's output and a valid feed") {
    const std::string path = podium::test::source_path("assets/demo/demo-feed.json");
    const std::string generated = podium::sync::feed_to_json(podium::sync::generate_demo_feed());
    if (std::getenv("PODIUM_UPDATE_GOLDEN")) std::ofstream(path, std::ios::binary) << generated;
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    const std::string on_disk((std::istreambuf_iterator<char>(in)), {});
    CHECK(on_disk == generated);
    const auto parsed = podium::sync::parse_feed_json(on_disk);
    REQUIRE_MESSAGE(parsed.ok(), (parsed.ok() ? "" : parsed.error().message));
    CHECK(parsed.value() == podium::sync::generate_demo_feed());
}
