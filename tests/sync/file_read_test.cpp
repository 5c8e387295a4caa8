// The one way Podium reads a file an admin named (sync/file_read.hpp): anything but a regular
// file is refused by name before it is read, and no file is read past its limit.
#include "../support/temp_dir.hpp"

#include "sync/file_read.hpp"

#include <doctest/doctest.h>

#include <string>

#include <sys/stat.h>

using namespace podium;
using podium::test::TempDir;

namespace {

std::string error_of(const Result<std::string>& r) {
    REQUIRE_FALSE(r.ok());
    return r.error().message;
}

} // namespace

TEST_CASE(
    "file read: a directory, a device, a FIFO and a file over the limit are refused by name") {
    TempDir dir;
    const std::string fifo = dir.file("pipe");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const std::string big = dir.write("big.txt", std::string(70 << 10, 'x'));

    CHECK(error_of(sync::read_regular_file(dir.path().string(), 1 << 20)) ==
          dir.path().string() + ": is a directory, not a file");
    CHECK(error_of(sync::read_regular_file("/dev/zero", 1 << 20)) ==
          "/dev/zero: is a character device, not a file");
    // Never opened for reading: a FIFO with no writer would block the reader for ever.
    CHECK(error_of(sync::read_regular_file(fifo, 1 << 20)) ==
          fifo + ": is a named pipe (FIFO), not a file");
    CHECK(error_of(sync::read_regular_file(big, 64 << 10)) ==
          big + ": larger than 64 KiB, the limit for it");
    CHECK(error_of(sync::read_regular_file(dir.file("nowhere"), 10))
              .starts_with(dir.file("nowhere") + ": cannot read it"));
    CHECK_FALSE(sync::check_regular_file("/dev/zero", 1 << 20).ok());
    CHECK(sync::check_regular_file(big, 70 << 10).ok());
    CHECK(sync::read_regular_file(big, 70 << 10).value() == std::string(70 << 10, 'x'));
}

TEST_CASE(
    "file read: a token file holds one line; a trailing line break is fine, a second line is not") {
    TempDir dir;
    CHECK(sync::read_token_file(dir.write("a", "s3cret\n")).value() == "s3cret");
    CHECK(sync::read_token_file(dir.write("b", "  s3cret\r\n")).value() == "s3cret");
    CHECK(sync::read_token_file(dir.write("c", "s3cret")).value() == "s3cret");
    CHECK(sync::read_token_file(dir.write("d", "")).value().empty());
    const std::string two = dir.write("two", "s3cret\nother\n");
    CHECK(error_of(sync::read_token_file(two)) ==
          "token file " + two + ": holds 2 lines; it must hold the token alone, on one line");
    CHECK(error_of(sync::read_token_file(dir.path().string())) ==
          "token file " + dir.path().string() + ": is a directory, not a file");
    CHECK(sync::check_ca_file("/dev/zero").error().message ==
          "CA file /dev/zero: is a character device, not a file");
}
