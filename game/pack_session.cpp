#include "game/pack_session.h"

namespace rc::game {

std::string display_name(const std::string& location) {
    std::string trimmed = location.substr(0, location.find_first_of("?#"));
    while (trimmed.size() > 1 && trimmed.back() == '/')
        trimmed.pop_back();
    const std::size_t slash = trimmed.rfind('/');
    return slash == std::string::npos ? trimmed : trimmed.substr(slash + 1);
}

content::Result<content::LoadedPack> read_pack(content::Result<content::SourcePtr> opened) {
    content::PackLoadDesc desc;
    desc.skip_media_checks = true;
    return content::load_pack(std::move(opened), desc);
}

PackSession::PackSession(engine::MediaLoader& loader, std::unique_ptr<PackOpener> opener)
    : loader_(loader), opener_(std::move(opener)) {}

void PackSession::open(const std::string& location) {
    opener_->open(location);
}

void PackSession::open_bytes(std::string name, content::Bytes bytes) {
    opener_->open_bytes(std::move(name), std::move(bytes));
}

void PackSession::cancel_open() {
    opener_->cancel();
}

void PackSession::wait_for_open() {
    opener_->wait();
}

std::vector<Picture> PackSession::pump(SessionEvent* event) {
    *event = SessionEvent::None;
    if (auto opened = opener_->poll())
        adopt(std::move(*opened), event);
    std::vector<Picture> pictures;
    for (auto& result : loader_.collect()) {
        const auto ticket = tickets_.find(result.ticket);
        if (ticket == tickets_.end())
            continue;
        const Ticket asked = ticket->second;
        tickets_.erase(ticket);
        if (asked.use == engine::MediaUse::Check)
            on_check(asked.pack_index, result);
        else
            pictures.push_back({asked.pack_index, std::move(result)});
    }
    return pictures;
}

void PackSession::adopt(OpenedPack opened, SessionEvent* event) {
    if (!opened.pack.ok()) {
        refused_location_ = opened.location;
        refusal_ = std::move(opened.pack.problems);
        *event = SessionEvent::Refused;
        return;
    }
    loader_.cancel_all();  // the old pack's pictures and checks are of no use now
    tickets_.clear();
    pending_checks_ = 0;
    pack_ = std::move(*opened.pack.value);
    location_ = opened.location;
    warnings_ = std::move(opened.pack.problems);
    notes_ = std::move(opened.notes);
    broken_.clear();
    refused_location_.clear();
    refusal_.clear();
    *event = SessionEvent::Opened;
    check_all_media();
}

// Every item is decoded once in the background, so a picture that cannot be shown is
// known (and left out of the draw) before the player meets it. A pack read by address in
// the browser is not: that would download it whole; its pictures are checked as played.
void PackSession::check_all_media() {
    if (!pack_->source->readable())
        return;
    for (std::size_t i = 0; i < pack_->manifest.items.size(); ++i) {
        const auto ticket = loader_.request(
            request_for(i, engine::MediaUse::Check, engine::MediaPriority::Background));
        tickets_[ticket] = Ticket{i, engine::MediaUse::Check};
        ++pending_checks_;
    }
}

engine::MediaTicket PackSession::request_picture(std::size_t pack_index, int max_side) {
    auto request = request_for(pack_index, engine::MediaUse::Show, engine::MediaPriority::Urgent);
    request.max_side = max_side;
    const auto ticket = loader_.request(std::move(request));
    tickets_[ticket] = Ticket{pack_index, engine::MediaUse::Show};
    return ticket;
}

engine::MediaRequest PackSession::request_for(std::size_t pack_index, engine::MediaUse use,
                                              engine::MediaPriority priority) const {
    const auto& item = pack_->manifest.items[pack_index];
    engine::MediaRequest request;
    request.label = item.media;
    request.use = use;
    request.priority = priority;
    if (item.kind == content::MediaKind::Video)
        request.type = engine::MediaType::Clip;
    if (pack_->source->readable())
        request.read = reader_for(item.media);
    else
        request.url = pack_->source->url_of(item.media);
    return request;
}

engine::ClipSource PackSession::clip_source(std::size_t pack_index, int max_side) const {
    const auto& item = pack_->manifest.items[pack_index];
    engine::ClipSource source;
    source.label = item.media;
    source.max_side = max_side;
    if (pack_->source->readable())
        source.read = reader_for(item.media);
    else
        source.url = pack_->source->url_of(item.media);
    return source;
}

// Reads a media file through the pack's source (on the loader's or player's worker).
engine::ReadBytes PackSession::reader_for(const std::string& media) const {
    return [source = pack_->source, media](std::vector<std::uint8_t>* bytes, std::string* why) {
        auto read = source->read(media);
        if (!read.ok()) {
            *why = read.problems.front().message;
            return false;
        }
        *bytes = std::move(*read.value);
        return true;
    };
}

void PackSession::on_check(std::size_t pack_index, const engine::MediaResult& result) {
    --pending_checks_;
    if (!result.ok)
        mark_broken(pack_index, result.error);
}

void PackSession::mark_broken(std::size_t pack_index, const std::string& why) {
    if (!broken_.insert(pack_index).second)
        return;
    warnings_.push_back({content::Severity::Warning,
                         content::item_location(pack_->manifest.items[pack_index]), why});
}

std::size_t PackSession::playable_count() const {
    return pack_ ? pack_->manifest.items.size() - broken_.size() : 0;
}

}  // namespace rc::game
