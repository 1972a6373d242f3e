#!/usr/bin/env python3
"""Check that every #include in reference/ respects the layers (docs/ARCHITECTURE.md).

The build enforces the same rule at link time (reference/CMakeLists.txt links each
layer as a whole archive with only the layers below it); this check runs first and
names the file, line and include, which a linker error cannot.

  core -> codes -> formats -> schemes -> lifecycle

reference/core, codes, schemes and lifecycle are one layer each. A vendor is one
folder, reference/vendors/<vendor>/, whose files' names say their layer (the same
rule as reference/CMakeLists.txt): *_codes.* codes, *_scheme*.* schemes,
*_session*.* lifecycle, anything else formats (the codecs).

A file may include its own layer and any layer below it, and a vendor's files no
other vendor's. *_test.cc files are exempt: tests link the whole reference. Nothing
in reference/ may include cli/, conformance/, property/, fuzz/ or bench/.

Usage: check_layers.py [ROOT]   (exit 0 clean, 1 violations, 2 usage)
       check_layers.py --self-test   (proves the check fails on planted violations)
"""
import pathlib
import re
import sys
import tempfile

LAYERS = ("core", "codes", "formats", "schemes", "lifecycle")  # bottom to top
SHARED = ("core", "codes", "schemes", "lifecycle")  # reference/<dir>: one layer each
VENDOR_FILE_LAYERS = (
    (re.compile(r"_codes\.(cc|h)$"), "codes"),
    (re.compile(r"_scheme[a-z_]*\.(cc|h)$"), "schemes"),
    (re.compile(r"_session[a-z_]*\.(cc|h)$"), "lifecycle"),
)
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')
OUTSIDE = ("cli", "conformance", "property", "fuzz", "bench")


def place(parts):
    """(layer, vendor or None) of reference/... path parts, or None when unknown."""
    if len(parts) == 3 and parts[1] in SHARED:
        return parts[1], None
    if len(parts) == 4 and parts[1] == "vendors":
        for pattern, layer in VENDOR_FILE_LAYERS:
            if pattern.search(parts[3]):
                return layer, parts[2]
        return "formats", parts[2]
    return None


def describe(where):
    layer, vendor = where
    return f"{layer} ({vendor})" if vendor else layer


def violations(root: pathlib.Path):
    ref = root / "reference"
    sources = [p for p in sorted(ref.rglob("*"))
               if p.suffix in (".h", ".cc", ".def") and not p.name.endswith("_test.cc")
               and p.relative_to(ref).parts[0] != "tests"]
    for path in sources:
        rel = path.relative_to(root)
        src = place(rel.parts)
        if src is None:
            yield f"{rel}: not in a known layer; see scripts/check_layers.py"
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            m = INCLUDE.match(line)
            if not m:
                continue
            target = tuple(m.group(1).split("/"))
            if target[0] in OUTSIDE:
                yield f"{rel}:{number}: reference/ may not include {m.group(1)}"
                continue
            if target[0] != "reference":
                continue
            tgt = place(target)
            if tgt is None:
                yield f"{rel}:{number}: {m.group(1)} is in no known layer"
            elif LAYERS.index(tgt[0]) > LAYERS.index(src[0]):
                yield (f"{rel}:{number}: {describe(src)} may not include {m.group(1)}, "
                       f"a higher layer ({describe(tgt)})")
            elif src[1] and tgt[1] and src[1] != tgt[1]:
                yield (f"{rel}:{number}: vendor {src[1]} may not include vendor "
                       f"{tgt[1]}'s {m.group(1)}")


def self_test() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        root = pathlib.Path(tmp)
        for layer in SHARED:
            (root / "reference" / layer).mkdir(parents=True)
        for vendor in ("agora", "zego"):
            (root / "reference/vendors" / vendor).mkdir(parents=True)
        clean = {
            "reference/core/ok.h": '#include "reference/core/x.h"\n',
            "reference/vendors/agora/ok_test.cc": '#include "reference/lifecycle/x.h"\n',
            "reference/vendors/agora/agora_session.cc":
                '#include "reference/vendors/agora/agora006.h"\n'
                '#include "reference/lifecycle/session.h"\n',
            "reference/lifecycle/session.cc": '#include "reference/vendors/zego/zego_session_caps.h"\n',
        }
        for name, text in clean.items():
            (root / name).write_text(text)
        if list(violations(root)):
            print(f"self-test: a clean tree was reported: {list(violations(root))}",
                  file=sys.stderr)
            return 1
        planted = {
            "reference/vendors/agora/bad.cc": '#include "reference/lifecycle/simulate.h"\n',
            "reference/vendors/zego/bad.h": '  # include "reference/vendors/agora/agora006.h"\n',
            "reference/vendors/zego/zego_codes.cc": '#include "reference/vendors/zego/token04.h"\n',
            "reference/core/bad.cc": '#include "cli/output.h"\n',
            "reference/vendors/stray.cc": "",
        }
        for name, text in planted.items():
            (root / name).write_text(text)
        found = list(violations(root))
        if len(found) != len(planted):
            print(f"self-test: expected {len(planted)} violations, got {found}", file=sys.stderr)
            return 1
    print(f"self-test: {len(planted)} planted violations found, clean tree clean")
    return 0


def main(argv) -> int:
    if argv[1:] == ["--self-test"]:
        return self_test()
    if len(argv) > 2:
        print(__doc__, file=sys.stderr)
        return 2
    root = pathlib.Path(argv[1] if len(argv) == 2 else pathlib.Path(__file__).parent.parent)
    found = list(violations(root))
    for v in found:
        print(v)
    print(f"{len(found)} layering violation(s) in {root / 'reference'}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
