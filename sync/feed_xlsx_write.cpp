// The feed as a workbook: one sheet per part of the feed in the reader's names, an instructions
// sheet first, typed cells (dates as dates, money with two decimals, consent as yes/no or ja/nee
// from a drop-down).
#include "sync/feed_xlsx_write.hpp"

#include "sync/feed_validate.hpp"
#include "sync/xlsx_names.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <functional>
#include <vector>

#include <unistd.h>

namespace podium::sync {
namespace {

namespace fs = std::filesystem;
using Lang = WorkbookLanguage;

struct ColumnDoc {
    std::size_t sheet; // db table order
    std::string_view field;
    bool required;
    double width;
    std::string_view en, nl;
};

// Every column the writer writes, in order, with what the instructions sheet says of it.
constexpr ColumnDoc kColumns[] = {
    {0, "name", false, 28, "The organisation's name as the slides show it", "Naam van de organisatie zoals de slides die tonen"},
    {0, "headcount", false, 14, "Number of employees, for adoption (champions / headcount)", "Aantal medewerkers, voor de adoptie (ambassadeurs / medewerkers)"},
    {0, "currency", false, 10, "ISO 4217 code of the amounts, e.g. EUR", "ISO 4217-code van de bedragen, bijvoorbeeld EUR"},
    {0, "champion_goal_percent", false, 16, "Adoption goal in percent of the headcount, e.g. 10", "Adoptiedoel in procenten van het aantal medewerkers, bijvoorbeeld 10"},
    {0, "generated_at", false, 28, "When these figures were made (RFC 3339); empty: the time of the sync", "Wanneer deze cijfers gemaakt zijn (RFC 3339); leeg: het moment van synchroniseren"},
    {1, "id", true, 12, "A unique code per champion, e.g. an employee number; never reuse one", "Een unieke code per ambassadeur, bijvoorbeeld een personeelsnummer; nooit hergebruiken"},
    {1, "name", true, 26, "Full name, as colleagues know it", "Volledige naam, zoals collega's die kennen"},
    {1, "team", false, 16, "Team or department; optional", "Team of afdeling; optioneel"},
    {1, "photo", false, 24, "A web address (https://...) or a file path beside the workbook; optional", "Een webadres (https://...) of een bestandspad naast de werkmap; optioneel"},
    {1, "consent_internal", false, 14, "yes: may be named and shown to colleagues (empty: yes)", "ja: mag bij naam aan collega's getoond worden (leeg: ja)"},
    {1, "consent_public", false, 14, "yes: may be named to visitors in the lobby (empty: no)", "ja: mag bij naam aan bezoekers in de hal getoond worden (leeg: nee)"},
    {1, "consent_photo", false, 14, "yes: the photo may be shown (empty: no)", "ja: de foto mag getoond worden (leeg: nee)"},
    {2, "champion", true, 12, "The champion's id from the Champions sheet", "De id van de ambassadeur uit het blad Kampioenen"},
    {2, "month", true, 10, "The month, e.g. 2026-10 (any day of it will do)", "De maand, bijvoorbeeld 2026-10 (elke dag ervan is goed)"},
    {2, "followers", false, 11, "Followers at the end of the month", "Volgers aan het eind van de maand"},
    {2, "updates", false, 10, "Updates posted", "Geplaatste berichten"},
    {2, "interactions", false, 12, "Likes, shares and replies", "Likes, shares en reacties"},
    {2, "reach", false, 10, "People reached", "Bereikte mensen"},
    {2, "clicks", false, 9, "Clicks on links", "Kliks op links"},
    {2, "profile_views", false, 13, "Profile views", "Profielweergaven"},
    {2, "leads", false, 8, "New leads", "Nieuwe leads"},
    {2, "proposals", false, 10, "Proposals (quotes) sent", "Verstuurde offertes"},
    {2, "deals", false, 8, "Deals won", "Gewonnen deals"},
    {2, "deal_value", false, 13, "Value of the deals won, at most 2 decimals", "Waarde van de gewonnen deals, hoogstens 2 decimalen"},
    {2, "applicants", false, 11, "Applicants attracted", "Aangetrokken sollicitanten"},
    {2, "hires", false, 8, "Hires attracted", "Aangetrokken nieuwe collega's"},
    {3, "champion", true, 12, "The champion's id from the Champions sheet", "De id van de ambassadeur uit het blad Kampioenen"},
    {3, "date", true, 12, "The day it happened", "De dag waarop het gebeurde"},
    {3, "kind", true, 14, "One of the list: lead, proposal, deal, hire, speaking, press, conversation, other", "Een uit de lijst: lead, offerte, deal, aanwerving, spreker, pers, gesprek, anders"},
    {3, "title", true, 48, "One line, at most 120 characters; shown on screens", "Eén regel, hoogstens 120 tekens; op schermen getoond"},
    {3, "story", false, 48, "Optional longer text, at most 1000 characters", "Optioneel langere tekst, hoogstens 1000 tekens"},
    {3, "value", false, 10, "Optional value in the currency", "Optionele waarde in de valuta"},
    {4, "month", true, 10, "The month, e.g. 2026-10", "De maand, bijvoorbeeld 2026-10"},
    {4, "hours", false, 10, "Hours invested in the programme that month", "Uren die maand in het programma gestoken"},
    {4, "cost", false, 12, "Cost of the programme that month", "Kosten van het programma die maand"},
};

std::string_view header_of(std::string_view field, Lang lang) {
    if (lang == Lang::en) return field;
    for (const auto& c : xlsx_names::kDutchColumns)
        if (c.field == field) return c.dutch;
    return field;
}

std::string_view sheet_name(std::size_t sheet, Lang lang) {
    return lang == Lang::en ? xlsx_names::kSheets[sheet].english : xlsx_names::kSheets[sheet].dutch;
}

class Writer {
  public:
    Writer(lxw_workbook* book, Lang lang) : book_(book), lang_(lang) {
        header_ = workbook_add_format(book);
        format_set_bold(header_);
        format_set_bg_color(header_, 0xDDE4EE);
        month_ = workbook_add_format(book);
        format_set_num_format(month_, "yyyy-mm");
        date_ = workbook_add_format(book);
        format_set_num_format(date_, "yyyy-mm-dd");
        money_ = workbook_add_format(book);
        format_set_num_format(money_, "#,##0.00");
        wrap_ = workbook_add_format(book);
        format_set_text_wrap(wrap_);
    }

    void instructions();
    // A sheet with its header row, frozen, and its columns' widths.
    lxw_worksheet* sheet(std::size_t sheet);

    void text(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, std::string_view s) {
        if (!s.empty()) worksheet_write_string(ws, r, c, std::string(s).c_str(), nullptr);
    }
    void number(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, double v, lxw_format* f = nullptr) {
        worksheet_write_number(ws, r, c, v, f);
    }
    void day(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, model::Date d, bool month_only) {
        lxw_datetime dt{d.year, d.month, d.day, 0, 0, 0};
        worksheet_write_datetime(ws, r, c, &dt, month_only ? month_ : date_);
    }
    void yes_no(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, bool v) {
        text(ws, r, c, v ? (lang_ == Lang::en ? "yes" : "ja") : (lang_ == Lang::en ? "no" : "nee"));
    }
    void drop_down(lxw_worksheet* ws, lxw_col_t c, std::vector<std::string_view> choices);
    lxw_format* money() const { return money_; }
    Lang lang() const { return lang_; }

  private:
    lxw_workbook* book_;
    Lang lang_;
    lxw_format *header_, *month_, *date_, *money_, *wrap_;
};

lxw_worksheet* Writer::sheet(std::size_t sheet) {
    lxw_worksheet* ws = workbook_add_worksheet(book_, std::string(sheet_name(sheet, lang_)).c_str());
    lxw_col_t col = 0;
    for (const auto& c : kColumns) {
        if (c.sheet != sheet) continue;
        const std::string head(header_of(c.field, lang_));
        worksheet_write_string(ws, 0, col, head.c_str(), header_);
        // Wide enough for the bold header too (a width counts characters of the default font).
        const double fits = 1.2 * static_cast<double>(head.size()) + 2;
        worksheet_set_column(ws, col, col, std::max(c.width, fits), nullptr);
        ++col;
    }
    worksheet_freeze_panes(ws, 1, 0);
    return ws;
}

void Writer::drop_down(lxw_worksheet* ws, lxw_col_t c, std::vector<std::string_view> choices) {
    std::vector<std::string> owned(choices.begin(), choices.end());
    std::vector<char*> list;
    for (auto& s : owned) list.push_back(s.data());
    list.push_back(nullptr);
    lxw_data_validation v{};
    v.validate = LXW_VALIDATION_TYPE_LIST;
    v.value_list = list.data();
    worksheet_data_validation_range(ws, 1, c, 10'000, c, &v);
}

void Writer::instructions() {
    const bool en = lang_ == Lang::en;
    lxw_worksheet* ws = workbook_add_worksheet(book_, en ? "Instructions" : "Instructies");
    worksheet_set_column(ws, 0, 0, 16, nullptr);
    worksheet_set_column(ws, 1, 1, 24, nullptr);
    worksheet_set_column(ws, 2, 2, 11, nullptr);
    worksheet_set_column(ws, 3, 3, 90, wrap_);
    lxw_format* title = workbook_add_format(book_);
    format_set_bold(title);
    format_set_font_size(title, 14);
    lxw_format* para = workbook_add_format(book_);
    format_set_text_wrap(para);
    format_set_align(para, LXW_ALIGN_VERTICAL_TOP);
    // A paragraph across the four columns, tall enough for its lines at the columns' width.
    const auto paragraph = [&](lxw_row_t row, const char* words) {
        worksheet_merge_range(ws, row, 0, row, 3, words, para);
        worksheet_set_row(ws, row, 15.0 * static_cast<double>(std::strlen(words) / 120 + 1), nullptr);
    };
    lxw_row_t r = 0;
    worksheet_write_string(ws, r++, 0, en ? "Podium: the figures for your screens" : "Podium: de cijfers voor uw schermen", title);
    paragraph(r++, en ? "Fill in one row per champion on Champions and one row per champion per month on "
                          "Monthly; Successes and Investment as they come. Keep the sheet names and the "
                          "header rows as they are; rows may be in any order and empty rows are skipped. "
                          "The example rows are fictitious: replace them."
                        : "Vul op Kampioenen één rij per ambassadeur in en op Maandcijfers één rij per "
                          "ambassadeur per maand; Successen en Investeringen wanneer ze er zijn. Laat de "
                          "namen van de bladen en de kopregels staan; de volgorde van de rijen is vrij en "
                          "lege rijen worden overgeslagen. De voorbeeldrijen zijn verzonnen: vervang ze.");
    paragraph(r++, en ? "Privacy: the three consent columns decide who may see a champion by name and "
                          "photo. Ask each colleague. Without a yes for visitors (consent_public), the lobby "
                          "screen shows them as \"A colleague\" or leaves them out; without consent_photo, "
                          "never their photo. A screen can restrict this further, never loosen it."
                        : "Privacy: de drie toestemmingskolommen bepalen wie een ambassadeur met naam en "
                          "foto mag zien. Vraag het iedere collega. Zonder ja voor bezoekers (toestemming "
                          "publiek) toont het scherm in de hal hem of haar als \"Een collega\" of helemaal "
                          "niet; zonder toestemming foto nooit de foto. Een scherm kan dit verder "
                          "beperken, nooit verruimen.");
    ++r;
    const char* heads[] = {en ? "Sheet" : "Blad", en ? "Column" : "Kolom",
                           en ? "Required" : "Verplicht", en ? "What it holds" : "Wat erin staat"};
    for (lxw_col_t c = 0; c < 4; ++c) worksheet_write_string(ws, r, c, heads[c], header_);
    ++r;
    for (const auto& c : kColumns) {
        text(ws, r, 0, sheet_name(c.sheet, lang_));
        text(ws, r, 1, header_of(c.field, lang_));
        text(ws, r, 2, c.required ? (en ? "yes" : "ja") : "");
        text(ws, r, 3, en ? c.en : c.nl);
        ++r;
    }
    worksheet_freeze_panes(ws, 5, 0);
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0); // printed: one page wide
}

void write_rows(Writer& w, const model::Feed& feed, const WorkbookOptions& options) {
    lxw_worksheet* org = w.sheet(0);
    w.text(org, 1, 0, feed.organisation.name);
    if (feed.organisation.headcount) w.number(org, 1, 1, static_cast<double>(*feed.organisation.headcount));
    w.text(org, 1, 2, feed.organisation.currency);
    w.number(org, 1, 3, feed.organisation.champion_goal_percent);
    if (options.generated_at) w.text(org, 1, 4, feed.generated_at);

    lxw_worksheet* champions = w.sheet(1);
    lxw_row_t r = 1;
    for (const auto& c : feed.champions) {
        w.text(champions, r, 0, c.id);
        w.text(champions, r, 1, c.name);
        w.text(champions, r, 2, c.team);
        w.text(champions, r, 3, c.photo);
        w.yes_no(champions, r, 4, c.consent.internal);
        w.yes_no(champions, r, 5, c.consent.is_public);
        w.yes_no(champions, r, 6, c.consent.photo);
        ++r;
    }
    const bool en = w.lang() == Lang::en;
    for (lxw_col_t c = 4; c <= 6; ++c) w.drop_down(champions, c, {en ? "yes" : "ja", en ? "no" : "nee"});

    lxw_worksheet* monthly = w.sheet(2);
    r = 1;
    for (const auto& m : feed.monthly) {
        w.text(monthly, r, 0, m.champion);
        w.day(monthly, r, 1, {m.month.year, m.month.month, 1}, true);
        for (std::size_t k = 0; k < model::kCountMetrics; ++k) {
            // The sheet's column order is kColumns', which lists deal_value after deals.
            const auto col = static_cast<lxw_col_t>(2 + k + (k > static_cast<std::size_t>(model::Metric::deals) ? 1 : 0));
            w.number(monthly, r, col, static_cast<double>(m.counts[k]));
        }
        w.number(monthly, r, 2 + 9, static_cast<double>(m.deal_value_cents) / 100.0, w.money());
        ++r;
    }

    lxw_worksheet* successes = w.sheet(3);
    r = 1;
    for (const auto& s : feed.successes) {
        w.text(successes, r, 0, s.champion);
        w.day(successes, r, 1, s.date, false);
        std::string_view kind = s.kind;
        for (std::size_t i = 0; i < model::kSuccessKinds.size() && !en; ++i)
            if (model::kSuccessKinds[i] == s.kind) kind = xlsx_names::kDutchKinds[i];
        w.text(successes, r, 2, kind);
        w.text(successes, r, 3, s.title);
        w.text(successes, r, 4, s.story);
        if (s.value != 0) w.number(successes, r, 5, s.value);
        ++r;
    }
    std::vector<std::string_view> kinds(model::kSuccessKinds.begin(), model::kSuccessKinds.end());
    if (!en) kinds.assign(xlsx_names::kDutchKinds.begin(), xlsx_names::kDutchKinds.end());
    w.drop_down(successes, 2, kinds);

    lxw_worksheet* investment = w.sheet(4);
    r = 1;
    for (const auto& i : feed.investment) {
        w.day(investment, r, 0, {i.month.year, i.month.month, 1}, true);
        w.number(investment, r, 1, i.hours);
        w.number(investment, r, 2, i.cost, w.money());
        ++r;
    }
}

} // namespace

podium::Status write_feed_xlsx(const model::Feed& feed, const std::string& path,
                               const WorkbookOptions& options) {
    std::error_code ec;
    if (fs::exists(fs::symlink_status(path, ec)))
        return Error{path + " already exists: choose another name, or remove it first"};
    const fs::path target(path);
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    if (!fs::is_directory(dir, ec)) return Error{"cannot write " + path + ": no folder " + dir.string()};
    const std::string temporary =
        (dir / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()))).string();
    lxw_workbook_options lxw_options{};
    lxw_options.tmpdir = nullptr;
    lxw_workbook* book = workbook_new_opt(temporary.c_str(), &lxw_options);
    if (!book) return Error{"cannot write " + path};
    Writer writer(book, options.language);
    writer.instructions();
    write_rows(writer, feed, options);
    if (const lxw_error e = workbook_close(book); e != LXW_NO_ERROR) {
        fs::remove(temporary, ec);
        return Error{"cannot write " + path + ": " + lxw_strerror(e)};
    }
    // link() rather than rename(): it fails, instead of replacing, when the name was taken since.
    if (::link(temporary.c_str(), path.c_str()) != 0) {
        const int err = errno;
        fs::remove(temporary, ec);
        return Error{"cannot write " + path + ": " + std::strerror(err)};
    }
    fs::remove(temporary, ec);
    return Ok{};
}

model::Feed template_feed(model::YearMonth month, WorkbookLanguage language) {
    const bool en = language == Lang::en;
    model::Feed f;
    f.generated_at = "";
    f.organisation.name = en ? "Your organisation" : "Uw organisatie";
    f.organisation.headcount = 1200;
    f.organisation.champion_goal_percent = 10;
    f.champions = {
        {"c-001", "Sanne de Vries", en ? "Tax" : "Belastingadvies", "", {true, true, true}},
        {"c-002", "Mohammed El Amrani", "Audit", "", {true, false, true}},
        {"c-003", "Lotte Jansen", en ? "Advisory" : "Advies", "", {true, false, false}},
    };
    const model::YearMonth last = month.prev(), before = last.prev();
    for (const auto& [ym, scale] : {std::pair{before, 1}, std::pair{last, 2}}) {
        for (std::size_t i = 0; i < f.champions.size(); ++i) {
            model::MonthlyFigures m;
            m.champion = f.champions[i].id;
            m.month = ym;
            const auto n = static_cast<std::int64_t>(scale) * static_cast<std::int64_t>(i + 2);
            m.set(model::Metric::followers, 400 + 90 * n);
            m.set(model::Metric::updates, 3 * n);
            m.set(model::Metric::interactions, 40 * n);
            m.set(model::Metric::reach, 2500 * n);
            m.set(model::Metric::clicks, 12 * n);
            m.set(model::Metric::profile_views, 60 * n);
            m.set(model::Metric::leads, n / 2);
            m.set(model::Metric::proposals, n / 3);
            m.set(model::Metric::deals, i == 0 ? scale - 1 : 0);
            m.set(model::Metric::deal_value, i == 0 && scale == 2 ? 1'850'000 : 0);
            f.monthly.push_back(m);
        }
    }
    f.successes.push_back({"c-001", {last.year, last.month, 14}, "speaking",
                           en ? "Invited to speak at a tax congress after a LinkedIn post"
                              : "Uitgenodigd als spreker op een belastingcongres na een LinkedIn-bericht",
                           "", 0});
    f.investment = {{before, 160, 12000}, {last, 150, 11500}};
    return f;
}

} // namespace podium::sync
