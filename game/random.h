// A small seeded random generator with its own shuffle, so the same seed draws the same
// items in the same order on every platform (std::shuffle and the std distributions differ
// between libstdc++ natively and libc++ in the web build).
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace rc::game {

class Random {
  public:
    explicit Random(std::uint64_t seed) : state_(seed) {}

    // splitmix64: tiny, fast and statistically good enough for shuffling a deck.
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

    // Uniform in [0, bound), bound > 0; rejection sampling avoids modulo bias.
    std::uint64_t below(std::uint64_t bound) {
        const std::uint64_t limit = ~std::uint64_t{0} - (~std::uint64_t{0} % bound);
        std::uint64_t value = next();
        while (value >= limit)
            value = next();
        return value % bound;
    }

    template <class T>
    void shuffle(std::vector<T>& values) {
        for (std::size_t i = values.size(); i > 1; --i) {
            const auto j = static_cast<std::size_t>(below(i));
            std::swap(values[i - 1], values[j]);
        }
    }

  private:
    std::uint64_t state_;
};

}  // namespace rc::game
