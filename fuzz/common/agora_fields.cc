#include "fuzz/common/agora_fields.h"

#include <algorithm>

#include "reference/core/byte_writer.h"

namespace tokcheck::fuzz {
namespace {

bool same_rtm2(const std::vector<agora::Rtm2Resource>& a,
               const std::vector<agora::Rtm2Resource>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].type != b[i].type || a[i].permissions.size() != b[i].permissions.size()) return false;
    for (std::size_t j = 0; j < a[i].permissions.size(); ++j) {
      if (a[i].permissions[j].type != b[i].permissions[j].type ||
          a[i].permissions[j].names != b[i].permissions[j].names) {
        return false;
      }
    }
  }
  return true;
}

bool same_service(const agora::Service007& a, const agora::Service007& b) {
  return a.type == b.type && a.privileges == b.privileges && a.channel_name == b.channel_name &&
         a.uid == b.uid && a.user_id == b.user_id && a.account == b.account &&
         a.room_uuid == b.room_uuid && a.user_uuid == b.user_uuid && a.role == b.role &&
         same_rtm2(a.rtm2, b.rtm2);
}

}  // namespace

bool same_fields(const agora::Token006& a, const agora::Token006& b, bool compare_app_id) {
  return (!compare_app_id || a.app_id == b.app_id) && a.signature == b.signature &&
         a.crc_channel == b.crc_channel && a.crc_uid == b.crc_uid && a.salt == b.salt &&
         a.ts == b.ts && a.privileges == b.privileges;
}

bool same_fields(const agora::Token007& a, const agora::Token007& b, bool rebuilt) {
  if (a.app_id != b.app_id || a.issue_ts != b.issue_ts || a.expire != b.expire ||
      a.salt != b.salt || a.services.size() != b.services.size()) {
    return false;
  }
  // A rebuild packs only known services, so the unknown tail is not compared then.
  if (!rebuilt && (a.unknown_service_type != b.unknown_service_type ||
                   a.declared_services != b.declared_services)) {
    return false;
  }
  std::vector<const agora::Service007*> sa, sb;
  for (const auto& s : a.services) sa.push_back(&s);
  for (const auto& s : b.services) sb.push_back(&s);
  if (rebuilt) {
    auto by_type = [](const agora::Service007* x, const agora::Service007* y) {
      return x->type < y->type;
    };
    std::stable_sort(sa.begin(), sa.end(), by_type);
    std::stable_sort(sb.begin(), sb.end(), by_type);
  }
  for (std::size_t i = 0; i < sa.size(); ++i) {
    if (!same_service(*sa[i], *sb[i])) return false;
  }
  return true;
}

std::vector<std::uint8_t> encode_006_content(const agora::Token006& t) {
  ByteWriter message;
  message.add_u32le(t.salt);
  message.add_u32le(t.ts);
  agora::write_privilege_map(message, t.privileges);
  ByteWriter content;
  content.add_u16le_prefixed(Bytes(t.signature));
  content.add_u32le(t.crc_channel);
  content.add_u32le(t.crc_uid);
  content.add_u16le_prefixed(Bytes(message.bytes()));
  return content.take();
}

agora::Build007Input to_build_input(const agora::Token007& t, std::string_view certificate) {
  agora::Build007Input in;
  in.app_id = t.app_id;
  in.app_certificate = std::string(certificate);
  in.issue_ts = t.issue_ts;
  in.expire = t.expire;
  in.salt = t.salt;
  in.services = t.services;
  return in;
}

}  // namespace tokcheck::fuzz
