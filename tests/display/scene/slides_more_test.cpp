// The adoption, successes and fallback slides: what they compute and what they show.
#include "layout_check.hpp"

#include "display/scene/labels.hpp"

using namespace podium;
using namespace podium::scene;
using podium::test::check_layout;
using podium::test::has_text;

namespace {

DisplayList build_with(SlideKind kind, const View& view, float w, float h, Lang lang = Lang::en) {
    return build_slide(kind, view, test::context(w, h, lang), test::metrics());
}

DisplayList build_for(SlideKind kind, const model::Snapshot& s, Audience a, Lang lang = Lang::en,
                      float w = 1920, float h = 1080, const PrivacySettings& p = {}) {
    return build_with(kind, make_view(s, a, p, lang), w, h, lang);
}

// `now` champions with figures in October 2026, `year_ago` of them already in November 2025.
model::Snapshot programme(int now, int year_ago, std::optional<std::int64_t> headcount) {
    model::Snapshot s;
    s.feed.organisation.name = "Example Advisory";
    s.feed.organisation.headcount = headcount;
    for (int i = 0; i < now; ++i) {
        const std::string id = "c" + std::to_string(i);
        s.feed.champions.push_back(
            test::champion(id, "Person " + std::to_string(i), "Team", {true, true, false}));
        s.feed.monthly.push_back(test::figures(id, {2026, 10}, 10));
        if (i < year_ago) s.feed.monthly.push_back(test::figures(id, {2025, 11}, 10));
    }
    return s;
}

// The index of the first text run containing `needle`, or -1: reading order is draw order.
int position_of(const DisplayList& dl, std::string_view needle) {
    const auto texts = dl.texts();
    for (std::size_t i = 0; i < texts.size(); ++i)
        if (texts[i]->text.find(needle) != std::string::npos) return static_cast<int>(i);
    return -1;
}

bool any_text_has(const DisplayList& dl, char c) {
    for (const auto* t : dl.texts())
        if (t->text.find(c) != std::string::npos) return true;
    return false;
}

} // namespace

TEST_CASE("slide kinds: every kind has a name the command line can parse back") {
    for (SlideKind kind : kAllSlides)
        CHECK(parse_slide_kind(slide_kind_name(kind)) == kind);
    CHECK(parse_slide_kind("adoption") == SlideKind::adoption);
    CHECK(parse_slide_kind("successes") == SlideKind::successes);
    CHECK(parse_slide_kind("fallback") == SlideKind::fallback);
    CHECK_FALSE(parse_slide_kind("clock").has_value());
}

TEST_CASE("adoption: 40 of 420 colleagues is 9.5%, shown against the goal") {
    const auto s = programme(40, 12, 420);
    const auto view = make_view(s, Audience::visitors, PrivacySettings{}, Lang::en);
    const Adoption a = adoption_in(view, {2026, 10});
    CHECK(a.champions == 40);
    REQUIRE(a.percent.has_value());
    CHECK(*a.percent == doctest::Approx(100.0 * 40 / 420));
    CHECK(a.goal_percent == 10.0); // the feed's default goal

    const auto en = build_for(SlideKind::adoption, s, Audience::visitors);
    check_layout(en);
    CHECK(en.texts().front()->text == "Adoption");
    CHECK(has_text(en, "9.5%"));
    CHECK(has_text(en, "40 of 420 colleagues"));
    CHECK(has_text(en, "Goal 10%"));
    CHECK_FALSE(has_text(en, "reached"));
    CHECK(has_text(en, "+28 champions since Nov 2025"));
    // The big figure comes before what it means.
    CHECK(position_of(en, "9.5%") < position_of(en, "40 of 420"));

    const auto nl = build_for(SlideKind::adoption, s, Audience::visitors, Lang::nl);
    check_layout(nl);
    CHECK(nl.texts().front()->text == "Adoptie");
    CHECK(has_text(nl, "9,5%"));
    CHECK(has_text(nl, "40 van 420 collega's"));
    CHECK(has_text(nl, "Doel 10%"));
    CHECK(has_text(nl, "+28 champions sinds nov 2025"));
}

TEST_CASE("adoption: a goal with a decimal, a goal reached, and no goal at all") {
    auto s = programme(50, 50, 400);
    s.feed.organisation.champion_goal_percent = 12.5;
    auto dl = build_for(SlideKind::adoption, s, Audience::internal);
    CHECK(has_text(dl, "12.5%")); // 50 of 400, exactly the goal
    CHECK(has_text(dl, "Goal 12.5% reached"));
    CHECK(has_text(dl, "0 champions since Nov 2025")); // no growth: no plus sign
    CHECK_FALSE(has_text(dl, "+0"));

    s.feed.organisation.champion_goal_percent = 0; // no goal set: the share, no bar, no goal
    dl = build_for(SlideKind::adoption, s, Audience::internal);
    check_layout(dl);
    CHECK(has_text(dl, "12.5%"));
    CHECK_FALSE(has_text(dl, "Goal"));
}

TEST_CASE("adoption: without a headcount (missing or 0) it counts champions, never divides") {
    for (std::optional<std::int64_t> headcount :
         {std::optional<std::int64_t>{}, std::optional<std::int64_t>{0}}) {
        CAPTURE(headcount.value_or(-1));
        const auto s = programme(40, 12, headcount);
        const auto view = make_view(s, Audience::visitors, PrivacySettings{}, Lang::en);
        const Adoption a = adoption_in(view, {2026, 10});
        CHECK(a.champions == 40);
        CHECK_FALSE(a.headcount.has_value());
        CHECK_FALSE(a.percent.has_value());
        for (Lang lang : {Lang::en, Lang::nl})
            for (float w : {1920.0f, 1080.0f}) {
                const auto dl =
                    build_with(SlideKind::adoption, view, w, w == 1920 ? 1080 : 1920, lang);
                check_layout(dl);
                CHECK_FALSE(any_text_has(dl, '%'));
                CHECK(has_text(dl, "40"));
                CHECK(has_text(dl, "champions"));
                CHECK(has_text(dl, lang == Lang::en ? "+28 since Nov 2025" : "+28 sinds nov 2025"));
            }
    }
}

TEST_CASE("adoption: omitted champions still count; figures are needed for a share") {
    auto s = programme(40, 12, 420);
    for (int i = 0; i < 10; ++i)
        s.feed.champions[static_cast<std::size_t>(i)].consent = {};
    PrivacySettings p;
    p.visitors.without_consent = WithoutConsent::omit;
    const auto view = make_view(s, Audience::visitors, p, Lang::en);
    CHECK(view.champions.size() == 30);
    CHECK(champion_count(view, {2026, 10}) == 40);
    CHECK(has_text(build_with(SlideKind::adoption, view, 1920, 1080), "40 of 420 colleagues"));

    model::Snapshot empty;
    empty.feed.organisation.headcount = 420;
    const auto dl = build_for(SlideKind::adoption, empty, Audience::visitors);
    check_layout(dl);
    CHECK(has_text(dl, "No figures yet"));
}

namespace {

// Ten stories on distinct October days, listed oldest first; one dated after `now`.
model::Snapshot storybook() {
    auto s = programme(3, 0, 100);
    s.feed.champions[0].name = "Sanne de Vries";
    for (int day = 1; day <= 10; ++day)
        s.feed.successes.push_back({"c" + std::to_string(day % 3),
                                    {2026, 10, day * 3},
                                    "deal",
                                    "Story of day " + std::to_string(day * 3),
                                    "",
                                    12500});
    s.feed.successes.push_back({"c0", {2026, 12, 1}, "press", "Not yet news", "", 0});
    return s;
}

} // namespace

TEST_CASE("successes: newest first, as many as fit, future stories wait") {
    const auto s = storybook();
    const auto view = make_view(s, Audience::internal, PrivacySettings{}, Lang::en);
    const auto stories = latest_successes(view, {2026, 11, 25});
    REQUIRE(stories.size() == 10);
    for (std::size_t i = 1; i < stories.size(); ++i)
        CHECK(stories[i]->date < stories[i - 1]->date);

    for (auto [w, h, least, most] :
         {std::tuple{1920.0f, 1080.0f, 3, 4}, std::tuple{1280.0f, 720.0f, 3, 4},
          std::tuple{1080.0f, 1920.0f, 5, 6}}) {
        CAPTURE(w);
        const auto dl = build_with(SlideKind::successes, view, w, h);
        check_layout(dl);
        CHECK(dl.texts().front()->text == "Latest successes");
        CHECK_FALSE(has_text(dl, "Not yet news"));
        int shown = 0, previous = -1;
        for (int day = 30; day >= 3; day -= 3) {
            const int at = position_of(dl, "Story of day " + std::to_string(day));
            if (at < 0) break; // the rest did not fit; none may show after a gap
            CHECK(at > previous);
            previous = at;
            ++shown;
        }
        CHECK(shown >= least);
        CHECK(shown <= most);
        CHECK_FALSE(has_text(dl, "Story of day " + std::to_string(30 - 3 * shown)));
        CHECK(has_text(dl, "Deal"));
        CHECK(has_text(dl, "30 Oct"));
    }
}

TEST_CASE("successes: money for colleagues, never for visitors; names as the View gives them") {
    const auto s = storybook();
    const auto internal = build_for(SlideKind::successes, s, Audience::internal);
    CHECK(has_text(internal, "\u20ac12,500"));
    CHECK(has_text(internal, "Sanne de Vries"));
    const auto visitors = build_for(SlideKind::successes, s, Audience::visitors);
    check_layout(visitors);
    CHECK_FALSE(has_text(visitors, "\u20ac"));
    CHECK(has_text(visitors, "Sanne V."));
    PrivacySettings no_figures;
    no_figures.internal.show_figures = false;
    CHECK_FALSE(has_text(
        build_for(SlideKind::successes, s, Audience::internal, Lang::en, 1920, 1080, no_figures),
        "\u20ac"));
}

TEST_CASE("successes: a champion without consent shows as 'A colleague', or not at all") {
    auto s = storybook();
    s.feed.champions[0].consent = {true, false, false}; // Sanne: colleagues only
    PrivacySettings titles; // titles shown to visitors, yet never those of who may not be named
    titles.visitors.show_success_titles = true;
    const auto anonymised =
        build_for(SlideKind::successes, s, Audience::visitors, Lang::en, 1920, 1080, titles);
    CHECK_FALSE(has_text(anonymised, "Sanne"));
    CHECK(has_text(anonymised, "A colleague"));
    // Sanne's story keeps its place, but not its words (free text may name her): the kind's
    // headline stands in. A named colleague's title still shows.
    CHECK_FALSE(has_text(anonymised, "Story of day 27"));
    CHECK(has_text(anonymised, "A new deal won"));
    CHECK(has_text(anonymised, "Story of day 30"));

    PrivacySettings omit = titles;
    omit.visitors.without_consent = WithoutConsent::omit;
    const auto omitted =
        build_for(SlideKind::successes, s, Audience::visitors, Lang::en, 1920, 1080, omit);
    check_layout(omitted);
    CHECK_FALSE(has_text(omitted, "Sanne"));
    CHECK_FALSE(has_text(omitted, "A colleague"));
    CHECK_FALSE(has_text(omitted, "Story of day 27"));
    CHECK(has_text(omitted, "Story of day 24"));
}

TEST_CASE("successes: hidden titles (the public default) give the kind's headline, at every size") {
    const auto s = storybook();
    CHECK_FALSE(PrivacySettings{}.visitors.show_success_titles);
    CHECK(PrivacySettings{}.internal.show_success_titles);
    for (auto [w, h] : {std::pair{1280.0f, 720.0f}, std::pair{1920.0f, 1080.0f},
                        std::pair{3840.0f, 2160.0f}, std::pair{1080.0f, 1920.0f}})
        for (Lang lang : {Lang::en, Lang::nl}) {
            CAPTURE(w);
            const auto dl = build_for(SlideKind::successes, s, Audience::visitors, lang, w, h);
            check_layout(dl);
            CHECK_FALSE(has_text(dl, "Story of day"));
            // Still a story per row: the kind, the date, a headline and who (as privacy allows).
            CHECK(has_text(dl, lang == Lang::en ? "A new deal won" : "Een nieuwe deal binnen"));
            CHECK(has_text(dl, lang == Lang::en ? "30 Oct" : "30 okt"));
            CHECK(has_text(dl, "Sanne V."));
        }
    // The spotlight and the celebration say what happened without quoting the title.
    auto ctx = test::context(1920, 1080);
    const auto view = make_view(s, Audience::visitors, PrivacySettings{}, Lang::en);
    // c0's newest story is the press one dated after today: like the successes slide, the
    // spotlight waits for it and shows c0's latest deal up to today.
    for (const auto& [key, headline] : {std::pair{"c0", "A new deal won"}, std::pair{"c1", "A new deal won"},
                                        std::pair{"c2", "A new deal won"}}) {
        ctx.options.spotlight_key = key;
        const auto spot = build_slide(SlideKind::spotlight, view, ctx, test::metrics());
        check_layout(spot);
        CHECK_FALSE(has_text(spot, "Story of day"));
        CHECK_FALSE(has_text(spot, "Not yet news"));
        CHECK(has_text(spot, headline));
    }
    ctx.celebrations = {{"c0", "deal", "Story of day 30 with Sanne de Vries", {2026, 11, 20}}};
    const auto party = build_slide(SlideKind::celebration, view, ctx, test::metrics());
    check_layout(party);
    CHECK(has_text(party, "New deal!"));
    CHECK(has_text(party, "Sanne V."));
    CHECK_FALSE(has_text(party, "Story of day"));
    // Colleagues see the titles, by default.
    const auto inside = make_view(s, Audience::internal, PrivacySettings{}, Lang::en);
    CHECK(has_text(build_slide(SlideKind::celebration, inside, ctx, test::metrics()), "Story of day 30"));
}

TEST_CASE("successes: without stories a calm message, in both languages") {
    const auto s = programme(3, 0, 100);
    const auto en = build_for(SlideKind::successes, s, Audience::visitors);
    check_layout(en);
    CHECK(has_text(en, "No successes yet"));
    CHECK(has_text(build_for(SlideKind::successes, s, Audience::visitors, Lang::nl),
                   "Nog geen successen"));
}

TEST_CASE("fallback: the organisation, the time and the date, in English and Dutch") {
    auto ctx = test::context(1920, 1080);
    ctx.now = {2026, 11, 25, 14, 5};
    model::Snapshot s;
    s.feed.organisation.name = "Example Advisory";
    const auto view = make_view(s, Audience::visitors, PrivacySettings{}, Lang::en);
    const auto en = build_slide(SlideKind::fallback, view, ctx, test::metrics());
    check_layout(en);
    REQUIRE(en.texts().size() == 3);
    CHECK(en.texts()[0]->text == "Example Advisory");
    CHECK(en.texts()[1]->text == "14:05");
    CHECK(en.texts()[2]->text == "Wednesday 25 November 2026");
    // The clock is the largest thing on the screen.
    CHECK(en.texts()[1]->size > en.texts()[0]->size * 3);

    ctx.lang = Lang::nl;
    const auto nl = build_slide(SlideKind::fallback, view, ctx, test::metrics());
    CHECK(has_text(nl, "14:05"));
    CHECK(has_text(nl, "woensdag 25 november 2026"));

    ctx.now = {2027, 1, 3, 9, 0};
    CHECK(has_text(build_slide(SlideKind::fallback, view, ctx, test::metrics()),
                   "zondag 3 januari 2027"));
}

TEST_CASE("fallback: an empty View shows just the clock and the date, at every size") {
    const View empty;
    for (auto [w, h] : {std::pair{1280.0f, 720.0f}, std::pair{1920.0f, 1080.0f},
                        std::pair{3840.0f, 2160.0f}, std::pair{1080.0f, 1920.0f}}) {
        auto ctx = test::context(w, h);
        ctx.now = {2026, 11, 25, 0, 0};
        const auto dl = build_slide(SlideKind::fallback, empty, ctx, test::metrics());
        check_layout(dl);
        REQUIRE(dl.texts().size() == 2);
        CHECK(dl.texts()[0]->text == "00:00");
        CHECK(dl.texts()[1]->text == "Wednesday 25 November 2026");
    }
}
