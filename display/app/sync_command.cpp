// `podium sync --once` and `podium export`.
#include "assets.hpp"
#include "bootstrap.hpp"
#include "commands.hpp"

#include "sync/feed_json.hpp"
#include "sync/syncer.hpp"

#include <iostream>

namespace podium::app {
namespace {

std::string trim(std::string s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    const auto e = s.find_last_not_of(" \t\r\n");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

int exit_code(sync::SyncOutcome o) {
    switch (o) {
    case sync::SyncOutcome::applied:
    case sync::SyncOutcome::unchanged:
        return 0;
    case sync::SyncOutcome::rejected:
        return kExitFeedRejected;
    case sync::SyncOutcome::unreachable:
        return kExitUnreachable;
    case sync::SyncOutcome::store_error:
        return kExitStoreError;
    }
    return kExitFailure;
}

} // namespace

Result<sync::SyncConfig> sync_config(const sync::Store& store, const std::string& source_override) {
    const std::string text = !source_override.empty() ? source_override : store.setting("sync.source").value_or("");
    if (text.empty())
        return Error{"no source configured: pass --source SRC, or set sync.source in the settings"};
    auto source = sync::parse_source(text);
    if (!source) return source.error();
    sync::SyncConfig config;
    config.source = std::move(source).value();
    if (auto path = store.setting("sync.token_file"); path && !path->empty()) {
        auto bytes = read_file(*path);
        if (!bytes) return Error{"token file " + *path + ": cannot read it"};
        config.bearer_token = trim(std::string(bytes.value().begin(), bytes.value().end()));
    }
    config.ca_file = store.setting("sync.ca_file").value_or("");
    return config;
}

int command_sync(const CliOptions& o) {
    auto store = open_store(o.db.empty() ? default_db_path() : o.db);
    if (!store) return print_error(store.error()), kExitStoreError;
    if (auto n = load_managed_config(o.config, store.value()); !n)
        return print_error(n.error()), kExitFailure;
    auto config = sync_config(store.value(), o.sync.source);
    if (!config) {
        std::cerr << "podium: " << config.error().message << "\n";
        return o.sync.source.empty() ? kExitFailure : kExitUsage;
    }
    sync::Syncer syncer(store.value());
    const auto report = syncer.run_once(config.value(), utc_now_rfc3339());
    // Photo problems go to the store's log as warnings; they never change the exit code.
    (void)syncer.refresh_photos(report, config.value(), std::chrono::system_clock::now());
    const auto& a = report.attempt;
    if (!a.error.empty()) {
        std::cerr << "podium: sync " << sync::outcome_name(a.outcome) << ": " << a.error << "\n";
    } else {
        std::cout << "sync " << sync::outcome_name(a.outcome) << ": " << a.source << ", " << a.rows
                  << " rows, " << a.seconds << " s\n";
    }
    return exit_code(a.outcome);
}

int command_export(const CliOptions& o) {
    auto snapshot = open_and_load(o.db.empty() ? default_db_path() : o.db, {});
    if (!snapshot) return print_error(snapshot.error()), kExitFailure;
    std::cout << sync::feed_to_json(snapshot.value()->feed);
    return std::cout.good() ? 0 : kExitFailure;
}

} // namespace podium::app
