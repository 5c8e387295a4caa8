// The names a feed workbook's sheets and columns go by, in English (the format's own) and Dutch:
// the reader (feed_xlsx.cpp) accepts each of them, the writer (feed_xlsx_write.cpp) writes the
// first of the language asked for.
#pragma once

#include <array>
#include <string_view>

namespace podium::sync::xlsx_names {

// In db::kTableNames order: organisation, champions, monthly, successes, investment.
struct SheetNames {
    std::string_view english, dutch;
    std::array<std::string_view, 2> more; // also read, never written
};
inline constexpr std::array<SheetNames, 5> kSheets = {{
    {"Organisation", "Organisatie", {"Organization", ""}},
    {"Champions", "Kampioenen", {"Ambassadeurs", ""}},
    {"Monthly", "Maandcijfers", {"Maandelijks", "Per maand"}},
    {"Successes", "Successen", {"Succesverhalen", ""}},
    {"Investment", "Investeringen", {"Investering", ""}},
}};

// A column's Dutch name for the format's field name; the first for a field is the one written.
struct ColumnName {
    std::string_view field, dutch;
};
inline constexpr ColumnName kDutchColumns[] = {
    {"name", "naam"},
    {"headcount", "medewerkers"},
    {"headcount", "aantal medewerkers"},
    {"currency", "valuta"},
    {"champion_goal_percent", "doel procent"},
    {"champion_goal_percent", "doelpercentage"},
    {"generated_at", "gegenereerd op"},
    {"id", "id"},
    {"team", "team"},
    {"photo", "foto"},
    {"consent_internal", "toestemming intern"},
    {"consent_public", "toestemming publiek"},
    {"consent_photo", "toestemming foto"},
    {"champion", "kampioen"},
    {"champion", "ambassadeur"},
    {"month", "maand"},
    {"followers", "volgers"},
    {"updates", "berichten"},
    {"interactions", "interacties"},
    {"reach", "bereik"},
    {"clicks", "kliks"},
    {"clicks", "klikken"},
    {"profile_views", "profielweergaven"},
    {"leads", "leads"},
    {"proposals", "offertes"},
    {"deals", "deals"},
    {"deal_value", "dealwaarde"},
    {"applicants", "sollicitanten"},
    {"hires", "aanwervingen"},
    {"date", "datum"},
    {"kind", "soort"},
    {"title", "titel"},
    {"story", "verhaal"},
    {"value", "waarde"},
    {"hours", "uren"},
    {"cost", "kosten"},
};

// Success kinds in Dutch, in model::kSuccessKinds order.
inline constexpr std::array<std::string_view, 8> kDutchKinds = {
    "lead", "offerte", "deal", "aanwerving", "spreker", "pers", "gesprek", "anders"};

} // namespace podium::sync::xlsx_names
