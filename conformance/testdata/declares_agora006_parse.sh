#!/bin/sh
# A protocol v1 implementation that declares only agora-006 parse and answers it
# through the reference ($1 is the tokcheck binary): the gate must send it only
# those cases and report every other pair NOT_DECLARED.
tokcheck=$1
while IFS= read -r line; do
  case "$line" in
    *'"op":"hello"'*)
      printf '%s\n' '{"id":"hello","protocol":1,"implementation":{"name":"agora006-parse-only"},"supports":{"agora-006":["parse"]}}' ;;
    *) printf '%s\n' "$line" | "$tokcheck" serve ;;
  esac
done
