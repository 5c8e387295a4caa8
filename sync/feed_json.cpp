// Reading and writing the JSON feed; the rules themselves live in feed_validate.cpp.
#include "sync/feed_json.hpp"

#include "sync/feed_validate.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace podium::sync {
namespace {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json; // keeps the spec's field order when writing


// ---------------------------------------------------------------- reading
//
// nlohmann's SAX parser feeds a Reader that keeps no document tree: each field of interest lands
// in a slot of a small Record (reused from one list element to the next), everything else is
// skipped, and each list element becomes a model item as soon as its object closes. A 10k x 24
// feed is read with no allocation per field and never exists as a tree (which costs about six
// times the document). Paths for messages ("monthly[12].deals") are only spelled out for an error.

// The first broken rule ends the read. Throwing it keeps every field read to one line instead of
// a check-and-return after each; it never leaves this file (parse_feed_json catches it).
struct ShapeError {
    std::string message;
};

// A place in the document, spelled out only for a message: "organisation.name", "monthly[12]",
// "champions[3].consent.photo".
struct Where {
    static constexpr std::size_t kNoIndex = static_cast<std::size_t>(-1);
    std::string_view head; // a top-level key
    std::size_t index = kNoIndex;
    std::string_view field{}, sub{};

    Where at(std::string_view name) const {
        Where w = *this;
        (head.empty() ? w.head : field.empty() ? w.field : w.sub) = name;
        return w;
    }
    std::string text() const {
        std::string s(head);
        if (index != kNoIndex) s.append("[").append(std::to_string(index)).append("]");
        if (!field.empty()) s.append(".").append(field);
        if (!sub.empty()) s.append(".").append(sub);
        return s;
    }
};

[[noreturn]] void fail(const Where& where, const std::string& problem) {
    throw ShapeError{where.text() + ": " + problem};
}

// A JSON value as the reader keeps it: scalars whole; objects and arrays by kind only (what is in
// them goes to a Record of their own, or nowhere).
struct Value {
    enum class Kind : std::uint8_t {
        absent, // the key was not there
        null,
        boolean,
        integer, // < 0 (nlohmann's number_integer)
        unsigned_integer,
        floating,
        string,
        object,
        array,
    };
    Kind kind = Kind::absent;
    bool boolean = false;
    std::int64_t integer = 0;
    std::uint64_t unsigned_integer = 0;
    double floating = 0;
    std::string string{};

    bool is(Kind k) const { return kind == k; }
    bool is_number() const {
        return kind == Kind::integer || kind == Kind::unsigned_integer || kind == Kind::floating;
    }
    double number() const {
        return kind == Kind::integer            ? static_cast<double>(integer)
               : kind == Kind::unsigned_integer ? static_cast<double>(unsigned_integer)
                                                : floating;
    }
};
using Kind = Value::Kind;

// A value as an error message shows it: strings quoted, containers by kind only, numbers as
// nlohmann writes them (18500.00 as 18500.0, 1e20 as 1e+20).
std::string describe(const Value& v) {
    switch (v.kind) {
    case Kind::string: return quote_for_message(v.string);
    case Kind::object: return "an object";
    case Kind::array: return "an array";
    case Kind::null: return "null";
    case Kind::boolean: return v.boolean ? "true" : "false";
    case Kind::integer: return Json(v.integer).dump();
    case Kind::unsigned_integer: return Json(v.unsigned_integer).dump();
    case Kind::floating: return Json(v.floating).dump();
    case Kind::absent: break;
    }
    return "nothing";
}

// The fields of one kind of object that the reader keeps, by slot; unknown keys are skipped.
// A key given twice counts the last time, as in nlohmann's own parse.
struct Record {
    std::span<const std::string_view> names;
    std::vector<Value> slots;
    std::vector<Record*> nested; // per slot: the record an object there fills, if any

    explicit Record(std::span<const std::string_view> field_names)
        : names(field_names), slots(field_names.size()), nested(field_names.size(), nullptr) {}

    static constexpr std::size_t kUnknown = static_cast<std::size_t>(-1);
    std::size_t slot_of(std::string_view key) const {
        for (std::size_t i = 0; i < names.size(); ++i)
            if (names[i] == key) return i;
        return kUnknown;
    }
    void clear() {
        for (Value& v : slots) v.kind = Kind::absent;
    }
};

struct RootFields {
    enum : std::size_t { format, version, generated_at, organisation, champions, monthly, successes, investment };
    static constexpr std::string_view names[] = {"format",       "version",  "generated_at",
                                                 "organisation", "champions", "monthly",
                                                 "successes",    "investment"};
};
struct OrganisationFields {
    enum : std::size_t { name, headcount, currency, champion_goal_percent };
    static constexpr std::string_view names[] = {"name", "headcount", "currency",
                                                 "champion_goal_percent"};
};
struct ChampionFields {
    enum : std::size_t { id, name, team, photo, consent };
    static constexpr std::string_view names[] = {"id", "name", "team", "photo", "consent"};
};
struct ConsentFields {
    enum : std::size_t { internal, is_public, photo };
    static constexpr std::string_view names[] = {"internal", "public", "photo"};
};
struct MonthlyFields { // champion, month, then the metrics in kMetricNames' order (deal_value last)
    enum : std::size_t { champion, month, first_metric };
    static constexpr auto names = [] {
        std::array<std::string_view, first_metric + model::kMetricNames.size()> a{"champion", "month"};
        for (std::size_t k = 0; k < model::kMetricNames.size(); ++k) a[first_metric + k] = model::kMetricNames[k];
        return a;
    }();
};
struct SuccessFields {
    enum : std::size_t { champion, date, kind, title, story, value };
    static constexpr std::string_view names[] = {"champion", "date", "kind", "title", "story", "value"};
};
struct InvestmentFields {
    enum : std::size_t { month, hours, cost };
    static constexpr std::string_view names[] = {"month", "hours", "cost"};
};

const Value& required_field(const Record& r, std::size_t slot, const Where& where) {
    const Value& v = r.slots[slot];
    if (v.is(Kind::absent)) fail(where.at(r.names[slot]), "required field is missing");
    return v; // a null here fails the type check of its reader: "expected a string, got null"
}

// nullptr when the field is missing or null: database and spreadsheet exports often write null
// for an empty cell, and for an optional field that can only mean "not given".
const Value* optional_field(const Record& r, std::size_t slot) {
    const Value& v = r.slots[slot];
    return v.is(Kind::absent) || v.is(Kind::null) ? nullptr : &v;
}

void require_object(const Value& v, const Where& where) {
    if (!v.is(Kind::object)) fail(where, "expected an object, got " + describe(v));
}

std::string read_string(const Value& v, const Where& where) {
    if (!v.is(Kind::string)) fail(where, "expected a string, got " + describe(v));
    return v.string;
}

bool read_bool(const Value& v, const Where& where) {
    if (!v.is(Kind::boolean)) fail(where, "expected true or false, got " + describe(v));
    return v.boolean;
}

// Only the type; the range is validate_feed's, which uses the same words for `expected`.
double read_number(const Value& v, const Where& where, const char* expected) {
    if (!v.is_number()) fail(where, std::string("expected ") + expected + ", got " + describe(v));
    return v.number();
}

// Counts accept 3.0 as well as 3: exporters that keep every number as a float (spreadsheets,
// Python) write that, and it is unambiguous. 3.5 is not a count.
// The limit is the model's, as in every container (kMaxCount, exact as a double).
std::int64_t read_count(const Value& v, const Where& where) {
    constexpr auto kMax = static_cast<std::uint64_t>(model::kMaxCount);
    if (v.is(Kind::unsigned_integer)) {
        if (v.unsigned_integer <= kMax) return static_cast<std::int64_t>(v.unsigned_integer);
    } else if (v.is(Kind::integer)) {
        if (v.integer >= 0 && v.integer <= model::kMaxCount) return v.integer;
    } else if (v.is(Kind::floating)) {
        if (std::trunc(v.floating) == v.floating && v.floating >= 0 &&
            v.floating <= static_cast<double>(kMax))
            return static_cast<std::int64_t>(v.floating);
    }
    if (v.is_number() && v.number() > static_cast<double>(kMax))
        fail(where, too_large_message(model::kMaxCount, describe(v)));
    fail(where, "expected an integer ≥ 0, got " + describe(v));
}

std::int64_t read_cents(const Value& v, const Where& where) {
    const auto broken = [&] {
        fail(where, "expected an amount ≥ 0 with at most 2 decimals, got " + describe(v));
    };
    if (!v.is_number()) broken();
    const double amount = v.number(); // integers up to the maximum are exact as doubles
    if (amount < 0) broken();
    if (amount > static_cast<double>(model::kMaxMoney))
        fail(where, too_large_message(model::kMaxMoney, describe(v)));
    const auto cents = exact_cents(amount);
    if (!cents) broken();
    return *cents;
}

model::YearMonth read_year_month(const Value& v, const Where& where) {
    if (v.is(Kind::string))
        if (auto ym = model::parse_year_month(v.string)) return *ym;
    fail(where, "expected YYYY-MM, got " + describe(v));
}

model::Date read_date(const Value& v, const Where& where) {
    if (v.is(Kind::string))
        if (auto d = model::parse_date(v.string)) return *d;
    fail(where, "expected YYYY-MM-DD, got " + describe(v));
}

model::Organisation read_organisation(const Value& v, const Record& r, const Where& w) {
    using F = OrganisationFields;
    require_object(v, w);
    model::Organisation org;
    // Optional, as the model has it (a CSV feed may have none). Given but "", it is refused here:
    // the model's empty name means "not given", so validate_feed cannot see the difference.
    if (const Value* f = optional_field(r, F::name)) {
        org.name = read_string(*f, w.at("name"));
        if (org.name.empty()) fail(w.at("name"), "must not be empty");
    }
    if (const Value* f = optional_field(r, F::headcount)) org.headcount = read_count(*f, w.at("headcount"));
    if (const Value* f = optional_field(r, F::currency)) org.currency = read_string(*f, w.at("currency"));
    if (const Value* f = optional_field(r, F::champion_goal_percent))
        org.champion_goal_percent =
            read_number(*f, w.at("champion_goal_percent"), "a number from 0 to 100");
    return org;
}

model::Consent read_consent(const Value& v, const Record& r, const Where& w) {
    using F = ConsentFields;
    require_object(v, w);
    model::Consent c; // the defaults of the spec: internal yes, public and photo no
    if (const Value* f = optional_field(r, F::internal)) c.internal = read_bool(*f, w.at("internal"));
    if (const Value* f = optional_field(r, F::is_public)) c.is_public = read_bool(*f, w.at("public"));
    if (const Value* f = optional_field(r, F::photo)) c.photo = read_bool(*f, w.at("photo"));
    return c;
}

model::Champion read_champion(const Record& r, const Where& w) {
    using F = ChampionFields;
    model::Champion c;
    c.id = read_string(required_field(r, F::id, w), w.at("id"));
    c.name = read_string(required_field(r, F::name, w), w.at("name"));
    if (const Value* f = optional_field(r, F::team)) c.team = read_string(*f, w.at("team"));
    if (const Value* f = optional_field(r, F::photo)) c.photo = read_string(*f, w.at("photo"));
    if (const Value* f = optional_field(r, F::consent))
        c.consent = read_consent(*f, *r.nested[F::consent], w.at("consent"));
    return c;
}

model::MonthlyFigures read_monthly(const Record& r, const Where& w) {
    using F = MonthlyFields;
    model::MonthlyFigures m;
    m.champion = read_string(required_field(r, F::champion, w), w.at("champion"));
    m.month = read_year_month(required_field(r, F::month, w), w.at("month"));
    for (std::size_t k = 0; k < model::kCountMetrics; ++k)
        if (const Value* f = optional_field(r, F::first_metric + k))
            m.counts[k] = read_count(*f, w.at(model::kMetricNames[k]));
    constexpr std::size_t deal_value = F::first_metric + model::kCountMetrics;
    if (const Value* f = optional_field(r, deal_value))
        m.deal_value_cents = read_cents(*f, w.at(model::kMetricNames[model::kCountMetrics]));
    return m;
}

model::Success read_success(const Record& r, const Where& w) {
    using F = SuccessFields;
    model::Success s;
    s.champion = read_string(required_field(r, F::champion, w), w.at("champion"));
    s.date = read_date(required_field(r, F::date, w), w.at("date"));
    s.kind = read_string(required_field(r, F::kind, w), w.at("kind"));
    s.title = read_string(required_field(r, F::title, w), w.at("title"));
    if (const Value* f = optional_field(r, F::story)) s.story = read_string(*f, w.at("story"));
    if (const Value* f = optional_field(r, F::value)) s.value = read_number(*f, w.at("value"), "a number ≥ 0");
    return s;
}

model::Investment read_investment(const Record& r, const Where& w) {
    using F = InvestmentFields;
    model::Investment inv;
    inv.month = read_year_month(required_field(r, F::month, w), w.at("month"));
    if (const Value* f = optional_field(r, F::hours)) inv.hours = read_number(*f, w.at("hours"), "a number ≥ 0");
    if (const Value* f = optional_field(r, F::cost)) inv.cost = read_number(*f, w.at("cost"), "a number ≥ 0");
    return inv;
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


// champions and monthly must be present (possibly empty): a feed is a full snapshot, and an
// exporter that forgot them would otherwise wipe every screen. successes and investment are
// optional lists in the spec.
enum class Presence { required, optional };

// nlohmann's SAX interface (sax_parse). Shape errors are kept, not thrown, so that a syntax error
// anywhere is reported first; then read_feed reports format and version, the fields and the lists
// in document-model order, each list by its first broken element.
class Reader {
public:
    Reader() {
        root_.nested[RootFields::organisation] = &organisation_;
        champions_.element.nested[ChampionFields::consent] = &consent_;
    }
    Reader(const Reader&) = delete;
    Reader& operator=(const Reader&) = delete;

    // --- the SAX events
    bool null() { return scalar([](Value& v) { v.kind = Kind::null; }); }
    bool boolean(bool b) {
        return scalar([b](Value& v) { v.kind = Kind::boolean, v.boolean = b; });
    }
    bool number_integer(std::int64_t i) {
        return scalar([i](Value& v) { v.kind = Kind::integer, v.integer = i; });
    }
    bool number_unsigned(std::uint64_t u) {
        return scalar([u](Value& v) { v.kind = Kind::unsigned_integer, v.unsigned_integer = u; });
    }
    bool number_float(double d, const std::string& /*as written*/) {
        return scalar([d](Value& v) { v.kind = Kind::floating, v.floating = d; });
    }
    bool string(std::string& s) { // the lexer's buffer: swapped, not copied
        return scalar([&s](Value& v) { v.kind = Kind::string, v.string.swap(s); });
    }
    bool binary(Json::binary_t& /*never in JSON text*/) { return true; }
    bool key(std::string& k) {
        Frame& f = stack_.back();
        if (f.record) f.pending = f.record->slot_of(k);
        return true;
    }
    bool start_object(std::size_t /*unknown*/) {
        if (inside_skipped()) {
            ++skipped_;
            return true;
        }
        Value* v = target();
        if (v) v->kind = Kind::object;
        if (stack_.empty()) { // the top level
            root_.clear();
            push({.record = &root_});
            return true;
        }
        const Frame& f = stack_.back();
        if (f.list) { // an element of a list; after a broken one, the rest are only parsed
            List& list = *f.list;
            if (!list.error) list.element.clear();
            push(list.error ? Frame{} : Frame{.record = &list.element, .element_of = &list});
            return true;
        }
        Record* inner = v ? f.record->nested[f.pending] : nullptr;
        if (inner) inner->clear();
        push({.record = inner});
        return true;
    }
    bool end_object() {
        if (skipped_ > 0) {
            --skipped_;
            return true;
        }
        const Frame f = stack_.back();
        stack_.pop_back();
        if (f.element_of) finish_element(*f.element_of);
        return true;
    }
    bool start_array(std::size_t /*unknown*/) {
        if (inside_skipped()) {
            ++skipped_;
            return true;
        }
        Value* v = target();
        if (v) v->kind = Kind::array;
        List* list = nullptr;
        if (!stack_.empty()) {
            const Frame& f = stack_.back();
            if (f.list) not_an_object(*f.list, Value{.kind = Kind::array});
            if (v && f.record == &root_) list = list_at(f.pending); // a list of the feed
        }
        if (list) list->start(items_);
        push({.list = list});
        return true;
    }
    bool end_array() {
        if (skipped_ > 0) {
            --skipped_;
            return true;
        }
        stack_.pop_back();
        return true;
    }
    bool parse_error(std::size_t /*position*/, const std::string& /*last token*/,
                     const Json::exception& e) {
        if (e.id >= 100 && e.id < 200) { // parse_error.1xx
            syntax_error_ = syntax_message(e.what());
        } else { // out_of_range.406, a number like 1e400 that no double holds
            const std::string what = e.what();
            const std::size_t end_of_id = what.find("] ");
            syntax_error_ = "JSON error: " + (end_of_id == std::string::npos ? what : what.substr(end_of_id + 2));
        }
        return false;
    }

    const std::string& syntax_error() const { return syntax_error_; }

    model::Feed read_feed() {
        if (!top_.is(Kind::object))
            throw ShapeError{"expected a JSON object at the top level, got " + describe(top_)};
        check_format_and_version();
        using F = RootFields;
        model::Feed feed;
        const Where top;
        feed.generated_at = read_string(required_field(root_, F::generated_at, top), top.at("generated_at"));
        feed.organisation = read_organisation(required_field(root_, F::organisation, top),
                                              organisation_, top.at("organisation"));
        feed.champions = take_list(F::champions, Presence::required, items_.champions);
        feed.monthly = take_list(F::monthly, Presence::required, items_.monthly);
        feed.successes = take_list(F::successes, Presence::optional, items_.successes);
        feed.investment = take_list(F::investment, Presence::optional, items_.investment);
        return feed;
    }

private:
    // One of the feed's four lists, read element by element into items_.
    struct List {
        std::size_t slot; // in the root record
        Record element;
        std::size_t count = 0; // elements seen
        std::optional<ShapeError> error{};

        // A key given twice counts the last time: what an earlier array gave is dropped.
        void start(model::Feed& items) {
            count = 0;
            error.reset();
            if (slot == RootFields::champions) items.champions.clear();
            if (slot == RootFields::monthly) items.monthly.clear();
            if (slot == RootFields::successes) items.successes.clear();
            if (slot == RootFields::investment) items.investment.clear();
        }
    };

    // An open object or array: an object of a Record fills its slots, a list's array makes
    // elements, anything else is skipped to its end.
    struct Frame {
        Record* record = nullptr;
        std::size_t pending = Record::kUnknown; // the slot the next value goes to
        List* list = nullptr;                   // this array is the list's
        List* element_of = nullptr;             // this object is an element of the list
    };

    void push(const Frame& f) { stack_.push_back(f); }

    // A container inside one that is skipped is only counted, not pushed: however deep an unknown
    // field nests, the stack stays as deep as the feed's own shape (a few frames).
    bool inside_skipped() const {
        if (skipped_ > 0) return true;
        if (stack_.empty()) return false;
        const Frame& f = stack_.back();
        return !f.record && !f.list && !f.element_of;
    }

    // Where the value that starts now goes: the top level, a slot, or (nullptr) nowhere kept.
    Value* target() {
        if (stack_.empty()) return &top_;
        Frame& f = stack_.back();
        if (f.list) ++f.list->count; // an element
        if (f.record && f.pending != Record::kUnknown) return &f.record->slots[f.pending];
        return nullptr;
    }

    template <class Set>
    bool scalar(Set set) {
        if (Value* v = target()) {
            set(*v);
        } else if (!stack_.empty() && stack_.back().list) {
            Value element;
            set(element);
            not_an_object(*stack_.back().list, element);
        }
        return true;
    }

    void not_an_object(List& list, const Value& element) {
        if (!list.error)
            list.error = ShapeError{element_where(list).text() + ": expected an object, got " +
                                    describe(element)};
    }

    List* list_at(std::size_t slot) {
        for (List* l : {&champions_, &monthly_, &successes_, &investment_})
            if (l->slot == slot) return l;
        return nullptr;
    }

    static Where element_where(const List& list) {
        return Where{.head = RootFields::names[list.slot], .index = list.count - 1};
    }

    void finish_element(List& list) {
        const Where w = element_where(list);
        try {
            switch (list.slot) {
            case RootFields::champions: items_.champions.push_back(read_champion(list.element, w)); break;
            case RootFields::monthly: items_.monthly.push_back(read_monthly(list.element, w)); break;
            case RootFields::successes: items_.successes.push_back(read_success(list.element, w)); break;
            case RootFields::investment: items_.investment.push_back(read_investment(list.element, w)); break;
            default: break;
            }
        } catch (ShapeError& e) {
            list.error = std::move(e);
        }
    }

    // Before anything else: a feed of another version may be shaped differently, and then the
    // version is the one thing worth saying.
    void check_format_and_version() const {
        const Where top;
        const Value& format = required_field(root_, RootFields::format, top);
        if (!format.is(Kind::string) || format.string != "podium-feed")
            fail(top.at("format"), "expected \"podium-feed\", got " + describe(format));
        const Value& version = required_field(root_, RootFields::version, top);
        if (!version.is_number()) fail(top.at("version"), "expected an integer, got " + describe(version));
        if (version.number() != 1.0)
            fail(top.at("version"),
                 "unsupported feed version " + describe(version) + "; this Podium understands version 1");
    }

    template <class T>
    std::vector<T> take_list(std::size_t slot, Presence presence, std::vector<T>& items) {
        const Value& v = root_.slots[slot];
        const Where where{.head = RootFields::names[slot]};
        if (v.is(Kind::absent) || (v.is(Kind::null) && presence == Presence::optional)) {
            if (presence == Presence::required) fail(where, "required field is missing");
            return {};
        }
        if (!v.is(Kind::array)) fail(where, "expected an array, got " + describe(v));
        if (const List* list = list_at(slot); list->error) throw *list->error;
        return std::move(items);
    }

    Value top_; // the document's top-level value
    Record root_{RootFields::names};
    Record organisation_{OrganisationFields::names};
    Record consent_{ConsentFields::names};
    List champions_{RootFields::champions, Record{ChampionFields::names}};
    List monthly_{RootFields::monthly, Record{MonthlyFields::names}};
    List successes_{RootFields::successes, Record{SuccessFields::names}};
    List investment_{RootFields::investment, Record{InvestmentFields::names}};
    model::Feed items_; // the lists' elements read so far
    std::vector<Frame> stack_;
    std::size_t skipped_ = 0; // containers open inside the skipped one on top of stack_
    std::string syntax_error_;
};

// A fast pass over the JSON text for the usual document: it gives the Reader the same events as
// nlohmann's parser would, and gives up (false) at anything it does not read itself: an escape in
// a string, a byte nlohmann would reject, a number beyond a double, any syntax error. The caller
// then reads the text again with nlohmann's parser, which reports syntax errors with their line
// and column. nlohmann's lexer keeps every byte of every token for its messages; this does not,
// and reads a 10k x 24 feed in about a quarter of the time.
class FastScanner {
public:
    FastScanner(std::string_view text, Reader& reader)
        : p_(text.data()), end_(text.data() + text.size()), reader_(reader) {}

    bool run() {
        if (end_ - p_ >= 3 && std::memcmp(p_, "\xEF\xBB\xBF", 3) == 0) p_ += 3; // as nlohmann does
        enum class Want { value, key, more }; // `more`: a comma or the end of a container
        Want want = Want::value;
        std::vector<bool> in_object; // the open containers, innermost last
        for (;;) {
            skip_space();
            if (want == Want::more && in_object.empty()) return p_ == end_; // after the top value
            if (p_ == end_) return false;
            const char c = *p_;
            if (want == Want::key) {
                if (c != '"' || !scan_string()) return false;
                reader_.key(buffer_);
                skip_space();
                if (p_ == end_ || *p_ != ':') return false;
                ++p_;
                want = Want::value;
            } else if (want == Want::more) {
                ++p_;
                if (c == ',') {
                    want = in_object.back() ? Want::key : Want::value;
                } else if (c == (in_object.back() ? '}' : ']')) {
                    in_object.back() ? reader_.end_object() : reader_.end_array();
                    in_object.pop_back();
                } else {
                    return false;
                }
            } else if (c == '{' || c == '[') {
                ++p_;
                const bool object = c == '{';
                object ? reader_.start_object(kUnknownSize) : reader_.start_array(kUnknownSize);
                skip_space();
                if (p_ != end_ && *p_ == (object ? '}' : ']')) { // empty
                    ++p_;
                    object ? reader_.end_object() : reader_.end_array();
                    want = Want::more;
                } else {
                    in_object.push_back(object);
                    want = object ? Want::key : Want::value;
                }
            } else {
                if (!scan_scalar()) return false;
                want = Want::more;
            }
        }
    }

private:
    static constexpr std::size_t kUnknownSize = static_cast<std::size_t>(-1); // as nlohmann says

    void skip_space() {
        while (p_ != end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
    }

    bool literal(std::string_view word) {
        if (static_cast<std::size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word)
            return false;
        p_ += word.size();
        return true;
    }

    bool scan_scalar() {
        switch (*p_) {
        case '"':
            if (!scan_string()) return false;
            reader_.string(buffer_);
            return true;
        case 't': return literal("true") && reader_.boolean(true);
        case 'f': return literal("false") && reader_.boolean(false);
        case 'n': return literal("null") && reader_.null();
        default: return scan_number();
        }
    }

    // A string without escapes, of well-formed UTF-8 without control characters (nlohmann's
    // rules), into buffer_.
    bool scan_string() {
        const auto* s = reinterpret_cast<const unsigned char*>(++p_); // past the quote
        const auto* end = reinterpret_cast<const unsigned char*>(end_);
        const auto* from = s;
        for (;;) {
            while (s != end && *s >= 0x20 && *s < 0x80 && *s != '"' && *s != '\\') ++s;
            if (s == end || *s < 0x20 || *s == '\\') return false;
            if (*s == '"') break;
            const int extra = utf8_sequence(s, end);
            if (extra == 0) return false;
            s += extra + 1;
        }
        buffer_.assign(reinterpret_cast<const char*>(from), reinterpret_cast<const char*>(s));
        p_ = reinterpret_cast<const char*>(s) + 1;
        return true;
    }

    // The continuation bytes of the well-formed UTF-8 sequence at s (RFC 3629), or 0.
    static int utf8_sequence(const unsigned char* s, const unsigned char* end) {
        const auto in = [&](int i, unsigned lo, unsigned hi) { return end - s > i && s[i] >= lo && s[i] <= hi; };
        const unsigned c = s[0];
        if (c >= 0xC2 && c <= 0xDF) return in(1, 0x80, 0xBF) ? 1 : 0;
        if (c >= 0xE0 && c <= 0xEF) {
            const unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
            return in(1, lo, hi) && in(2, 0x80, 0xBF) ? 2 : 0;
        }
        if (c >= 0xF0 && c <= 0xF4) {
            const unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
            return in(1, lo, hi) && in(2, 0x80, 0xBF) && in(3, 0x80, 0xBF) ? 3 : 0;
        }
        return 0;
    }

    // JSON's grammar, with nlohmann's types: an integer is unsigned, or signed when negative; one
    // beyond 64 bits, a fraction or an exponent make a double.
    bool scan_number() {
        const char* start = p_;
        const auto digits = [&] {
            const char* from = p_;
            while (p_ != end_ && *p_ >= '0' && *p_ <= '9') ++p_;
            return p_ != from;
        };
        if (p_ != end_ && *p_ == '-') ++p_;
        if (p_ != end_ && *p_ == '0') {
            ++p_;
        } else if (!digits()) {
            return false;
        }
        bool integer = true;
        if (p_ != end_ && *p_ == '.') {
            ++p_;
            if (!digits()) return false;
            integer = false;
        }
        if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
            ++p_;
            if (p_ != end_ && (*p_ == '+' || *p_ == '-')) ++p_;
            if (!digits()) return false;
            integer = false;
        }
        if (integer) {
            if (*start == '-') {
                std::int64_t v = 0;
                if (std::from_chars(start, p_, v).ec == std::errc{}) return reader_.number_integer(v);
            } else {
                std::uint64_t v = 0;
                if (std::from_chars(start, p_, v).ec == std::errc{}) return reader_.number_unsigned(v);
            }
        }
        double d = 0; // correctly rounded, as strtod; out of range (1e400, 1e-400): nlohmann's to say
        if (std::from_chars(start, p_, d).ec != std::errc{}) return false;
        return reader_.number_float(d, buffer_);
    }

    const char* p_;
    const char* end_;
    Reader& reader_;
    std::string buffer_;
};

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
    if (!org.name.empty()) j["name"] = org.name;
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
    auto reader = std::make_unique<Reader>();
    if (!FastScanner(text, *reader).run()) { // read again, from the start, by nlohmann's parser
        reader = std::make_unique<Reader>();
        if (!Json::sax_parse(text.begin(), text.end(), reader.get())) return Error{reader->syntax_error()};
    }
    model::Feed feed;
    try {
        feed = reader->read_feed();
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
