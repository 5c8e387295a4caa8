// The Excel workbook container of the feed (feed-format.md, "Excel workbook"): the feed's parts
// as sheets, read by cell type and converted through the same code as a shared database's tables
// (db::feed_from_tables), so a workbook means what the same rows in a database mean.
#pragma once

#include "sync/feed_csv.hpp"
#include "sync/feed_report.hpp"
#include "sync/model/feed.hpp"
#include "sync/model/result.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace podium::sync {

// Sheets, found by name with case and surrounding spaces ignored, in English or Dutch:
//   Organisation (Organisatie, Organization)          optional: else the device's settings
//   Champions (Kampioenen, Ambassadeurs)              required
//   Monthly (Maandcijfers, Maandelijks, Per maand)    required
//   Successes (Successen, Succesverhalen)             optional
//   Investment (Investeringen, Investering)           optional
// Each sheet's first non-empty row is its header: the JSON field names (consent as
// consent_internal, consent_public, consent_photo), or their Dutch names (sync/xlsx_names.hpp);
// case, surrounding spaces, and spaces, dots or hyphens inside a name do not
// matter ("Deal value" is deal_value). Other sheets and columns are ignored. Cells count by their
// type: a number, a date (a number formatted as a date: a month cell may hold any day of its
// month), text, a boolean (or yes/no, ja/nee, 1/0), a formula by its cached value; an error value
// such as #N/A is refused where a value is read. Success kinds may be written in Dutch too
// (offerte, aanwerving, spreker, pers, gesprek, anders). generated_at is optional in a workbook:
// without it, the time of the sync. Every problem names the cell as a spreadsheet shows it:
//   `Monthly!D14: followers: expected an integer ≥ 0, got "12,5"`
// With `report`, every problem found is listed (at most db::kMaxProblems), not only the first,
// and so are the columns read and ignored of each sheet, and the sheets ignored.
podium::Result<model::Feed> parse_feed_xlsx(std::string_view bytes, const CsvDefaults& defaults,
                                            FeedReport* report = nullptr);

// Whether bytes look like a zip archive (a workbook), for a source whose kind is not otherwise
// known.
bool looks_like_xlsx(std::string_view bytes);

} // namespace podium::sync
