#include "assets.hpp"
#include "bootstrap.hpp"
#include "kiosk_config.hpp"

#include "sync/demo_feed.hpp"
#include "sync/feed_json.hpp"
#include "sync/store_recovery.hpp"

#include <chrono>
#include <ctime>
#include <filesystem>
#include <iostream>

namespace podium::app {

std::string utc_now_rfc3339() {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

Result<sync::Store> open_store(const std::string& path) {
    if (path != ":memory:") {
        // Only the built-in place is Podium's to make; a folder missing from a path someone
        // gave (--db, $PODIUM_DB) is more likely a typo than a wish for new folders.
        std::error_code ec;
        const auto parent = std::filesystem::path(path).parent_path();
        if (!parent.empty() && path == builtin_db_path())
            std::filesystem::create_directories(parent, ec);
        if (ec) return Error{"cannot create the folder of the store " + path + ": " + ec.message()};
        if (!parent.empty() && !std::filesystem::is_directory(parent, ec))
            return Error{"the folder of the store " + path +
                         " does not exist: check the path, or create the folder first"};
    }
    // A corrupt file is moved aside and replaced by a fresh store (which then gets the demo or
    // the next sync): a screen that cannot start helps no one, and the old file is kept.
    auto opened = sync::open_or_rebuild_store(path, utc_now_rfc3339());
    if (!opened) return opened.error();
    if (!opened.value().notice.empty()) std::cerr << "podium: " << opened.value().notice << "\n";
    return std::move(opened.value().store);
}

Status ensure_data(sync::Store& store, const std::string& now_utc) {
    if (store.has_data()) return Ok{};
    // The demo feed goes through JSON like any other feed, so the demo shows what a real feed
    // would.
    auto feed = sync::parse_feed_json(sync::feed_to_json(sync::generate_demo_feed()));
    if (!feed) return Error{"the bundled demo feed is invalid: " + feed.error().message};
    if (auto st = store.apply_feed(feed.value(), {"demo", true, now_utc, "", ""}); !st) return st;
    store.log({now_utc, "info", "sync",
               "store was empty and no source is configured: loaded the demo feed"});
    return Ok{};
}

Result<std::size_t> load_managed_config(const std::string& path, sync::Store& store) {
    if (path.empty()) return std::size_t{0};
    const auto checked = check_config_file(path);
    if (!checked.ok()) {
        std::string lines;
        for (const auto& e : checked.errors)
            lines += (lines.empty() ? "" : "\n") + e;
        return Error{lines};
    }
    if (auto st = apply_config(store, checked.values, utc_now_rfc3339()); !st) return st.error();
    return checked.values.size();
}

Result<sync::Store> open_ready_store(const std::string& db_path, const std::string& config_path) {
    auto store = open_store(db_path);
    if (!store) {
        // The screen keeps its last good data when the store cannot be opened as usual (a full
        // disk): a copy in memory, read without writing. Syncs and changes wait for a restart.
        auto copy = sync::read_only_copy(db_path);
        if (!copy) return store.error();
        const std::string notice = store.error().message +
                                   "; showing its last data from a read-only copy in memory (syncs and "
                                   "settings changes are not saved until Podium restarts with a writable store)";
        std::cerr << "podium: " << notice << "\n";
        copy.value().log({utc_now_rfc3339(), "error", "store", notice});
        store = std::move(copy);
    }
    if (auto n = load_managed_config(config_path, store.value()); !n) return n.error();
    if (auto st = ensure_data(store.value(), utc_now_rfc3339()); !st) return st.error();
    return store;
}

bool store_exists(const std::string& db_path) {
    std::error_code ec;
    return db_path == ":memory:" || std::filesystem::exists(db_path, ec) || ec;
}

Result<sync::Store> open_store_to_read(const std::string& db_path, const std::string& config_path) {
    if (store_exists(db_path)) return open_ready_store(db_path, config_path);
    // No store yet: the defaults, the managed config and the demo, in memory; nothing is created.
    return open_ready_store(":memory:", config_path);
}

} // namespace podium::app
