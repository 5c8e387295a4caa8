// A streaming XML reader over expat for the parts of a workbook: fed in chunks as they are
// unpacked, so a part is never held whole in memory. Hostile input stays bounded: a document
// type declaration (the door to entity expansion) is refused outright, element nesting and the
// text kept per element have limits, and the first problem stops the parse with a message that
// names the line and column.
#pragma once

#include "sync/model/c_handle.hpp"

#include <expat.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace podium::sync {

// One attribute as the handler sees it: its local name, and its namespace URI ("" for an
// attribute without a prefix, as most are in a workbook).
struct XmlAttribute {
    std::string_view ns;
    std::string_view name;
    std::string_view value;
};

// A start tag's attributes, looked up by local name (and namespace where it matters: r:id).
class XmlAttributes {
  public:
    explicit XmlAttributes(const XML_Char** raw) : raw_(raw) {}
    std::optional<std::string_view> get(std::string_view name) const; // unprefixed only
    // An attribute in a namespace whose URI ends with ns_suffix ("relationships").
    std::optional<std::string_view> get_ns(std::string_view ns_suffix, std::string_view name) const;

  private:
    const XML_Char** raw_;
};

class XmlHandler {
  public:
    virtual ~XmlHandler() = default;
    // depth: 1 for the root element. Element names are local (the namespace is dropped: a
    // workbook's parts use one main namespace, transitional or strict).
    virtual void start(std::string_view name, const XmlAttributes& attributes, std::size_t depth) = 0;
    virtual void end(std::string_view name, std::size_t depth) = 0;
    // Character data inside the innermost open element; called in pieces.
    virtual void text(std::string_view piece) = 0;
};

using XmlParserHandle = CHandle<std::remove_pointer_t<XML_Parser>, XML_ParserFree>;

class XmlStream {
  public:
    XmlStream(XmlHandler& handler, std::size_t max_depth);
    XmlStream(const XmlStream&) = delete;
    XmlStream& operator=(const XmlStream&) = delete;

    // Feeds the next chunk (last: the end of the document). False once the document is known to
    // be bad; error() then says why and where.
    bool feed(std::string_view chunk, bool last);
    // A handler's own refusal ("too many shared strings"): stops the parse with that message.
    void fail(std::string message);
    const std::string& error() const { return error_; }

  private:
    static void on_start(void* self, const XML_Char* name, const XML_Char** attributes);
    static void on_end(void* self, const XML_Char* name);
    static void on_text(void* self, const XML_Char* text, int length);
    static void on_doctype(void* self, const XML_Char*, const XML_Char*, const XML_Char*, int);

    XmlHandler& handler_;
    std::size_t max_depth_;
    std::size_t depth_ = 0;
    XmlParserHandle parser_;
    std::string error_;
};

} // namespace podium::sync
