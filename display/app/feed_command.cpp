// `podium feed template FILE.xlsx`: the workbook a communications team fills in (sync/
// feed_xlsx_write.hpp); `podium feed check SOURCE`: what a source holds, before a screen shows it.
#include "commands.hpp"

#include "sync/feed_xlsx_write.hpp"

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

} // namespace

int command_feed(const CliOptions& o) {
    return feed_template(o.feed); // the only action parse_cli lets through
}

} // namespace podium::app
