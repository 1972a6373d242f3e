// ByteReader / ByteWriter (reference/core/byte_{reader,writer}.h) driven by a
// fuzzed program of reads over a fuzzed buffer. Invariants:
//  - a successful read consumes exactly its size; a failed one consumes nothing
//    and names the right reason (kTruncated / kLengthOverflow);
//  - check_records_fit agrees with arithmetic done in 128 bits;
//  - writing back every value read with ByteWriter reproduces the consumed bytes.
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "fuzz/common/fuzz_check.h"
#include "reference/core/byte_reader.h"
#include "reference/core/byte_writer.h"

using tokcheck::ByteReader;
using tokcheck::Bytes;
using tokcheck::ByteWriter;
using tokcheck::Malformation;

namespace {

template <typename T, typename Read, typename Write>
void fixed(ByteReader& r, ByteWriter& w, Read read, Write write) {
  const std::size_t before = r.remaining();
  T v{};
  if ((r.*read)(v)) {
    TOKCHECK_FUZZ_CHECK(r.remaining() == before - sizeof(T), "read consumed the wrong size");
    (w.*write)(v);
  } else {
    TOKCHECK_FUZZ_CHECK(before < sizeof(T), "a read that fits failed");
    TOKCHECK_FUZZ_CHECK(r.remaining() == before, "a failed read consumed bytes");
    TOKCHECK_FUZZ_CHECK(r.error() == Malformation::kTruncated, "short read is not kTruncated");
  }
}

void prefixed(ByteReader& r, ByteWriter& w, bool big_endian) {
  const std::size_t before = r.remaining();
  const Bytes rest = r.rest();
  ByteReader child;
  const bool ok = big_endian ? r.read_u16be_prefixed(child) : r.read_u16le_prefixed(child);
  if (ok) {
    TOKCHECK_FUZZ_CHECK(r.remaining() == before - 2 - child.remaining(),
                        "prefixed read consumed the wrong size");
    if (big_endian)
      w.add_u16be_prefixed(child.rest());
    else
      w.add_u16le_prefixed(child.rest());
    return;
  }
  TOKCHECK_FUZZ_CHECK(r.remaining() == before, "a failed prefixed read consumed bytes");
  if (before < 2) {
    TOKCHECK_FUZZ_CHECK(r.error() == Malformation::kTruncated, "missing prefix not kTruncated");
  } else {
    const std::size_t len =
        big_endian ? (std::size_t{rest[0]} << 8 | rest[1]) : (std::size_t{rest[1]} << 8 | rest[0]);
    TOKCHECK_FUZZ_CHECK(len > before - 2, "a prefixed read that fits failed");
    TOKCHECK_FUZZ_CHECK(r.error() == Malformation::kLengthOverflow,
                        "overlong prefix not kLengthOverflow");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider fdp(data, size);
  const std::vector<std::uint8_t> buffer =
      fdp.ConsumeBytes<std::uint8_t>(fdp.ConsumeIntegralInRange<std::size_t>(0, 1024));
  ByteReader r{Bytes(buffer)};
  ByteWriter w;
  while (fdp.remaining_bytes() > 0) {
    switch (fdp.ConsumeIntegralInRange<int>(0, 13)) {
      case 0:
        fixed<std::uint8_t>(r, w, &ByteReader::read_u8, &ByteWriter::add_u8);
        break;
      case 1:
        fixed<std::uint16_t>(r, w, &ByteReader::read_u16le, &ByteWriter::add_u16le);
        break;
      case 2:
        fixed<std::uint32_t>(r, w, &ByteReader::read_u32le, &ByteWriter::add_u32le);
        break;
      case 3:
        fixed<std::int16_t>(r, w, &ByteReader::read_i16le, &ByteWriter::add_i16le);
        break;
      case 4:
        fixed<std::uint16_t>(r, w, &ByteReader::read_u16be, &ByteWriter::add_u16be);
        break;
      case 5:
        fixed<std::uint32_t>(r, w, &ByteReader::read_u32be, &ByteWriter::add_u32be);
        break;
      case 6:
        fixed<std::uint64_t>(r, w, &ByteReader::read_u64be, &ByteWriter::add_u64be);
        break;
      case 7:
        prefixed(r, w, false);
        break;
      case 8:
        prefixed(r, w, true);
        break;
      case 9:
      case 10: {
        const std::size_t n = fdp.ConsumeIntegralInRange<std::size_t>(0, 1100);
        const std::size_t before = r.remaining();
        const Bytes rest = r.rest();
        Bytes out;
        const bool ok = fdp.ConsumeBool() ? r.read_bytes(n, out) : r.skip(n);
        TOKCHECK_FUZZ_CHECK(ok == (n <= before), "read_bytes/skip disagree with the length");
        TOKCHECK_FUZZ_CHECK(r.remaining() == (ok ? before - n : before), "wrong bytes consumed");
        if (ok)
          w.add_bytes(rest.first(n));
        else
          TOKCHECK_FUZZ_CHECK(r.error() == Malformation::kTruncated, "short read not kTruncated");
        break;
      }
      case 11: {
        std::string_view s;
        const std::size_t before = r.remaining();
        if (r.read_u16le_string(s)) {
          TOKCHECK_FUZZ_CHECK(r.remaining() == before - 2 - s.size(), "string size mismatch");
          w.add_u16le_prefixed(s);
        } else {
          TOKCHECK_FUZZ_CHECK(r.remaining() == before, "a failed string read consumed bytes");
        }
        break;
      }
      default: {
        const auto count = fdp.ConsumeIntegral<std::uint32_t>();
        const auto record = fdp.ConsumeIntegralInRange<std::size_t>(0, 64);
        const std::size_t before = r.remaining();
        const bool fits = r.check_records_fit(count, record);
        const std::uint64_t need = std::uint64_t{count} * record;  // u32 × ≤64: no overflow
        TOKCHECK_FUZZ_CHECK(fits == (need <= before), "check_records_fit is wrong");
        TOKCHECK_FUZZ_CHECK(r.remaining() == before, "check_records_fit consumed bytes");
        break;
      }
    }
  }
  const std::size_t consumed = buffer.size() - r.remaining();
  TOKCHECK_FUZZ_CHECK(w.ok(), "writer failed on a value the reader produced");
  TOKCHECK_FUZZ_CHECK(w.bytes().size() == consumed &&
                          std::equal(w.bytes().begin(), w.bytes().end(), buffer.begin()),
                      "re-written values differ from the bytes read");
  return 0;
}
