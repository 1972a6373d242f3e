// The fix for a vendor and condition: the vendor's own row where its tables have
// one (reference/vendors/<vendor>/<vendor>_session_tables.cc, in the words of the
// seeds), else a generic fix.
#include "reference/lifecycle/diagnose.h"
#include "reference/lifecycle/sdk_codes.h"

namespace tokcheck::lifecycle {

Fix fix_for(Vendor vendor, Condition c) {
  for (const ConditionFix& r : vendor_sdk_tables(vendor).fixes) {
    if (r.condition == c) return r.fix;
  }
  switch (c) {
    case Condition::kValid:
      return {"nothing: the token is valid for these parameters", ""};
    case Condition::kExpired:
    case Condition::kPrivilegeExpired:
      return {"issue a new token and renew it before it expires", ""};
    case Condition::kBadSignature:
    case Condition::kDecryptFailed:
      return {"check the secret the token server signs with", ""};
    default:
      return {
          "build the token with the same app id, room/channel, user and secret the app "
          "uses",
          ""};
  }
}

}  // namespace tokcheck::lifecycle
