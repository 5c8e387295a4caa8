#include "sync_service.hpp"

#include <algorithm>
#include <cmath>
#include <ctime>

namespace podium::sync {

std::chrono::milliseconds next_delay(const SyncSchedule& s, int failures, double random01) {
    using ms = std::chrono::milliseconds;
    double base = static_cast<double>(s.interval.count());
    if (failures > 0) {
        const double factor = std::pow(2.0, std::min(failures - 1, 30));
        base = std::min(static_cast<double>(s.backoff_first.count()) * factor,
                        static_cast<double>(s.backoff_cap.count()));
    }
    const double spread = 1.0 + s.jitter * (2.0 * random01 - 1.0);
    return ms(std::max<std::int64_t>(1000, std::llround(base * spread)));
}

bool is_stale(std::chrono::system_clock::time_point last_success,
              std::chrono::system_clock::time_point now, std::chrono::milliseconds interval,
              int factor) {
    return now - last_success > interval * factor;
}

std::optional<std::chrono::system_clock::time_point> parse_utc(const std::string& t) {
    std::tm tm{};
    if (t.size() != 20 || t[19] != 'Z' || !strptime(t.c_str(), "%Y-%m-%dT%H:%M:%S", &tm))
        return std::nullopt;
    return std::chrono::system_clock::from_time_t(timegm(&tm));
}

SyncService::SyncService(std::string db_path, SyncConfig config, SyncSchedule schedule,
                         Publish publish, Clock now)
    : db_path_(std::move(db_path)), config_(std::move(config)), schedule_(schedule),
      publish_(std::move(publish)), now_(std::move(now)) {
    // A failed photo waits one interval before its next try, then two, four, ... up to a day.
    config_.photo_retry_first =
        std::chrono::duration_cast<std::chrono::seconds>(schedule_.interval);
    config_.cancelled = [this] {
        std::lock_guard lock(mutex_);
        return stop_;
    };
    thread_ = std::thread([this] { loop(); });
}

SyncService::~SyncService() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void SyncService::sync_now() {
    {
        std::lock_guard lock(mutex_);
        now_requested_ = true;
    }
    wake_.notify_all();
}

SyncStatus SyncService::status() const {
    std::lock_guard lock(mutex_);
    return status_;
}

void SyncService::loop() {
    auto store = Store::open(db_path_);
    std::mt19937_64 rng(std::random_device{}());
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    if (!store) {
        std::lock_guard lock(mutex_);
        status_.last = SyncAttempt{now_(), config_.source.display(), SyncOutcome::store_error,
                                   store.error().message, 0, 0};
        return;
    }
    {
        // Data age starts from the store's records: a restart does not make old data look new.
        std::lock_guard lock(mutex_);
        if (const auto at = store.value().last_success_at()) status_.last_success = parse_utc(*at);
    }
    Syncer syncer(store.value());
    for (;;) {
        const SyncReport report = syncer.run_once(config_, now_());
        const bool ok = report.attempt.outcome == SyncOutcome::applied ||
                        report.attempt.outcome == SyncOutcome::unchanged;
        std::chrono::milliseconds delay;
        {
            std::lock_guard lock(mutex_);
            status_.last = report.attempt;
            status_.failures_in_a_row = ok ? 0 : status_.failures_in_a_row + 1;
            if (ok) status_.last_success = parse_utc(report.attempt.at);
            delay = next_delay(schedule_, status_.failures_in_a_row, uniform(rng));
            status_.next_attempt = std::chrono::system_clock::now() + delay;
        }
        // The figures first: on screen from the next slide change, whatever the photos do.
        if (report.snapshot || !ok) publish_(report.snapshot, report.attempt);
        (void)syncer.refresh_photos(
            report, config_,
            parse_utc(report.attempt.at).value_or(std::chrono::system_clock::now()));
        std::unique_lock lock(mutex_);
        wake_.wait_for(lock, delay, [this] { return stop_ || now_requested_; });
        if (stop_) return;
        now_requested_ = false;
    }
}

} // namespace podium::sync
