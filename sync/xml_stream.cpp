#include "xml_stream.hpp"

#include <climits>

namespace podium::sync {
namespace {

// Namespaced names arrive as "URI<sep>local"; a space can appear in neither.
constexpr char kSeparator = ' ';

std::string_view local_name(std::string_view name) {
    const auto sep = name.rfind(kSeparator);
    return sep == std::string_view::npos ? name : name.substr(sep + 1);
}

std::string_view namespace_of(std::string_view name) {
    const auto sep = name.rfind(kSeparator);
    return sep == std::string_view::npos ? std::string_view{} : name.substr(0, sep);
}

} // namespace

std::optional<std::string_view> XmlAttributes::get(std::string_view name) const {
    for (const XML_Char** a = raw_; a && a[0]; a += 2)
        if (std::string_view(a[0]) == name) return std::string_view(a[1]);
    return std::nullopt;
}

std::optional<std::string_view> XmlAttributes::get_ns(std::string_view ns_suffix,
                                                      std::string_view name) const {
    for (const XML_Char** a = raw_; a && a[0]; a += 2) {
        const std::string_view full(a[0]);
        if (local_name(full) == name && namespace_of(full).ends_with(ns_suffix))
            return std::string_view(a[1]);
    }
    return std::nullopt;
}

XmlStream::XmlStream(XmlHandler& handler, std::size_t max_depth)
    : handler_(handler), max_depth_(max_depth),
      parser_(XML_ParserCreateNS(nullptr, kSeparator)) {
    if (!parser_) {
        error_ = "out of memory for the XML reader";
        return;
    }
    XML_SetUserData(parser_.get(), this);
    XML_SetElementHandler(parser_.get(), on_start, on_end);
    XML_SetCharacterDataHandler(parser_.get(), on_text);
    XML_SetStartDoctypeDeclHandler(parser_.get(), on_doctype);
    // External entities are never fetched (no handler is set); parameter entities never parsed.
    XML_SetParamEntityParsing(parser_.get(), XML_PARAM_ENTITY_PARSING_NEVER);
}

bool XmlStream::feed(std::string_view chunk, bool last) {
    if (!error_.empty()) return false;
    // expat takes an int length; parts arrive in chunks far below that.
    while (chunk.size() > INT_MAX / 2) {
        if (!feed(chunk.substr(0, INT_MAX / 2), false)) return false;
        chunk.remove_prefix(INT_MAX / 2);
    }
    if (XML_Parse(parser_.get(), chunk.data(), static_cast<int>(chunk.size()), last ? 1 : 0) ==
        XML_STATUS_ERROR) {
        if (error_.empty()) // not stopped by us: a syntax error
            error_ = std::string("not well-formed XML (") +
                     XML_ErrorString(XML_GetErrorCode(parser_.get())) + ") at line " +
                     std::to_string(XML_GetCurrentLineNumber(parser_.get())) + ", column " +
                     std::to_string(XML_GetCurrentColumnNumber(parser_.get()) + 1);
        return false;
    }
    return error_.empty();
}

void XmlStream::fail(std::string message) {
    if (!error_.empty()) return;
    error_ = std::move(message);
    XML_StopParser(parser_.get(), XML_FALSE);
}

void XmlStream::on_start(void* self, const XML_Char* name, const XML_Char** attributes) {
    auto& s = *static_cast<XmlStream*>(self);
    if (!s.error_.empty()) return;
    if (++s.depth_ > s.max_depth_) {
        s.fail("XML nested deeper than " + std::to_string(s.max_depth_) + " elements at line " +
               std::to_string(XML_GetCurrentLineNumber(s.parser_.get())));
        return;
    }
    s.handler_.start(local_name(name), XmlAttributes(attributes), s.depth_);
}

void XmlStream::on_end(void* self, const XML_Char* name) {
    auto& s = *static_cast<XmlStream*>(self);
    if (!s.error_.empty()) return;
    s.handler_.end(local_name(name), s.depth_);
    --s.depth_;
}

void XmlStream::on_text(void* self, const XML_Char* text, int length) {
    auto& s = *static_cast<XmlStream*>(self);
    if (!s.error_.empty() || length <= 0) return;
    s.handler_.text(std::string_view(text, static_cast<std::size_t>(length)));
}

void XmlStream::on_doctype(void* self, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    auto& s = *static_cast<XmlStream*>(self);
    s.fail("has a document type declaration at line " +
           std::to_string(XML_GetCurrentLineNumber(s.parser_.get())) +
           " (a workbook never has one; refused so that no entity is expanded)");
}

} // namespace podium::sync
