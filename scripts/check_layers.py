#!/usr/bin/env python3
"""Check that every #include in reference/ respects the layers (docs/ARCHITECTURE.md).

The build enforces the same rule at link time (reference/CMakeLists.txt links each
layer as a whole archive with only the layers below it); this check runs first and
names the file, line and include, which a linker error cannot.

  core -> codes -> formats (agora, zego, volc, tencent) -> schemes -> lifecycle

A layer may include itself and any layer below it; a vendor's codec folder may not
include another vendor's. *_test.cc files are exempt: tests link the whole reference.
Nothing in reference/ may include cli/, conformance/, property/, fuzz/ or bench/.

Usage: check_layers.py [ROOT]   (exit 0 clean, 1 violations, 2 usage)
       check_layers.py --self-test   (proves the check fails on a planted violation)
"""
import pathlib
import re
import sys
import tempfile

FORMATS = ("agora", "zego", "volc", "tencent")
# Which reference/<dir> each reference/<dir> may include.
ALLOWED = {
    "core": {"core"},
    "codes": {"codes", "core"},
    **{v: {v, "codes", "core"} for v in FORMATS},
    "schemes": {"schemes", *FORMATS, "codes", "core"},
    "lifecycle": {"lifecycle", "schemes", *FORMATS, "codes", "core"},
}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def violations(root: pathlib.Path):
    ref = root / "reference"
    for layer, allowed in ALLOWED.items():
        for path in sorted((ref / layer).glob("*")):
            if path.suffix not in (".h", ".cc", ".def") or path.name.endswith("_test.cc"):
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                m = INCLUDE.match(line)
                if not m:
                    continue
                target = m.group(1).split("/")
                if target[0] == "reference" and len(target) > 2:
                    if target[1] not in allowed:
                        yield (f"{path.relative_to(root)}:{number}: {layer} may not include "
                               f"{m.group(1)} (allowed: {', '.join(sorted(allowed))})")
                elif target[0] in ("cli", "conformance", "property", "fuzz", "bench"):
                    yield (f"{path.relative_to(root)}:{number}: reference/ may not include "
                           f"{m.group(1)}")
    unknown = sorted(p.name for p in ref.iterdir()
                     if p.is_dir() and p.name not in ALLOWED and p.name != "tests")
    for name in unknown:
        yield f"reference/{name}/: not a known layer; add it to scripts/check_layers.py"


def self_test() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        root = pathlib.Path(tmp)
        for layer in ALLOWED:
            (root / "reference" / layer).mkdir(parents=True)
        (root / "reference/core/ok.h").write_text('#include "reference/core/x.h"\n')
        (root / "reference/agora/ok_test.cc").write_text('#include "reference/lifecycle/x.h"\n')
        if list(violations(root)):
            print("self-test: a clean tree was reported", file=sys.stderr)
            return 1
        planted = {
            "reference/agora/bad.cc": '#include "reference/lifecycle/simulate.h"\n',
            "reference/zego/bad.h": '  # include "reference/agora/agora006.h"\n',
            "reference/core/bad.cc": '#include "cli/output.h"\n',
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
