// The weighted score leaderboard, and celebrations of new deals and hires after a sync.
#include "layout_check.hpp"

#include "display/scene/labels.hpp"

using namespace podium;
using namespace podium::scene;
using podium::test::check_layout;
using podium::test::has_text;

namespace {

model::Snapshot team_of_three() {
    model::Snapshot s;
    s.feed.organisation.name = "Example Advisory";
    s.feed.champions = {test::champion("a", "Anna Alders", "Tax", {true, true, false}),
                        test::champion("b", "Bram Bos", "Audit", {true, true, false}),
                        test::champion("c", "Cato Claes", "Legal", {true, false, false})};
    // Anna: many interactions, no deals. Bram: 2 deals. Cato: 1 deal, 1 hire.
    s.feed.monthly = {test::figures("a", {2026, 10}, 500, 0), test::figures("b", {2026, 10}, 10, 2),
                      test::figures("c", {2026, 10}, 20, 1)};
    s.feed.monthly[2].set(model::Metric::hires, 1);
    return s;
}

} // namespace

TEST_CASE("score: a weighted sum of the metrics, rounded once, ranked like any metric") {
    const auto view = make_view(team_of_three(), Audience::internal, {}, Lang::en);
    ScoreWeights w; // all zero
    w.weight[static_cast<std::size_t>(model::Metric::deals)] = 10;
    w.weight[static_cast<std::size_t>(model::Metric::hires)] = 15;
    w.weight[static_cast<std::size_t>(model::Metric::interactions)] = 0.01;
    const auto rows = leaderboard(view, Measure(model::Metric::interactions, &w), Period::month,
                                  {2026, 10}, 10);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].champion->key == "c"); // 10 + 15 + 0.2 = 25
    CHECK(rows[0].value == 25);
    CHECK(rows[1].champion->key == "b"); // 20 + 0.1
    CHECK(rows[1].value == 20);
    CHECK(rows[2].champion->key == "a"); // 5
    CHECK(rows[2].value == 5);

    SUBCASE("money counts per whole currency unit") {
        ScoreWeights money;
        money.weight[model::kCountMetrics] = 0.001; // a point per 1,000 of deal value
        auto s = team_of_three();
        s.feed.monthly[0].deal_value_cents = 123456700; // 1,234,567.00
        const auto v = make_view(s, Audience::internal, {}, Lang::en);
        const auto r = rank_champions(v, Measure(model::Metric::deals, &money), {{2026, 10}, {2026, 10}}, 10);
        REQUIRE(r.size() == 1);
        CHECK(r[0].value == 1235);
    }
    SUBCASE("without weights the metric itself ranks") {
        const auto plain = leaderboard(view, model::Metric::interactions, Period::month, {2026, 10}, 10);
        CHECK(plain[0].champion->key == "a");
    }
}

TEST_CASE("score: the slide says it ranks by score and shows points, in both languages") {
    const auto s = team_of_three();
    for (Lang lang : {Lang::en, Lang::nl}) {
        auto ctx = test::context(1920, 1080, lang);
        ctx.options.score = true;
        const auto dl = build_slide(SlideKind::leaderboard, make_view(s, Audience::internal, {}, lang),
                                    ctx, test::metrics());
        check_layout(dl);
        CHECK(has_text(dl, lang == Lang::en ? "Ranked by score" : "Gerangschikt op Score"));
        // Default weights (deal 10, lead 3, hire 10; the fixture gives 3 leads a deal):
        // Bram 20 + 18 = 38, Cato 10 + 9 + 10 = 29, Anna (interactions only) 0: two on the board.
        CHECK(has_text(dl, lang == Lang::en ? "38 pts" : "38 ptn"));
        CHECK(has_text(dl, lang == Lang::en ? "29 pts" : "29 ptn"));
        CHECK_FALSE(has_text(dl, "Anna"));
    }
}

TEST_CASE("celebrations: new deal and hire stories and rising counts, nothing old or repeated") {
    model::Feed before = team_of_three().feed;
    model::Feed after = before;
    const model::Date today{2026, 10, 20};
    after.successes = {{"b", {2026, 10, 19}, "deal", "Won the harbour audit", "", 0},
                       {"a", {2026, 10, 18}, "speaking", "Keynote", "", 0},          // not a deal
                       {"c", {2025, 10, 18}, "deal", "Old news", "", 0},             // > 31 days
                       {"c", {2026, 10, 21}, "hire", "Tomorrow", "", 0}};            // future
    const auto found = detect_celebrations(before, after, today);
    REQUIRE(found.size() == 1);
    CHECK(found[0] == Celebration{"b", "deal", "Won the harbour audit", {2026, 10, 19}});

    SUBCASE("the same story again is no news") {
        CHECK(detect_celebrations(after, after, today).empty());
    }
    SUBCASE("a count that rose without a story is celebrated once, a story covers its count") {
        model::Feed more = after;
        more.monthly[1].set(model::Metric::deals, 3);  // Bram: 2 -> 3, and his story is new
        more.monthly[2].set(model::Metric::hires, 2);  // Cato: 1 -> 2, no story
        const auto c = detect_celebrations(before, more, today);
        REQUIRE(c.size() == 2);
        CHECK(c[0].champion == "b");
        CHECK(c[1] == Celebration{"c", "hire", "", today});
    }
    SUBCASE("at most `limit`, newest first") {
        model::Feed many = before;
        for (int d = 1; d <= 9; ++d)
            many.successes.push_back({"a", {2026, 10, d}, "deal", "Deal " + std::to_string(d), "", 0});
        const auto c = detect_celebrations(before, many, today, 3);
        REQUIRE(c.size() == 3);
        CHECK(c[0].title == "Deal 9");
        CHECK(c[2].title == "Deal 7");
    }
}

TEST_CASE("celebrations: the slide obeys privacy, and keeps its layout at every size") {
    auto s = team_of_three();
    const std::vector<Celebration> news = {{"c", "deal", "Signed the harbour contract", {2026, 10, 19}},
                                           {"b", "hire", "", {2026, 10, 19}}};
    for (auto [w, h] : {std::pair{1920.0f, 1080.0f}, {1080.0f, 1920.0f}, {1280.0f, 720.0f}, {3840.0f, 2160.0f}}) {
        auto ctx = test::context(w, h);
        ctx.celebrations = news;
        const auto internal = build_slide(SlideKind::celebration,
                                          make_view(s, Audience::internal, {}, Lang::en), ctx, test::metrics());
        check_layout(internal);
        CHECK(has_text(internal, "New deal!"));
        CHECK(has_text(internal, "Cato Claes"));
        CHECK(has_text(internal, "+1 more"));

        // Cato has no public consent: visitors see "A colleague", never the name or initials.
        const auto visitors = build_slide(SlideKind::celebration,
                                          make_view(s, Audience::visitors, {}, Lang::en), ctx, test::metrics());
        check_layout(visitors);
        CHECK_FALSE(has_text(visitors, "Cato"));
        CHECK_FALSE(has_text(visitors, "Claes"));
        CHECK(has_text(visitors, "A colleague"));

        // Omitted: Cato's celebration is dropped; Bram's hire leads.
        PrivacySettings omit;
        omit.visitors.without_consent = WithoutConsent::omit;
        const auto omitted = build_slide(SlideKind::celebration,
                                         make_view(s, Audience::visitors, omit, Lang::en), ctx, test::metrics());
        CHECK_FALSE(has_text(omitted, "harbour contract"));
        CHECK(has_text(omitted, "New hire!"));
        CHECK(has_text(omitted, "Bram B."));
    }
}

TEST_CASE("celebrations: without news the slide previews the latest deal, or says there is none") {
    auto s = team_of_three();
    auto ctx = test::context(1920, 1080, Lang::nl);
    const auto none = build_slide(SlideKind::celebration, make_view(s, Audience::internal, {}, Lang::nl),
                                  ctx, test::metrics());
    CHECK(has_text(none, labels(Lang::nl).no_successes_yet));
    s.feed.successes = {{"a", {2026, 10, 2}, "deal", "Eerste deal", "", 0}};
    const auto preview = build_slide(SlideKind::celebration, make_view(s, Audience::internal, {}, Lang::nl),
                                     ctx, test::metrics());
    CHECK(has_text(preview, "Nieuwe deal!"));
    CHECK(has_text(preview, "Eerste deal"));
}
