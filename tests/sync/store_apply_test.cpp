// The local store: the feed round trip, all-or-nothing applies and WAL reads during another
// connection's write. Each test uses its own temporary folder (removed at the end) or ":memory:";
// SQL checks go through the raw connection.
#include "store_support.hpp"
#include "sync/store.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <cstdint>
#include <set>
#include <string>

using namespace podium::test::store_support;
using podium::model::Feed;
using podium::sync::Store;

namespace {

// The demo feed without some champions (and their figures and successes), with other organisation
// details: what a source sends after people leave the programme.
Feed reduced_demo(const std::set<std::string>& keep) {
    Feed f = demo();
    std::erase_if(f.champions, [&](const auto& c) { return !keep.contains(c.id); });
    std::erase_if(f.monthly, [&](const auto& m) { return !keep.contains(m.champion); });
    std::erase_if(f.successes, [&](const auto& s) { return !keep.contains(s.champion); });
    f.investment.resize(2);
    f.organisation.name = "Renamed Organisation";
    f.organisation.headcount = 17;
    f.generated_at = "2026-12-01T08:00:00+01:00";
    return f;
}

} // namespace

TEST_CASE("store: has_data is false on a new store and true after a feed is applied") {
    Store store = open_store(":memory:");
    CHECK_FALSE(store.has_data());
    const auto empty = snapshot(store);
    CHECK(empty->empty());
    CHECK(empty->meta.data_version == 0);
    CHECK(empty->feed == Feed{});
    apply(store, edge_feed(), kUrlInfo);
    CHECK(store.has_data());
}

TEST_CASE("store: apply_feed then load_snapshot round-trips the feed exactly") {
    TempDir dir;
    Store store = open_store(dir.file("podium.db"));

    SUBCASE("the demo feed") {
        const Feed& feed = demo();
        REQUIRE(feed.champions.size() >= 12);
        REQUIRE_FALSE(feed.monthly.empty());
        REQUIRE_FALSE(feed.successes.empty());
        REQUIRE_FALSE(feed.investment.empty());
        apply(store, feed, kDemoInfo);
        const auto snap = snapshot(store);
        // Field by field, so a failure says where the round trip lost something. The order of the
        // monthly rows has its own test case below.
        CHECK(snap->feed.organisation == feed.organisation);
        CHECK(snap->feed.generated_at == feed.generated_at);
        CHECK(snap->feed.champions == feed.champions);
        CHECK(normalized(snap->feed).monthly == normalized(feed).monthly);
        CHECK(snap->feed.successes == feed.successes);
        CHECK(snap->feed.investment == feed.investment);
        CHECK(count(store.raw(), "champions") == static_cast<std::int64_t>(feed.champions.size()));
        CHECK(count(store.raw(), "monthly") == static_cast<std::int64_t>(feed.monthly.size()));
    }

    SUBCASE("a small hand-made feed with edge values") {
        const Feed feed = edge_feed();
        apply(store, feed, kUrlInfo);
        const auto snap = snapshot(store);
        CHECK(snap->feed == feed);
        CHECK(snap->feed.champions == feed.champions);
        CHECK(snap->feed.monthly == feed.monthly);
        CHECK(snap->feed.successes == feed.successes);
        CHECK(snap->feed.investment == feed.investment);
        CHECK_FALSE(snap->feed.organisation.headcount.has_value());
        CHECK(query_text(store.raw(), "SELECT typeof(headcount) FROM organisation") == "null");
        CHECK(query_int(store.raw(),
                        "SELECT deal_value_cents FROM monthly WHERE champion = 'c1'") == 1850007);
        CHECK(snap->feed.champions[2].name == "李小龙");
        CHECK(snap->feed.organisation.name == "Zoë & Søn — Ünïcode B.V.");
    }

    SUBCASE("a headcount of zero is kept apart from an absent one") {
        Feed feed = edge_feed();
        feed.organisation.headcount = 0;
        apply(store, feed, kUrlInfo);
        const auto snap = snapshot(store);
        REQUIRE(snap->feed.organisation.headcount.has_value());
        CHECK(*snap->feed.organisation.headcount == 0);
        CHECK(snap->feed == feed);
    }

    SUBCASE("a feed without champions") {
        Feed feed;
        feed.generated_at = "2026-11-25T09:15:00Z";
        feed.organisation.name = "Nobody Yet";
        apply(store, feed, kUrlInfo);
        CHECK(store.has_data()); // applied, even though there is nothing to show
        const auto snap = snapshot(store);
        CHECK(snap->empty());
        CHECK(snap->feed == feed);
    }
    check_integrity(store.raw());
}

TEST_CASE("store: load_snapshot keeps the feed's order of rows") {
    // The snapshot should be the feed that was applied, as operator== sees it, not merely the same
    // rows: the demo feed lists monthly figures champion by champion, then by month.
    Store store = open_store(":memory:");

    SUBCASE("the demo feed round-trips exactly") {
        apply(store, demo(), kDemoInfo);
        CHECK(snapshot(store)->feed == demo());
    }
    SUBCASE("a small feed listing monthly rows champion by champion") {
        Feed feed = edge_feed();
        feed.monthly = {monthly_row("c7", {2026, 9}, 1, 0), monthly_row("c7", {2026, 10}, 2, 0),
                        monthly_row("c0", {2026, 9}, 3, 0), monthly_row("c0", {2026, 10}, 4, 0)};
        apply(store, feed, kUrlInfo);
        const auto snap = snapshot(store);
        REQUIRE(normalized(snap->feed) ==
                normalized(feed)); // same content; only the order may differ
        CHECK(snap->feed.monthly == feed.monthly);
    }
}

TEST_CASE("store: meta records every apply") {
    Store store = open_store(":memory:");
    apply(store, demo(), kDemoInfo);
    auto snap = snapshot(store);
    CHECK(snap->meta.data_version == 1);
    CHECK(snap->meta.source == "demo");
    CHECK(snap->meta.is_demo);
    CHECK(snap->meta.applied_at == "2026-11-01T07:00:00Z");

    apply(store, edge_feed(), kUrlInfo);
    snap = snapshot(store);
    CHECK(snap->meta.data_version == 2);
    CHECK(snap->meta.source == "https://intranet.example/podium/feed.json");
    CHECK_FALSE(snap->meta.is_demo);
    CHECK(snap->meta.applied_at == "2026-11-02T06:30:00Z");

    // The same feed again still counts as a new version: the display reloads on every change.
    apply(store, edge_feed(), {"/srv/podium/feed.json", false, "2026-11-03T06:30:00Z", "", ""});
    snap = snapshot(store);
    CHECK(snap->meta.data_version == 3);
    CHECK(snap->meta.source == "/srv/podium/feed.json");
    CHECK(snap->meta.applied_at == "2026-11-03T06:30:00Z");
    CHECK(count(store.raw(), "feed_meta") == 1);
    check_integrity(store.raw());
}

TEST_CASE("store: a second apply replaces everything") {
    TempDir dir;
    Store store = open_store(dir.file("podium.db"));
    apply(store, demo(), kDemoInfo);

    // Keep the first five champions; pick a removed one that has monthly rows and successes.
    std::set<std::string> keep;
    for (std::size_t i = 0; i < 5; ++i)
        keep.insert(demo().champions[i].id);
    std::string removed;
    for (const auto& s : demo().successes)
        if (!keep.contains(s.champion)) {
            removed = s.champion;
            break;
        }
    REQUIRE_FALSE(removed.empty());
    REQUIRE(count(store.raw(), "monthly WHERE champion = " + sql_literal(removed)) > 0);
    REQUIRE(count(store.raw(), "successes WHERE champion = " + sql_literal(removed)) > 0);

    const Feed reduced = reduced_demo(keep);
    REQUIRE(reduced.champions.size() == 5);
    REQUIRE(reduced.monthly.size() < demo().monthly.size());
    REQUIRE(reduced.successes.size() < demo().successes.size());
    apply(store, reduced, kUrlInfo);

    const auto snap = snapshot(store);
    CHECK(normalized(snap->feed) == normalized(reduced));
    CHECK(snap->meta.data_version == 2);
    CHECK_FALSE(snap->meta.is_demo);
    sqlite3* db = store.raw();
    CHECK(count(db, "champions") == 5);
    CHECK(count(db, "champions WHERE id = " + sql_literal(removed)) == 0);
    CHECK(count(db, "monthly") == static_cast<std::int64_t>(reduced.monthly.size()));
    CHECK(count(db, "monthly WHERE champion = " + sql_literal(removed)) == 0);
    CHECK(count(db, "monthly WHERE champion NOT IN (SELECT id FROM champions)") == 0);
    CHECK(count(db, "successes") == static_cast<std::int64_t>(reduced.successes.size()));
    CHECK(count(db, "successes WHERE champion = " + sql_literal(removed)) == 0);
    CHECK(count(db, "successes WHERE champion NOT IN (SELECT id FROM champions)") == 0);
    CHECK(count(db, "investment") == 2);
    CHECK(count(db, "organisation") == 1);
    CHECK(query_text(db, "SELECT name FROM organisation") == "Renamed Organisation");
    CHECK(query_int(db, "SELECT headcount FROM organisation") == 17);
    check_integrity(db);
}

TEST_CASE("store: an apply that fails midway keeps the previous data exactly") {
    TempDir dir;
    Store store = open_store(dir.file("podium.db"));
    const Feed old = edge_feed();
    apply(store, old, kUrlInfo);
    const auto before = snapshot(store);
    REQUIRE(before->feed == old);

    // The store does not validate (the caller does); these feeds break a constraint
    // mid-transaction, after the old rows are deleted and some new ones inserted.
    Feed bad = demo();
    std::string broken;
    SUBCASE("two champions share an id (primary key)") {
        bad.champions.push_back(bad.champions.front());
        broken = "duplicate champion";
    }
    SUBCASE("a monthly row for a champion not in the feed (foreign key)") {
        bad.monthly.push_back(monthly_row("nobody", {2026, 10}, 1, 0));
        broken = "monthly foreign key";
    }
    SUBCASE("a success for a champion not in the feed (foreign key)") {
        bad.successes.push_back({"nobody", {2026, 10, 1}, "deal", "Ghost deal", "", 1.0});
        broken = "success foreign key";
    }
    SUBCASE("the same champion and month twice (monthly primary key)") {
        bad.monthly.push_back(bad.monthly.back());
        broken = "duplicate monthly row";
    }
    SUBCASE("the same investment month twice (the last insert of the feed)") {
        bad.investment.push_back(bad.investment.back());
        broken = "duplicate investment month";
    }
    CAPTURE(broken);

    const auto st =
        store.apply_feed(bad, {"https://bad.example/feed.json", false, "2026-11-05T00:00:00Z", "", ""});
    REQUIRE_FALSE(st.ok());
    CAPTURE(st.error().message);
    CHECK(st.error().message.find("previous data is kept") != std::string::npos);
    CHECK(sqlite3_get_autocommit(store.raw()) != 0); // rolled back: no transaction left open

    const auto after = snapshot(store);
    CHECK(after->feed == old);
    CHECK(after->meta.data_version == before->meta.data_version);
    CHECK(after->meta.source == before->meta.source);
    CHECK(after->meta.applied_at == before->meta.applied_at);
    CHECK(after->meta.is_demo == before->meta.is_demo);
    CHECK(count(store.raw(), "champions") == static_cast<std::int64_t>(old.champions.size()));
    CHECK(count(store.raw(), "monthly") == static_cast<std::int64_t>(old.monthly.size()));
    check_integrity(store.raw());

    // The connection stays usable: the next good feed applies normally.
    apply(store, demo(), kDemoInfo);
    CHECK(normalized(snapshot(store)->feed) == normalized(demo()));
    CHECK(snapshot(store)->meta.data_version == before->meta.data_version + 1);
    check_integrity(store.raw());
}

TEST_CASE("store: a failed first apply leaves the store empty") {
    Store store = open_store(":memory:");
    Feed bad = edge_feed();
    bad.champions.push_back(bad.champions.back());
    const auto st = store.apply_feed(bad, kUrlInfo);
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().message.find("previous data is kept") != std::string::npos);
    CHECK_FALSE(store.has_data());
    CHECK(count(store.raw(), "champions") == 0);
    CHECK(count(store.raw(), "organisation") == 0);
    CHECK(snapshot(store)->feed == Feed{});
}

TEST_CASE("store: a snapshot read during another connection's open write sees the last commit") {
    TempDir dir;
    const std::string path = dir.file("podium.db");
    Store store = open_store(path);
    apply(store, demo(), kDemoInfo);

    Db writer = connect(path);
    exec(writer.get(), "BEGIN IMMEDIATE");
    exec(writer.get(), "DELETE FROM monthly; DELETE FROM successes; DELETE FROM champions; "
                       "UPDATE feed_meta SET data_version = 999, source = 'half-written'");
    REQUIRE(count(writer.get(), "champions") == 0); // the writer sees its own, uncommitted change

    const auto during = snapshot(store); // WAL: does not wait for the writer, sees the last commit
    CHECK(normalized(during->feed) == normalized(demo()));
    CHECK(during->meta.data_version == 1);
    CHECK(during->meta.source == "demo");
    CHECK(store.has_data());

    SUBCASE("once the writer commits, the next snapshot sees its change") {
        exec(writer.get(), "COMMIT");
        const auto committed = snapshot(store);
        CHECK(committed->empty());
        CHECK(committed->meta.data_version == 999);
        CHECK(committed->meta.source == "half-written");
    }
    SUBCASE("if the writer rolls back, nothing changes") {
        exec(writer.get(), "ROLLBACK");
        const auto rolled_back = snapshot(store);
        CHECK(normalized(rolled_back->feed) == normalized(demo()));
        CHECK(rolled_back->meta.data_version == 1);
    }
    check_integrity(store.raw());
}
