// A champion without consent for the current audience never appears by name, initials or photo,
// on any slide, at any size, whatever the settings.
#include "layout_check.hpp"

using namespace podium;
using namespace podium::scene;
using podium::test::has_text;

namespace {

// Success titles and stories are free text that names people, as real ones do.
constexpr std::pair<const char*, const char*> kPeople[] = {{"hidden-public", "Xanthippe Quorra"},
                                                           {"hidden-all", "Zebulon Yarrow"},
                                                           {"open", "Sanne de Vries"},
                                                           {"nophoto", "Daan Bakker"}};

std::vector<Celebration> celebrations_with_titles() {
    std::vector<Celebration> out;
    for (const auto& [id, name] : kPeople) out.push_back({id, "deal", std::string("Deal by ") + name, {2026, 11, 20}});
    return out;
}

// The non-consenting champions are the top performers, so every slide would want to show them.
model::Snapshot privacy_snapshot() {
    model::Snapshot s;
    s.feed.organisation.name = "Privacy Test BV";
    s.meta.photo_dir = "/var/lib/podium/photos";
    auto internal_only = test::champion("hidden-public", "Xanthippe Quorra", "Tax", {true, false, true});
    internal_only.photo = "photos/xq.jpg";
    auto nobody = test::champion("hidden-all", "Zebulon Yarrow", "Audit", {false, false, true});
    nobody.photo = "photos/zy.jpg";
    auto open_photo = test::champion("open", "Sanne de Vries", "Tax", {true, true, true});
    open_photo.photo = "photos/sv.jpg";
    auto no_photo = test::champion("nophoto", "Daan Bakker", "Legal", {true, true, false});
    no_photo.photo = "photos/db.jpg";
    s.feed.champions = {internal_only, nobody, open_photo, no_photo};
    s.feed.monthly = {test::figures("hidden-public", {2026, 10}, 900, 5, 9000000),
                      test::figures("hidden-all", {2026, 10}, 800, 4, 8000000),
                      test::figures("open", {2026, 10}, 100, 1, 100000),
                      test::figures("nophoto", {2026, 10}, 90, 1, 90000)};
    for (const auto& [id, name] : kPeople) {
        s.feed.successes.push_back({id, {2026, 10, 3}, "speaking", std::string("Keynote by ") + name,
                                    std::string("The story of ") + name, 0});
        s.feed.successes.push_back({id, {2026, 11, 20}, "deal", std::string("Deal by ") + name, "", 0});
    }
    return s;
}

// The cached photo file of a champion, as the view names it.
std::string photo_of(std::string_view id) { return "/var/lib/podium/photos/" + model::photo_file_name(id); }

bool shows_image(const DisplayList& dl, std::string_view champion_id) {
    for (const auto& item : dl.items)
        if (const auto* img = std::get_if<ImageItem>(&item); img && img->source == photo_of(champion_id))
            return true;
    return false;
}

void check_hidden(const DisplayList& dl, std::string_view first, std::string_view last,
                  std::string_view initials, std::string_view champion_id) {
    CHECK_FALSE(has_text(dl, first));
    CHECK_FALSE(has_text(dl, last));
    for (const auto* t : dl.texts()) CHECK(t->text != initials);
    CHECK_FALSE(shows_image(dl, champion_id));
}

std::vector<DisplayList> all_slides(const model::Snapshot& s, Audience a, const PrivacySettings& p) {
    std::vector<DisplayList> out;
    const auto view = make_view(s, a, p, Lang::en);
    for (SlideKind kind : kAllSlides)
        for (float w : {1920.0f, 1080.0f})
            for (std::size_t turn = 0; turn < 6; ++turn) {
                auto ctx = test::context(w, w == 1920 ? 1080 : 1920);
                ctx.options.spotlight_turn = turn;
                // A celebration of each of them, the hidden ones first, with titles naming them.
                ctx.celebrations = celebrations_with_titles();
                for (auto metric : {model::Metric::interactions, model::Metric::deals, model::Metric::deal_value}) {
                    ctx.options.metric = metric;
                    out.push_back(build_slide(kind, view, ctx, test::metrics()));
                }
            }
    return out;
}

} // namespace

TEST_CASE("privacy: visitors never see a champion without public consent") {
    const auto s = privacy_snapshot();
    for (auto names : {NameFormat::full, NameFormat::first_initial, NameFormat::initials, NameFormat::anonymous})
        for (auto without : {WithoutConsent::anonymise, WithoutConsent::omit}) {
            PrivacySettings p;
            p.visitors.names = names;
            p.visitors.without_consent = without;
            // Titles shown: still never those of a champion who may not be named (they name them).
            p.visitors.show_success_titles = true;
            p.visitors.show_success_stories = true;
            CAPTURE(static_cast<int>(names));
            CAPTURE(static_cast<int>(without));
            for (const auto& dl : all_slides(s, Audience::visitors, p)) {
                check_hidden(dl, "Xanthippe", "Quorra", "XQ", "hidden-public");
                check_hidden(dl, "Zebulon", "Yarrow", "ZY", "hidden-all");
                CHECK_FALSE(shows_image(dl, "nophoto")); // named, but no photo consent
            }
        }
}

TEST_CASE("privacy: colleagues never see a champion without internal consent") {
    const auto s = privacy_snapshot();
    for (auto without : {WithoutConsent::anonymise, WithoutConsent::omit}) {
        PrivacySettings p;
        p.internal.without_consent = without;
        bool saw_internal_only = false;
        for (const auto& dl : all_slides(s, Audience::internal, p)) {
            check_hidden(dl, "Zebulon", "Yarrow", "ZY", "hidden-all");
            saw_internal_only |= has_text(dl, "Xanthippe Quorra");
        }
        CHECK(saw_internal_only); // consent for colleagues is honoured too: they are shown
    }
}

TEST_CASE("privacy: a consenting champion's cached photo does show (the checks above can fail)") {
    bool shown = false;
    for (const auto& dl : all_slides(privacy_snapshot(), Audience::visitors, PrivacySettings{}))
        shown |= shows_image(dl, "open");
    CHECK(shown);
}

TEST_CASE("privacy: anonymised champions keep their place as 'A colleague'; omitted ones vanish") {
    const auto s = privacy_snapshot();
    auto ctx = test::context(1920, 1080);
    PrivacySettings p; // visitors: anonymise by default
    auto view = make_view(s, Audience::visitors, p, Lang::en);
    auto rows = leaderboard(view, model::Metric::interactions, Period::month, {2026, 10}, 10);
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].champion->display_name == "A colleague");
    CHECK(rows[0].champion->initials.empty());
    CHECK(rows[0].champion->photo.empty());
    CHECK(has_text(build_slide(SlideKind::leaderboard, view, ctx, test::metrics()), "A colleague"));

    p.visitors.without_consent = WithoutConsent::omit;
    view = make_view(s, Audience::visitors, p, Lang::en);
    rows = leaderboard(view, model::Metric::interactions, Period::month, {2026, 10}, 10);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].champion->key == "open");
    // Omitted champions still count in the organisation's totals: the results stay true.
    CHECK(total(view, model::Metric::deals, {{2026, 10}, {2026, 10}}) == 11);
}

TEST_CASE("privacy: the spotlight only picks champions with consent for the audience") {
    const auto s = privacy_snapshot();
    const auto visitors = make_view(s, Audience::visitors, PrivacySettings{}, Lang::en);
    const auto picks = spotlight_candidates(visitors, {2026, 10});
    REQUIRE(picks.size() == 2);
    for (const auto* c : picks) CHECK((c->key == "open" || c->key == "nophoto"));
    const auto internal = make_view(s, Audience::internal, PrivacySettings{}, Lang::en);
    CHECK(spotlight_candidates(internal, {2026, 10}).size() == 3);
}

TEST_CASE("privacy: name formats and the careful visitor defaults") {
    CHECK(format_name("Sanne de Vries", NameFormat::full) == "Sanne de Vries");
    CHECK(format_name("Sanne de Vries", NameFormat::first_initial) == "Sanne V.");
    CHECK(format_name("Sanne de Vries", NameFormat::initials) == "SV");
    CHECK(format_name("Łukasz Żółw", NameFormat::initials) == "ŁŻ");
    CHECK(format_name("Cher", NameFormat::first_initial) == "Cher");
    CHECK(format_name("Sanne de Vries", NameFormat::anonymous).empty());
    const PrivacySettings defaults;
    CHECK(defaults.visitors.names == NameFormat::first_initial);
    CHECK_FALSE(defaults.visitors.show_money);
    // Visitors see no money amounts, on any slide.
    const auto view = make_view(privacy_snapshot(), Audience::visitors, defaults, Lang::en);
    for (SlideKind kind : kAllSlides) {
        auto ctx = test::context(1920, 1080);
        ctx.options.metric = model::Metric::deal_value;
        CHECK_FALSE(has_text(build_slide(kind, view, ctx, test::metrics()), "\u20ac"));
    }
}

namespace {

// The success texts of every champion, as the feed has them.
std::vector<std::string> success_texts() {
    std::vector<std::string> out;
    for (const auto& [id, name] : kPeople)
        for (const char* prefix : {"Keynote by ", "Deal by ", "The story of "}) out.push_back(prefix + std::string(name));
    return out;
}

// What the View keeps of success texts: only where shown for the audience, only of champions
// named to it.
void check_success_texts_in_view(const View& view, const AudienceRules& rules) {
    for (const auto& s : view.successes) {
        const bool named = view.champion(s.champion)->named;
        CAPTURE(s.champion);
        CHECK(s.title.empty() == !(named && rules.show_success_titles));
        if (!(named && rules.show_success_stories)) CHECK(s.story.empty());
    }
}

} // namespace

TEST_CASE("privacy: every setting, for both audiences, against every slide") {
    // names x money x figures x teams x without-consent x success titles x success stories, for
    // colleagues and for visitors: the non-consenting never show; money, figures, teams and
    // success texts hide when their setting says so.
    const auto s = privacy_snapshot();
    int combinations = 0;
    for (Audience audience : {Audience::internal, Audience::visitors})
        for (auto names : {NameFormat::full, NameFormat::first_initial, NameFormat::initials, NameFormat::anonymous})
            for (int flags = 0; flags < 64; ++flags) {
                AudienceRules rules;
                rules.names = names;
                rules.show_money = flags & 1;
                rules.show_figures = flags & 2;
                rules.show_teams = flags & 4;
                rules.without_consent = flags & 8 ? WithoutConsent::omit : WithoutConsent::anonymise;
                rules.show_success_titles = flags & 16;
                rules.show_success_stories = flags & 32;
                rules.team_min = 1; // teams show wherever allowed, so hiding them is tested
                PrivacySettings p;
                (audience == Audience::internal ? p.internal : p.visitors) = rules;
                const auto view = make_view(s, audience, p, Lang::en);
                ++combinations;
                CAPTURE(combinations);
                check_success_texts_in_view(view, rules);
                bool saw_title = false;
                for (SlideKind kind : kAllSlides) {
                    auto ctx = test::context(1920, 1080);
                    ctx.celebrations = celebrations_with_titles();
                    for (std::size_t turn = 0; turn < 4; ++turn) {
                        ctx.options.spotlight_turn = turn;
                        ctx.options.metric = turn % 2 ? model::Metric::deal_value : model::Metric::interactions;
                        const auto dl = build_slide(kind, view, ctx, test::metrics());
                        // The checks below can fail: with figures on, the open champion's 100
                        // interactions do show.
                        if (rules.show_figures && kind == SlideKind::leaderboard && turn % 2 == 0)
                            CHECK(has_text(dl, "100"));
                        check_hidden(dl, "Zebulon", "Yarrow", "ZY", "hidden-all");
                        if (audience == Audience::visitors)
                            check_hidden(dl, "Xanthippe", "Quorra", "XQ", "hidden-public");
                        CHECK_FALSE(shows_image(dl, "nophoto"));
                        if (names == NameFormat::anonymous)
                            for (const auto* name : {"Sanne", "Daan", "Xanthippe"}) CHECK_FALSE(has_text(dl, name));
                        if (!rules.show_money) CHECK_FALSE(has_text(dl, "\u20ac"));
                        if (!rules.show_teams)
                            for (const auto* team : {"Tax", "Audit", "Legal"}) CHECK_FALSE(has_text(dl, team));
                        // Ranks only: no champion's own figure (900, 800, 100, 90 interactions)
                        // on the slides about people.
                        if (!rules.show_figures && (kind == SlideKind::leaderboard || kind == SlideKind::spotlight))
                            for (const auto* figure : {"900", "800", "100", "90"}) CHECK_FALSE(has_text(dl, figure));
                        // Success texts: none at all where hidden; no slide shows a story.
                        for (const auto& text : success_texts()) {
                            const bool story = text.starts_with("The story");
                            if (story || !rules.show_success_titles) CHECK_FALSE(has_text(dl, text));
                            saw_title |= has_text(dl, text);
                        }
                    }
                }
                // The check above can fail: titles shown to an audience that names people do show.
                if (rules.show_success_titles && names != NameFormat::anonymous) CHECK(saw_title);
            }
    CHECK(combinations == 512);
}

TEST_CASE("privacy: an anonymised colleague's team shows only when the team has team_min champions in view") {
    // "Secret Squad" is one colleague without public consent: "A colleague · Secret Squad" would
    // name them. Tax has five in the view: the anonymised one among them may keep the team.
    model::Snapshot s;
    s.feed.organisation.name = "Team Test BV";
    s.feed.champions = {test::champion("solo", "Quintus Ravel", "Secret Squad", {true, false, false})};
    s.feed.monthly = {test::figures("solo", {2026, 10}, 900)};
    for (int i = 0; i < 5; ++i) {
        const std::string id = "tax" + std::to_string(i);
        s.feed.champions.push_back(test::champion(id, "Tax Person" + std::to_string(i), "Tax", {true, i > 0, false}));
        s.feed.monthly.push_back(test::figures(id, {2026, 10}, 100 + i));
    }
    const auto team_of = [](const View& v, std::string_view key) { return v.champion(key)->team; };
    for (Audience audience : {Audience::visitors, Audience::internal}) {
        CAPTURE(audience_name(audience));
        PrivacySettings p; // team_min 5 by default, for both audiences
        CHECK(p.rules(audience).team_min == 5);
        auto& rules = audience == Audience::internal ? p.internal : p.visitors;
        if (audience == Audience::internal) rules.names = NameFormat::anonymous; // all anonymised
        auto view = make_view(s, audience, p, Lang::en);
        CHECK(team_of(view, "solo").empty());
        CHECK(team_of(view, "tax0") == "Tax");
        for (SlideKind kind : kAllSlides)
            for (float w : {1920.0f, 1080.0f}) {
                auto ctx = test::context(w, w == 1920 ? 1080 : 1920);
                ctx.celebrations.push_back({"solo", "deal", "", {2026, 11, 20}});
                CHECK_FALSE(has_text(build_slide(kind, view, ctx, test::metrics()), "Secret Squad"));
            }
        rules.team_min = 6; // now Tax is too small for its anonymised colleague; named ones keep it
        view = make_view(s, audience, p, Lang::en);
        CHECK(team_of(view, "tax0").empty());
        if (audience == Audience::visitors) CHECK(team_of(view, "tax1") == "Tax");
        rules.team_min = 1; // the team always shows: the check above can fail
        view = make_view(s, audience, p, Lang::en);
        CHECK(team_of(view, "solo") == "Secret Squad");
        CHECK(has_text(build_slide(SlideKind::leaderboard, view, test::context(1920, 1080), test::metrics()),
                       "Secret Squad"));
    }
    // Omitted colleagues are not shown, so they do not count: four left in Tax.
    PrivacySettings p;
    p.visitors.without_consent = WithoutConsent::omit;
    p.visitors.names = NameFormat::anonymous; // everyone anonymised, tax0 omitted (no consent)
    const auto view = make_view(s, Audience::visitors, p, Lang::en);
    CHECK(view.champion("tax0") == nullptr);
    CHECK(team_of(view, "tax1").empty());
}
