#include "reference/core/byte_reader.h"

namespace tokcheck {

bool ByteReader::skip(std::size_t n) {
  Bytes ignored;
  return read_bytes(n, ignored);
}

bool ByteReader::check_records_fit(std::size_t count, std::size_t record_size) {
  if (record_size != 0 && count > data_.size() / record_size) {
    return fail(Malformation::kLengthOverflow);
  }
  return true;
}

}  // namespace tokcheck
