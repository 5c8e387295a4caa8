// The privacy filter. It runs once, where a snapshot becomes the View the slides draw from: a
// slide never sees a raw name, so no slide can forget the rules. Consent comes from the feed; the
// device's settings can only restrict further.
#pragma once

#include "format.hpp"
#include "sync/model/snapshot.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace podium::scene {

enum class Audience { internal, visitors }; // "internal" and "public" on the command line
std::optional<Audience> parse_audience(std::string_view s);
std::string_view audience_name(Audience a);

enum class NameFormat { full, first_initial, initials, anonymous };
enum class WithoutConsent { anonymise, omit };

// An anonymised colleague's team shows only when at least this many champions of that team are
// in the View (named or anonymised; omitted ones are not): in a team of one, "A colleague · Tax"
// names them.
inline constexpr int kDefaultTeamMin = 5;
inline constexpr int kMinTeamMin = 1, kMaxTeamMin = 100; // 1: the team always shows

struct AudienceRules {
    NameFormat names = NameFormat::full;
    bool show_money = true;
    bool show_figures = true; // individual figures; off: ranks only
    bool show_teams = true;
    WithoutConsent without_consent = WithoutConsent::anonymise;
    int team_min = kDefaultTeamMin;
    // A success's title and story are free text: Podium cannot tell whether they name someone
    // who has not consented, so the admin decides per audience. Either way the text of a
    // champion who may not be named here is never shown.
    bool show_success_titles = true;
    bool show_success_stories = true;
    bool operator==(const AudienceRules&) const = default;
};

struct PrivacySettings {
    AudienceRules internal{NameFormat::full, true, true, true, WithoutConsent::anonymise,
                           kDefaultTeamMin, true, true};
    // The careful default for visitors: first name and initial, no money, no success texts.
    AudienceRules visitors{NameFormat::first_initial, false, true, true, WithoutConsent::anonymise,
                           kDefaultTeamMin, false, false};
    const AudienceRules& rules(Audience a) const {
        return a == Audience::internal ? internal : visitors;
    }
    bool operator==(const PrivacySettings&) const = default;
};

struct ViewChampion {
    std::string key;          // stable, opaque, never shown (the feed id)
    std::string display_name; // already formatted, or "A colleague from Tax"
    std::string initials;     // empty unless named
    std::string team;         // empty when teams are hidden, or anonymised in a small team
    std::string photo;        // empty unless named and photo consent
    bool named = false;       // consented for this audience
};

// What the slides draw from. Figures of omitted champions stay in the organisation's totals
// (their `champion` is empty) but never appear per person.
struct View {
    Audience audience = Audience::visitors;
    AudienceRules rules;
    model::Organisation organisation;
    model::SnapshotMeta meta;
    std::vector<ViewChampion> champions;
    std::vector<model::MonthlyFigures> monthly; // champion = ViewChampion::key, or "" if omitted
    // champion = ViewChampion::key; title and story empty where the rules hide them (a title is
    // never empty in a feed, so empty means hidden)
    std::vector<model::Success> successes;
    std::vector<model::Investment> investment;

    const ViewChampion* champion(std::string_view key) const; // by key, in constant time
    // Whether a success title of this champion may show: titles shown for this audience and the
    // champion named to it. The celebration asks this of the titles the sync found.
    bool shows_success_title(std::string_view key) const;

    std::unordered_map<std::string, std::size_t> by_key; // key -> index in champions
};

View make_view(const model::Snapshot& snapshot, Audience audience, const PrivacySettings& settings,
               Lang lang);

// "Sanne de Vries" -> full "Sanne de Vries", first_initial "Sanne V.", initials "SV".
std::string format_name(std::string_view full_name, NameFormat format);

} // namespace podium::scene
