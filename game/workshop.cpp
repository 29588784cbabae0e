#include "game/workshop.h"

#include <algorithm>
#include <map>

#include "content/unicode.h"
#include "game/deck.h"
#include "game/strings.h"

namespace rc::game {
namespace {

std::size_t code_points(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return {};
    const auto last = text.find_last_not_of(" \t");
    return text.substr(first, last - first + 1);
}

// Why `name` cannot name a band (other than band `except`), or "".
std::string check_band_name(const std::vector<Band>& bands, std::string_view name,
                            std::size_t except) {
    if (name.empty())
        return "a band needs a name";
    if (!content::is_valid_utf8(name))
        return "the name is not valid UTF-8 text";
    if (std::any_of(name.begin(), name.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; }))
        return "the name holds a control character";
    if (code_points(name) > kMaxBandNameChars)
        return "the name is longer than " + std::to_string(kMaxBandNameChars) + " characters";
    for (std::size_t i = 0; i < bands.size(); ++i)
        if (i != except && bands[i].name == name)
            return "another band is already called \"" + std::string(name) + "\"";
    return {};
}

// The first palette entry (then symbol) no band uses yet; wraps round when all are taken.
template <class T>
T first_unused(const std::vector<T>& choices, const std::vector<Band>& bands, T Band::*field) {
    for (const auto& choice : choices)
        if (std::none_of(bands.begin(), bands.end(),
                         [&](const Band& band) { return band.*field == choice; }))
            return choice;
    return choices[bands.size() % choices.size()];
}

std::vector<std::optional<BandCount>> no_votes(const WorkshopSetup& setup) {
    return std::vector<std::optional<BandCount>>(setup.bands.size());
}

SessionItem session_item(const content::PackItem& item, const WorkshopSetup& setup) {
    return {item.id, item.answer, item.category, no_votes(setup), false};
}

std::vector<content::Problem> check_setup(const WorkshopSetup& setup,
                                          const std::vector<content::PackItem>& pack) {
    std::vector<content::Problem> problems;
    if (setup.bands.empty())
        problems.push_back(
            {content::Severity::Error, "workshop", "a session needs at least one band"});
    if (setup.bands.size() > kMaxBands)
        problems.push_back({content::Severity::Error, "workshop",
                            "at most " + std::to_string(kMaxBands) + " bands"});
    if (pack.empty())
        problems.push_back({content::Severity::Error, "workshop", "the pack has no items"});
    return problems;
}

}  // namespace

std::string to_hex(Colour colour) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex = "#";
    for (std::uint8_t part : {colour.r, colour.g, colour.b}) {
        hex += kDigits[part >> 4];
        hex += kDigits[part & 0xF];
    }
    return hex;
}

std::optional<Colour> colour_from_hex(std::string_view text) {
    if (text.size() != 7 || text[0] != '#')
        return std::nullopt;
    int parts[3] = {};
    for (std::size_t i = 1; i < 7; ++i) {
        const char c = text[i];
        int digit = -1;
        if (c >= '0' && c <= '9')
            digit = c - '0';
        else if (c >= 'a' && c <= 'f')
            digit = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            digit = c - 'A' + 10;
        if (digit < 0)
            return std::nullopt;
        parts[(i - 1) / 2] = parts[(i - 1) / 2] * 16 + digit;
    }
    return Colour{static_cast<std::uint8_t>(parts[0]), static_cast<std::uint8_t>(parts[1]),
                  static_cast<std::uint8_t>(parts[2])};
}

const std::vector<Colour>& band_palette() {
    // Okabe & Ito (2008): orange, sky blue, bluish green, reddish purple first (the four
    // defaults, far apart for every kind of colour vision), then yellow, blue, vermillion.
    static const std::vector<Colour> palette = {
        {0xE6, 0x9F, 0x00}, {0x56, 0xB4, 0xE9}, {0x00, 0x9E, 0x73}, {0xCC, 0x79, 0xA7},
        {0xF0, 0xE4, 0x42}, {0x00, 0x72, 0xB2}, {0xD5, 0x5E, 0x00}};
    return palette;
}

const std::vector<std::string>& band_symbols() {
    static const std::vector<std::string> symbols = {"●", "▲", "■", "◆", "★", "✚", "▼", "⬟"};
    return symbols;
}

std::vector<Band> default_bands(const Strings& strings, content::Lang lang) {
    static constexpr const char* kKeys[] = {"workshop.band.under_18", "workshop.band.18_34",
                                            "workshop.band.35_59", "workshop.band.60_plus"};
    std::vector<Band> bands;
    for (std::size_t i = 0; i < std::size(kKeys); ++i)
        bands.push_back({strings.get(lang, kKeys[i]), band_palette()[i], band_symbols()[i]});
    return bands;
}

std::string rename_band(std::vector<Band>& bands, std::size_t index, std::string_view name) {
    if (index >= bands.size())
        return "no band number " + std::to_string(index + 1);
    const std::string clean = content::to_nfc(trim(name));
    auto why = check_band_name(bands, clean, index);
    if (why.empty())
        bands[index].name = clean;
    return why;
}

std::string recolour_band(std::vector<Band>& bands, std::size_t index, Colour colour) {
    if (index >= bands.size())
        return "no band number " + std::to_string(index + 1);
    bands[index].colour = colour;
    return {};
}

std::string add_band(std::vector<Band>& bands, std::string_view name) {
    if (bands.size() >= kMaxBands)
        return "at most " + std::to_string(kMaxBands) + " bands";
    const std::string clean = content::to_nfc(trim(name));
    auto why = check_band_name(bands, clean, bands.size());
    if (!why.empty())
        return why;
    Band band{clean, first_unused(band_palette(), bands, &Band::colour),
              first_unused(band_symbols(), bands, &Band::symbol)};
    bands.push_back(std::move(band));
    return {};
}

std::string remove_band(std::vector<Band>& bands, std::size_t index) {
    if (index >= bands.size())
        return "no band number " + std::to_string(index + 1);
    if (bands.size() == 1)
        return "a session needs at least one band";
    bands.erase(bands.begin() + static_cast<std::ptrdiff_t>(index));
    return {};
}

std::string make_session_id(std::string_view started_at, std::uint64_t seed) {
    std::string id;
    for (char c : started_at)
        if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
            id += c;
        else if (!id.empty() && id.back() != '-')
            id += '-';
    if (!id.empty() && id.back() != '-')
        id += '-';
    return id + std::to_string(seed);
}

content::Result<WorkshopSession> start_session(const WorkshopSetup& setup,
                                               const std::vector<content::PackItem>& pack,
                                               std::uint64_t seed) {
    auto problems = check_setup(setup, pack);
    if (!problems.empty())
        return content::refusal<WorkshopSession>(std::move(problems));
    WorkshopSession session;
    session.seed = seed;
    session.setup = setup;
    session.setup.item_count = std::clamp<std::size_t>(
        setup.item_count == 0 ? kWorkshopItems : setup.item_count, 1, kMaxWorkshopItems);
    // A workshop room has no history: every item is new to it.
    const auto draw = draw_round(pack, {}, {session.setup.item_count, seed, nullptr});
    for (std::size_t pick : draw.picks)
        session.items.push_back(session_item(pack[pick], setup));
    session.setup.item_count = session.items.size();
    return {std::move(session), {}};
}

content::Result<WorkshopSession> replay_session(const WorkshopSetup& setup,
                                                const std::vector<content::PackItem>& pack,
                                                const WorkshopSession& past) {
    auto problems = check_setup(setup, pack);
    if (!problems.empty())
        return content::refusal<WorkshopSession>(std::move(problems));
    std::map<std::string_view, const content::PackItem*> by_id;
    for (const auto& item : pack)
        by_id[item.id] = &item;
    WorkshopSession session;
    session.seed = past.seed;
    session.setup = setup;
    for (std::size_t i = 0; i < past.items.size(); ++i) {
        auto found = by_id.find(past.items[i].id);
        if (found == by_id.end()) {
            problems.push_back({content::Severity::Warning, "items[" + std::to_string(i) + "]",
                                "\"" + past.items[i].id + "\" is no longer in the pack; left out"});
            continue;
        }
        session.items.push_back(session_item(*found->second, setup));
    }
    if (session.items.empty())
        problems.push_back({content::Severity::Error, "workshop",
                            "none of the past session's items is in this pack"});
    session.setup.item_count = session.items.size();
    if (session.items.empty())
        return content::refusal<WorkshopSession>(std::move(problems));
    return {std::move(session), std::move(problems)};
}

std::string set_votes(WorkshopSession& session, std::size_t item, std::size_t band,
                      std::optional<BandCount> count) {
    if (item >= session.items.size())
        return "no item number " + std::to_string(item + 1);
    if (band >= session.setup.bands.size())
        return "no band number " + std::to_string(band + 1);
    if (count && (count->real > kMaxVotesPerCount || count->generated > kMaxVotesPerCount))
        return "at most " + std::to_string(kMaxVotesPerCount) + " votes";
    auto& votes = session.items[item].votes;
    votes.resize(session.setup.bands.size());
    votes[band] = count;
    return {};
}

std::optional<double> ItemTally::wrong_share() const {
    if (votes() == 0)
        return std::nullopt;
    return static_cast<double>(wrong) / static_cast<double>(votes());
}

std::optional<double> ItemTally::majority_share() const {
    if (votes() == 0)
        return std::nullopt;
    return static_cast<double>(std::max(right, wrong)) / static_cast<double>(votes());
}

std::optional<double> BandTally::accuracy() const {
    if (counted == 0)
        return std::nullopt;
    return static_cast<double>(right) / static_cast<double>(counted);
}

namespace {

ItemTally tally_item(const SessionItem& item, std::size_t index, std::vector<BandTally>& bands) {
    ItemTally result;
    result.index = index;
    const bool truth_real = content::as_two_answer(item.answer) == content::Answer::Real;
    for (std::size_t b = 0; b < item.votes.size() && b < bands.size(); ++b) {
        if (!item.votes[b])
            continue;
        const auto& count = *item.votes[b];
        const std::size_t right = truth_real ? count.real : count.generated;
        const std::size_t wrong = truth_real ? count.generated : count.real;
        result.counted = true;
        result.right += right;
        result.wrong += wrong;
        bands[b].right += right;
        bands[b].counted += right + wrong;
        ++bands[b].items_counted;
    }
    result.room_right = result.right > result.wrong;
    return result;
}

std::vector<ConfidenceBin> confidence_bins(const std::vector<ItemTally>& items) {
    std::vector<ConfidenceBin> bins(kConfidenceBins);
    const double width = 0.5 / static_cast<double>(kConfidenceBins);
    for (std::size_t i = 0; i < kConfidenceBins; ++i)
        bins[i] = {0.5 + width * static_cast<double>(i), 0.5 + width * static_cast<double>(i + 1),
                   0, 0};
    for (const auto& item : items) {
        if (item.votes() == 0)
            continue;
        // floor((share - 0.5) / width) in whole numbers: 0.7 in floating point falls short.
        const std::size_t majority = std::max(item.right, item.wrong);
        auto bin = (2 * majority - item.votes()) * kConfidenceBins / item.votes();
        bin = std::min(bin, kConfidenceBins - 1);
        ++bins[bin].items;
        if (item.room_right)
            ++bins[bin].right;
    }
    return bins;
}

}  // namespace

Debrief tally(const WorkshopSession& session) {
    Debrief debrief;
    debrief.out_of = session.items.size();
    debrief.bands.resize(session.setup.bands.size());
    for (std::size_t i = 0; i < session.items.size(); ++i) {
        auto item = tally_item(session.items[i], i, debrief.bands);
        debrief.score += item.room_right ? 1 : 0;
        debrief.counted_items += item.counted ? 1 : 0;
        if (item.wrong > 0)
            debrief.most_fooled.push_back(i);
        debrief.items.push_back(item);
    }
    // Most wrong share first; equal shares: more wrong votes first, then session order.
    std::stable_sort(debrief.most_fooled.begin(), debrief.most_fooled.end(),
                     [&](std::size_t a, std::size_t b) {
                         const auto& x = debrief.items[a];
                         const auto& y = debrief.items[b];
                         // Cross-multiplied to compare wrong/votes exactly.
                         const auto lhs = x.wrong * y.votes();
                         const auto rhs = y.wrong * x.votes();
                         return lhs != rhs ? lhs > rhs : x.wrong > y.wrong;
                     });
    debrief.confidence = confidence_bins(debrief.items);
    return debrief;
}

}  // namespace rc::game
