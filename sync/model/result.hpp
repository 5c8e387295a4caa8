// Result<T>: expected runtime failures (network, bad feed, store) travel as values, not exceptions.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace podium {

struct Error {
    std::string
        message; // says what and where, e.g. `monthly[12].month: expected YYYY-MM, got "2026-13"`
};

template <class T> class [[nodiscard]] Result {
  public:
    Result(T value) : v_(std::move(value)) {}
    Result(Error error) : v_(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(v_); }
    explicit operator bool() const { return ok(); }

    T& value() & {
        assert(ok());
        return std::get<T>(v_);
    }
    const T& value() const& {
        assert(ok());
        return std::get<T>(v_);
    }
    T&& value() && {
        assert(ok());
        return std::get<T>(std::move(v_));
    }
    const Error& error() const {
        assert(!ok());
        return std::get<Error>(v_);
    }

  private:
    std::variant<T, Error> v_;
};

// For operations that return nothing on success.
struct Ok {};
using Status = Result<Ok>;

} // namespace podium
