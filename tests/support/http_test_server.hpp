// A tiny scriptable HTTP/1.1 server on 127.0.0.1 for network tests: one background thread (or a
// thread per connection, on request), an ephemeral port, one request per connection, and
// misbehaviours on demand. Every blocking call
// has a timeout, so a confused test fails instead of hanging the run.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace podium::test {

struct Request {
    std::string method, path;                                 // path as sent, query included
    std::vector<std::pair<std::string, std::string>> headers; // in order, duplicates kept

    // The first header of that name (case-insensitive), or "".
    std::string header(std::string_view name) const;
    std::size_t header_count(std::string_view name) const;
};

enum class Misbehaviour {
    none,
    never_answer,   // read the request, then wait until the client closes or the server stops
    trickle,        // send the body trickle_bytes at a time, every trickle_ms
    reset_mid_body, // headers with the full Content-Length, half the body, then a TCP reset
    truncated,      // Content-Length larger than the body sent, then a normal close
};

struct Reply {
    int status = 200;
    std::string reason = "OK";
    std::vector<std::pair<std::string, std::string>> headers; // added to Content-Length
    std::string body;
    bool content_length = true; // false: the body ends when the connection closes
    Misbehaviour misbehave = Misbehaviour::none;
    int trickle_ms = 100;
    std::size_t trickle_bytes = 1;
    // The body is sent this many times over (and declared so): a body of gigabytes from a small
    // buffer, for tests of size limits and memory. Without misbehaviour only.
    std::size_t repeat = 1;
};

using Handler = std::function<Reply(const Request&)>;

enum class Serving {
    one_at_a_time, // connections served in turn, on the server thread
    concurrently,  // each connection on a thread of its own (handlers must then be thread-safe)
};

class HttpTestServer {
  public:
    // Listening on return; throws std::runtime_error when it cannot.
    explicit HttpTestServer(Serving serving = Serving::one_at_a_time);
    ~HttpTestServer();
    HttpTestServer(const HttpTestServer&) = delete;
    HttpTestServer& operator=(const HttpTestServer&) = delete;

    // Paths without a handler get 404. The handler runs on the server thread.
    void on(const std::string& path, Handler handler);

    int port() const { return port_; }
    std::string url(const std::string& path) const; // "http://127.0.0.1:<port><path>"

    // Thread-safe views of what the server saw, by path (query included).
    int requests(const std::string& path) const;
    std::optional<Request> last_request(const std::string& path) const;
    std::size_t body_bytes_sent(const std::string& path) const; // on the latest request
    // The most requests that were between being read and answered at the same time.
    int most_in_flight() const;

  private:
    void run();
    void serve(int fd);
    void send_reply(int fd, const Reply& reply, const std::string& path);
    void wait_ms(int ms) const;

    Serving serving_;
    int listen_fd_ = -1;
    int port_ = 0;
    std::atomic<bool> stop_{false};
    mutable std::mutex mutex_;
    std::map<std::string, Handler> handlers_;
    std::map<std::string, int> counts_;
    std::map<std::string, Request> last_;
    std::map<std::string, std::size_t> sent_;
    int in_flight_ = 0, most_in_flight_ = 0;
    std::vector<std::thread> connections_; // Serving::concurrently; joined when stopping
    std::thread thread_;
};

// A URL to a port on 127.0.0.1 where nothing listens (bound, then released): connection refused.
std::string refused_url(const std::string& path = "/");

} // namespace podium::test
