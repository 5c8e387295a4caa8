// `podium sync --once` and `podium export`.
#include "assets.hpp"
#include "bootstrap.hpp"
#include "commands.hpp"

#include "sync/feed_json.hpp"
#include "sync/file_read.hpp"
#include "sync/syncer.hpp"

#include <iostream>

namespace podium::app {
int sync_exit_code(sync::SyncOutcome o) {
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

Result<sync::SyncConfig> sync_config(const sync::Store& store, const std::string& source_override) {
    const std::string text = !source_override.empty() ? source_override : store.setting("sync.source").value_or("");
    if (text.empty())
        return Error{"no source configured: pass --source SRC, or set sync.source in the settings"};
    auto source = sync::parse_source(text);
    if (!source) return source.error();
    sync::SyncConfig config;
    config.source = std::move(source).value();
    if (auto path = store.setting("sync.token_file"); path && !path->empty()) {
        auto token = sync::read_token_file(*path);
        if (!token) return token.error();
        config.bearer_token = std::move(token).value();
    }
    config.ca_file = store.setting("sync.ca_file").value_or("");
    if (!config.ca_file.empty())
        if (auto st = sync::check_ca_file(config.ca_file); !st) return st.error();
    // Another tool's export: the mapping is checked in full when a sync reads the file.
    config.preset = store.setting("source.preset").value_or("");
    config.month = store.setting("source.month").value_or("");
    auto columns = sync::columns_from_json(store.setting("source.columns").value_or(""));
    if (!columns) return Error{"the setting source.columns: " + columns.error().message};
    config.columns = std::move(columns).value();
    return config;
}

int command_sync(const CliOptions& o) {
    auto store = open_store(o.db.empty() ? default_db_path() : o.db);
    if (!store) return print_error(store.error()), kExitStoreError;
    if (auto n = load_managed_config(o.config, store.value()); !n)
        return print_error(n.error()), kExitFailure;
    // A --source that does not parse is a usage error; every other setting that stops a sync
    // (no source, a token or CA file that cannot be used) is a configuration error: exit 1.
    if (!o.sync.source.empty())
        if (auto source = sync::parse_source(o.sync.source); !source)
            return print_error(source.error()), kExitUsage;
    auto config = sync_config(store.value(), o.sync.source);
    if (!config) return print_error(Error{"cannot sync: " + config.error().message}), kExitFailure;
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
    return sync_exit_code(a.outcome);
}

int command_export(const CliOptions& o) {
    const std::string db_path = o.db.empty() ? default_db_path() : o.db;
    // Export is for a store's data: with none there, the demo would pass for it.
    if (!store_exists(db_path))
        return print_error(Error{"no store at " + db_path + " (nothing to export): check the path; "
                                 "`podium sync` or `podium run` creates it"}),
               kExitFailure;
    auto store = open_ready_store(db_path, {});
    if (!store) return print_error(store.error()), kExitFailure;
    auto snapshot = store.value().load_snapshot();
    if (!snapshot) return print_error(snapshot.error()), kExitFailure;
    std::cout << sync::feed_to_json(snapshot.value()->feed);
    return std::cout.good() ? 0 : kExitFailure;
}

} // namespace podium::app
