// HttpClient::get_all: many GETs at once on the sync thread through curl's multi interface, each
// with the same options, limits and messages as a single get(); and url_origin for deciding
// where a token may go.
#include "sync/http_client.hpp"

#include "sync/http_transfer.hpp"

#include <algorithm>
#include <cctype>
#include <memory>

namespace podium::sync {

namespace {

using UrlPtr = CHandle<CURLU, curl_url_cleanup>;
constexpr int kMaxParallel = 16;
constexpr int kPollMs = 1000; // the longest wait for activity; libcurl's own timeouts still rule

std::string url_part(CURLU* u, CURLUPart part, unsigned flags) {
    char* value = nullptr;
    if (curl_url_get(u, part, &value, flags) != CURLUE_OK || !value) return {};
    std::string out(value);
    curl_free(value);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

} // namespace

std::string url_origin(const std::string& url) {
    UrlPtr u(curl_url());
    if (!u || curl_url_set(u.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) return {};
    const std::string scheme = url_part(u.get(), CURLUPART_SCHEME, 0);
    const std::string host = url_part(u.get(), CURLUPART_HOST, 0);
    const std::string port = url_part(u.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT);
    if ((scheme != "http" && scheme != "https") || host.empty() || port.empty()) return {};
    return scheme + "://" + host + ":" + port;
}

void HttpClient::get_all(const std::vector<HttpRequest>& requests, int parallel, const Done& done,
                         const std::function<bool()>& cancelled) {
    if (requests.empty()) return;
    if (!impl_->multi) impl_->multi.reset(curl_multi_init());
    CURLM* multi = impl_->multi.get();
    const auto lanes = static_cast<std::size_t>(std::clamp(parallel, 1, kMaxParallel));
    if (impl_->lanes.size() < lanes) impl_->lanes.resize(lanes);
    std::vector<std::unique_ptr<detail::Job>> running(lanes);
    std::size_t next = 0, active = 0;

    // Gives `lane` the next request that can start; those that cannot are answered at once.
    auto start = [&](std::size_t lane) {
        while (next < requests.size()) {
            auto job = std::make_unique<detail::Job>();
            job->req = detail::normalised(requests[next]);
            job->index = next++;
            auto& handle = impl_->lanes[lane];
            if (!handle) handle.reset(curl_easy_init());
            if (!multi || !handle) {
                done(job->index, detail::fail(job->req, nullptr, "cannot initialise libcurl"));
                continue;
            }
            if (auto ready = detail::setup(handle.get(), *job); !ready) {
                done(job->index, ready.error());
                continue;
            }
            curl_easy_setopt(handle.get(), CURLOPT_PRIVATE, static_cast<void*>(&running[lane]));
            if (const CURLMcode mc = curl_multi_add_handle(multi, handle.get()); mc != CURLM_OK) {
                done(job->index, detail::fail(job->req, nullptr,
                                              std::string("libcurl: ") + curl_multi_strerror(mc)));
                continue;
            }
            running[lane] = std::move(job);
            ++active;
            return;
        }
    };
    for (std::size_t lane = 0; lane < lanes; ++lane)
        start(lane);

    while (active > 0) {
        if (cancelled && cancelled()) {
            for (std::size_t lane = 0; lane < lanes; ++lane)
                if (running[lane]) curl_multi_remove_handle(multi, impl_->lanes[lane].get());
            return;
        }
        int still = 0;
        CURLMcode mc = curl_multi_perform(multi, &still);
        int queued = 0;
        while (CURLMsg* msg = curl_multi_info_read(multi, &queued)) {
            if (msg->msg != CURLMSG_DONE) continue;
            CURL* h = msg->easy_handle;
            const CURLcode rc = msg->data.result; // msg dies with remove_handle: copied first
            char* slot = nullptr; // the lane's place in `running`, set when it started
            curl_easy_getinfo(h, CURLINFO_PRIVATE, &slot);
            auto* holder = reinterpret_cast<std::unique_ptr<detail::Job>*>(slot);
            auto job = std::move(*holder);
            auto result = detail::conclude(h, *job, rc);
            curl_multi_remove_handle(multi, h);
            --active;
            done(job->index, std::move(result));
            start(static_cast<std::size_t>(holder - running.data()));
        }
        if (mc == CURLM_OK && active > 0) mc = curl_multi_poll(multi, nullptr, 0, kPollMs, nullptr);
        if (mc != CURLM_OK) {
            // The multi handle itself failed (out of memory): every request left ends here, and
            // the handles are made afresh next time.
            const std::string why = std::string("libcurl: ") + curl_multi_strerror(mc);
            for (std::size_t lane = 0; lane < lanes; ++lane) {
                if (!running[lane]) continue;
                curl_multi_remove_handle(multi, impl_->lanes[lane].get());
                done(running[lane]->index, detail::fail(running[lane]->req, nullptr, why));
            }
            for (; next < requests.size(); ++next)
                done(next, detail::fail(requests[next], nullptr, why));
            impl_->lanes.clear();
            impl_->multi.reset();
            return;
        }
    }
}

} // namespace podium::sync
