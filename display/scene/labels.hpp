// Every word a slide shows, in English and Dutch.
#pragma once

#include "format.hpp"

#include <string>
#include <string_view>

namespace podium::scene {

struct Labels {
    std::string_view leaderboard, spotlight, results;
    std::string_view a_colleague;
    std::string_view demo_data, data_as_of;
    std::string_view this_month, this_quarter, year_to_date;
    std::string_view ranked_by; // "Ranked by {metric}"
    std::string_view deal_value, deals, leads, proposals, hires, interactions, reach, profile_views;
    std::string_view followers, updates, clicks, applicants;
    std::string_view roi, invested, investment, all_champions, hours_short, no_data_yet,
        no_one_to_show;
    std::string_view latest_success, new_entry;
    std::string_view kind_lead, kind_proposal, kind_deal, kind_hire, kind_speaking, kind_press,
        kind_conversation, kind_other;
    // Adoption: "40 of 420 colleagues", "+28 since Nov 2025", "Goal 10%" / "Goal 10% reached".
    std::string_view adoption, adoption_subtitle, of, colleagues, champion, champions, since, goal,
        reached;
    std::string_view successes, no_successes_yet;
    // The weighted score: "Ranked by score", "1,234 pts".
    std::string_view score, points;
    // Celebrations after a sync: "New deal!", "New hire!", "Just in", "+2 more".
    std::string_view new_deal, new_hire, just_in, more;
    // In place of a hidden success title: what kind of news it is, as a calm headline.
    std::string_view headline_lead, headline_proposal, headline_deal, headline_hire,
        headline_speaking, headline_press, headline_conversation, headline_other;
};

const Labels& labels(Lang lang);
std::string_view metric_label(const Labels& l, std::string_view metric_name);
std::string_view success_kind_label(const Labels& l, std::string_view kind);
std::string_view success_headline(const Labels& l, std::string_view kind); // "New deal won"

} // namespace podium::scene
