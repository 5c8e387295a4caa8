// `podium feed template FILE.xlsx`: the workbook a communications team fills in (sync/
// feed_xlsx_write.hpp); `podium feed check SOURCE`: what a source holds, before a screen shows it.
#include "assets.hpp"
#include "bootstrap.hpp"
#include "commands.hpp"

#include "sync/feed_check.hpp"
#include "sync/feed_xlsx_write.hpp"
#include "sync/http_client.hpp"

#include <chrono>
#include <ctime>
#include <iostream>

namespace podium::app {
namespace {

// This month on the machine's calendar: the template's examples are the two months before it.
model::YearMonth this_month() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm local{};
    localtime_r(&now, &local);
    return {local.tm_year + 1900, local.tm_mon + 1};
}

int feed_template(const FeedOptions& f) {
    const auto lang = f.lang == scene::Lang::nl ? sync::WorkbookLanguage::nl : sync::WorkbookLanguage::en;
    const model::Feed example = sync::template_feed(this_month(), lang);
    if (auto st = sync::write_feed_xlsx(example, f.target, {lang, false}); !st)
        return print_error(st.error()), kExitFailure;
    std::cout << f.target << ": template written; fill it in, then check it with: podium feed check "
              << f.target << "\n";
    return 0;
}

// The token, CA file and organisation come from the device's settings (and --config), read
// from the store if there is one, which is never created or written here.
int feed_check(const CliOptions& o) {
    if (auto source = sync::parse_source(o.feed.target); !source)
        return print_error(source.error()), kExitUsage;
    auto store = open_store_to_read(o.db.empty() ? default_db_path() : o.db, o.config);
    if (!store) return print_error(store.error()), kExitFailure;
    auto config = sync_config(store.value(), o.feed.target);
    if (!config) return print_error(Error{"cannot check: " + config.error().message}), kExitFailure;
    auto organisation = sync::csv_organisation(store.value(), nullptr);
    if (!organisation) return print_error(organisation.error()), kExitFailure;
    sync::HttpClient http;
    const auto check = sync::check_feed_source(config.value(), organisation.value(), utc_now_rfc3339(), http);
    std::cout << sync::describe_feed_check(check);
    return sync_exit_code(check.outcome);
}

} // namespace

int command_feed(const CliOptions& o) {
    return o.feed.action == "check" ? feed_check(o) : feed_template(o.feed);
}

} // namespace podium::app
