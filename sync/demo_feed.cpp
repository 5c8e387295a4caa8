#include "demo_feed.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace podium::sync {
namespace {

using model::Champion;
using model::Feed;
using model::Metric;
using model::MonthlyFigures;
using model::YearMonth;

// splitmix64 with our own integer helpers: the std:: distributions give different numbers on
// different standard libraries, which would break golden screenshots.
class Rng {
  public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}

    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    // Uniform in [lo, hi]; the modulo bias is far too small to show in a demo.
    std::int64_t between(std::int64_t lo, std::int64_t hi) {
        const auto span = static_cast<std::uint64_t>(hi - lo) + 1;
        return lo + static_cast<std::int64_t>(next() % span);
    }
    bool chance(std::int64_t permille) { return between(0, 999) < permille; }
    // Successes out of n tries, each with the same chance: a binomial draw.
    std::int64_t count(std::int64_t n, std::int64_t permille) {
        std::int64_t hits = 0;
        for (std::int64_t i = 0; i < n; ++i)
            hits += chance(permille) ? 1 : 0;
        return hits;
    }

  private:
    std::uint64_t state_;
};

constexpr std::uint64_t kSeed = 0x20261101'0800ULL;
constexpr YearMonth kFirstMonth{2025, 9};
constexpr int kMonthCount = 14;
constexpr int kFounderCount = 12; // champions in the first month; the rest join later

enum Team : int { kTax, kAudit, kAdvisory, kLegal, kPeople };
constexpr std::array<std::string_view, 5> kTeamNames = {"Tax", "Audit", "Advisory", "Legal",
                                                        "People & Culture"};

constexpr unsigned kInternal = 1, kPublic = 2, kPhoto = 4;
constexpr unsigned kAll = kInternal | kPublic | kPhoto, kNamed = kInternal | kPublic;

// In joining order: ids c-001.. follow this order. talent 0 draws an ordinary one (60..140 %);
// a few stand-outs are fixed so the leaderboard has clear leaders.
struct ChampionSeed {
    std::string_view name;
    Team team;
    unsigned consent;
    std::int64_t talent;
};
// Two to a line keeps the table compact.
// clang-format off
constexpr std::array<ChampionSeed, 40> kChampionSeeds = {{
    {"Sanne de Vries", kTax, kAll, 0},           {"Daan Bakker", kAudit, kAll, 0},
    {"Zoë van den Berg", kAdvisory, kAll, 250},  {"Noël Janssen", kLegal, kNamed, 0},
    {"Ayşe Yılmaz", kTax, kAll, 0},              {"Mohammed El Amrani", kAudit, kAll, 215},
    {"Fleur Visser", kPeople, kAll, 0},          {"Jeroen Smit", kAdvisory, kInternal, 0},
    {"Chloé Dubois", kLegal, kAll, 0},           {"Bram Mulder", kTax, kNamed, 0},
    {"Łukasz Nowak", kAudit, kAll, 0},           {"Lotte de Graaf", kAdvisory, kNamed, 0},
    {"Søren Kjærgaard", kAdvisory, kAll, 0},     {"Inês Carvalho", kLegal, kInternal, 0},
    {"Émilie Laurent", kPeople, kNamed, 0},      {"Bjørn Halvorsen", kAudit, kNamed, 0},
    {"Priya Ramdin", kTax, kAll, 235},           {"Thijs Hendriks", kAdvisory, kNamed, 0},
    {"Femke Willems", kAudit, 0, 0},             {"Ömer Doğan", kLegal, kAll, 0},
    {"Eline Koster", kPeople, kNamed, 0},        {"Ruben Meijer", kTax, kAll, 0},
    {"Νίκος Παπαδόπουλος", kAdvisory, kNamed, 0}, {"Marloes van Leeuwen", kLegal, kAll, 0},
    {"Joost de Boer", kAudit, kInternal, 0},     {"Anouk Bos", kPeople, kAll, 0},
    {"Stijn Vermeulen", kAdvisory, kNamed, 200}, {"Iris Peters", kPeople, kNamed, 0},
    {"Maarten van Dam", kLegal, kAll, 0},        {"Naima Bouzid", kAudit, kNamed, 0},
    {"Wouter Dekker", kTax, 0, 0},               {"Roos Brouwer", kPeople, kAll, 0},
    {"Hüseyin Çelik", kAudit, kAll, 0},          {"Jasmijn de Jong", kLegal, kNamed, 0},
    {"Lars van Wijk", kTax, kAll, 0},            {"Esmée Kuipers", kPeople, kInternal, 0},
    {"Timo Vos", kAdvisory, kAll, 0},            {"Gabriël Postma", kLegal, kNamed, 0},
    {"Yara Hoekstra", kPeople, kNamed, 0},       {"Renée Schouten", kTax, kAll, 0},
}};
// clang-format on

// offset: months after kFirstMonth. The champion is drawn from the team's active champions.
struct SuccessSeed {
    int offset;
    Team team;
    std::string_view kind;
    std::string_view title;
    std::string_view story;
};
constexpr std::array<SuccessSeed, 30> kSuccessSeeds = {{
    {0, kTax, "speaking", "Invited to speak at a tax congress after a LinkedIn post",
     "A short post on the new rules for company cars was shared by the organisers of a regional "
     "tax congress. A week later they asked for a 20-minute talk in the main programme."},
    {1, kAudit, "lead",
     "A CFO asked for an audit intro after a LinkedIn carousel on going-concern checks", ""},
    {2, kAdvisory, "deal",
     "Won a cash-flow forecasting project for a family-owned bakery chain via LinkedIn",
     "The owner had followed the posts on cash-flow planning for months. When the bank asked for a "
     "rolling forecast, ours was the first name that came to mind."},
    {2, kLegal, "press",
     "Quoted in a national newspaper after a LinkedIn post on the whistle-blower law", ""},
    {3, kTax, "proposal",
     "Asked to quote for VAT advice after a webshop owner read a blog post on the EU OSS", ""},
    {3, kPeople, "hire",
     "Hired a junior tax adviser who applied after an Instagram story about our office", ""},
    {4, kAudit, "deal", "Won a payroll audit for a logistics firm via an Instagram reel",
     "A 40-second reel about the five most common payroll mistakes reached the HR manager of a "
     "logistics firm in Venlo. She sent a direct message the same evening."},
    {4, kAdvisory, "conversation",
     "Prepared a trade fair on LinkedIn: three visitors came to the stand by appointment", ""},
    {5, kLegal, "lead",
     "A start-up founder asked for help with shareholder terms after a LinkedIn poll", ""},
    {5, kTax, "deal",
     "Won transfer-pricing work for a Dutch-German machine builder after a LinkedIn article", ""},
    {6, kPeople, "speaking", "Invited to an HR podcast on employer branding after a LinkedIn post",
     "The host had seen a post about how our champions programme helps recruitment. The episode "
     "has been played more than 3,000 times and brought two open applications."},
    {6, kAdvisory, "proposal",
     "Asked for a proposal on a merger integration after a comment thread on LinkedIn", ""},
    {7, kAudit, "press",
     "A trade magazine picked up a blog post on sustainability reporting (CSRD)", ""},
    {7, kTax, "lead", "Three enquiries about the 30% ruling after a post in English for expats",
     ""},
    {8, kLegal, "deal",
     "Won a GDPR compliance review for a healthcare group after a LinkedIn article",
     "The privacy officer of the group had saved the article on data processing agreements. When "
     "the board asked for an outside review, she called us directly instead of sending out a "
     "tender."},
    {8, kAdvisory, "speaking",
     "Gave a webinar for a regional employers' association after a LinkedIn post", ""},
    {9, kPeople, "hire",
     "Two trainees joined after an Instagram reel about a day in the life of an auditor", ""},
    {9, kAudit, "conversation",
     "A warm first meeting with a housing association's board after months of LinkedIn contact",
     ""},
    {10, kTax, "deal",
     "Won a tax due diligence for a private-equity buyer who follows our LinkedIn posts", ""},
    {10, kLegal, "proposal",
     "Asked to quote for employment-law training after a post on the new flexible-work rules", ""},
    {10, kAdvisory, "other", "A post on succession planning became the firm's most-shared ever",
     "More than 40,000 views and 300 comments, many from owners of family businesses. The post is "
     "now the opening of our succession-planning seminar."},
    {11, kAudit, "deal",
     "Won the annual audit of a sports federation after its treasurer saw a LinkedIn post", ""},
    {11, kPeople, "speaking",
     "Invited to speak at a university careers day after a post about our trainees", ""},
    {11, kTax, "press",
     "Interviewed on business radio about the box 3 ruling after an explainer on X", ""},
    {12, kAdvisory, "deal",
     "Won a strategy review for an energy cooperative via a LinkedIn newsletter",
     "The cooperative's chair had subscribed to the monthly newsletter on the energy transition. "
     "The first meeting started with: you already know our questions, you wrote about them."},
    {12, kLegal, "lead", "An existing client asked about the EU AI Act after a LinkedIn carousel",
     ""},
    {12, kAudit, "hire",
     "Hired an experienced auditor who first got in touch through a LinkedIn post", ""},
    {13, kTax, "conversation", "Prepared a tax seminar on LinkedIn: four follow-up meetings booked",
     ""},
    {13, kLegal, "deal",
     "Won a contract-management project for a logistics scale-up after a LinkedIn article", ""},
    {13, kAdvisory, "proposal",
     "Asked for a proposal on a pricing review after a video post on LinkedIn", ""},
}};

YearMonth month_at(int offset) {
    YearMonth ym = kFirstMonth;
    for (int i = 0; i < offset; ++i)
        ym = ym.next();
    return ym;
}

// Programme growth: 12 founders, then two or three new champions a month, 40 by the last month.
int join_offset(std::size_t index) {
    const auto i = static_cast<int>(index);
    return i < kFounderCount ? 0
                             : 1 + (i - kFounderCount) * (kMonthCount - 1) /
                                       (static_cast<int>(kChampionSeeds.size()) - kFounderCount);
}

int days_in_month(YearMonth ym) {
    static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (ym.year % 4 == 0 && ym.year % 100 != 0) || ym.year % 400 == 0;
    return ym.month == 2 && leap ? 29 : kDays[static_cast<std::size_t>(ym.month - 1)];
}

std::string champion_id(std::size_t index) {
    const auto n = static_cast<int>(index) + 1;
    return std::string("c-") + static_cast<char>('0' + n / 100) +
           static_cast<char>('0' + n / 10 % 10) + static_cast<char>('0' + n % 10);
}

std::vector<Champion> make_champions() {
    std::vector<Champion> champions;
    for (std::size_t i = 0; i < kChampionSeeds.size(); ++i) {
        const ChampionSeed& seed = kChampionSeeds[i];
        Champion c;
        c.id = champion_id(i);
        c.name = std::string(seed.name);
        c.team = std::string(kTeamNames[static_cast<std::size_t>(seed.team)]);
        c.consent = {(seed.consent & kInternal) != 0, (seed.consent & kPublic) != 0,
                     (seed.consent & kPhoto) != 0};
        champions.push_back(std::move(c));
    }
    return champions;
}

// One deal: mostly a few thousand to twenty thousand euros, now and then up to 60,000
// (the product of two uniform draws skews low). Most are round, one in four has cents.
std::int64_t draw_deal_cents(Rng& rng) {
    const std::int64_t a = rng.between(0, 57'000), b = rng.between(0, 57'000);
    const std::int64_t euros = 3'000 + a * b / 57'000;
    if (rng.chance(250)) return euros * 100 + rng.between(1, 99);
    return euros / 50 * 50 * 100;
}

// What a champion carries from month to month.
struct ChampionState {
    Rng rng;
    std::int64_t talent = 100; // percent of an ordinary champion's activity
    std::int64_t followers = 0;
    int join = 0;
};

// drive: this month's activity in percent of an ordinary champion (about 100).
void add_social_figures(MonthlyFigures& f, ChampionState& s, std::int64_t drive, bool first) {
    Rng& rng = s.rng;
    const std::int64_t updates =
        std::clamp<std::int64_t>(2 + drive * 6 / 100 + rng.between(-1, 2), 2, 20);
    // Followers grow slowly, a little faster for those who post more.
    if (!first)
        s.followers += s.followers * rng.between(8, 30) / 1000 + updates * rng.between(1, 4);
    const std::int64_t interactions = updates * rng.between(6, 18) + s.followers / 20;
    const std::int64_t reach = interactions * rng.between(40, 90) + s.followers * rng.between(2, 5);
    f.set(Metric::followers, s.followers);
    f.set(Metric::updates, updates);
    f.set(Metric::interactions, interactions);
    f.set(Metric::reach, reach);
    f.set(Metric::clicks, reach * rng.between(3, 9) / 1000);
    f.set(Metric::profile_views, interactions * rng.between(15, 30) / 10 + rng.between(10, 60));
}

// A funnel: leads, some become proposals (plus the odd request from an existing client), some
// of those become deals. Busier champions convert a little better: they are known.
void add_business_figures(MonthlyFigures& f, ChampionState& s, std::int64_t drive, Team team) {
    Rng& rng = s.rng;
    const std::int64_t leads = rng.count(6, std::min<std::int64_t>(850, drive * 2));
    const std::int64_t proposals = std::min<std::int64_t>(
        4, rng.count(leads, std::min<std::int64_t>(800, 300 + drive)) + (rng.chance(80) ? 1 : 0));
    const std::int64_t deals =
        std::min<std::int64_t>(3, rng.count(proposals, std::min<std::int64_t>(700, 150 + drive)));
    std::int64_t cents = 0;
    for (std::int64_t i = 0; i < deals; ++i)
        cents += draw_deal_cents(rng);
    // People & Culture posts mostly about working here, so it attracts more applicants.
    const std::int64_t applicants = rng.count(3, drive * (team == kPeople ? 9 : 4) / 10);
    f.set(Metric::leads, leads);
    f.set(Metric::proposals, proposals);
    f.set(Metric::deals, deals);
    f.set(Metric::deal_value, cents);
    f.set(Metric::applicants, applicants);
    f.set(Metric::hires, applicants > 0 && rng.chance(200) ? 1 : 0);
}

MonthlyFigures month_figures(ChampionState& s, const Champion& c, Team team, int offset) {
    const std::int64_t tenure = offset - s.join;
    const std::int64_t ramp = std::min<std::int64_t>(100, 40 + 15 * tenure); // newcomers warm up
    const std::int64_t trend = 100 + 3 * offset;      // the programme matures
    const std::int64_t mood = s.rng.between(70, 130); // good months and quiet months
    const std::int64_t drive = s.talent * ramp / 100 * trend / 100 * mood / 100;
    MonthlyFigures f;
    f.champion = c.id;
    f.month = month_at(offset);
    add_social_figures(f, s, drive, tenure == 0);
    add_business_figures(f, s, drive, team);
    return f;
}

// Champion-major, then by month. Each champion has its own random stream, so tuning one
// champion's talent does not reshuffle everyone else's figures.
std::vector<MonthlyFigures> make_monthly(const std::vector<Champion>& champions) {
    std::vector<MonthlyFigures> monthly;
    for (std::size_t i = 0; i < champions.size(); ++i) {
        ChampionState s{Rng(kSeed + 0x1000 * (i + 1)), 100, 0, join_offset(i)};
        s.talent =
            kChampionSeeds[i].talent != 0 ? kChampionSeeds[i].talent : s.rng.between(60, 140);
        s.followers = (150 + s.rng.between(0, 1100)) * s.talent / 100;
        for (int m = s.join; m < kMonthCount; ++m)
            monthly.push_back(month_figures(s, champions[i], kChampionSeeds[i].team, m));
    }
    return monthly;
}

MonthlyFigures* find_row(std::vector<MonthlyFigures>& monthly, const std::string& id,
                         YearMonth ym) {
    for (auto& f : monthly)
        if (f.champion == id && f.month == ym) return &f;
    return nullptr;
}

bool figures_show(const MonthlyFigures& f, std::string_view kind) {
    if (kind == "deal") return f.get(Metric::deals) > 0;
    if (kind == "hire") return f.get(Metric::hires) > 0;
    if (kind == "proposal") return f.get(Metric::proposals) > 0;
    if (kind == "lead") return f.get(Metric::leads) > 0;
    return true;
}

// A success implies its figures: a deal story needs a deal that month, a hire a hire. Returns
// the success's value in whole euros (an average deal of that month; 0 for the other kinds).
double reconcile(MonthlyFigures& f, std::string_view kind, Rng& rng) {
    auto at_least = [&f](Metric m, std::int64_t v) { f.set(m, std::max(f.get(m), v)); };
    if (kind == "lead") at_least(Metric::leads, 1);
    if (kind == "proposal") at_least(Metric::proposals, 1);
    if (kind == "hire") {
        at_least(Metric::applicants, 1);
        at_least(Metric::hires, 1);
    }
    if (kind != "deal") return 0;
    if (f.get(Metric::deals) == 0) {
        at_least(Metric::leads, 1);
        at_least(Metric::proposals, 1);
        f.set(Metric::deals, 1);
        f.set(Metric::deal_value, draw_deal_cents(rng));
    }
    return static_cast<double>(f.get(Metric::deal_value) / f.get(Metric::deals) / 100);
}

// Each story goes to an active champion of its team, preferring one whose figures already
// show it, then one with fewer stories so far: the spotlight should not always pick the same few.
std::vector<model::Success> make_successes(const std::vector<Champion>& champions,
                                           std::vector<MonthlyFigures>& monthly) {
    Rng rng(kSeed ^ 0x5ECCE55ULL);
    std::vector<int> stories(champions.size(), 0);
    std::vector<model::Success> successes;
    for (const SuccessSeed& seed : kSuccessSeeds) {
        const YearMonth ym = month_at(seed.offset);
        std::vector<std::size_t> best;
        int best_score = 1 << 20;
        for (std::size_t i = 0; i < champions.size(); ++i) {
            const MonthlyFigures* f = find_row(monthly, champions[i].id, ym);
            if (kChampionSeeds[i].team != seed.team || f == nullptr) continue;
            const int score = (figures_show(*f, seed.kind) ? 0 : 100) + stories[i];
            if (score < best_score) {
                best.clear();
                best_score = score;
            }
            if (score == best_score) best.push_back(i);
        }
        const std::size_t pick = best[static_cast<std::size_t>(
            rng.between(0, static_cast<std::int64_t>(best.size()) - 1))];
        ++stories[pick];
        model::Success s;
        s.champion = champions[pick].id;
        s.date = {ym.year, ym.month, static_cast<int>(rng.between(1, days_in_month(ym)))};
        s.kind = std::string(seed.kind);
        s.title = std::string(seed.title);
        s.story = std::string(seed.story);
        s.value = reconcile(*find_row(monthly, s.champion, ym), seed.kind, rng);
        successes.push_back(std::move(s));
    }
    std::stable_sort(successes.begin(), successes.end(),
                     [](const auto& a, const auto& b) { return a.date < b.date; });
    return successes;
}

// Hours grow with the programme; cost is hours at 75 euros plus a quarterly training day.
std::vector<model::Investment> make_investment() {
    Rng rng(kSeed ^ 0x1AE57ULL);
    std::vector<model::Investment> investment;
    for (int m = 0; m < kMonthCount; ++m) {
        const std::int64_t hours = 120 + 9 * m + rng.between(0, 20);
        const std::int64_t cost = hours * 75 + (m % 3 == 0 ? 1'800 : 0);
        investment.push_back({month_at(m), static_cast<double>(hours), static_cast<double>(cost)});
    }
    return investment;
}

} // namespace

model::Feed generate_demo_feed() {
    Feed feed;
    feed.generated_at = "2026-11-01T08:00:00+01:00";
    feed.organisation.name = "Brink & Hofstede Adviseurs";
    feed.organisation.headcount = 420;
    feed.organisation.currency = "EUR";
    feed.organisation.champion_goal_percent = 10;
    feed.champions = make_champions();
    feed.monthly = make_monthly(feed.champions);
    feed.successes = make_successes(feed.champions, feed.monthly);
    feed.investment = make_investment();
    return feed;
}

} // namespace podium::sync
