// A zip archive in memory (the container of an .xlsx workbook), read through libzip with limits
// of our own: the number of entries, and the bytes each member and all members together may
// unpack to, counted as they are unpacked (a member's declared size can lie, which is how a zip
// bomb works).
#pragma once

#include "sync/model/result.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace podium::sync {

struct ZipLimits {
    std::size_t max_entries = 10'000;
    std::uint64_t max_member_bytes = 256ULL << 20;
    std::uint64_t max_total_bytes = 512ULL << 20;
};

class ZipArchive {
  public:
    // The bytes must outlive the archive. An error says what the bytes are instead when they are
    // recognisably something else (an encrypted or old .xls workbook, not a zip at all).
    static Result<ZipArchive> open(std::string_view bytes, const ZipLimits& limits);
    ~ZipArchive();
    ZipArchive(ZipArchive&&) noexcept;
    ZipArchive& operator=(ZipArchive&&) noexcept;

    bool has(std::string_view name) const;
    // Unpacks a member chunk by chunk into sink; sink returns false to stop (its own error).
    // Fails when the member is missing, damaged, encrypted, or unpacks beyond the limits.
    using Sink = std::function<bool(std::string_view chunk)>;
    Status read(std::string_view name, const Sink& sink);

  private:
    struct Impl;
    explicit ZipArchive(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

} // namespace podium::sync
