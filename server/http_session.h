// One client connection: reads requests (with the size and time limits), hands each to the
// router, writes the answer, and keeps the connection alive when the client wants it.
#pragma once

#include <atomic>
#include <boost/asio/ip/tcp.hpp>

#include "server/service_context.h"

namespace sextant::server {

// Starts serving `socket`; the session keeps itself alive until the connection closes, then
// decrements *open_count (when given), which the server reads to balance its workers.
void StartSession(boost::asio::ip::tcp::socket socket, ServiceContext& ctx,
                  std::atomic<int>* open_count = nullptr);

}  // namespace sextant::server
