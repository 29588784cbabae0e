// Opening packs in the browser: no threads and no blocking reads. A zip link is fetched
// whole and held in memory (capped); a folder link becomes a web source whose files the
// browser fetches by address; a file chosen with the file picker arrives as bytes.
#include "engine/net/http.h"
#include "game/library.h"
#include "game/pack_opener.h"

namespace rc::game {
namespace {

class WebPackOpener final : public PackOpener {
  public:
    explicit WebPackOpener(const PackOpenerDesc&) {
        engine::HttpDesc desc;
        desc.max_body_bytes = content::kMaxZipInMemoryBytes;
        http_ = engine::Http::create(desc);
    }

    void open(const std::string& location) override {
        const std::uint64_t request = ++request_;
        loading_ = true;
        if (is_zip_link(location)) {
            http_->get(location, [this, location, request](engine::HttpResponse& response) {
                if (request != request_)
                    return;
                if (!response.ok())
                    return finish(location,
                                  content::refusal<content::LoadedPack>(
                                      {{content::Severity::Error, response.url, response.error}}));
                finish(location, read_pack(content::open_zip_source(std::move(response.body),
                                                                    display_name(location))));
            });
            return;
        }
        auto source = content::open_web_source(location, nullptr);
        http_->get(source->url_of(content::kManifestName), [this, location, source, request](
                                                               engine::HttpResponse& response) {
            if (request != request_)
                return;
            if (!response.ok())
                return finish(location,
                              content::refusal<content::LoadedPack>(
                                  {{content::Severity::Error, response.url, response.error}}));
            const std::string_view text(reinterpret_cast<const char*>(response.body.data()),
                                        response.body.size());
            finish(location, content::pack_from_manifest(content::parse_manifest(text), source));
        });
    }

    void open_bytes(std::string name, content::Bytes bytes) override {
        ++request_;
        finished_ =
            OpenedPack{name, read_pack(content::open_zip_source(std::move(bytes), name)), {}};
        loading_ = false;
    }

    void cancel() override {
        ++request_;
        loading_ = false;
    }

    std::optional<OpenedPack> poll() override {
        http_->pump();
        auto done = std::move(finished_);
        finished_.reset();
        return done;
    }

    std::optional<OpenProgress> progress() const override { return std::nullopt; }
    bool busy() const override { return loading_ || finished_.has_value(); }
    void wait() override {}

  private:
    void finish(const std::string& location, content::Result<content::LoadedPack> pack) {
        finished_ = OpenedPack{location, std::move(pack), {}};
        loading_ = false;
    }

    std::unique_ptr<engine::Http> http_;
    std::uint64_t request_ = 0;
    bool loading_ = false;
    std::optional<OpenedPack> finished_;
};

}  // namespace

std::unique_ptr<PackOpener> PackOpener::create(const PackOpenerDesc& desc) {
    return std::make_unique<WebPackOpener>(desc);
}

}  // namespace rc::game
