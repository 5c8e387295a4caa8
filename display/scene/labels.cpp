#include "labels.hpp"

namespace podium::scene {
namespace {

constexpr Labels kEnglish{
    "Leaderboard",
    "In the spotlight",
    "Results",
    "A colleague",
    "Demo data", "Data as of ",
    "This month",
    "Quarter to date",
    "Year to date",
    "Ranked by ",
    "Deal value",
    "Deals",
    "Leads",
    "Proposals",
    "Hires",
    "Interactions",
    "Reach",
    "Profile views",
    "Followers",
    "Updates",
    "Clicks",
    "Applicants",
    "Return on investment",
    "invested",
    "Investment",
    "All champions together",
    "h",
    "No figures yet",
    "Nobody to show yet",
    "Latest success",
    "New",
    "Lead",
    "Proposal",
    "Deal",
    "Hire",
    "Speaking",
    "Press",
    "Conversation",
    "Success",
    "Adoption",
    "Champions among all colleagues",
    " of ",
    "colleagues",
    "champion",
    "champions",
    "since",
    "Goal",
    "reached",
    "Latest successes",
    "No successes yet",
    "Score",
    "pts",
    "New deal!",
    "New hire!",
    "Just in",
    "more",
    "A new lead",
    "A proposal went out",
    "A new deal won",
    "A new colleague hired",
    "Invited to speak",
    "In the press",
    "A good conversation",
    "A success to share",
};

constexpr Labels kDutch{
    "Ranglijst",
    "In de schijnwerpers",
    "Resultaten",
    "Een collega",
    "Demogegevens", "Gegevens van ",
    "Deze maand",
    "Kwartaal tot nu",
    "Jaar tot nu",
    "Gerangschikt op ",
    "Dealwaarde",
    "Deals",
    "Leads",
    "Offertes",
    "Aannames",
    "Interacties",
    "Bereik",
    "Profielbezoeken",
    "Volgers",
    "Berichten",
    "Kliks",
    "Sollicitanten",
    "Rendement",
    "geïnvesteerd",
    "Investering",
    "Alle champions samen",
    "u",
    "Nog geen cijfers",
    "Nog niemand om te tonen",
    "Laatste succes",
    "Nieuw",
    "Lead",
    "Offerte",
    "Deal",
    "Aanname",
    "Spreker",
    "Pers",
    "Gesprek",
    "Succes",
    "Adoptie",
    "Champions onder alle collega's",
    " van ",
    "collega's",
    "champion",
    "champions",
    "sinds",
    "Doel",
    "bereikt",
    "Nieuwste successen",
    "Nog geen successen",
    "Score",
    "ptn",
    "Nieuwe deal!",
    "Nieuwe collega!",
    "Zojuist binnen",
    "meer",
    "Een nieuwe lead",
    "Een offerte verstuurd",
    "Een nieuwe deal binnen",
    "Een nieuwe collega aangenomen",
    "Uitgenodigd als spreker",
    "In de pers",
    "Een goed gesprek",
    "Een succes om te delen",
};

} // namespace

const Labels& labels(Lang lang) {
    return lang == Lang::nl ? kDutch : kEnglish;
}

std::string_view metric_label(const Labels& l, std::string_view m) {
    if (m == "deal_value") return l.deal_value;
    if (m == "deals") return l.deals;
    if (m == "leads") return l.leads;
    if (m == "proposals") return l.proposals;
    if (m == "hires") return l.hires;
    if (m == "interactions") return l.interactions;
    if (m == "reach") return l.reach;
    if (m == "profile_views") return l.profile_views;
    if (m == "followers") return l.followers;
    if (m == "updates") return l.updates;
    if (m == "clicks") return l.clicks;
    if (m == "applicants") return l.applicants;
    if (m == "score") return l.score;
    return m;
}

std::string_view success_kind_label(const Labels& l, std::string_view k) {
    if (k == "lead") return l.kind_lead;
    if (k == "proposal") return l.kind_proposal;
    if (k == "deal") return l.kind_deal;
    if (k == "hire") return l.kind_hire;
    if (k == "speaking") return l.kind_speaking;
    if (k == "press") return l.kind_press;
    if (k == "conversation") return l.kind_conversation;
    return l.kind_other;
}

std::string_view success_headline(const Labels& l, std::string_view k) {
    if (k == "lead") return l.headline_lead;
    if (k == "proposal") return l.headline_proposal;
    if (k == "deal") return l.headline_deal;
    if (k == "hire") return l.headline_hire;
    if (k == "speaking") return l.headline_speaking;
    if (k == "press") return l.headline_press;
    if (k == "conversation") return l.headline_conversation;
    return l.headline_other;
}

} // namespace podium::scene
