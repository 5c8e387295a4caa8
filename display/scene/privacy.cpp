#include "privacy.hpp"

#include "labels.hpp"
#include "text_measure.hpp"

#include <unordered_map>

namespace podium::scene {
namespace {

std::vector<std::u32string> words(std::string_view s) {
    std::vector<std::u32string> out;
    std::u32string current;
    for (char32_t c : decode_utf8(s)) {
        if (c == U' ' || c == U'\t') {
            if (!current.empty()) out.push_back(std::move(current));
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.empty()) out.push_back(std::move(current));
    return out;
}

std::u32string first_letter(const std::u32string& w) {
    return w.substr(0, 1);
}

// An anonymised colleague's team is a clue to who they are: it stays only when the team has at
// least rules.team_min champions in the View, named or anonymised, so the colleague is one of
// that many. Named champions keep theirs: it says nothing their name does not.
void hide_small_teams(View& v) {
    std::unordered_map<std::string, int> members;
    for (const auto& c : v.champions)
        if (!c.team.empty()) ++members[c.team];
    for (auto& c : v.champions)
        if (!c.named && !c.team.empty() && members[c.team] < v.rules.team_min) c.team.clear();
}

} // namespace

std::optional<Audience> parse_audience(std::string_view s) {
    if (s == "internal") return Audience::internal;
    if (s == "public") return Audience::visitors;
    return std::nullopt;
}

std::string_view audience_name(Audience a) {
    return a == Audience::internal ? "internal" : "public";
}

std::string format_name(std::string_view full_name, NameFormat format) {
    const auto w = words(full_name);
    if (w.empty()) return {};
    switch (format) {
    case NameFormat::full:
        return std::string(full_name);
    case NameFormat::first_initial:
        // The last word's initial: "Sanne de Vries" -> "Sanne V." (Dutch prefixes are skipped).
        return w.size() == 1 ? encode_utf8(w[0])
                             : encode_utf8(w[0] + U" " + first_letter(w.back()) + U".");
    case NameFormat::initials:
        return w.size() == 1 ? encode_utf8(first_letter(w[0]))
                             : encode_utf8(first_letter(w[0]) + first_letter(w.back()));
    case NameFormat::anonymous:
        return {};
    }
    return {};
}

const ViewChampion* View::champion(std::string_view key) const {
    const auto it = by_key.find(std::string(key));
    return it == by_key.end() ? nullptr : &champions[it->second];
}

bool View::shows_success_title(std::string_view key) const {
    const ViewChampion* who = champion(key);
    return rules.show_success_titles && who && who->named;
}

View make_view(const model::Snapshot& snapshot, Audience audience, const PrivacySettings& settings,
               Lang lang) {
    View v;
    v.audience = audience;
    v.rules = settings.rules(audience);
    v.organisation = snapshot.feed.organisation;
    v.meta = snapshot.meta;
    v.investment = snapshot.feed.investment;

    std::unordered_map<std::string, bool> kept; // feed id -> shown (named or anonymised)
    for (const auto& c : snapshot.feed.champions) {
        const bool consent =
            audience == Audience::internal ? c.consent.internal : c.consent.is_public;
        const bool named = consent && v.rules.names != NameFormat::anonymous;
        if (!consent && v.rules.without_consent == WithoutConsent::omit) {
            kept[c.id] = false;
            continue;
        }
        kept[c.id] = true;
        ViewChampion vc;
        vc.key = c.id;
        vc.named = named;
        vc.team = v.rules.show_teams ? c.team : std::string();
        if (named) {
            vc.display_name = format_name(c.name, v.rules.names);
            vc.initials = format_name(c.name, NameFormat::initials);
            // The cached file, never the feed's URL: the screen does not wait on the network.
            if (c.consent.photo && !c.photo.empty() && !snapshot.meta.photo_dir.empty())
                vc.photo = snapshot.meta.photo_dir + "/" + model::photo_file_name(c.id);
        } else {
            // No name, initials or photo; the team (if teams are shown) stays in its own field.
            vc.display_name = std::string(labels(lang).a_colleague);
        }
        v.by_key.emplace(vc.key, v.champions.size());
        v.champions.push_back(std::move(vc));
    }
    hide_small_teams(v);
    for (auto m : snapshot.feed.monthly) {
        if (!kept[m.champion]) m.champion.clear();
        v.monthly.push_back(std::move(m));
    }
    for (const auto& s : snapshot.feed.successes) {
        if (!kept[s.champion]) continue;
        model::Success shown = s;
        // Free text may name anyone: dropped here, once, so no slide can show it by mistake.
        if (!v.shows_success_title(s.champion)) shown.title.clear();
        if (!v.rules.show_success_stories || !v.champion(s.champion)->named) shown.story.clear();
        v.successes.push_back(std::move(shown));
    }
    return v;
}

} // namespace podium::scene
