#include "layout_check.hpp"

#include "display/scene/labels.hpp"

using namespace podium;
using namespace podium::scene;
using podium::test::check_layout;
using podium::test::has_text;

namespace {

struct Size {
    float w, h;
};
constexpr Size kSizes[] = {{1280, 720}, {1920, 1080}, {3840, 2160}, {1080, 1920}};

DisplayList build(SlideKind kind, const model::Snapshot& snap, Size size, Audience audience,
                  Lang lang = Lang::en, SlideOptions options = {}) {
    auto ctx = test::context(size.w, size.h, lang);
    ctx.options = options;
    const auto view = make_view(snap, audience, PrivacySettings{}, lang);
    return build_slide(kind, view, ctx, test::metrics());
}

model::Snapshot single(const model::Champion& c, std::int64_t interactions = 120) {
    model::Snapshot s;
    s.feed.organisation.name = "Example Advisory";
    s.feed.champions = {c};
    s.feed.monthly = {test::figures(c.id, {2026, 10}, interactions, 1, 1850000)};
    return s;
}

} // namespace

TEST_CASE("every slide keeps its layout rules at every size, audience and language") {
    const auto demo = test::demo_snapshot();
    for (SlideKind kind : kAllSlides)
        for (Size size : kSizes)
            for (Audience audience : {Audience::internal, Audience::visitors})
                for (Lang lang : {Lang::en, Lang::nl}) {
                    CAPTURE(slide_kind_name(kind));
                    CAPTURE(size.w);
                    CAPTURE(size.h);
                    CAPTURE(audience_name(audience));
                    const auto dl = build(kind, demo, size, audience, lang);
                    check_layout(dl);
                    // The fallback is sparse on purpose: name, clock, date (and the demo badge).
                    CHECK(dl.texts().size() >= (kind == SlideKind::fallback ? 3u : 5u));
                }
}

TEST_CASE("the text-size setting (0.75 to 1.5) keeps every slide's layout rules") {
    const auto demo = test::demo_snapshot();
    for (float scale : {0.75f, 1.25f, 1.5f})
        for (SlideKind kind : kAllSlides)
            for (Size size : kSizes) {
                CAPTURE(scale);
                CAPTURE(slide_kind_name(kind));
                CAPTURE(size.w);
                auto ctx = test::context(size.w, size.h);
                ctx.text_scale = scale;
                const auto view = make_view(demo, Audience::internal, PrivacySettings{}, Lang::en);
                const auto dl = build_slide(kind, view, ctx, test::metrics());
                check_layout(dl);
                // Larger text is larger: taken together, the texts grow with the setting.
                auto plain = test::context(size.w, size.h);
                const auto base = build_slide(kind, view, plain, test::metrics());
                auto sum = [](const DisplayList& l) {
                    float total = 0;
                    for (const auto* t : l.texts()) total += t->size;
                    return total / static_cast<float>(l.texts().size());
                };
                if (scale > 1) CHECK(sum(dl) > sum(base));
            }
}

TEST_CASE("the minimum text size is 1/30 of the shorter side: 36 px at 1080p") {
    const auto dl = build(SlideKind::leaderboard, test::demo_snapshot(), {1920, 1080}, Audience::internal);
    CHECK(dl.min_text_size == doctest::Approx(36));
    const auto dl4k = build(SlideKind::leaderboard, test::demo_snapshot(), {3840, 2160}, Audience::internal);
    CHECK(dl4k.min_text_size == doctest::Approx(72));
    // Safe area: 5 % margins for TV overscan.
    CHECK(dl.safe_area.x == doctest::Approx(96));
    CHECK(dl.safe_area.y == doctest::Approx(54));
}

namespace {

// What each slide reads first, and whether it names the month it reports on. Spelled out per kind
// so a new slide has to say what it opens with.
struct Opening {
    std::string_view first;
    bool reports_month;
};

Opening opening(SlideKind kind, const Labels& l, std::string_view organisation) {
    switch (kind) {
    case SlideKind::leaderboard:
        return {l.leaderboard, true};
    case SlideKind::spotlight:
        return {l.spotlight, true};
    case SlideKind::results:
        return {l.results, true};
    case SlideKind::adoption:
        return {l.adoption, true};
    case SlideKind::successes:
        return {l.successes, true};
    case SlideKind::fallback: // no title and no month: the organisation's name, then the clock
        return {organisation, false};
    case SlideKind::celebration: // the demo's latest news is a deal
        return {l.new_deal, true};
    }
    return {};
}

} // namespace

TEST_CASE("slides read in order: title first, and the demo badge shows only on demo data") {
    auto demo = test::demo_snapshot();
    for (SlideKind kind : kAllSlides) {
        CAPTURE(slide_kind_name(kind));
        const auto dl = build(kind, demo, {1920, 1080}, Audience::internal);
        const Opening expected = opening(kind, labels(Lang::en), demo.feed.organisation.name);
        REQUIRE(!dl.texts().empty());
        CHECK(dl.texts().front()->text == expected.first);
        CHECK(has_text(dl, "October 2026") == expected.reports_month);
        CHECK(has_text(dl, "Demo data"));
    }
    demo.meta.is_demo = false;
    CHECK_FALSE(has_text(build(SlideKind::results, demo, {1920, 1080}, Audience::internal), "Demo data"));
}

TEST_CASE("leaderboard: top ten by the metric, highest first, ties share a rank") {
    model::Snapshot s;
    s.feed.organisation.name = "Ties Inc";
    const std::int64_t values[] = {50, 80, 80, 30, 0, 65, 20, 10, 5, 4, 3, 2, 1};
    for (std::size_t i = 0; i < std::size(values); ++i) {
        const std::string id = "c" + std::to_string(i);
        s.feed.champions.push_back(test::champion(id, "Person" + std::to_string(i) + " Test", "Team", {true, true, false}));
        s.feed.monthly.push_back(test::figures(id, {2026, 10}, values[i]));
    }
    const auto view = make_view(s, Audience::internal, PrivacySettings{}, Lang::en);
    const auto rows = leaderboard(view, model::Metric::interactions, Period::month, {2026, 10}, 10);
    REQUIRE(rows.size() == 10);
    CHECK(rows[0].value == 80);
    CHECK(rows[1].value == 80);
    CHECK(rows[0].rank == 1);
    CHECK(rows[1].rank == 1); // a tie shares the rank
    CHECK(rows[2].rank == 3); // and the next rank skips
    CHECK(rows[2].value == 65);
    for (std::size_t i = 1; i < rows.size(); ++i) CHECK(rows[i - 1].value >= rows[i].value);
    // Nobody at zero: a leaderboard never lists the bottom.
    for (const auto& r : rows) CHECK(r.value > 0);

    const auto dl = build(SlideKind::leaderboard, s, {1920, 1080}, Audience::internal);
    check_layout(dl);
    CHECK(has_text(dl, "Person1 Test"));
    CHECK_FALSE(has_text(dl, "Person4 Test")); // zero
    CHECK_FALSE(has_text(dl, "Person12 Test")); // eleventh and beyond
}

TEST_CASE("leaderboard movement: up, down, same and new against the previous month") {
    model::Snapshot s;
    s.feed.organisation.name = "Moves";
    for (const char* id : {"a", "b", "c", "d"})
        s.feed.champions.push_back(test::champion(id, std::string("Name ") + id, "T", {true, true, false}));
    s.feed.monthly = {test::figures("a", {2026, 9}, 10), test::figures("b", {2026, 9}, 20),
                      test::figures("c", {2026, 9}, 30), test::figures("a", {2026, 10}, 50),
                      test::figures("b", {2026, 10}, 20), test::figures("c", {2026, 10}, 10),
                      test::figures("d", {2026, 10}, 5)};
    const auto view = make_view(s, Audience::internal, PrivacySettings{}, Lang::en);
    const auto rows = leaderboard(view, model::Metric::interactions, Period::month, {2026, 10}, 10);
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].champion->key == "a");
    CHECK(rows[0].previous_rank == 3); // up from 3 to 1
    CHECK(rows[1].previous_rank == 2); // same
    CHECK(rows[2].previous_rank == 1); // down from 1 to 3
    CHECK_FALSE(rows[3].previous_rank.has_value()); // new
    CHECK(has_text(build(SlideKind::leaderboard, s, {1920, 1080}, Audience::internal), "New"));
}

TEST_CASE("periods: quarter and year to date, and the month reported on") {
    CHECK(period_range(Period::quarter, {2026, 11}).first == model::YearMonth{2026, 10});
    CHECK(period_range(Period::year, {2026, 11}).first == model::YearMonth{2026, 1});
    CHECK(previous_range(Period::quarter, {2026, 11}).first == model::YearMonth{2026, 7});
    CHECK(previous_range(Period::quarter, {2026, 11}).last == model::YearMonth{2026, 8});
    CHECK(previous_range(Period::month, {2026, 1}).first == model::YearMonth{2025, 12});
    const auto view = make_view(test::demo_snapshot(), Audience::internal, PrivacySettings{}, Lang::en);
    CHECK(report_month(view, {2026, 11}) == model::YearMonth{2026, 10});
    CHECK(report_month(view, {2026, 3}) == model::YearMonth{2026, 3});
    CHECK_FALSE(report_month(view, {2020, 1}).has_value());
}

TEST_CASE("empty and extreme data never break a slide") {
    SUBCASE("no data at all: a calm message, never an error") {
        model::Snapshot empty;
        empty.feed.organisation.name = "Nobody Yet";
        for (SlideKind kind : kAllSlides) {
            CAPTURE(slide_kind_name(kind));
            const auto dl = build(kind, empty, {1920, 1080}, Audience::visitors);
            check_layout(dl);
            if (kind == SlideKind::successes || kind == SlideKind::celebration)
                CHECK(has_text(dl, "No successes yet"));
            else if (kind == SlideKind::fallback)
                CHECK(has_text(dl, "10:00")); // the clock, whatever the data
            else
                CHECK(has_text(dl, "No figures yet"));
        }
    }
    SUBCASE("one champion") {
        auto s = single(test::champion("x", "Sanne de Vries", "Tax", {true, true, true}));
        s.feed.successes = {{"x", {2026, 10, 14}, "deal", "A first deal", "", 18500}};
        for (SlideKind kind : kAllSlides) {
            CAPTURE(slide_kind_name(kind));
            const auto dl = build(kind, s, {1920, 1080}, Audience::internal);
            check_layout(dl);
            // Results, adoption and the clock are about everyone: they name nobody.
            const bool names_people = kind == SlideKind::leaderboard ||
                                      kind == SlideKind::spotlight || kind == SlideKind::successes ||
                                      kind == SlideKind::celebration;
            CHECK(has_text(dl, "Sanne de Vries") == names_people);
        }
    }
    SUBCASE("a 200-character name, Greek and Cyrillic names, huge figures") {
        const std::string long_name = std::string(100, 'W') + " " + std::string(99, 'M');
        for (const std::string& name : {long_name, std::string("Νίκος Παπαδόπουλος"), std::string("Анастасия Кузнецова")}) {
            auto s = single(test::champion("x", name, "Ελληνικά και русский", {true, true, true}), 1234567890);
            s.feed.monthly[0].deal_value_cents = 123456789012;
            s.feed.investment = {{{2026, 10}, 1e6, 1.5e9}};
            s.feed.organisation.name = name;
            s.feed.organisation.headcount = 9'000'000'000'000'000'000;
            s.feed.successes = {{"x", {2026, 10, 14}, "conversation", name + " " + name, "", 1.2e12}};
            for (SlideKind kind : kAllSlides)
                for (Size size : kSizes) {
                    CAPTURE(name);
                    check_layout(build(kind, s, size, Audience::internal));
                }
        }
        const auto dl = build(SlideKind::spotlight, single(test::champion("x", long_name, "T", {true, true, true})),
                              {1920, 1080}, Audience::internal);
        CHECK(has_text(dl, "\u2026")); // ellipsised, not overflowing
    }
    SUBCASE("10,000 champions") {
        model::Snapshot s;
        s.feed.organisation.name = "Huge Corp";
        s.feed.organisation.headcount = 12000;
        for (int i = 0; i < 10000; ++i) {
            const std::string id = "c" + std::to_string(i);
            s.feed.champions.push_back(test::champion(id, "Person " + std::to_string(i), "Team " + std::to_string(i % 50), {true, true, false}));
            s.feed.monthly.push_back(test::figures(id, {2026, 10}, 1 + (i * 7919) % 100000));
            if (i % 10 == 0) s.feed.successes.push_back({id, {2026, 10, 1 + i % 28}, "lead", "Story " + id, "", 5000});
        }
        for (SlideKind kind : kAllSlides) check_layout(build(kind, s, {1920, 1080}, Audience::visitors));
        const auto view = make_view(s, Audience::visitors, PrivacySettings{}, Lang::en);
        CHECK(leaderboard(view, model::Metric::interactions, Period::month, {2026, 10}, 10).size() == 10);
    }
}

TEST_CASE("Dutch slides use Dutch words and number formats") {
    auto s = single(test::champion("x", "Sanne de Vries", "Tax", {true, true, true}));
    s.feed.monthly[0].set(model::Metric::interactions, 18500);
    const auto dl = build(SlideKind::leaderboard, s, {1920, 1080}, Audience::internal, Lang::nl);
    CHECK(dl.texts().front()->text == "Ranglijst");
    CHECK(has_text(dl, "oktober 2026"));
    CHECK(has_text(dl, "18.500"));
    const auto results = build(SlideKind::results, s, {1920, 1080}, Audience::internal, Lang::nl);
    CHECK(has_text(results, "€ 18.500"));
}

TEST_CASE("stale data says so: a 'data as of' badge on every slide with figures, only when set") {
    const auto demo = test::demo_snapshot();
    for (SlideKind kind : kAllSlides)
        for (Size size : kSizes)
            for (Lang lang : {Lang::en, Lang::nl}) {
                CAPTURE(slide_kind_name(kind));
                auto ctx = test::context(size.w, size.h, lang);
                const auto view = make_view(demo, Audience::visitors, PrivacySettings{}, lang);
                CHECK_FALSE(has_text(build_slide(kind, view, ctx, test::metrics()),
                                     lang == Lang::en ? "Data as of" : "Gegevens van"));
                ctx.data_as_of = LocalTime{2026, 11, 24, 14, 5};
                const auto dl = build_slide(kind, view, ctx, test::metrics());
                check_layout(dl);
                // The fallback shows no figures (a clock and a date), so there is nothing to date.
                CHECK(has_text(dl, lang == Lang::en ? "Data as of 24 Nov 14:05" : "Gegevens van 24 nov 14:05") ==
                      (kind != SlideKind::fallback));
            }
}

TEST_CASE("spotlight rotation: each eligible colleague once per round, a pin holds, the slide obeys") {
    model::Snapshot s;
    s.feed.organisation.name = "Round Robin BV";
    for (const char* id : {"c", "a", "b"}) {
        s.feed.champions.push_back(test::champion(id, std::string("Person ") + id, "T", {true, true, false}));
        s.feed.monthly.push_back(test::figures(id, {2026, 10}, 10));
    }
    const auto view = make_view(s, Audience::visitors, PrivacySettings{}, Lang::en);
    const auto candidates = spotlight_candidates(view, {2026, 10});
    REQUIRE(candidates.size() == 3);
    std::vector<std::string> shown;
    std::vector<std::string> order;
    for (int i = 0; i < 7; ++i) order.push_back(pick_spotlight(candidates, shown, ""));
    CHECK(order == std::vector<std::string>{"a", "b", "c", "a", "b", "c", "a"});

    shown = {"a", "gone"}; // a champion who left the feed does not block the round
    CHECK(pick_spotlight(candidates, shown, "") == "b");
    CHECK(pick_spotlight(candidates, shown, "c") == "c"); // pinned
    CHECK(pick_spotlight(candidates, shown, "c") == "c");
    CHECK(pick_spotlight(candidates, shown, "nobody") == "c"); // a pin not eligible is ignored
    std::vector<std::string> none;
    CHECK(pick_spotlight({}, none, "a").empty());

    auto ctx = test::context(1920, 1080);
    ctx.options.spotlight_key = "b";
    CHECK(has_text(build_slide(SlideKind::spotlight, view, ctx, test::metrics()), "Person b"));
    ctx.options.spotlight_key = "c";
    CHECK(has_text(build_slide(SlideKind::spotlight, view, ctx, test::metrics()), "Person c"));
}

TEST_CASE("spotlight: the latest story up to today, never one dated later") {
    model::Snapshot s;
    s.feed.champions.push_back(test::champion("a", "Person a", "T", {true, true, false}));
    s.feed.monthly.push_back(test::figures("a", {2026, 11}, 10));
    s.feed.successes.push_back({"a", {2026, 11, 3}, "speaking", "Spoke at the tax congress", "", 0});
    s.feed.successes.push_back({"a", {2026, 12, 10}, "press", "Quoted in the December paper", "", 0});
    const auto view = make_view(s, Audience::internal, PrivacySettings{}, Lang::en);
    auto ctx = test::context(1920, 1080); // 25 November 2026
    ctx.options.spotlight_key = "a";
    const auto dl = build_slide(SlideKind::spotlight, view, ctx, test::metrics());
    CHECK(dl.text_lines().find("Spoke at the tax congress") != std::string::npos);
    CHECK(dl.text_lines().find("December paper") == std::string::npos);
    ctx.now = {2026, 12, 10, 9, 0};
    CHECK(build_slide(SlideKind::spotlight, view, ctx, test::metrics()).text_lines().find("December paper") != std::string::npos);
}

TEST_CASE("burn-in care: the layout moves a few pixels every three minutes, inside the margins") {
    const Vec2 at_0 = burn_in_shift({2026, 11, 25, 10, 0});
    const Vec2 at_2 = burn_in_shift({2026, 11, 25, 10, 2});
    const Vec2 at_3 = burn_in_shift({2026, 11, 25, 10, 3});
    CHECK((at_0.x == at_2.x && at_0.y == at_2.y)); // still within the same three minutes
    CHECK((at_0.x != at_3.x || at_0.y != at_3.y)); // moved after three minutes
    const auto demo = test::demo_snapshot();
    const auto view = make_view(demo, Audience::visitors, PrivacySettings{}, Lang::en);
    for (SlideKind kind : kAllSlides) {
        CAPTURE(slide_kind_name(kind));
        auto ctx = test::context(1920, 1080);
        const auto still = build_slide(kind, view, ctx, test::metrics());
        ctx.shift = {3, -3};
        const auto moved = build_slide(kind, view, ctx, test::metrics());
        check_layout(moved);
        REQUIRE(still.texts().size() == moved.texts().size());
        const auto* a = still.texts().front();
        const auto* b = moved.texts().front();
        CHECK(b->box.x == doctest::Approx(a->box.x + 3)); // at 1080, a design pixel is a pixel
        CHECK(b->box.y == doctest::Approx(a->box.y - 3));
        ctx.shift = {50, 50}; // clamped: never more than kMaxShift
        CHECK(build_slide(kind, view, ctx, test::metrics()).texts().front()->box.x ==
              doctest::Approx(a->box.x + Canvas::kMaxShift));
    }
}
