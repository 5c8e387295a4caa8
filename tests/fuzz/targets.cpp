// The fuzz targets (see targets.hpp). Properties are checked with plain comparisons, not doctest
// macros, so the same code runs inside libFuzzer and inside the test suite.
#include "targets.hpp"

#include "display/app/kiosk_config.hpp"
#include "display/render/image_decode.hpp"
#include "sync/feed_csv.hpp"
#include "sync/feed_json.hpp"
#include "sync/feed_validate.hpp"
#include "sync/xlsx_workbook.hpp"

#include <algorithm>
#include <span>

namespace podium::fuzz {
namespace {

std::string_view text_of(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// Messages go to the log, the overlay and the CLI: one line of well-formed UTF-8, whatever bytes
// the input held (the readers quote what they show with quote_for_message).
std::string check_message(std::string_view what, const std::string& message) {
    std::string why;
    if (message.empty()) return std::string(what) + ": empty error message";
    if (!sync::is_valid_utf8_text(message, &why))
        return std::string(what) + ": error message is not one line of text (" + why +
               "): " + sync::quote_for_message(message);
    return "";
}

sync::CsvDefaults csv_defaults() {
    sync::CsvDefaults d;
    d.organisation.name = "Fuzz Advisory";
    d.organisation.headcount = 100;
    d.generated_at = "2026-11-01T08:00:00+01:00";
    return d;
}

} // namespace

std::string feed_json(const std::uint8_t* data, std::size_t size) {
    auto feed = sync::parse_feed_json(text_of(data, size));
    if (!feed) return check_message("parse_feed_json", feed.error().message);
    // feed_json.hpp: for every feed that validate_feed accepts, parse(feed_to_json(f)) == f.
    const std::string written = sync::feed_to_json(feed.value());
    auto again = sync::parse_feed_json(written);
    if (!again)
        return "feed_to_json wrote a feed that does not read back: " + again.error().message;
    if (!(again.value() == feed.value())) return "feed_to_json and back changed the feed";
    return "";
}

std::string feed_csv(const std::uint8_t* data, std::size_t size) {
    const sync::CsvDefaults defaults = csv_defaults();
    auto feed = sync::parse_feed_csv(text_of(data, size), defaults);
    if (!feed) return check_message("parse_feed_csv", feed.error().message);
    // feed_csv.hpp: a valid feed whose champions each have a month, listed in the order of their
    // first row (as every feed read from CSV is), reads back the same from feed_to_csv.
    const std::string written = sync::feed_to_csv(feed.value());
    auto again = sync::parse_feed_csv(written, defaults);
    if (!again) return "feed_to_csv wrote a file that does not read back: " + again.error().message;
    if (!(again.value() == feed.value())) return "feed_to_csv and back changed the feed";
    return "";
}

std::string kiosk_config(const std::uint8_t* data, std::size_t size) {
    const app::ConfigCheck check = app::check_config(text_of(data, size), "fuzz.toml");
    for (const std::string& error : check.errors) {
        if (!error.starts_with("fuzz.toml:"))
            return "check_config: error without its place: " + error;
        if (auto bad = check_message("check_config", error); !bad.empty()) return bad;
    }
    return "";
}

std::string photo(const std::uint8_t* data, std::size_t size) {
    // Not square, so both the full-size path (small photos) and the downscale path run, and
    // cover_size's rounding is checked on both sides.
    constexpr render::PixelSize kBox{160, 90};
    // 512 x 512 at most (rather than 24 Mpx): a big photo takes no other path, only more time.
    constexpr std::uint64_t kMaxPixels = 1 << 18;
    auto decoded = render::decode_photo_bytes(std::span(data, size), kBox, kMaxPixels);
    if (!decoded) return check_message("decode_photo_bytes", decoded.error().message);
    const render::DecodedPhoto& p = decoded.value();
    const auto [w, h] = p.size;
    if (w <= 0 || h <= 0 || w > p.source.width || h > p.source.height)
        return "decode_photo_bytes: size out of range";
    if (static_cast<std::uint64_t>(p.source.width) * static_cast<std::uint64_t>(p.source.height) >
        kMaxPixels)
        return "decode_photo_bytes: decoded more pixels than its limit";
    if (w < std::min(kBox.width, p.source.width) || h < std::min(kBox.height, p.source.height))
        return "decode_photo_bytes: does not cover the box";
    if (p.rgba.size() != static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4)
        return "decode_photo_bytes: pixel buffer of the wrong size";
    return "";
}

std::string xlsx(const std::uint8_t* data, std::size_t size) {
    sync::xlsx::Limits limits;
    limits.zip.max_member_bytes = 4u << 20;
    limits.zip.max_total_bytes = 16u << 20;
    limits.max_cells = 100'000;
    auto book = sync::xlsx::read_workbook(text_of(data, size), {}, limits);
    if (!book) return check_message("read_workbook", book.error().message);
    for (const auto& sheet : book.value().sheets) {
        if (auto bad = check_message("sheet name", sheet.name.empty() ? "-" : sheet.name); !bad.empty())
            return bad;
        std::uint32_t last_row = 0;
        for (const auto& row : sheet.rows) {
            if (row.number <= last_row || row.cells.empty()) return "rows out of order or empty";
            last_row = row.number;
            std::uint32_t last_column = 0;
            for (const auto& cell : row.cells) {
                if (cell.column <= last_column) return "cells out of order";
                last_column = cell.column;
            }
        }
    }
    return "";
}

} // namespace podium::fuzz
