#include "store_identity.hpp"

#include "sqlite.hpp"
#include "store_schema.hpp"

#include <array>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string_view>

namespace podium::sync {
namespace {

constexpr std::string_view kMagic{"SQLite format 3\0", 16};
constexpr std::size_t kAppIdOffset = 68; // big-endian, in the 100-byte header
// How far a damaged file is searched for Podium's schema: its records sit on the first pages a
// store ever wrote; the limit only keeps a huge unrelated file from being read to its end.
constexpr std::size_t kScanBytes = 256u << 20;

// The tables every Podium store has had since schema 1.
constexpr const char* kCoreTables[] = {"organisation", "champions", "monthly",  "successes",
                                       "investment",   "feed_meta", "settings", "logs"};

std::string hex(std::uint32_t v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "0x%08X", v);
    return buf;
}

std::int64_t single_int(sqlite3* db, const char* sql) {
    Statement st(db, sql);
    return st.step() ? st.get_int(0) : 0;
}

std::uint32_t header_app_id(const std::string& head) {
    std::uint32_t id = 0;
    for (std::size_t i = 0; i < 4; ++i)
        id = id << 8 | static_cast<unsigned char>(head[kAppIdOffset + i]);
    return id;
}

// The sqlite_master record of Podium's feed_meta table as SQLite stores it: the values "table",
// "feed_meta", "feed_meta", the root page (0 to 9 bytes) and the CREATE statement of migration 1,
// one after another. No text file holds that by chance; a copy of Podium's source does not either.
bool holds_podium_schema(const std::string& bytes) {
    constexpr std::string_view names = "tablefeed_metafeed_meta";
    const std::string_view sql = kMigrations[0];
    const auto at = sql.find("CREATE TABLE feed_meta (");
    const std::string_view create =
        sql.substr(at, sql.find(',', at) - at); // up to the first column's end
    for (auto hit = bytes.find(names); hit != std::string::npos; hit = bytes.find(names, hit + 1)) {
        const auto after = hit + names.size();
        for (std::size_t gap = 0; gap <= 9 && after + gap < bytes.size(); ++gap)
            if (std::string_view(bytes).substr(after + gap, create.size()) == create) return true;
    }
    return false;
}

} // namespace

std::string foreign_database(sqlite3* db) {
    const auto app_id = static_cast<std::uint32_t>(single_int(db, "PRAGMA application_id"));
    if (app_id == kApplicationId) return {};
    if (app_id != 0)
        return "a SQLite database of another program (application id " + hex(app_id) + ")";
    // A store from a newer Podium always has the id; a version above ours without it is refused
    // as newer by the migration step, which changes nothing either.
    if (single_int(db, "PRAGMA user_version") > static_cast<std::int64_t>(kMigrations.size()))
        return {};
    if (single_int(db, "SELECT count(*) FROM sqlite_master") == 0) return {}; // nothing to lose
    std::string list;
    for (const char* t : kCoreTables)
        list += std::string(list.empty() ? "'" : ",'") + t + "'";
    const auto found = single_int(
        db, ("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN (" + list + ")")
                .c_str());
    if (found == static_cast<std::int64_t>(std::size(kCoreTables)))
        return {}; // an older Podium's store
    return "a SQLite database of another program (it has tables, but not Podium's)";
}

bool was_podium_store(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::string head(100, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    if (head.size() == 100 && head.starts_with(kMagic) && header_app_id(head) == kApplicationId)
        return true;
    // Read on in chunks that overlap by more than a record's start, so none is cut in two.
    constexpr std::size_t kChunk = 1u << 20, kOverlap = 4096;
    std::string window = head;
    std::size_t read_total = head.size();
    std::string chunk(kChunk, '\0');
    while (read_total < kScanBytes) {
        in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        const auto n = static_cast<std::size_t>(in.gcount());
        if (n == 0) break;
        window.append(chunk, 0, n);
        read_total += n;
        if (holds_podium_schema(window)) return true;
        window.erase(0, window.size() > kOverlap ? window.size() - kOverlap : 0);
    }
    return holds_podium_schema(window);
}

std::string foreign_by_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {};
    std::string head(100, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    if (head.empty()) return {};
    if (head.size() == 100 && head.starts_with(kMagic)) {
        const std::uint32_t id = header_app_id(head);
        return id == 0 || id == kApplicationId
                   ? ""
                   : "a SQLite database of another program (application id " + hex(id) + ")";
    }
    return was_podium_store(path) ? "" : "not a SQLite database";
}

std::string not_a_store(const std::string& path, const std::string& what) {
    return "the file " + path + " is not a Podium store (" + what +
           "); it was left as it is: give --db the path of a Podium store, or of a file that does "
           "not exist yet";
}

} // namespace podium::sync
