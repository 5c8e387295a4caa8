// The leaderboard's names: one size per list (the top three alike, rows 4-10 alike); a name that
// does not fit gives up its team column first, then becomes "First I.", and only then is cut.
#include "layout_check.hpp"

#include <set>

using namespace podium;
using namespace podium::scene;
using podium::test::check_layout;

namespace {

constexpr const char* kLong = "Mohammed El Amrani Vandenberghe";
// One word far wider than any row: it can only be cut.
constexpr const char* kHuge = "Wolfeschlegelsteinhausenbergerdorffwelchevoralternwarengewissenhaft "
                              "Schaferswessenschafewarenwohlgepflegeundsorgfaltigkeit";

// Ten champions ranked by interactions (1,000 down to 910), each in a team; ranks 4-10 mix short
// and long names.
model::Snapshot board() {
    const char* names[] = {"Anna Berg", "Bartholomew Fitzgerald-Worthington", "Chen Li", "Dirk Smit",
                           kLong, "Eva de Jong", kHuge, "Femke Bos", "Gijs van Leeuwen-Oosterhout", "Hanna Ek"};
    model::Snapshot s;
    s.feed.organisation.name = "Board BV";
    for (int i = 0; i < 10; ++i) {
        const std::string id = "c" + std::to_string(i);
        s.feed.champions.push_back(test::champion(id, names[i], "People & Culture", {true, true, false}));
        s.feed.monthly.push_back(test::figures(id, {2026, 10}, 1000 - 10 * i));
    }
    return s;
}

// The text item that shows `name` whole, as "First I.", or cut from either (ending in "…").
const TextItem* name_item(const DisplayList& dl, const std::string& name) {
    const std::string short_name = format_name(name, NameFormat::first_initial);
    const std::string ellipsis = "\u2026";
    for (const auto* t : dl.texts()) {
        if (t->text == name || t->text == short_name) return t;
        if (t->text.ends_with(ellipsis)) {
            const std::string kept = t->text.substr(0, t->text.size() - ellipsis.size());
            if (!kept.empty() && name.starts_with(kept)) return t;
        }
    }
    return nullptr;
}

// Whether the row whose name item is `name` shows its team on the same line.
bool row_has_team(const DisplayList& dl, const TextItem& name) {
    for (const auto* t : dl.texts())
        if (t->text == "People & Culture" && t->box.x > name.box.x && std::abs((t->box.y + t->box.h / 2) - (name.box.y + name.box.h / 2)) < name.box.h / 2)
            return true;
    return false;
}

} // namespace

TEST_CASE("leaderboard: one name size per list; team first, then First I., then cut") {
    const auto s = board();
    const auto view = make_view(s, Audience::internal, PrivacySettings{}, Lang::en);
    for (auto [w, h] : {std::pair{1280.0f, 720.0f}, std::pair{1920.0f, 1080.0f},
                        std::pair{3840.0f, 2160.0f}, std::pair{1080.0f, 1920.0f}}) {
        CAPTURE(w);
        const auto dl = build_slide(SlideKind::leaderboard, view, test::context(w, h), test::metrics());
        check_layout(dl);
        std::vector<const TextItem*> items;
        for (const auto& c : s.feed.champions) {
            const auto* t = name_item(dl, c.name);
            CAPTURE(c.name);
            REQUIRE(t != nullptr);
            items.push_back(t);
        }
        std::set<float> top, rest;
        for (std::size_t i = 0; i < items.size(); ++i) (i < 3 ? top : rest).insert(items[i]->size);
        CHECK(top.size() == 1);  // the top three alike
        CHECK(rest.size() == 1); // rows 4-10 alike
        CHECK(*top.begin() >= *rest.begin()); // the top three never smaller
        // Short names keep name and team whole.
        for (std::size_t i : {3u, 5u, 9u}) {
            CHECK(items[i]->text == s.feed.champions[i].name);
            CHECK(row_has_team(dl, *items[i]));
        }
        // The long name gives up its team before anything of itself: whole, or "Mohammed V.".
        CHECK_FALSE(row_has_team(dl, *items[4]));
        CHECK((items[4]->text == kLong || items[4]->text == "Mohammed V."));
        // The huge one has no short form that fits either: cut, with an ellipsis.
        CHECK_FALSE(row_has_team(dl, *items[6]));
        CHECK(items[6]->text.ends_with("\u2026"));
    }
}

TEST_CASE("leaderboard: a name is shortened to First I. before it is cut") {
    // A name too long to fit whole even without a team, whose first name is short.
    auto s = board();
    s.feed.champions[4].name = "Mo Abdelrahman-Vandenberghe-Oosterhuis-Lindqvist-Papadopoulos";
    const auto view = make_view(s, Audience::internal, PrivacySettings{}, Lang::en);
    for (auto [w, h] : {std::pair{1280.0f, 720.0f}, std::pair{1920.0f, 1080.0f},
                        std::pair{3840.0f, 2160.0f}, std::pair{1080.0f, 1920.0f}}) {
        CAPTURE(w);
        const auto dl = build_slide(SlideKind::leaderboard, view, test::context(w, h), test::metrics());
        const auto* t = name_item(dl, s.feed.champions[4].name);
        REQUIRE(t != nullptr);
        CHECK(t->text == "Mo A.");
        CHECK_FALSE(row_has_team(dl, *t));
    }
}
