#include "display_list.hpp"

namespace podium::scene {

std::vector<const TextItem*> DisplayList::texts() const {
    std::vector<const TextItem*> out;
    for (const auto& item : items)
        if (const auto* t = std::get_if<TextItem>(&item)) out.push_back(t);
    return out;
}

std::string DisplayList::text_lines() const {
    std::string out;
    for (const auto* t : texts()) {
        out += t->text;
        out += '\n';
    }
    return out;
}

} // namespace podium::scene
