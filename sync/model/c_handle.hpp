// One deleter template for every C handle (sqlite3, SDL_Window, CURL, ...): each layer declares its
// own unique_ptr aliases with it, next to the library it owns.
#pragma once

#include <memory>

namespace podium {

template <auto Free> struct CDeleter {
    template <class T> void operator()(T* p) const {
        if (p) Free(p);
    }
};

template <class T, auto Free> using CHandle = std::unique_ptr<T, CDeleter<Free>>;

} // namespace podium
