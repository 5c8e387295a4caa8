// The command-line contract: the values of --size and --at, as parse_size and parse_local_time
// read them.
#include "display/app/cli.hpp"

#include <doctest/doctest.h>

#include <string_view>
#include <utility>

using podium::app::parse_local_time;
using podium::app::parse_size;

TEST_CASE("cli: parse_size") {
    CHECK(parse_size("1920x1080") == std::pair{1920, 1080});
    CHECK(parse_size("320x240") == std::pair{320, 240});     // the smallest
    CHECK(parse_size("7680x4320") == std::pair{7680, 4320}); // the largest (8K)
    CHECK(parse_size("1080x1920") == std::pair{1080, 1920}); // portrait screens
    for (std::string_view bad : {"0x0",         "100x100",     "319x240",
                                 "320x239",     "7681x4320",   "1920x",
                                 "x1080",       "abc",         "",
                                 "x",           "1920x1080x3", "1920X1080",
                                 "1920 x 1080", " 1920x1080",  "1920x1080 ",
                                 "+1920x1080",  "1920x+1080",  "-1920x1080",
                                 "1920x-1080",  "1920.0x1080", "99999999999999999999x1080"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_size(bad).has_value());
    }
}

TEST_CASE("cli: parse_size keeps to 8K in either orientation") {
    // Up to 7680x4320 landscape or 4320x7680 portrait; never a square 8K frame (240 MB).
    CHECK(parse_size("7680x4320").has_value());
    CHECK(parse_size("4320x7680").has_value());
    CHECK(parse_size("1080x1920").has_value());
    CHECK_FALSE(parse_size("7681x4320").has_value());
    CHECK_FALSE(parse_size("4321x7680").has_value());
    CHECK_FALSE(parse_size("7680x7680").has_value());
    CHECK_FALSE(parse_size("5000x5000").has_value());
}

TEST_CASE("cli: parse_local_time") {
    SUBCASE("accepted forms") {
        const auto t = parse_local_time("2026-11-25T14:30");
        REQUIRE(t.has_value());
        CHECK(t->year == 2026);
        CHECK(t->month == 11);
        CHECK(t->day == 25);
        CHECK(t->hour == 14);
        CHECK(t->minute == 30);

        const auto date = parse_local_time("2026-11-25");
        REQUIRE(date.has_value());
        CHECK(date->day == 25);
        CHECK(date->hour == 0);
        CHECK(date->minute == 0);

        for (std::string_view s :
             {"2026-11-25T14:30:59", "2026-11-25T14:30:00+01:00", "2026-11-25T14:30:00Z",
              "2026-11-25T14:30Z", "2026-11-25T14:30-05:00", "2026-11-25 14:30"}) {
            CAPTURE(s);
            const auto u = parse_local_time(s);
            REQUIRE(u.has_value());
            // The wall-clock time as written: an offset does not shift it.
            CHECK(u->hour == 14);
            CHECK(u->minute == 30);
            CHECK(u->day == 25);
        }
        const auto midnight = parse_local_time("2026-01-01T00:00");
        REQUIRE(midnight.has_value());
        CHECK(midnight->hour == 0);
        const auto last = parse_local_time("2028-02-29T23:59"); // a leap day
        REQUIRE(last.has_value());
        CHECK(last->hour == 23);
        CHECK(last->minute == 59);
    }
    SUBCASE("rejected forms") {
        for (std::string_view s :
             {"2026-02-30", "2026-02-29", "2026-11-31", "2026-13-01", "2026-00-10",
              "2026-11-25T24:00", "2026-11-25T14:60", "2026-11-25T14", "2026-11-25T1430",
              "2026-11-25T14:3", "2026-11-25X14:30", "2026-11-25T14:30junk", "2026-11-25T",
              "26-11-25", "", "now", "2026/11/25"}) {
            CAPTURE(s);
            CHECK_FALSE(parse_local_time(s).has_value());
        }
    }
}

TEST_CASE("cli: parse_local_time rejects signed hours and minutes and malformed seconds") {
    // Hours and minutes are read with std::from_chars, which takes a minus sign: "-1" passes the
    // two-character check and the upper bound. After the minutes anything starting with ':', 'Z',
    // '+' or '-' is accepted unchecked.
    for (std::string_view s : {"2026-11-25T-1:00", "2026-11-25T10:-5", "2026-11-25T14:30:xx",
                               "2026-11-25T14:30Zjunk", "2026-11-25T14:30+garbage"}) {
        CAPTURE(s);
        CHECK_FALSE(parse_local_time(s).has_value());
    }
}
