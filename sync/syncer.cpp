#include "syncer.hpp"

#include "feed_source.hpp"
#include "http_client.hpp"

#include <algorithm>
#include <chrono>
#include <limits>

namespace podium::sync {
namespace {

std::int64_t rows_of(const model::Feed& f) {
    return static_cast<std::int64_t>(f.champions.size() + f.monthly.size() + f.successes.size() +
                                     f.investment.size());
}

} // namespace

Result<model::Organisation> csv_organisation(const Store& store, const model::Snapshot* current) {
    model::Organisation org;
    if (current && !current->meta.is_demo && !current->empty()) org = current->feed.organisation;
    if (auto v = store.setting("organisation.name")) org.name = *v;
    // A malformed number is a bad setting, said as such: never an exception out of the sync thread.
    try {
        if (auto v = store.setting("organisation.headcount")) org.headcount = std::stoll(*v);
        if (auto v = store.setting("organisation.goal_percent")) org.champion_goal_percent = std::stod(*v);
    } catch (const std::exception&) {
        return Error{"the settings organisation.headcount and organisation.goal_percent must be numbers"};
    }
    if (auto v = store.setting("organisation.currency")) org.currency = *v;
    // No name is fine: a new user's spreadsheet export must play at once; the slides then show
    // no name where it would stand.
    return org;
}

Syncer::Syncer(Store& store) : store_(store) {}
Syncer::~Syncer() = default;

SyncReport Syncer::run_once(const SyncConfig& config, const std::string& now_utc) {
    const auto start = std::chrono::steady_clock::now();
    SyncReport report;
    SyncAttempt& a = report.attempt;
    a.at = now_utc;
    a.source = config.source.display();
    auto finish = [&](SyncOutcome outcome, std::string error) {
        a.outcome = outcome;
        a.error = std::move(error);
        a.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        store_.record_attempt(a);
        return report;
    };

    // Conditional requests only against the source the stored feed came from.
    const auto origin = store_.origin();
    const bool same_source = origin && origin->source == a.source;
    if (!http_) http_ = std::make_unique<HttpClient>();
    std::optional<Validators> validators;
    if (same_source) validators = Validators{origin->etag, origin->last_modified};
    auto got = fetch_source(config, *http_, validators);
    if (auto* failed = std::get_if<FetchError>(&got)) return finish(failed->outcome, failed->message);
    Fetched& fetched = std::get<Fetched>(got);
    if (fetched.not_modified) return finish(SyncOutcome::unchanged, {});

    bool from_tabular = false;
    // What the store holds now: for the unchanged check and a CSV's organisation. Read once.
    const auto current = store_.load_snapshot();
    const model::Snapshot* now_held = current ? current.value().get() : nullptr;
    if (!fetched.feed) {
        model::Organisation org;
        if (fetched.kind != DocKind::json) {
            auto settings = csv_organisation(store_, now_held);
            if (!settings) return finish(SyncOutcome::rejected, a.source + ": " + settings.error().message);
            org = std::move(settings).value();
        }
        auto mapping = make_mapping(config.preset, config.columns, config.month, now_utc);
        if (!mapping) return finish(SyncOutcome::rejected, a.source + ": the column mapping: " + mapping.error().message);
        auto parsed = parse_document(fetched.kind, fetched.body, {org, now_utc, std::move(mapping).value()});
        if (!parsed) return finish(SyncOutcome::rejected, a.source + ": " + parsed.error().message);
        fetched.feed = std::move(parsed).value();
        // Without its own time, a CSV or workbook is dated by the fetch: ignored when comparing.
        from_tabular = fetched.kind != DocKind::json && fetched.feed->generated_at == now_utc;
        std::string().swap(fetched.body); // the document is in the model now: free it before applying
    }
    a.rows = rows_of(*fetched.feed);

    // The same data again costs no write (a CSV's generated_at is the fetch time: ignore it).
    if (now_held && same_source && !now_held->meta.is_demo) {
        const std::string fetched_at = fetched.feed->generated_at;
        if (from_tabular) fetched.feed->generated_at = now_held->feed.generated_at;
        const bool same = now_held->feed == *fetched.feed;
        fetched.feed->generated_at = fetched_at;
        if (same) {
            report.photos_of =
                current.value(); // a replaced photo, or one due again after a failure
            return finish(SyncOutcome::unchanged, {});
        }
    }
    if (auto st = store_.apply_feed(*fetched.feed, {a.source, false, now_utc, fetched.etag, fetched.last_modified}); !st)
        return finish(SyncOutcome::store_error, st.error().message);
    // The store now holds exactly this feed (it keeps order and every field), so the snapshot is
    // built from it rather than read back: 250k rows cost a second or so to reload.
    if (auto meta = store_.load_meta())
        report.snapshot = std::make_shared<const model::Snapshot>(
            model::Snapshot{std::move(*fetched.feed), std::move(meta).value()});
    report.photos_of = report.snapshot;
    return finish(SyncOutcome::applied, {});
}

PhotoSyncReport Syncer::refresh_photos(const SyncReport& report, const SyncConfig& config,
                                       std::chrono::system_clock::time_point now) {
    if (!report.photos_of || store_.photo_dir().empty()) return {};
    if (!http_) http_ = std::make_unique<HttpClient>();
    PhotoOptions options;
    options.bearer_token = config.bearer_token;
    options.ca_file = config.ca_file;
    options.retry_first = std::max(config.photo_retry_first, std::chrono::seconds(1));
    options.cancelled = config.cancelled;
    auto photos = PhotoCache(store_.photo_dir(), std::move(options))
                      .sync(report.photos_of->feed, config.source.location, http_.get(), now);
    for (const auto& problem : photos.problems)
        store_.log({report.attempt.at, "warning", "sync", problem});
    return photos;
}

} // namespace podium::sync
