// Writing a feed as an Excel workbook (libxlsxwriter): the sheets feed_xlsx.hpp reads, with an
// instructions sheet, frozen headers, drop-down lists for consent and success kinds, date and
// number formats and column widths. `podium feed template` writes one with example rows, which
// is itself a valid feed.
#pragma once

#include "sync/model/feed.hpp"
#include "sync/model/result.hpp"

#include <string>

namespace podium::sync {

enum class WorkbookLanguage { en, nl };

struct WorkbookOptions {
    WorkbookLanguage language = WorkbookLanguage::en;
    bool generated_at = true; // write the feed's generated_at (a template leaves it to the sync)
};

// Writes to `path` through a temporary file beside it, renamed into place when complete. An
// existing file at `path` is never overwritten: that is an error naming it.
podium::Status write_feed_xlsx(const model::Feed& feed, const std::string& path,
                               const WorkbookOptions& options);

// The template's example: an organisation, three champions (one of them without consent to be
// named to visitors, one without a photo consent), their figures for the two months before
// `month`, a success story and the investment; names and texts in the language asked for.
model::Feed template_feed(model::YearMonth month, WorkbookLanguage language);

} // namespace podium::sync
