// Reading and writing the JSON feed; the rules themselves live in feed_validate.cpp.
#include "sync/feed_json.hpp"

#include "sync/feed_validate.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace podium::sync {
namespace {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json; // keeps the spec's field order when writing

// Below 2^53 every integer is exact in a double, so a float like 3.0 can stand for an integer.
constexpr double kMaxExactInteger = 9007199254740992.0;

// ---------------------------------------------------------------- reading

// The first broken rule ends the read. Throwing it keeps every field read to one line instead of
// a check-and-return after each; it never leaves this file (parse_feed_json catches it).
struct ShapeError {
    std::string message;
};

[[noreturn]] void fail(const std::string& path, const std::string& problem) {
    throw ShapeError{path + ": " + problem};
}

// A JSON value as an error message shows it: strings quoted, containers by kind only.
std::string describe(const Json& j) {
    switch (j.type()) {
    case Json::value_t::string:
        return quote_for_message(j.get_ref<const std::string&>());
    case Json::value_t::object:
        return "an object";
    case Json::value_t::array:
        return "an array";
    default:
        return j.dump(); // null, true, false, numbers (18500.00 as 18500.0, 1e20 as 1e+20)
    }
}

std::string join(const std::string& parent, const std::string& key) {
    return parent.empty() ? key : parent + "." + key;
}

const Json& required_field(const Json& obj, const std::string& parent, const std::string& key) {
    const auto it = obj.find(key);
    if (it == obj.end()) fail(join(parent, key), "required field is missing");
    return *it; // a null here fails the type check of its reader: "expected a string, got null"
}

// nullptr when the field is missing or null: database and spreadsheet exports often write null
// for an empty cell, and for an optional field that can only mean "not given".
const Json* optional_field(const Json& obj, const std::string& key) {
    const auto it = obj.find(key);
    return it == obj.end() || it->is_null() ? nullptr : &*it;
}

void require_object(const Json& j, const std::string& path) {
    if (!j.is_object()) fail(path, "expected an object, got " + describe(j));
}

std::string read_string(const Json& j, const std::string& path) {
    if (!j.is_string()) fail(path, "expected a string, got " + describe(j));
    return j.get<std::string>();
}

bool read_bool(const Json& j, const std::string& path) {
    if (!j.is_boolean()) fail(path, "expected true or false, got " + describe(j));
    return j.get<bool>();
}

// Only the type; the range is validate_feed's, which uses the same words for `expected`.
double read_number(const Json& j, const std::string& path, const std::string& expected) {
    if (!j.is_number()) fail(path, "expected " + expected + ", got " + describe(j));
    return j.get<double>();
}

// Counts accept 3.0 as well as 3: exporters that keep every number as a float (spreadsheets,
// Python) write that, and it is unambiguous. 3.5 is not a count.
std::int64_t read_count(const Json& j, const std::string& path) {
    if (j.is_number_unsigned()) {
        const auto v = j.get<std::uint64_t>();
        if (v <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            return static_cast<std::int64_t>(v);
    } else if (j.is_number_integer()) {
        const auto v = j.get<std::int64_t>();
        if (v >= 0) return v;
    } else if (j.is_number_float()) {
        const double v = j.get<double>();
        if (std::trunc(v) == v && v >= 0 && v <= kMaxExactInteger)
            return static_cast<std::int64_t>(v);
    }
    if (j.is_number() && j.get<double>() > kMaxExactInteger)
        fail(path, "too large for a count, got " + describe(j));
    fail(path, "expected an integer ≥ 0, got " + describe(j));
}

std::int64_t read_cents(const Json& j, const std::string& path) {
    const std::string expected = "expected an amount ≥ 0 with at most 2 decimals, got ";
    if (!j.is_number()) fail(path, expected + describe(j));
    const double amount = j.get<double>(); // integers up to the maximum are exact as doubles
    if (amount < 0) fail(path, expected + describe(j));
    if (amount > static_cast<double>(kMaxDealValueCents) / 100.0)
        fail(path,
             "too large (at most " + format_cents(kMaxDealValueCents) + "), got " + describe(j));
    const auto cents = exact_cents(amount);
    if (!cents) fail(path, expected + describe(j));
    return *cents;
}

model::YearMonth read_year_month(const Json& j, const std::string& path) {
    if (j.is_string())
        if (auto ym = model::parse_year_month(j.get_ref<const std::string&>())) return *ym;
    fail(path, "expected YYYY-MM, got " + describe(j));
}

model::Date read_date(const Json& j, const std::string& path) {
    if (j.is_string())
        if (auto d = model::parse_date(j.get_ref<const std::string&>())) return *d;
    fail(path, "expected YYYY-MM-DD, got " + describe(j));
}

model::Organisation read_organisation(const Json& j, const std::string& p) {
    require_object(j, p);
    model::Organisation org;
    org.name = read_string(required_field(j, p, "name"), p + ".name");
    if (const Json* v = optional_field(j, "headcount"))
        org.headcount = read_count(*v, p + ".headcount");
    if (const Json* v = optional_field(j, "currency"))
        org.currency = read_string(*v, p + ".currency");
    if (const Json* v = optional_field(j, "champion_goal_percent"))
        org.champion_goal_percent =
            read_number(*v, p + ".champion_goal_percent", "a number from 0 to 100");
    return org;
}

model::Consent read_consent(const Json& j, const std::string& p) {
    require_object(j, p);
    model::Consent c; // the defaults of the spec: internal yes, public and photo no
    if (const Json* v = optional_field(j, "internal")) c.internal = read_bool(*v, p + ".internal");
    if (const Json* v = optional_field(j, "public")) c.is_public = read_bool(*v, p + ".public");
    if (const Json* v = optional_field(j, "photo")) c.photo = read_bool(*v, p + ".photo");
    return c;
}

model::Champion read_champion(const Json& j, const std::string& p) {
    model::Champion c;
    c.id = read_string(required_field(j, p, "id"), p + ".id");
    c.name = read_string(required_field(j, p, "name"), p + ".name");
    if (const Json* v = optional_field(j, "team")) c.team = read_string(*v, p + ".team");
    if (const Json* v = optional_field(j, "photo")) c.photo = read_string(*v, p + ".photo");
    if (const Json* v = optional_field(j, "consent")) c.consent = read_consent(*v, p + ".consent");
    return c;
}

model::MonthlyFigures read_monthly(const Json& j, const std::string& p) {
    model::MonthlyFigures m;
    m.champion = read_string(required_field(j, p, "champion"), p + ".champion");
    m.month = read_year_month(required_field(j, p, "month"), p + ".month");
    for (std::size_t k = 0; k < model::kCountMetrics; ++k) {
        const std::string name(model::kMetricNames[k]);
        if (const Json* v = optional_field(j, name)) m.counts[k] = read_count(*v, p + "." + name);
    }
    if (const Json* v = optional_field(j, "deal_value"))
        m.deal_value_cents = read_cents(*v, p + ".deal_value");
    return m;
}

model::Success read_success(const Json& j, const std::string& p) {
    model::Success s;
    s.champion = read_string(required_field(j, p, "champion"), p + ".champion");
    s.date = read_date(required_field(j, p, "date"), p + ".date");
    s.kind = read_string(required_field(j, p, "kind"), p + ".kind");
    s.title = read_string(required_field(j, p, "title"), p + ".title");
    if (const Json* v = optional_field(j, "story")) s.story = read_string(*v, p + ".story");
    if (const Json* v = optional_field(j, "value"))
        s.value = read_number(*v, p + ".value", "a number ≥ 0");
    return s;
}

model::Investment read_investment(const Json& j, const std::string& p) {
    model::Investment inv;
    inv.month = read_year_month(required_field(j, p, "month"), p + ".month");
    if (const Json* v = optional_field(j, "hours"))
        inv.hours = read_number(*v, p + ".hours", "a number ≥ 0");
    if (const Json* v = optional_field(j, "cost"))
        inv.cost = read_number(*v, p + ".cost", "a number ≥ 0");
    return inv;
}

// champions and monthly must be present (possibly empty): a feed is a full snapshot, and an
// exporter that forgot them would otherwise wipe every screen. successes and investment are
// optional lists in the spec.
enum class Presence { required, optional };

template <class T, class ReadItem>
std::vector<T> read_list(const Json& root, const std::string& key, Presence presence,
                         ReadItem read_item) {
    const auto it = root.find(key);
    if (it == root.end() || (it->is_null() && presence == Presence::optional)) {
        if (presence == Presence::required) fail(key, "required field is missing");
        return {};
    }
    if (!it->is_array()) fail(key, "expected an array, got " + describe(*it));
    std::vector<T> items;
    items.reserve(it->size());
    for (std::size_t i = 0; i < it->size(); ++i) {
        const std::string path = key + "[" + std::to_string(i) + "]";
        const Json& item = (*it)[i];
        require_object(item, path);
        items.push_back(read_item(item, path));
    }
    return items;
}

// Before anything else: a feed of another version may be shaped differently, and then the
// version is the one thing worth saying.
void check_format_and_version(const Json& root) {
    const Json& format = required_field(root, "", "format");
    if (format != "podium-feed")
        fail("format", "expected \"podium-feed\", got " + describe(format));
    const Json& version = required_field(root, "", "version");
    if (!version.is_number()) fail("version", "expected an integer, got " + describe(version));
    if (version != 1)
        fail("version", "unsupported feed version " + describe(version) +
                            "; this Podium understands version 1");
}

// The four lists are read element by element while the document is parsed, and each element is
// dropped from the DOM as soon as it is in the model: a 10k x 24 feed never exists as a whole
// nlohmann tree (which costs about six times the document). Errors are kept, not thrown, so that
// they are reported in the same order as before: format and version first, then the fields and
// lists in document-model order, each list by its first broken element.
struct StreamedList {
    bool streamed = false; // the key held an array that was read element by element
    std::size_t count = 0;
    std::optional<ShapeError> error;
};

struct Streamed {
    model::Feed lists; // champions, monthly, successes, investment
    StreamedList champions, monthly, successes, investment;
    std::string key; // the top-level key being parsed
    StreamedList* list = nullptr; // the list being streamed, if any

    StreamedList* list_for(const std::string& k) {
        if (k == "champions") return &champions;
        if (k == "monthly") return &monthly;
        if (k == "successes") return &successes;
        if (k == "investment") return &investment;
        return nullptr;
    }

    template <class T, class ReadItem>
    void take(std::vector<T>& into, const Json& item, ReadItem read_item) {
        const std::string path = key + "[" + std::to_string(list->count++) + "]";
        if (list->error) return; // the first broken element is the one reported
        try {
            require_object(item, path);
            into.push_back(read_item(item, path));
        } catch (const ShapeError& e) {
            list->error = e;
        }
    }

    void element(const Json& item) {
        if (list == &champions) take(lists.champions, item, read_champion);
        if (list == &monthly) take(lists.monthly, item, read_monthly);
        if (list == &successes) take(lists.successes, item, read_success);
        if (list == &investment) take(lists.investment, item, read_investment);
    }

    // nlohmann's parser callback: depth 1 is a top-level key or list, depth 2 a list element.
    bool on_event(int depth, Json::parse_event_t event, Json& parsed) {
        using E = Json::parse_event_t;
        if (depth == 1 && event == E::key) {
            key = parsed.get<std::string>();
            list = nullptr;
        } else if (depth == 1 && event == E::array_start) {
            list = list_for(key);
            if (list) { // a duplicate key: the last one counts, as nlohmann's own parse does
                *list = {true, 0, std::nullopt};
                clear_items();
            }
        } else if (depth == 1 && event == E::array_end) {
            list = nullptr;
        } else if (depth == 2 && list &&
                   (event == E::object_end || event == E::value || event == E::array_end)) {
            element(parsed);
            return false; // dropped from the DOM: it is in the model now
        }
        return true;
    }

    void clear_items() {
        if (list == &champions) lists.champions.clear();
        if (list == &monthly) lists.monthly.clear();
        if (list == &successes) lists.successes.clear();
        if (list == &investment) lists.investment.clear();
    }
};

template <class T, class ReadItem>
std::vector<T> list_or_read(std::vector<T>& streamed_items, const StreamedList& streamed,
                            const Json& root, const std::string& key, Presence presence,
                            ReadItem read_item) {
    if (!streamed.streamed) return read_list<T>(root, key, presence, read_item); // absent, null, not an array
    if (streamed.error) throw *streamed.error;
    return std::move(streamed_items);
}

model::Feed read_feed(const Json& root, Streamed& s) {
    if (!root.is_object())
        throw ShapeError{"expected a JSON object at the top level, got " + describe(root)};
    check_format_and_version(root);
    model::Feed feed;
    feed.generated_at = read_string(required_field(root, "", "generated_at"), "generated_at");
    feed.organisation = read_organisation(required_field(root, "", "organisation"), "organisation");
    feed.champions = list_or_read<model::Champion>(s.lists.champions, s.champions, root, "champions",
                                                   Presence::required, read_champion);
    feed.monthly = list_or_read<model::MonthlyFigures>(s.lists.monthly, s.monthly, root, "monthly",
                                                       Presence::required, read_monthly);
    feed.successes = list_or_read<model::Success>(s.lists.successes, s.successes, root, "successes",
                                                  Presence::optional, read_success);
    feed.investment = list_or_read<model::Investment>(s.lists.investment, s.investment, root,
                                                      "investment", Presence::optional, read_investment);
    return feed;
}

// nlohmann's "[json.exception.parse_error.101] parse error at line 3, column 7: syntax error
// while parsing ..." becomes "JSON syntax error at line 3, column 7: syntax error while ...".
// Its "last read: '...'" quotes the input raw, invalid UTF-8 included, and the message goes to
// the overlay and the log; so that part is quoted (and shortened) the way ours are. The raw part
// ends the message, or comes before "; expected " and the name of a token (plain ASCII).
std::string syntax_message(const std::string& what) {
    const std::string marker = "parse error";
    const std::size_t at = what.find(marker);
    std::string message = at == std::string::npos
                              ? "JSON syntax error: " + what
                              : "JSON syntax error" + what.substr(at + marker.size());
    const std::string last_read = "; last read: '";
    const std::size_t from = message.find(last_read);
    if (from == std::string::npos) return message;
    const std::size_t token = from + last_read.size();
    std::size_t end = message.size(); // just past the closing quote
    const std::string expected = "'; expected ";
    const std::size_t suffix = message.rfind(expected);
    if (suffix != std::string::npos && suffix >= token &&
        std::all_of(message.begin() + static_cast<std::ptrdiff_t>(suffix + expected.size()),
                    message.end(), [](char c) { return c >= ' ' && c <= '~'; }))
        end = suffix + 1;
    if (end > token && message[end - 1] == '\'')
        message = message.substr(0, from) + "; last read: " +
                  quote_for_message(std::string_view(message).substr(token, end - 1 - token)) +
                  message.substr(end);
    return message;
}

// ---------------------------------------------------------------- writing

// Whole numbers without ".0" (160, not 160.0), as people write them and as the spec's example does.
OrderedJson number_json(double v) {
    if (std::trunc(v) == v && std::abs(v) <= kMaxExactInteger) return static_cast<std::int64_t>(v);
    return v;
}

// c / 100.0 is the double nearest the decimal amount, and nlohmann writes the shortest text that
// reads back as that double: the amount itself, "18500.07", which exact_cents turns back into c.
OrderedJson cents_json(std::int64_t cents) {
    if (cents % 100 == 0) return cents / 100;
    return static_cast<double>(cents) / 100.0;
}

OrderedJson organisation_json(const model::Organisation& org) {
    OrderedJson j;
    j["name"] = org.name;
    if (org.headcount) j["headcount"] = *org.headcount;
    j["currency"] = org.currency;
    j["champion_goal_percent"] = number_json(org.champion_goal_percent);
    return j;
}

OrderedJson champion_json(const model::Champion& c) {
    OrderedJson j;
    j["id"] = c.id;
    j["name"] = c.name;
    if (!c.team.empty()) j["team"] = c.team;
    if (!c.photo.empty()) j["photo"] = c.photo;
    // Always written in full: consent decides who may see a name, so it should be readable
    // in the file without knowing the defaults.
    OrderedJson consent;
    consent["internal"] = c.consent.internal;
    consent["public"] = c.consent.is_public;
    consent["photo"] = c.consent.photo;
    j["consent"] = std::move(consent);
    return j;
}

OrderedJson monthly_json(const model::MonthlyFigures& m) {
    OrderedJson j;
    j["champion"] = m.champion;
    j["month"] = model::format_year_month(m.month);
    for (std::size_t k = 0; k < model::kCountMetrics; ++k) {
        j[std::string(model::kMetricNames[k])] = m.counts[k];
        // The spec's example puts the money right after the deals it came from.
        if (static_cast<model::Metric>(k) == model::Metric::deals)
            j["deal_value"] = cents_json(m.deal_value_cents);
    }
    return j;
}

OrderedJson success_json(const model::Success& s) {
    OrderedJson j;
    j["champion"] = s.champion;
    j["date"] = model::format_date(s.date);
    j["kind"] = s.kind;
    j["title"] = s.title;
    if (!s.story.empty()) j["story"] = s.story;
    j["value"] = number_json(s.value);
    return j;
}

OrderedJson investment_json(const model::Investment& inv) {
    OrderedJson j;
    j["month"] = model::format_year_month(inv.month);
    j["hours"] = number_json(inv.hours);
    j["cost"] = number_json(inv.cost);
    return j;
}

template <class T, class ToJson>
OrderedJson list_json(const std::vector<T>& items, ToJson to_json) {
    OrderedJson list = OrderedJson::array(); // [] rather than null when empty
    for (const T& item : items)
        list.push_back(to_json(item));
    return list;
}

} // namespace

podium::Result<model::Feed> parse_feed_json(std::string_view text) {
    Json root;
    Streamed streamed;
    try {
        root = Json::parse(text.begin(), text.end(),
                           [&streamed](int depth, Json::parse_event_t event, Json& parsed) {
                               return streamed.on_event(depth, event, parsed);
                           });
    } catch (const Json::parse_error& e) {
        return Error{syntax_message(e.what())};
    } catch (const Json::exception& e) {
        // out_of_range.406, a number like 1e400 that no double holds
        const std::string what = e.what();
        const std::size_t end_of_id = what.find("] ");
        return Error{"JSON error: " +
                     (end_of_id == std::string::npos ? what : what.substr(end_of_id + 2))};
    }
    model::Feed feed;
    try {
        feed = read_feed(root, streamed);
    } catch (const ShapeError& e) {
        return Error{e.message};
    }
    if (auto valid = validate_feed(feed); !valid) return valid.error();
    return feed;
}

std::string feed_to_json(const model::Feed& feed) {
    OrderedJson j;
    j["format"] = "podium-feed";
    j["version"] = 1;
    j["generated_at"] = feed.generated_at;
    j["organisation"] = organisation_json(feed.organisation);
    j["champions"] = list_json(feed.champions, champion_json);
    j["monthly"] = list_json(feed.monthly, monthly_json);
    j["successes"] = list_json(feed.successes, success_json);
    j["investment"] = list_json(feed.investment, investment_json);
    // replace: a feed that skipped validate_feed may hold invalid UTF-8; never throw for it.
    return j.dump(2, ' ', false, OrderedJson::error_handler_t::replace) + "\n";
}

} // namespace podium::sync
