// The loopback test server: POSIX sockets, poll with short ticks so stop_ is always noticed.
#include "tests/support/http_test_server.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <stdexcept>

namespace podium::test {

namespace {

using Clock = std::chrono::steady_clock;

constexpr int kTickMs = 20;                                // how soon a stop request is noticed
constexpr auto kRequestDeadline = std::chrono::seconds(2); // to read a request's headers
constexpr auto kNeverAnswerCap = std::chrono::seconds(10); // even if nobody stops the server
constexpr std::size_t kMaxRequestBytes = 64 * 1024;

bool same_name(std::string_view a, std::string_view b) {
    return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
        s.remove_suffix(1);
    }
    return s;
}

[[noreturn]] void fail(const char* what) {
    throw std::runtime_error(std::string("http test server: ") + what + ": " +
                             std::strerror(errno));
}

// Binds a TCP socket to 127.0.0.1 on a port the OS picks; returns the fd and sets `port`.
int bind_loopback(int& port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) fail("socket");
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), len) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
        ::close(fd);
        fail("bind");
    }
    port = ntohs(addr.sin_port);
    return fd;
}

// Sends what it can; returns the bytes sent. Stops on error or at the socket's send timeout.
std::size_t send_some(int fd, std::string_view data) {
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::send(fd, data.data() + done, data.size() - done, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
    }
    return done;
}

// Waits up to `ms` and says whether the client hung up meanwhile, so a trickle ends when the
// client gives up instead of keeping the (single) server thread busy for later requests.
bool client_gone(int fd, int ms) {
    const auto until = Clock::now() + std::chrono::milliseconds(ms);
    while (Clock::now() < until) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now());
        pollfd p{fd, POLLIN, 0};
        const int ready = ::poll(&p, 1, static_cast<int>(std::min<long>(left.count(), kTickMs)));
        if (ready > 0) {
            char c;
            const ssize_t n = ::recv(fd, &c, 1, MSG_DONTWAIT);
            if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) return true;
        }
    }
    return false;
}

std::optional<Request> parse_request(std::string_view text) {
    Request r;
    auto eol = text.find("\r\n");
    const std::string_view first = text.substr(0, eol);
    const auto sp1 = first.find(' ');
    const auto sp2 = first.find(' ', sp1 == std::string_view::npos ? sp1 : sp1 + 1);
    if (sp1 == std::string_view::npos || sp2 == std::string_view::npos) return std::nullopt;
    r.method = first.substr(0, sp1);
    r.path = first.substr(sp1 + 1, sp2 - sp1 - 1);
    while (eol != std::string_view::npos) {
        const auto start = eol + 2;
        eol = text.find("\r\n", start);
        const std::string_view line = text.substr(start, eol - start);
        const auto colon = line.find(':');
        if (line.empty() || colon == std::string_view::npos) continue;
        r.headers.emplace_back(trim(line.substr(0, colon)), trim(line.substr(colon + 1)));
    }
    return r;
}

} // namespace

std::string Request::header(std::string_view name) const {
    for (const auto& [k, v] : headers) {
        if (same_name(k, name)) return v;
    }
    return {};
}

std::size_t Request::header_count(std::string_view name) const {
    std::size_t n = 0;
    for (const auto& h : headers)
        n += same_name(h.first, name) ? 1 : 0;
    return n;
}

HttpTestServer::HttpTestServer(Serving serving) : serving_(serving) {
    listen_fd_ = bind_loopback(port_);
    if (::listen(listen_fd_, 16) != 0 ||
        ::fcntl(listen_fd_, F_SETFL, ::fcntl(listen_fd_, F_GETFL) | O_NONBLOCK) != 0) {
        ::close(listen_fd_);
        fail("listen");
    }
    thread_ = std::thread([this] { run(); });
}

HttpTestServer::~HttpTestServer() {
    stop_ = true;
    thread_.join();
    for (auto& t : connections_) // only run() added to it, and run() has ended
        t.join();
    ::close(listen_fd_);
}

void HttpTestServer::on(const std::string& path, Handler handler) {
    std::lock_guard lock(mutex_);
    handlers_[path] = std::move(handler);
}

std::string HttpTestServer::url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
}

int HttpTestServer::most_in_flight() const {
    std::lock_guard lock(mutex_);
    return most_in_flight_;
}

int HttpTestServer::requests(const std::string& path) const {
    std::lock_guard lock(mutex_);
    const auto it = counts_.find(path);
    return it == counts_.end() ? 0 : it->second;
}

std::optional<Request> HttpTestServer::last_request(const std::string& path) const {
    std::lock_guard lock(mutex_);
    const auto it = last_.find(path);
    if (it == last_.end()) return std::nullopt;
    return it->second;
}

std::size_t HttpTestServer::body_bytes_sent(const std::string& path) const {
    std::lock_guard lock(mutex_);
    const auto it = sent_.find(path);
    return it == sent_.end() ? 0 : it->second;
}

void HttpTestServer::wait_ms(int ms) const {
    const auto until = Clock::now() + std::chrono::milliseconds(ms);
    while (!stop_ && Clock::now() < until) {
        std::this_thread::sleep_for(std::chrono::milliseconds(std::min(ms, kTickMs)));
    }
}

void HttpTestServer::run() {
    while (!stop_) {
        pollfd p{listen_fd_, POLLIN, 0};
        if (::poll(&p, 1, kTickMs) <= 0) continue;
        const int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0) continue;
        const timeval send_timeout{2, 0}; // a client that stops reading cannot block us
        ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &send_timeout, sizeof send_timeout);
        if (serving_ == Serving::concurrently) {
            connections_.emplace_back([this, fd] {
                serve(fd);
                ::close(fd);
            });
            continue;
        }
        serve(fd);
        ::close(fd);
    }
}

void HttpTestServer::serve(int fd) {
    std::string text;
    const auto deadline = Clock::now() + kRequestDeadline;
    while (!stop_ && Clock::now() < deadline && text.find("\r\n\r\n") == std::string::npos) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, kTickMs) <= 0) continue;
        char buf[4096];
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0 || text.size() > kMaxRequestBytes) return;
        text.append(buf, static_cast<std::size_t>(n));
        // Not HTTP (a TLS ClientHello starts with 0x16): hang up now rather than at the deadline.
        if (!std::isupper(static_cast<unsigned char>(text[0]))) return;
    }
    auto request = parse_request(text);
    if (!request) return;
    Handler handler;
    {
        std::lock_guard lock(mutex_);
        ++counts_[request->path];
        last_[request->path] = *request;
        most_in_flight_ = std::max(most_in_flight_, ++in_flight_);
        const auto it = handlers_.find(request->path);
        if (it != handlers_.end()) handler = it->second;
    }
    Reply reply;
    if (!handler) {
        reply = Reply{404, "Not Found", {}, "no handler for this path\n"};
    } else {
        try {
            reply = handler(*request);
        } catch (const std::exception& e) {
            reply = Reply{500, "Internal Server Error", {}, e.what()};
        }
    }
    send_reply(fd, reply, request->path);
    std::lock_guard lock(mutex_);
    --in_flight_;
}

void HttpTestServer::send_reply(int fd, const Reply& reply, const std::string& path) {
    if (reply.misbehave == Misbehaviour::never_answer) {
        // Wait for the client to give up (EOF or error), so the test sees its own timeout.
        const auto cap = Clock::now() + kNeverAnswerCap;
        while (!stop_ && Clock::now() < cap) {
            pollfd p{fd, POLLIN, 0};
            char c;
            if (::poll(&p, 1, kTickMs) > 0 && ::recv(fd, &c, 1, 0) <= 0) return;
        }
        return;
    }
    const bool truncated = reply.misbehave == Misbehaviour::truncated;
    std::string head = "HTTP/1.1 " + std::to_string(reply.status) + " " + reply.reason + "\r\n";
    for (const auto& [k, v] : reply.headers)
        head += k + ": " + v + "\r\n";
    if (reply.content_length) {
        const std::size_t declared = reply.body.size() * std::max<std::size_t>(1, reply.repeat) + (truncated ? 100 : 0);
        head += "Content-Length: " + std::to_string(declared) + "\r\n";
    }
    head += "Connection: close\r\n\r\n";
    if (send_some(fd, head) < head.size()) return;

    std::string_view body = reply.body;
    if (reply.misbehave == Misbehaviour::reset_mid_body) body = body.substr(0, body.size() / 2);
    std::size_t sent = 0;
    if (reply.misbehave == Misbehaviour::trickle) {
        const std::size_t step = std::max<std::size_t>(1, reply.trickle_bytes);
        while (!stop_ && sent < body.size()) {
            const auto chunk = body.substr(sent, step);
            const std::size_t n = send_some(fd, chunk);
            sent += n;
            if (n < chunk.size() || client_gone(fd, reply.trickle_ms)) break;
        }
    } else {
        for (std::size_t i = 0; i < std::max<std::size_t>(1, reply.repeat) && !stop_; ++i) {
            const std::size_t n = send_some(fd, body);
            sent += n;
            if (n < body.size()) break; // the client hung up (or stopped reading)
        }
    }
    {
        std::lock_guard lock(mutex_);
        sent_[path] = sent;
    }
    if (reply.misbehave == Misbehaviour::reset_mid_body) {
        wait_ms(50);             // let the partial body arrive first
        const linger hard{1, 0}; // close() then sends RST instead of FIN
        ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    }
}

std::string refused_url(const std::string& path) {
    // Bound for the whole run and never listening: nothing else can take the port, and a
    // connection attempt is refused at once.
    static int port = 0;
    static const int fd = bind_loopback(port);
    (void)fd;
    return "http://127.0.0.1:" + std::to_string(port) + path;
}

} // namespace podium::test
