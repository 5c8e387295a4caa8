#include "zip_archive.hpp"

#include "sync/model/c_handle.hpp"

#include <zip.h>

#include <array>

namespace podium::sync {
namespace {

using ZipHandle = CHandle<zip_t, zip_discard>;
using ZipFileHandle = CHandle<zip_file_t, zip_fclose>;

std::string mib(std::uint64_t bytes) {
    return std::to_string(bytes >> 20) + " MiB";
}

// What the bytes are when they are not a zip: the messages a spreadsheet user can act on.
std::string not_a_zip(std::string_view bytes) {
    if (bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
        return "is a password-protected workbook or an old .xls file, not an .xlsx workbook: save "
               "it as .xlsx (Excel Workbook) without a password";
    if (bytes.empty()) return "is empty, not an .xlsx workbook";
    return "is not an .xlsx workbook (not a zip archive)";
}

} // namespace

struct ZipArchive::Impl {
    ZipHandle zip;
    ZipLimits limits;
    std::uint64_t total = 0; // bytes unpacked so far, all members
};

ZipArchive::ZipArchive(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ZipArchive::~ZipArchive() = default;
ZipArchive::ZipArchive(ZipArchive&&) noexcept = default;
ZipArchive& ZipArchive::operator=(ZipArchive&&) noexcept = default;

Result<ZipArchive> ZipArchive::open(std::string_view bytes, const ZipLimits& limits) {
    if (!bytes.starts_with("PK\x03\x04") && !bytes.starts_with("PK\x05\x06"))
        return Error{not_a_zip(bytes)};
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!source) {
        std::string message = std::string("cannot be read: ") + zip_error_strerror(&error);
        zip_error_fini(&error);
        return Error{message};
    }
    ZipHandle zip(zip_open_from_source(source, ZIP_RDONLY, &error));
    if (!zip) {
        zip_source_free(source);
        std::string message =
            std::string("is a damaged zip archive (") + zip_error_strerror(&error) + ")";
        zip_error_fini(&error);
        return Error{message};
    }
    zip_error_fini(&error);
    const zip_int64_t entries = zip_get_num_entries(zip.get(), 0);
    if (entries < 0 || static_cast<std::uint64_t>(entries) > limits.max_entries)
        return Error{"has " + std::to_string(entries) + " entries, more than the " +
                     std::to_string(limits.max_entries) + " a workbook may have"};
    auto impl = std::make_unique<Impl>();
    impl->zip = std::move(zip);
    impl->limits = limits;
    return ZipArchive(std::move(impl));
}

bool ZipArchive::has(std::string_view name) const {
    return zip_name_locate(impl_->zip.get(), std::string(name).c_str(), 0) >= 0;
}

Status ZipArchive::read(std::string_view name, const Sink& sink) {
    const std::string member(name);
    const zip_int64_t index = zip_name_locate(impl_->zip.get(), member.c_str(), 0);
    if (index < 0) return Error{member + " is missing"};
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(impl_->zip.get(), static_cast<zip_uint64_t>(index), 0, &stat) == 0 &&
        (stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE)
        return Error{member + " is encrypted: save the workbook without a password"};
    ZipFileHandle file(zip_fopen_index(impl_->zip.get(), static_cast<zip_uint64_t>(index), 0));
    if (!file)
        return Error{member + " cannot be unpacked (" + zip_strerror(impl_->zip.get()) + ")"};
    std::array<char, 64 * 1024> buffer;
    std::uint64_t unpacked = 0;
    for (;;) {
        const zip_int64_t n = zip_fread(file.get(), buffer.data(), buffer.size());
        if (n < 0)
            return Error{member + " is damaged (" + zip_error_strerror(zip_file_get_error(file.get())) +
                         ")"};
        if (n == 0) break;
        const auto got = static_cast<std::uint64_t>(n);
        unpacked += got;
        impl_->total += got;
        if (unpacked > impl_->limits.max_member_bytes)
            return Error{member + " unpacks to more than " + mib(impl_->limits.max_member_bytes)};
        if (impl_->total > impl_->limits.max_total_bytes)
            return Error{"unpacks to more than " + mib(impl_->limits.max_total_bytes) + " in all"};
        if (!sink(std::string_view(buffer.data(), static_cast<std::size_t>(n))))
            return Error{""}; // the sink's own error, which the caller holds
    }
    return Ok{};
}

} // namespace podium::sync
