#include "federation/http_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/url/parse.hpp>
#include <optional>

namespace sextant::federation {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
using tcp = net::ip::tcp;

namespace {

// How often a waiting request looks at the interrupt flag.
constexpr auto kPollInterval = std::chrono::milliseconds(20);

struct Target {
  bool https = false;
  std::string host;  // without brackets for IPv6
  std::string port;
  std::string host_header;
  std::string path;  // origin-form request target
};

Result<Target> ParseTarget(const std::string& url) {
  auto parsed = boost::urls::parse_uri(url);
  if (!parsed) return Status::InvalidArgument("'" + url + "' is not a URL");
  Target t;
  std::string scheme(parsed->scheme());
  for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (scheme != "http" && scheme != "https") {
    return Status::InvalidArgument("'" + url + "' is not an http:// or https:// URL");
  }
  t.https = scheme == "https";
  t.host = parsed->host_type() == boost::urls::host_type::ipv6 ? std::string(parsed->host_address())
                                                               : std::string(parsed->host());
  if (t.host.empty()) return Status::InvalidArgument("'" + url + "' names no host");
  const std::string default_port = t.https ? "443" : "80";
  t.port = parsed->has_port() ? std::string(parsed->port()) : default_port;
  t.host_header = std::string(parsed->encoded_host_and_port());
  t.path = std::string(parsed->encoded_target());
  if (t.path.empty()) t.path = "/";
  return t;
}

// One exchange over a plain or TLS stream, as a chain of asynchronous steps on `ioc`.
template <typename Stream>
class Exchange {
 public:
  Exchange(net::io_context& ioc, Stream& stream, const Target& target,
           http::request<http::string_body>& request, uint64_t max_body)
      : resolver_(ioc), stream_(stream), target_(target), request_(request), max_body_(max_body) {
    parser_.body_limit(max_body);
    parser_.header_limit(64 * 1024);
  }

  void Start() {
    resolver_.async_resolve(target_.host, target_.port,
                            [this](beast::error_code ec, const tcp::resolver::results_type& r) {
                              if (ec) return Fail(ec, "cannot resolve the host");
                              beast::get_lowest_layer(stream_).async_connect(
                                  r, [this](beast::error_code ec2, const tcp::endpoint&) {
                                    if (ec2) return Fail(ec2, "cannot connect");
                                    Handshake();
                                  });
                            });
  }

  bool done() const { return done_; }
  const Status& status() const { return status_; }
  http::response_parser<http::string_body>& parser() { return parser_; }

 private:
  void Handshake() {
    if constexpr (std::is_same_v<Stream, beast::ssl_stream<beast::tcp_stream>>) {
      stream_.async_handshake(ssl::stream_base::client, [this](beast::error_code ec) {
        if (ec) return Fail(ec, "TLS handshake failed");
        Write();
      });
    } else {
      Write();
    }
  }

  void Write() {
    http::async_write(stream_, request_, [this](beast::error_code ec, size_t) {
      if (ec) return Fail(ec, "cannot send the request");
      http::async_read(stream_, buffer_, parser_, [this](beast::error_code ec2, size_t) {
        if (ec2 == http::error::body_limit) {
          status_ = Status::ResourceExhausted("the response is larger than the limit of " +
                                              std::to_string(max_body_) + " bytes");
          done_ = true;
          return;
        }
        if (ec2) return Fail(ec2, "cannot read the response");
        done_ = true;
      });
    });
  }

  void Fail(beast::error_code ec, const char* what) {
    status_ = Status::IOError(std::string(what) + " (" + ec.message() + ")");
    done_ = true;
  }

  tcp::resolver resolver_;
  Stream& stream_;
  const Target& target_;
  http::request<http::string_body>& request_;
  uint64_t max_body_;
  http::response_parser<http::string_body> parser_;
  beast::flat_buffer buffer_;
  Status status_;
  bool done_ = false;
};

template <typename Stream>
Result<HttpResponse> Run(net::io_context& ioc, Stream& stream, const Target& target,
                         http::request<http::string_body>& request, const HttpLimits& limits) {
  Exchange<Stream> exchange(ioc, stream, target, request, limits.max_body_bytes);
  exchange.Start();
  while (!exchange.done()) {
    ioc.run_for(kPollInterval);
    if (exchange.done()) break;
    if (limits.interrupt != nullptr && limits.interrupt->load(std::memory_order_relaxed)) {
      return Status::Interrupted("interrupted while waiting for the endpoint");
    }
    if (std::chrono::steady_clock::now() >= limits.deadline) {
      return Status::Timeout("no answer from the endpoint before the deadline");
    }
    if (ioc.stopped() && !exchange.done()) ioc.restart();
  }
  if (!exchange.status().ok()) return exchange.status();
  auto& response = exchange.parser().get();
  HttpResponse out;
  out.status = static_cast<int>(response.result_int());
  out.content_type = std::string(response[http::field::content_type]);
  out.location = std::string(response[http::field::location]);
  out.body = std::move(response.body());
  return out;
}

}  // namespace

Result<HttpResponse> HttpFetch(const HttpRequest& request, const HttpLimits& limits) {
  auto fetch = [&]() -> Result<HttpResponse> {
    SEXTANT_ASSIGN_OR_RETURN(const Target target, ParseTarget(request.url));
    http::request<http::string_body> r;
    r.method(http::string_to_verb(request.method));
    if (r.method() == http::verb::unknown) {
      return Status::InvalidArgument("unknown HTTP method " + request.method);
    }
    r.target(target.path);
    r.version(11);
    r.set(http::field::host, target.host_header);
    r.set(http::field::user_agent, "Sextant");
    r.set(http::field::connection, "close");
    for (const auto& [name, value] : request.headers) r.set(name, value);
    if (!request.body.empty() || r.method() == http::verb::post) {
      r.body() = request.body;
      r.prepare_payload();
    }
    net::io_context ioc;
    if (!target.https) {
      beast::tcp_stream stream(ioc);
      return Run(ioc, stream, target, r, limits);
    }
    ssl::context tls(ssl::context::tls_client);
    tls.set_default_verify_paths();
    tls.set_verify_mode(ssl::verify_peer);
    beast::ssl_stream<beast::tcp_stream> stream(ioc, tls);
    // SNI, and a certificate that must name the host.
    if (SSL_set_tlsext_host_name(stream.native_handle(), target.host.c_str()) != 1) {
      return Status::IOError("cannot set the TLS server name");
    }
    stream.set_verify_callback(ssl::host_name_verification(target.host));
    return Run(ioc, stream, target, r, limits);
  };
  auto result = fetch();
  if (!result.ok()) {
    return result.status().WithContext("<" + request.url + ">");
  }
  return result;
}

}  // namespace sextant::federation
